#pragma once
// Problems found in a scenario, each with where it is, the key path and what was expected.

#include "engine/error.hpp"

#include <string>
#include <vector>

namespace salesfab::scenario {

/// One problem in a scenario.
struct Diagnostic {
  std::string source;  ///< the file, or the override ("--set KEY=VALUE") that brought the value
  int line = 0;        ///< 1-based; 0 when there is no position (a whole-file problem)
  int column = 0;      ///< 1-based
  std::string path;    ///< key path, e.g. funnel.stages[1].conversion; empty for the whole file
  std::string message; ///< what is wrong (what was expected)

  /// `FILE:LINE:COLUMN: key.path: message`, leaving out what is unknown.
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

/// A scenario that breaks the contract; carries every problem found, in file order.
class ScenarioError : public Error {
public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

} // namespace salesfab::scenario
