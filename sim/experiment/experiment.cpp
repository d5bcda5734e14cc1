#include "experiment/experiment.hpp"

#include "engine/random_stream.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

namespace salesfab::experiment {

bool VariantResult::complete() const {
  return std::all_of(replications.begin(), replications.end(),
                     [](const ReplicationResult &r) { return r.done; });
}

std::vector<analysis::MetricValue> VariantResult::values(std::size_t m) const {
  std::vector<analysis::MetricValue> out;
  for (const ReplicationResult &r : replications)
    if (r.done)
      out.push_back(r.metrics[m]);
  return out;
}

analysis::Summary VariantResult::summary(std::size_t m) const {
  return analysis::summarize(values(m), spec.parameters.run.confidence);
}

int VariantResult::metric_index(std::string_view name) const {
  for (std::size_t i = 0; i < metrics.size(); ++i)
    if (metrics[i].name == name)
      return static_cast<int>(i);
  return -1;
}

int effective_threads(int threads, std::size_t jobs) {
  int t = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  t = std::max(t, 1);
  return static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(t), std::max<std::size_t>(jobs, 1)));
}

namespace {

ReplicationResult simulate_one(const model::Parameters &params, std::uint64_t replication,
                               const model::RunLimits &limits, bool keep_record) {
  model::Record record = model::simulate(params, replication, nullptr, limits);
  ReplicationResult r;
  r.seed = engine::replication_seed(params.run.seed, replication);
  r.metrics = analysis::compute_metrics(record, params);
  r.periods = analysis::compute_period_metrics(record, params);
  for (const auto &p : record.periods)
    r.period_start_days.push_back(p.start_day);
  r.events = record.events;
  r.done = true;
  if (keep_record)
    r.record = std::make_shared<const model::Record>(std::move(record));
  return r;
}

} // namespace

std::vector<VariantResult> run(const std::vector<VariantSpec> &variants, const Options &options,
                               RunStats *stats, const std::vector<bool> &skip) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<VariantResult> results(variants.size());
  struct Job {
    std::size_t variant;
    std::uint64_t replication;
  };
  std::vector<Job> jobs;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    results[v].spec = variants[v];
    results[v].metrics = analysis::metric_catalogue(variants[v].parameters);
    results[v].period_metrics = analysis::period_metric_catalogue(variants[v].parameters);
    const auto n = static_cast<std::size_t>(variants[v].parameters.run.replications);
    results[v].replications.resize(n);
    if (v < skip.size() && skip[v])
      continue;
    for (std::uint64_t r = 0; r < n; ++r)
      jobs.push_back(Job{v, r});
  }
  std::vector<std::atomic<std::size_t>> remaining(variants.size());
  for (const Job &job : jobs)
    ++remaining[job.variant];
  model::RunLimits limits = options.limits;
  limits.stop = options.stop;

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false}; // a replication failed: the others stop taking work
  std::atomic<std::size_t> finished{0};
  std::mutex progress_mutex;
  std::vector<std::exception_ptr> errors(jobs.size());
  auto worker = [&] {
    for (;;) {
      if (failed.load() || (options.stop != nullptr && options.stop->load()))
        return;
      const std::size_t j = next.fetch_add(1);
      if (j >= jobs.size())
        return;
      const Job &job = jobs[j];
      try {
        results[job.variant].replications[job.replication] = simulate_one(
            variants[job.variant].parameters, job.replication, limits, options.keep_records);
        const std::size_t done = finished.fetch_add(1) + 1;
        const bool variant_complete = remaining[job.variant].fetch_sub(1) == 1;
        if (options.progress || (variant_complete && options.variant_done)) {
          const std::lock_guard lock(progress_mutex);
          if (variant_complete && options.variant_done)
            options.variant_done(job.variant, results[job.variant]);
          if (options.progress)
            options.progress(done, jobs.size());
        }
      } catch (const model::Interrupted &) {
        return; // left not done
      } catch (const model::RunawayError &e) {
        errors[j] = std::make_exception_ptr(
            model::RunawayError(variants[job.variant].variant + ", replication " +
                                std::to_string(job.replication) + ": " + e.what()));
        failed.store(true);
        return;
      } catch (...) {
        errors[j] = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };
  const int threads = effective_threads(options.threads, jobs.size());
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back(worker);
  }
  for (const auto &e : errors)
    if (e)
      std::rethrow_exception(e);
  if (stats != nullptr) {
    stats->events = 0;
    for (const auto &v : results)
      for (const auto &r : v.replications)
        stats->events += r.events;
    stats->wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats->threads = threads;
  }
  return results;
}

} // namespace salesfab::experiment
