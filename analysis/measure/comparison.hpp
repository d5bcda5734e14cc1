#pragma once
// What-if comparisons: per metric the paired difference alternative - base (same replication
// index, same seeds: common random numbers), with its confidence interval; and the variants of
// a run side by side on the key metrics, the best of each marked.

#include "analysis/measure/result.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace salesfab::analysis {

/// One metric's paired difference between two variants.
struct MetricDifference {
  std::size_t base = 0;        ///< the metric's index in the base's catalogue
  std::size_t alternative = 0; ///< its index in the alternative's catalogue
  Summary difference;          ///< of alternative - base, replication by replication
};

/// What a note under a comparison says about suspects_per_year, which counts the customers won
/// back (scenario-format.md): a staffing change moves churn and so win-back.
enum class WonBackNote {
  none,                 ///< nothing to say: suspects per year are the same
  differs_by_won_back,  ///< they differ; the customers won back are part of it
  first_contacts_equal, ///< they differ only by the customers won back
};

/// An alternative against the base.
struct Comparison {
  const VariantResult *base = nullptr;
  const VariantResult *alternative = nullptr;
  std::vector<MetricDifference> differences; ///< every metric both have, in the alternative's order
  std::vector<std::string> only_base;        ///< metrics the alternative lacks
  std::vector<std::string> only_alternative; ///< metrics the base lacks
  bool same_seeds = true;                    ///< false: the differences include luck
  WonBackNote won_back = WonBackNote::none;
  /// The name of a difference's metric.
  [[nodiscard]] const std::string &name(const MetricDifference &d) const {
    return alternative->metrics[d.alternative].name;
  }
  /// The paired difference of the metric of this name, or nullptr.
  [[nodiscard]] const MetricDifference *find(std::string_view metric) const;
};

/// The name --precision gives a watched paired difference: "metric (ALT - BASE)".
std::string paired_name(std::string_view metric, const VariantResult &alternative,
                        const VariantResult &base);

/// Compares `alternative` with `base`, paired by replication index, at the base's confidence.
Comparison compare(const VariantResult &base, const VariantResult &alternative);

/// A metric that sets variants side by side (the side-by-side table of `run`, the report).
struct KeyMetric {
  std::string_view name;
  int better; ///< +1 higher is better, -1 lower is better, 0 neither
};
/// The key metrics, in the order they are shown: revenue, won, churn rate, customers at the
/// end, account-executive utilisation, brickwall coverage.
std::span<const KeyMetric> key_metrics();

/// The variants of a run side by side on the key metrics.
struct SideBySide {
  std::vector<const VariantResult *> variants;
  /// [key metric][variant]: the summary, or nullptr where the variant lacks the metric.
  std::vector<std::vector<const Summary *>> cells;
  /// [key metric][variant]: true where the variant's mean is the best (ties all marked).
  std::vector<std::vector<bool>> best;
};
SideBySide side_by_side(std::span<const VariantResult *const> variants);

} // namespace salesfab::analysis
