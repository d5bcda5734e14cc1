#pragma once
// Experiments: every replication of every variant of every scenario, on worker threads. Each
// replication's random numbers come from (scenario seed, replication index) only and results are
// gathered in replication order, so results are the same, bit for bit, for any thread count.

#include "analysis/measure/precision.hpp"
#include "analysis/measure/result.hpp"
#include "model/factory.hpp"
#include "model/parameters.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
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

/// How far an experiment has come.
struct Progress {
  std::size_t done = 0;  ///< replications finished
  std::size_t total = 0; ///< replications planned (with a precision goal: an estimate)
  /// With precision goals: the worst relative half-width among the watched quantities now.
  std::optional<double> precision;
  double target = 0; ///< the precision goals' (largest) target (0: none)
};

class Distributor;

/// A shard's part of a variant: replications [from, to).
struct Slice {
  std::size_t from = 0;
  std::size_t to = 0;
};

/// How an experiment runs.
struct Options {
  int threads = 0;           ///< 0: all cores
  bool keep_records = false; ///< keep each replication's raw record (analysis::Replication)
  model::RunLimits limits{default_max_events, max_accounts_alive, nullptr}; ///< per replication
  std::atomic<bool> *stop = nullptr; ///< set to true to stop (replications under way finish)
  /// Variants whose run.precision is set replicate until precise enough instead of a fixed
  /// number (analysis/measure/precision.hpp): each stops on its own, or — `paired` — all stop
  /// together when the paired differences of every other variant against the first are precise
  /// enough (they must then share one goal). The number reached, and so every result, is the
  /// same for any thread count: replications run in batches, but the procedure takes them one
  /// by one, in order, and drops those beyond its stop.
  bool paired = false;
  /// A shard: variant v runs only replications slices[v] (empty: all); precision goals are then
  /// refused (their count is decided in order, as replications come in).
  std::vector<Slice> slices;
  /// Where replications run (nullptr: on this process's threads), e.g. the ranks of an MPI job.
  Distributor *distributor = nullptr;
  /// Called (one at a time) as replications finish.
  std::function<void(const Progress &)> progress;
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
/// complete() is false. With a precision goal a variant's run.replications becomes the number
/// reached and its `precision` says what was reached. Throws the first error a replication
/// raised (in job order), after all threads stopped.
std::vector<analysis::VariantResult> run(const std::vector<VariantSpec> &variants,
                                         const Options &options, RunStats *stats = nullptr,
                                         const std::vector<bool> &skip = {});

/// One replication of a variant, simulated and measured: the one computation every driver,
/// thread and process runs.
analysis::Replication replicate(const VariantSpec &variant, std::uint64_t replication,
                                const model::RunLimits &limits, bool keep_record = false);

/// Shard k (from 0) of n: the k-th of n equal, contiguous parts of the work list — every
/// replication of every variant, variant by variant, in replication order — as each variant's
/// slice (empty where the shard holds none of it). Parts differ in size by at most one.
std::vector<Slice> shard_slices(std::span<const std::size_t> replications, std::size_t k,
                                std::size_t n);

/// The precision goal of a variant's run settings (empty without run.precision); the watched
/// metrics default to the key metrics.
std::optional<analysis::PrecisionGoal> precision_goal(const model::RunParameters &run);

/// The number of threads `threads` means (0: all cores), never more than `jobs`.
int effective_threads(int threads, std::size_t jobs);

} // namespace salesfab::experiment
