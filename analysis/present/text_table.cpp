#include "analysis/present/text_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace salesfab::present {

namespace {
// Width on screen of UTF-8 text: counts code points, not bytes.
std::size_t width(const std::string &s) {
  std::size_t w = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++w;
  return w;
}
} // namespace

std::string TextTable::render() const {
  std::vector<std::size_t> widths;
  for (const auto &row : rows_) {
    if (!row.empty() && !row[0].empty() && row[0][0] == '\x1f')
      continue;
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string out;
  for (const auto &row : rows_) {
    if (!row.empty() && !row[0].empty() && row[0][0] == '\x1f') {
      out += row[0].substr(1) + '\n';
      continue;
    }
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - width(row[i]), ' ');
      if (i > 0)
        line += "  ";
      line += i == 0 ? row[i] + pad : pad + row[i];
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string decimal_mark(std::string text, Language language) {
  if (language == Language::nl)
    std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string format_number(double x, present::Language language) {
  return decimal_mark(format_number(x), language);
}

std::string format_number(const std::optional<double> &x, present::Language language) {
  return x ? format_number(*x, language) : std::string("-");
}

std::string format_number(double x) {
  if (std::isnan(x))
    return "-";
  char buffer[64];
  const double a = std::abs(x);
  if (a >= 9999.5) {
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    std::string digits = buffer;
    const bool negative = digits[0] == '-';
    if (negative)
      digits.erase(0, 1);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0)
        grouped += ' ';
      grouped += digits[i];
    }
    return (negative ? "-" : "") + grouped;
  }
  if (a >= 100)
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
  else if (a >= 10)
    std::snprintf(buffer, sizeof buffer, "%.1f", x);
  else if (a >= 1)
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
  else if (a == 0)
    return "0";
  else
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
  return buffer;
}

std::string format_number(const std::optional<double> &x) {
  return x ? format_number(*x) : std::string("-");
}

} // namespace salesfab::present
