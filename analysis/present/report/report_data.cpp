#include "analysis/present/report/report_data.hpp"

#include <cmath>

namespace salesfab::present::report {

std::string format_value(Language language, std::optional<double> value) {
  if (!value || !std::isfinite(*value))
    return "\u2013";
  const double a = std::abs(*value);
  int decimals = 0;
  if (a == 0 || a >= 100)
    decimals = 0;
  else if (a >= 10)
    decimals = 1;
  else if (a >= 1)
    decimals = 2;
  else // three significant digits, at most six decimals
    decimals = std::min(6, 2 - static_cast<int>(std::floor(std::log10(a))));
  std::string s = format_amount(language, *value, decimals);
  if (s == "-0")
    s = "0";
  return s;
}

} // namespace salesfab::present::report
