#include "analysis/present/text_table.hpp"

#include <algorithm>

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

} // namespace salesfab::present
