#include "scenario/diagnostic.hpp"

#include <cstdio>

namespace salesfab::scenario {

namespace {

// One step of decoding UTF-8 at `i`: the code point and its length in bytes; length 0 when the
// bytes there are not UTF-8 (stray, truncated, overlong, a surrogate or past U+10FFFF).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80)
    return {b, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  if ((b & 0xE0) == 0xC0) {
    length = 2;
    cp = b & 0x1Fu;
  } else if ((b & 0xF0) == 0xE0) {
    length = 3;
    cp = b & 0x0Fu;
  } else if ((b & 0xF8) == 0xF0) {
    length = 4;
    cp = b & 0x07u;
  } else {
    return {b, 0};
  }
  if (i + length > s.size())
    return {b, 0};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return {b, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {b, 0};
  return {cp, length};
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_bidi_or_separator(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

std::string hex(const char *format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

} // namespace

std::string Unprintable::describe() const {
  if (!utf8)
    return hex("the byte 0x%02X", static_cast<unsigned>(code_point)) + " (not UTF-8)";
  return hex("U+%04X", static_cast<unsigned>(code_point)) +
         (is_control(code_point)                         ? " (a control character)"
          : code_point == 0x2028 || code_point == 0x2029 ? " (a line or paragraph separator)"
                                                         : " (a bidirectional control)");
}

std::optional<Unprintable> first_unprintable(std::string_view text) {
  std::size_t character = 1;
  for (std::size_t i = 0; i < text.size(); ++character) {
    const auto [cp, length] = decode(text, i);
    if (length == 0)
      return Unprintable{character, cp, false};
    if (is_control(cp) || is_bidi_or_separator(cp))
      return Unprintable{character, cp, true};
    i += length;
  }
  return std::nullopt;
}

std::size_t character_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n)
    i += std::max<std::size_t>(decode(text, i).second, 1);
  return n;
}

std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, length] = decode(text, i);
    if (length == 0) {
      out += hex("\\x%02x", static_cast<unsigned>(cp));
      ++i;
      continue;
    }
    if (is_control(cp) && cp < 0x80)
      out += hex("\\x%02x", static_cast<unsigned>(cp));
    else if (is_control(cp) || is_bidi_or_separator(cp))
      out += hex("\\u{%04x}", static_cast<unsigned>(cp));
    else
      out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string Diagnostic::to_string() const {
  std::string s = printable(source);
  if (line > 0)
    s += ':' + std::to_string(line) + ':' + std::to_string(column);
  s += ": ";
  if (!path.empty())
    s += printable(path) + ": ";
  return s + printable(message);
}

namespace {
std::string join(const std::vector<Diagnostic> &diagnostics) {
  std::string s;
  for (const Diagnostic &d : diagnostics) {
    if (!s.empty())
      s += '\n';
    s += d.to_string();
  }
  return s;
}
} // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : Error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

} // namespace salesfab::scenario
