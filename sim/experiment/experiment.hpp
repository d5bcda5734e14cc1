#pragma once
// Experiments: every replication of every variant of every scenario, on worker threads. Each
// replication's random numbers come from (scenario seed, replication index) only and results are
// gathered in replication order, so results are the same, bit for bit, for any thread count.

#include "analysis/measure/result.hpp"
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

/// The guards every experiment runs under unless told otherwise: a replication that passes a
/// billion events (about two minutes) or holds two million accounts at once (about 2 GB) is a
/// runaway, stopped with a clear error.
inline constexpr std::uint64_t default_max_events = 1'000'000'000;
inline constexpr std::size_t max_accounts_alive = 2'000'000;

/// How an experiment runs.
struct Options {
  int threads = 0;           ///< 0: all cores
  bool keep_records = false; ///< keep each replication's raw record (analysis::Replication)
  model::RunLimits limits{default_max_events, max_accounts_alive, nullptr}; ///< per replication
  std::atomic<bool> *stop = nullptr; ///< set to true to stop (replications under way finish)
  /// Called (from worker threads, one at a time) after each replication: done, total.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Called (from worker threads, one at a time) when all replications of a variant are done,
  /// with the variant's index and result.
  std::function<void(std::size_t, const analysis::VariantResult &)> variant_done;
};

/// The numbers of a whole experiment's work.
struct RunStats {
  std::uint64_t events = 0;
  double wall_seconds = 0;
  int threads = 1;
};

/// Simulates every replication of every variant whose `skip` entry is not true (skip may be
/// empty); a skipped variant comes back planned, without replications. Replications are
/// independent jobs spread over the threads; each result goes to its own place, so the outcome
/// does not depend on timing. A variant whose replications all finished comes back summarized;
/// when stopped (Options::stop), an unfinished one holds the replications that did finish and
/// complete() is false. Throws the first error a replication raised (in job order), after all
/// threads stopped.
std::vector<analysis::VariantResult> run(const std::vector<VariantSpec> &variants,
                                         const Options &options, RunStats *stats = nullptr,
                                         const std::vector<bool> &skip = {});

/// The number of threads `threads` means (0: all cores), never more than `jobs`.
int effective_threads(int threads, std::size_t jobs);

} // namespace salesfab::experiment
