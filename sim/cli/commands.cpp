#include "cli/command.hpp"

#include <array>
#include <iostream>
#include <sstream>

namespace salesfab::cli {

int run_main(std::span<const std::string> args);
int compare_main(std::span<const std::string> args);
int analyze_main(std::span<const std::string> args);
int trace_main(std::span<const std::string> args);
int validate_main(std::span<const std::string> args);
int report_main(std::span<const std::string> args);
int optimize_main(std::span<const std::string> args);
int serve_main(std::span<const std::string> args);
int complete_main(std::span<const std::string> args);
int manpage_main(std::span<const std::string> args);
int calibrate_main(std::span<const std::string> args);
int merge_main(std::span<const std::string> args);

std::span<const Command> commands() {
  static const std::array all{
      Command{"run", "simulate scenarios and print their RKK tables (default: built-in basis)",
              run_main},
      Command{"compare", "paired differences between scenarios or --set variants, with CIs",
              compare_main},
      Command{"analyze", "theory (Markov chain, Erlang formulas) beside the simulation",
              analyze_main},
      Command{"trace", "follow accounts through the factory, told event by event (--lang nl)",
              trace_main},
      Command{"report", "one self-contained HTML page: the factory drawn, RKK tables, charts",
              report_main},
      Command{"optimize", "the cheapest staffing (or best design) that meets the requirements",
              optimize_main},
      Command{"serve", "the what-if page: levers, paired differences, in a browser (en/nl)",
              serve_main},
      Command{"calibrate", "a scenario fitted to a CRM history, every value with its interval",
              calibrate_main},
      Command{"validate", "check scenario files against the contract; run nothing", validate_main},
      Command{"merge", "join the folders of a run's shards (--shard K/N) into its result files",
              merge_main},
  };
  return all;
}

std::span<const Command> hidden_commands() {
  static const std::array all{
      Command{"complete", "completions for the words of a command line (bash completion)",
              complete_main},
      Command{"manpage", "the man page salesfab(1), in roff, made of the --help texts",
              manpage_main},
  };
  return all;
}

std::string program_help() {
  std::ostringstream out;
  out << "salesfab " << version()
      << ": a discrete-event simulator of de salesfabriek (the sales factory)\n\n"
         "Usage: salesfab COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  for (const Command &c : commands()) {
    std::string name(c.name);
    name.resize(12, ' ');
    out << "  " << name << c.summary << '\n';
  }
  out << "\nOptions:\n"
         "  --help       this help; `salesfab COMMAND --help` for a command's own\n"
         "  --version    print the version, the commit it was built from and the build type\n\n"
         "Exit status: 0 success, 2 invalid input (bad scenario or option), 1 anything else.\n";
  return out.str();
}

std::string help_text(const Command &command) {
  // Each command prints its own help on std::cout: borrow it for the moment.
  std::ostringstream text;
  std::streambuf *const saved = std::cout.rdbuf(text.rdbuf());
  try {
    const std::string help = "--help";
    command.main(std::span<const std::string>(&help, 1));
  } catch (...) {
    std::cout.rdbuf(saved);
    throw;
  }
  std::cout.rdbuf(saved);
  return text.str();
}

} // namespace salesfab::cli
