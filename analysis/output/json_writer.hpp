#pragma once
// JSON for programs (--format json): the same records as CSV, as arrays of objects; a
// comparison as one object per alternative with its metrics (the object `serve` answers too).

#include "analysis/output/json.hpp"
#include "analysis/output/writer.hpp"

namespace salesfab::output {

/// What --precision reached: {target, replications, stopped_by, watched: [{metric,
/// relative_half_width, judged, met}]}.
Json precision_json(const analysis::PrecisionReport &report);

/// One alternative against the base: {base, alternative, metrics: [{metric, rkk,
/// base_mean, alternative_mean, difference, ci_low, ci_high, n, significant}]}.
Json comparison_json(const analysis::Comparison &comparison);

/// --format json.
class JsonWriter final : public Writer {
public:
  [[nodiscard]] std::string
  variants(std::span<const analysis::VariantResult *const> variants) const override;
  [[nodiscard]] std::string
  comparisons(std::span<const analysis::Comparison> comparisons) const override;
  [[nodiscard]] std::string
  theory(std::span<const analysis::theory::TheoryCheck> checks) const override;
  [[nodiscard]] std::string optimization(const analysis::Optimization &optimization) const override;
};

} // namespace salesfab::output
