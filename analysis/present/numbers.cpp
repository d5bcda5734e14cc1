#include "analysis/present/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace salesfab::present {

namespace {

constexpr char group_separator = ' ';
constexpr int max_decimals = 6;

// The decimals format_number shows for a value of this size.
int decimals_for(double a) {
  if (a >= 100)
    return 0;
  if (a >= 10)
    return 1;
  if (a >= 1)
    return 2;
  if (a == 0)
    return 0;
  return std::min(max_decimals, 2 - static_cast<int>(std::floor(std::log10(a))));
}

// x with `decimals` decimals, digits grouped by three from 1 000 up, '.' as decimal mark; a
// value that rounds to zero is "0" (or "0.00"), without a sign.
std::string fixed(double x, int decimals) {
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(x));
  std::string digits = buffer, fraction;
  if (const auto point = digits.find('.'); point != std::string::npos) {
    fraction = digits.substr(point);
    digits.erase(point);
  }
  const bool zero = std::all_of(buffer, buffer + std::char_traits<char>::length(buffer),
                                [](char c) { return c == '0' || c == '.'; });
  std::string out = x < 0 && !zero ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += group_separator;
    out += digits[i];
  }
  return out + fraction;
}

} // namespace

std::string decimal_mark(std::string text, Language language) {
  if (language == Language::nl)
    std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string format_number(double x) {
  if (std::isnan(x))
    return "-";
  if (std::isinf(x))
    return x > 0 ? "inf" : "-inf";
  int decimals = decimals_for(std::abs(x));
  std::string s = fixed(x, decimals);
  // Rounding may carry into the next size (9.996 -> 10.00): take that size's decimals.
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(x));
  if (const int again = decimals_for(std::strtod(buffer, nullptr)); again < decimals)
    s = fixed(x, decimals = again);
  if (s.find_first_not_of("-0.") == std::string::npos)
    return "0"; // zero at the precision shown
  return s;
}

std::string format_number(const std::optional<double> &x) {
  return x ? format_number(*x) : std::string("-");
}

std::string format_number(double x, Language language) {
  return decimal_mark(format_number(x), language);
}

std::string format_number(const std::optional<double> &x, Language language) {
  return x ? format_number(*x, language) : std::string("-");
}

ShownInterval shown_interval(const std::optional<double> &low, const std::optional<double> &high,
                             const analysis::Bounds &bounds) {
  ShownInterval s;
  s.low = low;
  s.high = high;
  if (low && bounds.low && *low < *bounds.low) {
    s.low = bounds.low;
    s.low_clipped = true;
  }
  if (high && bounds.high && *high > *bounds.high) {
    s.high = bounds.high;
    s.high_clipped = true;
  }
  return s;
}

std::string format_amount(Language language, double value, int decimals) {
  if (!std::isfinite(value))
    return format_number(value);
  return decimal_mark(fixed(value, std::clamp(decimals, 0, 15)), language);
}

} // namespace salesfab::present
