#pragma once
// The RKK metrics of one replication, exactly as ../shared/design/metrics.md defines them:
// richting (direction), kwaliteit (quality), kwantiteit (quantity). Pure functions of a
// model::Record and the parameters it was run with.

#include "model/parameters.hpp"
#include "model/recorder.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::analysis {

/// The three variables of the RKK model.
enum class Rkk : std::uint8_t { richting, kwaliteit, kwantiteit };
/// "richting", "kwaliteit" or "kwantiteit".
std::string_view rkk_name(Rkk rkk);

/// The values a metric can take by its nature: counts, amounts, hours and days are never below
/// 0, shares lie from 0 to 1, a percentage of revenue from 0 to 100. Intervals shown to people
/// are clipped to them (README, "Intervals at a natural bound"); result files keep the raw
/// t-interval.
struct Bounds {
  std::optional<double> low;
  std::optional<double> high;
};

/// The natural bounds of a metric of this unit: [0, inf) for counts, amounts, hours and days,
/// [0, 1] for shares, [0, 100] for "%"; none for growth ("customers per year", "% per year").
Bounds natural_bounds(std::string_view unit);

/// What a metric is: its name in every output, its RKK dimension, its unit and its bounds.
struct MetricInfo {
  std::string name;
  Rkk rkk;
  std::string unit;
  bool contract = true; ///< named in metrics.md (false: salesfab's extension)
  Bounds bounds;        ///< natural_bounds(unit), or the metric's own (a_share_change: -1 to 1)
};

/// A metric's value in one replication; empty where its denominator is 0.
using MetricValue = std::optional<double>;

/// The metrics of a scenario, in output order: kwantiteit, kwaliteit, richting. Depends on the
/// parameters only through the funnel's stage names (conversion_STAGE) and the targets.
std::vector<MetricInfo> metric_catalogue(const model::Parameters &params);

/// Every metric of the catalogue for one replication, in the catalogue's order.
std::vector<MetricValue> compute_metrics(const model::Record &record,
                                         const model::Parameters &params);

/// What a report period shows over time (timeseries.csv).
std::vector<MetricInfo> period_metric_catalogue(const model::Parameters &params);

/// The period metrics of one replication: [period][metric].
std::vector<std::vector<MetricValue>> compute_period_metrics(const model::Record &record,
                                                             const model::Parameters &params);

/// The p-quantile (0..1) of `values` by linear interpolation between order statistics (the
/// definition of R's type 7 and numpy's default). `values` is reordered.
double quantile(std::vector<double> &values, double p);

} // namespace salesfab::analysis
