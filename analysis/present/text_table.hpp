#pragma once
// Plain-text tables for the terminal: columns aligned, numbers formatted for people.

#include "analysis/present/numbers.hpp"
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

} // namespace salesfab::present
