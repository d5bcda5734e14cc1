#include "cli/command.hpp"

namespace salesfab::cli {

std::string_view version() { return SALESFAB_VERSION; }

} // namespace salesfab::cli
