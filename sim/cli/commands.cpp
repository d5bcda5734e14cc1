#include "cli/command.hpp"

#include <array>

namespace salesfab::cli {

int run_main(std::span<const std::string> args);
int compare_main(std::span<const std::string> args);
int analyze_main(std::span<const std::string> args);
int trace_main(std::span<const std::string> args);
int validate_main(std::span<const std::string> args);
int report_main(std::span<const std::string> args);
int optimize_main(std::span<const std::string> args);
int calibrate_main(std::span<const std::string> args);

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
      Command{"calibrate", "a scenario fitted to a CRM history, every value with its interval",
              calibrate_main},
      Command{"validate", "check scenario files against the contract; run nothing", validate_main},
  };
  return all;
}

std::string_view version() { return SALESFAB_VERSION; }

} // namespace salesfab::cli
