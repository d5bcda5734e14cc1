#pragma once
// The one in-memory result of a variant: what was run, every replication's values, and their
// summaries across replications. The experiment fills it; every view reads it — terminal
// tables, result files, the HTML report, compare, analyze, and the commands built on them.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/precision.hpp"
#include "analysis/measure/statistics.hpp"
#include "model/parameters.hpp"
#include "model/recorder.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::analysis {

/// What one replication of a variant gave.
struct Replication {
  std::uint64_t index = 0;          ///< from 0; with the scenario's seed it fixes the randomness
  std::uint64_t seed = 0;           ///< the replication's own seed (engine::replication_seed)
  std::uint64_t events = 0;         ///< events simulated, warm-up included
  std::vector<MetricValue> metrics; ///< per metric of the catalogue
  std::vector<std::vector<MetricValue>> periods; ///< [report period][period metric]
  std::vector<double> period_start_days;         ///< per report period
  std::shared_ptr<const model::Record> record;   ///< the raw record, when it was asked for
};

/// The values of one replication, measured from its record.
Replication measure(model::Record record, const model::Parameters &params, std::uint64_t index,
                    bool keep_record = false);

/// One variant's results.
struct VariantResult {
  std::string scenario;            ///< the scenario's name (its file's `name`)
  std::string variant;             ///< the variant's name: the scenario's, or name[key=value,...]
  model::Parameters parameters;    ///< as run (replications, seed and confidence included)
  std::vector<MetricInfo> metrics; ///< the catalogue, in output order
  std::vector<MetricInfo> period_metrics;   ///< what each report period shows
  std::vector<Replication> replications;    ///< the finished ones, in replication order
  std::vector<Summary> summaries;           ///< per metric, after summarize()
  std::vector<std::vector<Summary>> series; ///< [report period][period metric], after summarize()
  /// With --precision: what the sequential procedure reached (its watched quantities).
  std::optional<PrecisionReport> precision;

  /// An empty result for a variant to be run: its catalogue, no replications.
  static VariantResult planned(std::string scenario, std::string variant,
                               const model::Parameters &parameters);
  /// Computes the summaries and the series from the replications, at run.confidence.
  void summarize();
  /// True when every planned replication is there.
  [[nodiscard]] bool complete() const;
  /// The index of the metric of this name in the catalogue; -1 when there is none.
  [[nodiscard]] int index(std::string_view metric) const;
  /// The summary of the metric of this name, or nullptr.
  [[nodiscard]] const Summary *summary(std::string_view metric) const;
  /// The mean of the metric of this name; empty when it has none.
  [[nodiscard]] std::optional<double> mean(std::string_view metric) const;
  /// The values of metric `m` over the replications, in order.
  [[nodiscard]] std::vector<MetricValue> values(std::size_t m) const;
  /// The values of the metric of this name (empty when there is none).
  [[nodiscard]] std::vector<MetricValue> values(std::string_view metric) const;
  /// The day each report period starts (from the first replication; the same in all).
  [[nodiscard]] const std::vector<double> &period_start_days() const;
  /// Events simulated over all replications.
  [[nodiscard]] std::uint64_t events() const;
};

} // namespace salesfab::analysis
