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

/// What a metric is: its name in every output, its RKK dimension and its unit.
struct MetricInfo {
  std::string name;
  Rkk rkk;
  std::string unit;
  bool contract = true; ///< named in metrics.md (false: salesfab's extension)
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
