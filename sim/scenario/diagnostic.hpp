#pragma once
// Problems found in a scenario, each with where it is, the key path and what was expected.

#include "engine/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::scenario {

/// One problem in a scenario.
struct Diagnostic {
  std::string source;  ///< the file, or the override ("--set KEY=VALUE") that brought the value
  int line = 0;        ///< 1-based; 0 when there is no position (a whole-file problem)
  int column = 0;      ///< 1-based
  std::string path;    ///< key path, e.g. funnel.stages[1].conversion; empty for the whole file
  std::string message; ///< what is wrong (what was expected)

  /// `FILE:LINE:COLUMN: key.path: message`, leaving out what is unknown; control and
  /// bidirectional characters of a file's text (in a path or a message) are shown escaped.
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

/// A character that must not reach a terminal as it is: its code point (or the byte of a
/// sequence that is not UTF-8) and where it is in the text, counted in characters from 1.
struct Unprintable {
  std::size_t character = 0; ///< 1-based position, in characters
  char32_t code_point = 0;   ///< the character, or the stray byte when `utf8` is false
  bool utf8 = true;          ///< false: the text is not valid UTF-8 at this place
  /// "U+001B (a control character)", "U+202E (a bidirectional control)", "the byte 0xFF (not
  /// UTF-8)".
  [[nodiscard]] std::string describe() const;
};

/// The first character of `text` that could change what a terminal shows: a control character
/// (C0 including NUL, TAB and ESC, DEL, C1), a bidirectional formatting character (U+061C,
/// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), a line or paragraph separator (U+2028,
/// U+2029), or a byte that is not UTF-8; nullopt when there is none.
std::optional<Unprintable> first_unprintable(std::string_view text);

/// The number of characters (code points) of UTF-8 text; a stray byte counts as one.
std::size_t character_count(std::string_view text);

/// `text` safe to print: every character first_unprintable() would find written as an escape
/// ("\x1b", "\u{202e}"), the rest as it is.
std::string printable(std::string_view text);

/// A scenario that breaks the contract; carries every problem found, in file order.
class ScenarioError : public Error {
public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

} // namespace salesfab::scenario
