#pragma once
// Replications of several variants on the worker threads. Each variant's replications are kept
// in order, each in its own slot: asked for more, the replicator runs only what is missing, and
// which thread ran a replication never shows in its values. The drivers (a fixed number, until
// precise enough, optimisation) decide how many each variant needs.

#include "analysis/measure/result.hpp"
#include "experiment/distributor.hpp"
#include "experiment/experiment.hpp"

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace salesfab::experiment {

/// The replications of a set of variants.
class Replicator {
public:
  /// `options`' threads, limits, stop, keep_records and progress apply.
  Replicator(const std::vector<VariantSpec> &variants, const Options &options);
  Replicator(const Replicator &) = delete;
  Replicator &operator=(const Replicator &) = delete;

  /// Runs what is missing so that variant v holds replications [first[v], counts[v]) (first
  /// empty: from 0), on the threads — or through Options::distributor. `variant_done(v)` is
  /// called (one call at a time) as soon as variant v holds all of them. A replication that fails
  /// stops the others (see `isolate`); Ctrl-C leaves the rest not done.
  void extend(std::span<const std::size_t> counts,
              const std::function<void(std::size_t)> &variant_done = {},
              std::span<const std::size_t> first = {});

  /// With isolation, a failing replication marks only its own variant failed; the others go on.
  void isolate(bool on) { isolate_ = on; }
  /// True when stopped (Ctrl-C) or, without isolation, when a replication failed.
  [[nodiscard]] bool halted() const;
  /// The first error of variant v's replications (in replication order), if any.
  [[nodiscard]] std::exception_ptr error(std::size_t v) const;
  /// The first error in variant, then replication order, if any.
  [[nodiscard]] std::exception_ptr first_error() const;

  /// True when variant v holds replication r.
  [[nodiscard]] bool has(std::size_t v, std::size_t r) const;
  /// Replications variant v holds from 0 on without a gap.
  [[nodiscard]] std::size_t count(std::size_t v) const;
  /// Replication r of variant v (precondition: has(v, r)).
  [[nodiscard]] const analysis::Replication &at(std::size_t v, std::size_t r) const;
  /// Variant v's result from its first n replications, summarized; they are moved out.
  analysis::VariantResult take(std::size_t v, std::size_t n);
  /// Variant v's result from copies of its first n replications, summarized.
  [[nodiscard]] analysis::VariantResult result(std::size_t v, std::size_t n) const;

  /// The planned total, for the progress callback's estimate.
  void set_total(std::size_t total) { total_ = total; }
  /// The precision reached so far and the target, for the progress callback.
  void set_precision(std::optional<double> worst, double target) {
    worst_ = worst;
    target_ = target;
  }
  /// Replications finished so far.
  [[nodiscard]] std::size_t finished() const { return finished_.load(); }
  /// The most threads one extend() used.
  [[nodiscard]] int threads() const { return threads_; }
  [[nodiscard]] std::size_t size() const { return variants_.size(); }
  [[nodiscard]] const VariantSpec &spec(std::size_t v) const { return variants_[v]; }

private:
  void work(const std::vector<Job> &jobs, const std::function<void(std::size_t)> &variant_done);
  void distribute(const std::vector<Job> &jobs, int threads,
                  const std::function<void(std::size_t)> &variant_done);
  void compute(const Job &job, const std::function<void(std::size_t)> &variant_done);
  void store(const Job &job, analysis::Replication replication,
             const std::function<void(std::size_t)> &variant_done);
  void fail(const Job &job, std::exception_ptr error);

  const std::vector<VariantSpec> &variants_;
  const Options &options_;
  model::RunLimits limits_;
  std::vector<std::vector<std::optional<analysis::Replication>>> slots_;
  std::vector<std::vector<std::exception_ptr>> errors_; // [variant][replication]
  std::vector<std::atomic<bool>> failed_variant_;
  std::vector<std::atomic<std::size_t>> remaining_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::atomic<std::size_t> finished_{0};
  std::mutex mutex_;
  std::size_t total_ = 0;
  std::optional<double> worst_;
  double target_ = 0;
  bool isolate_ = false;
  int threads_ = 1;
};

} // namespace salesfab::experiment
