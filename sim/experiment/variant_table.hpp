#pragma once
// A variant's results as every output reads them: per metric its summary and its value in each
// replication, read back from the variant's result rows. Rows are the canonical form of a
// result (a resumed variant has nothing else), so tables, comparisons and --format output all
// read them the same way.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/statistics.hpp"
#include "experiment/result_files.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::experiment {

/// One metric of a variant.
struct MetricRow {
  std::string name;
  analysis::Rkk rkk = analysis::Rkk::kwantiteit;
  std::string unit;
  analysis::Summary summary;
  std::vector<analysis::MetricValue> values; ///< per replication, in order
};

/// A variant's metrics.
struct VariantTable {
  std::string scenario;
  std::string variant;
  std::vector<MetricRow> metrics;
  /// The metric of this name, or nullptr.
  [[nodiscard]] const MetricRow *find(std::string_view name) const;
};

/// Reads a variant's summary and replication rows back.
VariantTable read_variant_rows(const VariantRows &rows);

/// One point of a time series: a period metric's mean and interval over the replications.
struct SeriesPoint {
  int period = 0; ///< from 1
  double start_day = 0;
  std::string metric; ///< a period metric: customers, revenue, pipeline_STAGE, ...
  std::optional<double> mean;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
};

/// Reads a variant's time-series rows back, in file order (by period, then metric).
std::vector<SeriesPoint> read_series_rows(const VariantRows &rows);

} // namespace salesfab::experiment
