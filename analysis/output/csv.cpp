#include "analysis/output/csv.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace salesfab::output {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string q = "\"";
  for (const char c : text) {
    if (c == '"')
      q += '"';
    q += c;
  }
  return q + '"';
}

std::string csv_number(std::optional<double> x) {
  if (!x || !std::isfinite(*x))
    return "";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, *x);
  return std::string(buffer, result.ptr);
}

std::string csv_line(const std::vector<std::string> &fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      line += ',';
    line += fields[i];
  }
  return line + '\n';
}

std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t line = 1;
  std::size_t i = 0;
  auto fail = [&](const std::string &what) {
    throw std::runtime_error("CSV line " + std::to_string(line) + ": " + what);
  };
  auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    if (!records.empty() && record.size() != records.front().size())
      fail(std::to_string(record.size()) + " fields, the header has " +
           std::to_string(records.front().size()));
    records.push_back(std::move(record));
    record.clear();
  };
  while (i < text.size()) {
    if (text[i] == '"') { // a quoted field
      ++i;
      for (;;) {
        if (i >= text.size())
          fail("a quoted field does not end");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n')
          ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        fail("text after a closing quote");
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"')
          fail("a quote inside an unquoted field");
        field += text[i++];
      }
    }
    if (i >= text.size())
      fail("the last line has no line end");
    if (text[i] == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
      continue;
    }
    if (text[i] == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n')
        fail("a carriage return without a line feed");
      ++i;
    }
    ++i; // '\n'
    end_record();
    ++line;
  }
  return records;
}

} // namespace salesfab::output
