#include "analysis/output/format.hpp"

namespace salesfab::output {

std::optional<Format> parse_format(std::string_view text) {
  for (const Format f : {Format::table, Format::csv, Format::json})
    if (format_name(f) == text)
      return f;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
  case Format::table:
    return "table";
  case Format::csv:
    return "csv";
  case Format::json:
    return "json";
  }
  return "?";
}

} // namespace salesfab::output
