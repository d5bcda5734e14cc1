#include "cli/command.hpp"

#include <array>

namespace salesfab::cli {

std::span<const Command> commands() {
  static const std::array<Command, 0> all{};
  return all;
}

std::string_view version() { return SALESFAB_VERSION; }

} // namespace salesfab::cli
