#include "analysis/present/report/report_data.hpp"

#include <cmath>

namespace salesfab::present::report {

std::string format_value(Language language, std::optional<double> value) {
  if (!value || !std::isfinite(*value))
    return "\u2013";
  return format_number(*value, language);
}

} // namespace salesfab::present::report
