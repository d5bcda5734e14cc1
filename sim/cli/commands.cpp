#include "cli/command.hpp"

#include <array>

namespace salesfab::cli {

int validate_main(std::span<const std::string> args);

std::span<const Command> commands() {
  static const std::array all{
      Command{"validate", "check scenario files against the contract; run nothing", validate_main},
  };
  return all;
}

std::string_view version() { return SALESFAB_VERSION; }

} // namespace salesfab::cli
