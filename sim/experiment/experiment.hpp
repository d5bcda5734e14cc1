#pragma once
// Experiments: every replication of every variant of every scenario, on worker threads. Each
// replication's random numbers come from (scenario seed, replication index) only and results are
// gathered in replication order, so results are the same, bit for bit, for any thread count.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/statistics.hpp"
#include "model/factory.hpp"
#include "model/parameters.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace salesfab::experiment {

/// One variant to simulate: a name and its parameters.
struct VariantSpec {
  std::string scenario; ///< the scenario's name (its file's `name`)
  std::string variant;  ///< the variant's name (the scenario's name, or name[key=value,...])
  model::Parameters parameters;
};

/// What one replication produced.
struct ReplicationResult {
  std::uint64_t seed = 0; ///< the replication's seed (see engine::replication_seed)
  std::vector<analysis::MetricValue> metrics;              ///< per metric of the catalogue
  std::vector<std::vector<analysis::MetricValue>> periods; ///< [period][period metric]
  std::vector<double> period_start_days;
  std::uint64_t events = 0;
  bool done = false; ///< false when the run was interrupted before this replication finished
  std::shared_ptr<const model::Record> record; ///< the raw record, with Options::keep_records
};

/// A variant's results.
struct VariantResult {
  VariantSpec spec;
  std::vector<analysis::MetricInfo> metrics; ///< the catalogue
  std::vector<analysis::MetricInfo> period_metrics;
  std::vector<ReplicationResult> replications; ///< in replication order
  /// True when every replication finished.
  [[nodiscard]] bool complete() const;
  /// The values of metric `m` over the finished replications.
  [[nodiscard]] std::vector<analysis::MetricValue> values(std::size_t m) const;
  /// Summary of metric `m` at the scenario's confidence level.
  [[nodiscard]] analysis::Summary summary(std::size_t m) const;
  /// Index of a metric by name; -1 when the catalogue has none of that name.
  [[nodiscard]] int metric_index(std::string_view name) const;
};

/// How an experiment runs.
struct Options {
  int threads = 0;                   ///< 0: all cores
  bool keep_records = false;         ///< keep each replication's raw record
  model::RunLimits limits;           ///< per replication
  std::atomic<bool> *stop = nullptr; ///< set to true to stop (replications under way finish)
  /// Called (from worker threads, one at a time) after each replication: done, total.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Called (from worker threads, one at a time) when all replications of a variant are done,
  /// with the variant's index and result.
  std::function<void(std::size_t, const VariantResult &)> variant_done;
};

/// The numbers of a whole experiment's work.
struct RunStats {
  std::uint64_t events = 0;
  double wall_seconds = 0;
  int threads = 1;
};

/// Simulates every replication of every variant whose `skip` entry is not true (skip may be
/// empty). Replications are independent jobs spread over the threads; each result goes to its
/// own place, so the outcome does not depend on timing. When stopped (Options::stop), the
/// replications not finished have done == false. Throws the first error a replication raised
/// (in job order), after all threads stopped.
std::vector<VariantResult> run(const std::vector<VariantSpec> &variants, const Options &options,
                               RunStats *stats = nullptr, const std::vector<bool> &skip = {});

/// The number of threads `threads` means (0: all cores), never more than `jobs`.
int effective_threads(int threads, std::size_t jobs);

} // namespace salesfab::experiment
