#pragma once
// What the HTML report shows, as plain data: the command line fills it from the experiment's
// results; the report's writers (html_report, factory_diagram) read only this.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/statistics.hpp"
#include "analysis/present/words.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::present::report {

using analysis::Rkk;
using analysis::Summary;

/// One metric of a variant: its mean and confidence interval over the replications.
struct Metric {
  std::string name; ///< as in summary.csv: revenue_per_year, ...
  Rkk rkk = Rkk::kwantiteit;
  std::string unit; ///< as in summary.csv: per year, money, share, ...
  Summary summary;
};

/// One point of a time series (timeseries.csv): a period metric's mean and interval.
struct SeriesPoint {
  int period = 0;       ///< from 1
  double start_day = 0; ///< the day the period starts
  std::string metric;   ///< customers_a, revenue, pipeline_STAGE, queue_qualifier, ...
  std::optional<double> mean;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
};

/// One variant that was run: what it was and what came out.
struct Variant {
  std::string scenario; ///< the scenario's name
  std::string variant;  ///< the variant's name (the scenario's name, or with the sweep's values)
  std::string title;    ///< the scenario's title, may be empty
  std::size_t file = 0; ///< index into Input::files
  int replications = 0;
  std::uint64_t seed = 0;
  double confidence = 0.95;
  double horizon_days = 0;
  double warmup_days = 0;
  std::vector<std::string> stages;      ///< the funnel's stages, in order
  std::size_t existing_enter_stage = 0; ///< where customers' opportunities enter the funnel
  std::vector<Metric> metrics;          ///< in output order
  std::vector<SeriesPoint> series;      ///< by period, then metric

  /// The metric of this name, or nullptr.
  [[nodiscard]] const Metric *find(std::string_view name) const;
  /// The mean of the metric of this name; empty when there is none.
  [[nodiscard]] std::optional<double> mean(std::string_view name) const;
};

/// A scenario file as it was read.
struct File {
  std::string source; ///< its path, or "(built-in basis)"
  std::string text;   ///< its bytes
};

/// Everything the report shows.
struct Input {
  Language language = Language::en;
  std::string version;           ///< salesfab's version
  std::vector<std::string> sets; ///< the --set KEY=VALUE settings, as given
  std::vector<File> files;
  std::vector<Variant> variants;
};

/// A number for people in the report: grouped thousands, about three significant digits for
/// small values, a decimal comma in Dutch; "–" for an empty value.
std::string format_value(Language language, std::optional<double> value);

} // namespace salesfab::present::report
