#pragma once
// What the HTML report shows: the variants' results as the experiment gave them (the one
// result type every view reads), the scenario files they came from, and what was run.

#include "analysis/measure/result.hpp"
#include "analysis/present/numbers.hpp"
#include "analysis/present/words.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesfab::present::report {

/// A scenario file as it was read.
struct File {
  std::string source; ///< its path, or "(built-in basis)"
  std::string text;   ///< its bytes
  std::string sha256; ///< of its bytes, as run.json gives it
};

/// One variant that was run, and the file it came from.
struct Variant {
  const analysis::VariantResult *result = nullptr;
  std::size_t file = 0; ///< index into Input::files
};

/// Everything the report shows.
struct Input {
  Language language = Language::en;
  std::string version;           ///< salesfab's version
  std::vector<std::string> sets; ///< the --set KEY=VALUE settings, as given
  std::vector<File> files;
  std::vector<Variant> variants;
};

/// A number for people in the report: format_number (analysis/present/numbers.hpp); "–" for an
/// empty value.
std::string format_value(Language language, std::optional<double> value);

} // namespace salesfab::present::report
