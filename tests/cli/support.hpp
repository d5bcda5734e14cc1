#pragma once
// Runs the real salesfab program (path in $SALESFAB, set by ctest) and captures what it says.

#include <string>
#include <vector>

namespace salesfab::test {

/// What one run of the program did.
struct ProgramResult {
  int exit_status = -1; ///< the exit status, or 128 + signal when killed
  std::string out;      ///< standard output
  std::string err;      ///< standard error
};

/// Runs `salesfab ARGS...` from the project's root (ctest's working directory).
ProgramResult run_salesfab(const std::vector<std::string> &args);

/// Runs `salesfab ARGS...` with the environment variables `env` ("NAME=VALUE") added.
ProgramResult run_salesfab_env(const std::vector<std::string> &env,
                               const std::vector<std::string> &args);

/// A salesfab program started in the background (stdout and stderr to files).
struct Background {
  int pid = -1;
  std::string out_path;
  std::string err_path;
};

/// Starts `salesfab ARGS...` without waiting for it.
Background start_salesfab(const std::vector<std::string> &args);

/// Sends `signal` to a background program.
void send_signal(const Background &b, int signal);

/// Waits for a background program; its result (output read from the files).
ProgramResult wait_for(const Background &b);

/// True when `text` is one well-formed JSON value (a small strict checker for the tests).
bool is_json(const std::string &text);

/// Reads a whole file; throws when it cannot.
std::string read_file(const std::string &path);

/// A fresh empty directory under the system's temporary directory.
std::string make_temp_dir();

} // namespace salesfab::test
