#pragma once
// Plain words for YAML syntax errors. yaml-cpp reports some mistakes late (an unclosed '['
// where the file happens to end) or in parser terms ("illegal map value"); these look at the
// text itself to point at the real place: a tab in the indentation, a bracket never closed, a
// quote never closed. Internal to the scenario layer.

#include <optional>
#include <string>
#include <string_view>

namespace salesfab::scenario::detail {

/// A place in a text and what is wrong there.
struct SyntaxProblem {
  int line = 0;   ///< 1-based
  int column = 0; ///< 1-based
  std::string message;
};

/// The 1-based line and column of byte `offset` of `text`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset);

/// Explains a yaml-cpp syntax error reported at (line, column), 1-based, with message `what`:
/// a tab in the indentation before it, an unclosed bracket, or the message in plain words.
SyntaxProblem explain_syntax_error(std::string_view text, int line, int column,
                                   const std::string &what);

/// The problem with a quoted scalar that starts at byte `offset` when its closing quote is
/// missing (yaml-cpp lets the end of the file close it); nullopt when it is closed.
std::optional<SyntaxProblem> unclosed_quote(std::string_view text, std::size_t offset);

} // namespace salesfab::scenario::detail
