#include "analysis/output/json.hpp"

#include "analysis/output/csv.hpp"

#include <cmath>
#include <cstdio>

namespace salesfab::output {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
        out += buffer;
      } else {
        out += c;
      }
    }
  }
  return out + '"';
}

std::string json_number(std::optional<double> x) {
  if (!x || !std::isfinite(*x))
    return "null";
  return csv_number(x);
}

} // namespace salesfab::output
