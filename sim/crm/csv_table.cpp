#include "crm/csv_table.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace salesfab::crm {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Reads one record from `text` at `pos`; advances `pos` and `line` past it. Returns a problem
// message for a malformed record (then `pos` is past the record's end as far as it can tell).
std::optional<std::string> next_record(std::string_view text, std::size_t &pos, int &line,
                                       std::vector<std::string> &fields) {
  fields.assign(1, std::string());
  std::optional<std::string> problem;
  bool quoted = false, after_quote = false;
  const int start_line = line;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n')
          ++line;
        fields.back() += c;
      }
      continue;
    }
    if (c == '\r' && pos < text.size() && text[pos] == '\n')
      continue;
    if (c == '\n') {
      ++line;
      return problem;
    }
    if (c == ',') {
      fields.emplace_back();
      after_quote = false;
    } else if (c == '"' && fields.back().empty() && !after_quote) {
      quoted = true;
    } else if (after_quote || c == '"') {
      if (!problem)
        problem = after_quote ? "text after a closing quote (a quoted field ends at a comma)"
                              : "a quote inside an unquoted field (quote the whole field)";
      fields.back() += c;
    } else {
      fields.back() += c;
    }
  }
  if (quoted)
    return "a quote opened on line " + std::to_string(start_line) + " is never closed";
  return problem;
}

bool blank(const std::vector<std::string> &fields) {
  return fields.size() == 1 && trim(fields[0]).empty();
}

} // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (trim(header[i]) == name)
      return i;
  return std::nullopt;
}

CsvTable parse_csv(std::string_view text, const std::string &file) {
  CsvTable table;
  table.file = file;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  std::size_t pos = 0;
  int line = 1;
  std::vector<std::string> fields;
  bool have_header = false;
  while (pos < text.size()) {
    const int start = line;
    const auto problem = next_record(text, pos, line, fields);
    if (problem) {
      table.problems.push_back({file, start, "", *problem});
      if (!have_header)
        return table;
      continue;
    }
    if (blank(fields))
      continue;
    if (!have_header) {
      table.header = fields;
      have_header = true;
      continue;
    }
    if (fields.size() != table.header.size()) {
      table.problems.push_back({file, start, "",
                                std::to_string(fields.size()) + " fields (expected " +
                                    std::to_string(table.header.size()) + ", as the header)"});
      continue;
    }
    table.rows.push_back({start, fields});
  }
  if (!have_header)
    table.problems.push_back({file, 0, "", "no header line (expected the column names first)"});
  return table;
}

std::optional<std::string> read_text_file(const std::string &path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec))
    throw HistoryError({{path, 0, "", "cannot be read"}});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad())
    throw HistoryError({{path, 0, "", "cannot be read"}});
  return text;
}

} // namespace salesfab::crm
