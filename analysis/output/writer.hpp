#pragma once
// One writer per output format behind one interface: each turns what a command computed into
// the text of its format. A new format is one new writer (one file) and one line in
// make_writer.

#include "analysis/measure/comparison.hpp"
#include "analysis/measure/optimization.hpp"
#include "analysis/measure/result.hpp"
#include "analysis/measure/theory/verdict.hpp"
#include "analysis/output/format.hpp"
#include "analysis/present/words.hpp"

#include <memory>
#include <span>
#include <string>

namespace salesfab::output {

/// What the commands print, in one format.
class Writer {
public:
  virtual ~Writer() = default;
  /// `run`: each variant's RKK metrics (several variants: also side by side).
  [[nodiscard]] virtual std::string
  variants(std::span<const analysis::VariantResult *const> variants) const = 0;
  /// `compare`: each alternative against the base.
  [[nodiscard]] virtual std::string
  comparisons(std::span<const analysis::Comparison> comparisons) const = 0;
  /// `analyze`: theory beside simulation, variant by variant.
  [[nodiscard]] virtual std::string
  theory(std::span<const analysis::theory::TheoryCheck> checks) const = 0;
  /// `optimize`: the chosen design, the others and why they lost, the guarantee.
  [[nodiscard]] virtual std::string
  optimization(const analysis::Optimization &optimization) const = 0;
};

/// The writer of a format; `language` is for people (tables), programs get names.
std::unique_ptr<Writer> make_writer(Format format, present::Language language);

} // namespace salesfab::output
