#pragma once
// Plain-text tables for the terminal: columns aligned, numbers formatted for people.

#include "analysis/present/words.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::present {

/// A table of text cells; the first row is the header. Columns after the first are right-aligned.
class TextTable {
public:
  explicit TextTable(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// A line of its own (a group title), not part of the columns.
  void add_title(std::string title) { rows_.push_back({"\x1f" + std::move(title)}); }
  [[nodiscard]] std::string render() const;

private:
  std::vector<std::vector<std::string>> rows_;
};

/// A number for people: 1 234 567 for large values, 3 significant digits for small ones; a
/// decimal comma in Dutch.
std::string format_number(double x, present::Language language);
/// An optional number; "-" when empty.
std::string format_number(const std::optional<double> &x, present::Language language);
/// A number's plain text ("0.25") with the language's decimal mark ("0,25" in Dutch).
std::string decimal_mark(std::string text, Language language);
/// The English form of format_number.
std::string format_number(double x);
std::string format_number(const std::optional<double> &x);

} // namespace salesfab::present
