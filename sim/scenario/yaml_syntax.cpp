#include "scenario/yaml_syntax.hpp"

#include <vector>

namespace salesfab::scenario::detail {

std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

namespace {

// The first tab in the indentation of lines 1..last (indentation: the blanks a line starts
// with), if any.
std::optional<SyntaxProblem> tab_in_indentation(std::string_view text, int last) {
  int line = 1;
  bool indentation = true;
  int column = 1;
  for (const char c : text) {
    if (line > last)
      break;
    if (c == '\n') {
      ++line;
      column = 1;
      indentation = true;
      continue;
    }
    if (indentation && c == '\t')
      return SyntaxProblem{line, column, "a tab in the indentation: YAML indents with spaces only"};
    if (c != ' ' && c != '\t')
      indentation = false;
    ++column;
  }
  return std::nullopt;
}

// A '[' or '{' that is still open at byte `end`, if any: flow brackets count where a value
// starts (after "key:", "- " or at a line's start) and everywhere inside another flow bracket;
// quoted text and comments are skipped.
std::optional<std::pair<std::size_t, char>> unclosed_bracket(std::string_view text,
                                                             std::size_t end) {
  std::vector<std::pair<std::size_t, char>> open;
  bool value_start = true; // at a place where a value may start
  for (std::size_t i = 0; i < end && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      value_start = true;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i + 1 < text.size() && text[i + 1] != '\n')
        ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && (value_start || !open.empty())) {
      for (++i; i < text.size() && text[i] != c; ++i)
        if (c == '"' && text[i] == '\\')
          ++i;
      value_start = false;
      continue;
    }
    if ((c == '[' || c == '{') && (value_start || !open.empty())) {
      open.emplace_back(i, c);
      value_start = true;
      continue;
    }
    if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
      value_start = false;
      continue;
    }
    if (c == ' ' || c == '\t')
      continue;
    if (c == ':' || c == '-' || c == ',') {
      value_start = true;
      continue;
    }
    value_start = false;
  }
  if (open.empty())
    return std::nullopt;
  return open.front();
}

std::string in_plain_words(const std::string &what) {
  struct Phrase {
    const char *yaml_cpp;
    const char *plain;
  };
  static const Phrase phrases[] = {
      {"end of map not found",
       "the indentation is off: a key is not lined up with the other keys of its map"},
      {"end of sequence not found",
       "the indentation is off: a list item is not lined up with the others"},
      {"illegal map value",
       "a ':' where YAML does not expect one (is a key indented wrongly, or does a value "
       "need quotes?)"},
      {"illegal map key", "a key where YAML does not expect one (check the indentation)"},
      {"illegal block entry",
       "a '- ' list item where YAML does not expect one (check the indentation)"},
      {"illegal flow end", "a ']' or '}' that does not close the bracket before it"},
      {"end of sequence flow not found", "a list opened with '[' is never closed with ']'"},
      {"end of map flow not found", "a map opened with '{' is never closed with '}'"},
      {"illegal tab when looking for indentation",
       "a tab in the indentation: YAML indents with spaces only"},
      {"illegal EOF in scalar", "the file ends inside a quoted text: a quote is not closed"},
      {"illegal character in scalar", "a character that is not allowed in this text"},
      {"unknown escape character: ", "an unknown escape after a backslash in a quoted text"},
      {"the referenced anchor is not defined", "an alias (*name) to an anchor (&name) that is "
                                               "not defined before it"},
      {"unknown token", "something YAML cannot read here"},
  };
  for (const Phrase &p : phrases)
    if (what.rfind(p.yaml_cpp, 0) == 0)
      return std::string(p.plain) + " (YAML: " + what + ")";
  return what;
}

} // namespace

SyntaxProblem explain_syntax_error(std::string_view text, int line, int column,
                                   const std::string &what) {
  if (auto tab = tab_in_indentation(text, line)) {
    tab->message = "YAML syntax error: " + tab->message;
    return *tab;
  }
  // The byte offset of the reported place.
  std::size_t offset = 0;
  for (int l = 1; l < line && offset < text.size(); ++offset)
    if (text[offset] == '\n')
      ++l;
  offset += static_cast<std::size_t>(std::max(column - 1, 0));
  const bool about_flow =
      what.rfind("end of sequence flow", 0) == 0 || what.rfind("end of map flow", 0) == 0 ||
      what.rfind("illegal block entry", 0) == 0 || what.rfind("illegal map value", 0) == 0 ||
      what.rfind("end of map not found", 0) == 0;
  if (about_flow)
    if (const auto bracket = unclosed_bracket(text, offset)) {
      const auto [l, c] = position_of(text, bracket->first);
      return SyntaxProblem{l, c,
                           bracket->second == '['
                               ? "YAML syntax error: a list opened with '[' here is never "
                                 "closed with ']'"
                               : "YAML syntax error: a map opened with '{' here is never "
                                 "closed with '}'"};
    }
  return SyntaxProblem{line, column, "YAML syntax error: " + in_plain_words(what)};
}

std::optional<SyntaxProblem> unclosed_quote(std::string_view text, std::size_t offset) {
  if (offset >= text.size() || (text[offset] != '"' && text[offset] != '\''))
    return std::nullopt;
  const char quote = text[offset];
  for (std::size_t i = offset + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i; // '' is a quote inside single quotes
        continue;
      }
      return std::nullopt;
    }
  }
  const auto [line, column] = position_of(text, offset);
  return SyntaxProblem{line, column,
                       std::string("YAML syntax error: a text opened with ") + quote +
                           " here is never closed: the rest of the file became part of it"};
}

} // namespace salesfab::scenario::detail
