#pragma once
// The subcommands of the program and what they share: the exit codes of cli.md and the error
// for a bad command line.

#include "engine/error.hpp"

#include <span>
#include <string>
#include <string_view>

namespace salesfab::cli {

/// Exit statuses of the command-line contract.
enum ExitCode : int {
  exit_ok = 0,      ///< success
  exit_failure = 1, ///< anything else: environment, internal failure
  exit_invalid = 2, ///< invalid input: bad scenario, bad option
};

/// A bad command line (unknown option, missing value, ...): exit status 2.
class UsageError : public Error {
public:
  using Error::Error;
};

/// One subcommand: its name, a one-line summary for --help, and its entry point, which gets the
/// arguments after the subcommand's name and returns the exit status.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*main)(std::span<const std::string> args);
};

/// Every subcommand, in the order --help lists them.
std::span<const Command> commands();

/// Commands for the installed tool's own files, not listed by --help: `complete` (what bash
/// completion asks) and `manpage` (the man page, made of the --help texts).
std::span<const Command> hidden_commands();

/// The program's --help text.
std::string program_help();

/// A command's --help text, exactly as `salesfab COMMAND --help` prints it.
std::string help_text(const Command &command);

/// The program's version, e.g. "0.1.0".
std::string_view version();

/// The commit the program was built from, e.g. "900a947c1d2e" ("-dirty" appended when the
/// checkout had uncommitted changes; "unknown" when it was not built from a git checkout).
std::string_view build_commit();

/// The build type it was configured with, e.g. "Release".
std::string_view build_type();

} // namespace salesfab::cli
