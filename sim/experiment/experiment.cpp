#include "experiment/experiment.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace salesfab::experiment {

int effective_threads(int threads, std::size_t jobs) {
  int t = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  t = std::max(t, 1);
  return static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(t), std::max<std::size_t>(jobs, 1)));
}

namespace {

// One experiment: its jobs (a replication of a variant each), the workers that take them in
// order, and the slots their results go to.
class Run {
public:
  Run(const std::vector<VariantSpec> &variants, const Options &options,
      const std::vector<bool> &skip)
      : variants_(variants), options_(options), slots_(variants.size()),
        remaining_(variants.size()) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      results_.push_back(analysis::VariantResult::planned(variants[v].scenario, variants[v].variant,
                                                          variants[v].parameters));
      const auto n = static_cast<std::size_t>(variants[v].parameters.run.replications);
      slots_[v].resize(n);
      if (v < skip.size() && skip[v])
        continue;
      for (std::uint64_t r = 0; r < n; ++r)
        jobs_.push_back(Job{v, r});
      remaining_[v] = n;
    }
    limits_ = options.limits;
    limits_.stop = options.stop;
    errors_.resize(jobs_.size());
  }

  [[nodiscard]] std::size_t jobs() const { return jobs_.size(); }

  // Takes jobs until there are none left, the run is stopped, or a replication failed.
  void work() {
    for (;;) {
      if (failed_.load() || (options_.stop != nullptr && options_.stop->load()))
        return;
      const std::size_t j = next_.fetch_add(1);
      if (j >= jobs_.size())
        return;
      try {
        simulate(jobs_[j]);
      } catch (const model::Interrupted &) {
        return; // left not done
      } catch (const model::RunawayError &e) {
        errors_[j] = std::make_exception_ptr(
            model::RunawayError(variants_[jobs_[j].variant].variant + ", replication " +
                                std::to_string(jobs_[j].replication) + ": " + e.what()));
        failed_.store(true);
        return;
      } catch (...) {
        errors_[j] = std::current_exception();
        failed_.store(true);
        return;
      }
    }
  }

  // The results, once every worker has stopped; rethrows the first error, in job order.
  std::vector<analysis::VariantResult> finish() {
    for (const auto &e : errors_)
      if (e)
        std::rethrow_exception(e);
    for (std::size_t v = 0; v < results_.size(); ++v)
      if (results_[v].replications.empty()) // interrupted or skipped: keep what finished
        gather(v);
    return std::move(results_);
  }

private:
  struct Job {
    std::size_t variant;
    std::uint64_t replication;
  };

  void simulate(const Job &job) {
    const model::Parameters &params = variants_[job.variant].parameters;
    slots_[job.variant][job.replication] =
        analysis::measure(model::simulate(params, job.replication, nullptr, limits_), params,
                          job.replication, options_.keep_records);
    const std::size_t done = finished_.fetch_add(1) + 1;
    // The last replication of a variant gathers them all: the atomic orders the others' writes.
    const bool variant_complete = remaining_[job.variant].fetch_sub(1) == 1;
    if (variant_complete)
      gather(job.variant);
    if (options_.progress || (variant_complete && options_.variant_done)) {
      const std::lock_guard lock(progress_mutex_);
      if (variant_complete && options_.variant_done)
        options_.variant_done(job.variant, results_[job.variant]);
      if (options_.progress)
        options_.progress(done, jobs_.size());
    }
  }

  // Moves a variant's finished replications into its result, in order, and summarizes them.
  void gather(std::size_t v) {
    for (auto &slot : slots_[v])
      if (slot)
        results_[v].replications.push_back(std::move(*slot));
    slots_[v].clear();
    results_[v].summarize();
  }

  const std::vector<VariantSpec> &variants_;
  const Options &options_;
  model::RunLimits limits_;
  std::vector<analysis::VariantResult> results_;
  std::vector<std::vector<std::optional<analysis::Replication>>> slots_;
  std::vector<std::atomic<std::size_t>> remaining_;
  std::vector<Job> jobs_;
  std::vector<std::exception_ptr> errors_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false}; // a replication failed: the others stop taking work
  std::atomic<std::size_t> finished_{0};
  std::mutex progress_mutex_;
};

} // namespace

std::vector<analysis::VariantResult> run(const std::vector<VariantSpec> &variants,
                                         const Options &options, RunStats *stats,
                                         const std::vector<bool> &skip) {
  const auto started = std::chrono::steady_clock::now();
  Run run(variants, options, skip);
  const int threads = effective_threads(options.threads, run.jobs());
  if (threads == 1) {
    run.work();
  } else {
    std::vector<std::jthread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&run] { run.work(); });
  }
  std::vector<analysis::VariantResult> results = run.finish();
  if (stats != nullptr) {
    stats->events = 0;
    for (const auto &v : results)
      stats->events += v.events();
    stats->wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats->threads = threads;
  }
  return results;
}

} // namespace salesfab::experiment
