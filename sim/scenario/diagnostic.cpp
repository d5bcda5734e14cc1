#include "scenario/diagnostic.hpp"

namespace salesfab::scenario {

std::string Diagnostic::to_string() const {
  std::string s = source;
  if (line > 0)
    s += ':' + std::to_string(line) + ':' + std::to_string(column);
  s += ": ";
  if (!path.empty())
    s += path + ": ";
  return s + message;
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
