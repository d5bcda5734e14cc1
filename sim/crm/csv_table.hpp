#pragma once
// CSV as CRM systems export it: UTF-8 (a byte-order mark is skipped), a header line, RFC 4180
// quoting (fields may span lines), "\n" or "\r\n" line ends. Every record keeps the line it
// starts on, for messages; a malformed record is a problem of its line, never a crash.

#include "crm/history.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::crm {

/// One record: the line it starts on and its fields.
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

/// A parsed file: its header and its records (those with problems are left out and listed).
struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  std::vector<Problem> problems; ///< malformed records: quoting, number of fields

  /// The index of a column by name (case-sensitive, surrounding spaces ignored).
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
};

/// The fields of one row by column name; collects the row's problems.
class RowReader {
public:
  RowReader(const CsvTable &table, const CsvRow &row, std::vector<Problem> &problems)
      : table_(table), row_(row), problems_(problems) {}

  /// The field's text ("" when the file has no such column).
  [[nodiscard]] std::string text(std::string_view column) const {
    const auto i = table_.column(column);
    if (!i)
      return {};
    std::string_view s = row_.fields[*i];
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
      s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
      s.remove_suffix(1);
    return std::string(s);
  }
  void problem(std::string_view column, std::string message) {
    problems_.push_back({table_.file, row_.line, std::string(column), std::move(message)});
  }
  /// A date that must be there.
  Day date(std::string_view column) {
    const auto d = optional_date(column);
    if (!d && text(column).empty())
      problem(column, "empty (expected a date YYYY-MM-DD)");
    return d.value_or(0);
  }
  /// A date that may be empty.
  std::optional<Day> optional_date(std::string_view column) {
    const std::string t = text(column);
    if (t.empty())
      return std::nullopt;
    const auto d = parse_date(t);
    if (!d)
      problem(column, "'" + t + "' is not a date (expected YYYY-MM-DD)");
    return d;
  }
  /// Text that must not be empty.
  std::string required(std::string_view column) {
    std::string t = text(column);
    if (t.empty())
      problem(column, "empty (expected a value)");
    return t;
  }
  /// A number >= 0, or nothing.
  std::optional<double> amount(std::string_view column) {
    const std::string t = text(column);
    if (t.empty())
      return std::nullopt;
    double v = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v) || v < 0) {
      problem(column,
              "'" + t + "' is not an amount (expected a number >= 0, '.' as decimal point)");
      return std::nullopt;
    }
    return v;
  }
  [[nodiscard]] int line() const { return row_.line; }

private:
  const CsvTable &table_;
  const CsvRow &row_;
  std::vector<Problem> &problems_;
};

/// Parses `text` (named `file` in problems). A file without a header line is one problem.
CsvTable parse_csv(std::string_view text, const std::string &file);

/// Reads a whole file; nullopt when it does not exist. Throws HistoryError when it cannot be read.
std::optional<std::string> read_text_file(const std::string &path);

} // namespace salesfab::crm
