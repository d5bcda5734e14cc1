#include "experiment/experiment.hpp"

#include "analysis/measure/comparison.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace salesfab::experiment {

std::optional<analysis::PrecisionGoal> precision_goal(const model::RunParameters &run) {
  if (!run.precision)
    return std::nullopt;
  analysis::PrecisionGoal goal;
  goal.target = *run.precision;
  goal.metrics = run.precision_metrics;
  if (goal.metrics.empty())
    for (const auto &k : analysis::key_metrics())
      goal.metrics.emplace_back(k.name);
  goal.min_replications = run.min_replications;
  goal.max_replications = run.max_replications;
  goal.confidence = run.confidence;
  return goal;
}

int effective_threads(int threads, std::size_t jobs) {
  int t = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  t = std::max(t, 1);
  return static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(t), std::max<std::size_t>(jobs, 1)));
}

namespace {

struct Job {
  std::size_t variant;
  std::uint64_t replication;
};

// One experiment: the variants' results, the slots their replications go to, and the workers
// that take jobs in order. The fixed driver runs every planned replication in one go; the
// sequential one (a precision goal) runs batches until its procedure stops.
class Run {
public:
  Run(const std::vector<VariantSpec> &variants, const Options &options)
      : variants_(variants), options_(options), slots_(variants.size()),
        remaining_(variants.size()) {
    for (const VariantSpec &v : variants)
      results_.push_back(analysis::VariantResult::planned(v.scenario, v.variant, v.parameters));
    limits_ = options.limits;
    limits_.stop = options.stop;
  }

  // Every planned replication of every variant not skipped, at once.
  void run_fixed(const std::vector<bool> &skip) {
    std::vector<Job> jobs;
    for (std::size_t v = 0; v < variants_.size(); ++v) {
      const auto n = static_cast<std::size_t>(variants_[v].parameters.run.replications);
      if ((v < skip.size() && skip[v]) || variants_[v].parameters.run.precision)
        continue; // skipped, or replicated until precise enough (run_sequential)
      slots_[v].resize(n);
      for (std::uint64_t r = 0; r < n; ++r)
        jobs.push_back(Job{v, r});
      remaining_[v] = n;
    }
    total_ = jobs.size();
    execute(jobs, /*gather_when_complete=*/true);
  }

  void run_sequential(const std::vector<bool> &skip);

  [[nodiscard]] int threads() const { return threads_; }

  // The results, once every worker has stopped; rethrows the first error, in job order.
  std::vector<analysis::VariantResult> finish() {
    for (const auto &e : errors_)
      if (e)
        std::rethrow_exception(e);
    for (std::size_t v = 0; v < results_.size(); ++v)
      if (results_[v].replications.empty()) // interrupted or skipped: keep what finished
        gather(v, slots_[v].size());
    return std::move(results_);
  }

private:
  // Simulates the jobs on the threads, each into its slot. With `gather_when_complete`, the
  // last replication of a variant gathers the variant and hands it on.
  void execute(const std::vector<Job> &jobs, bool gather_when_complete) {
    jobs_ = &jobs;
    gather_when_complete_ = gather_when_complete;
    next_ = 0;
    errors_.resize(errors_.size() + jobs.size());
    error_base_ = errors_.size() - jobs.size();
    threads_ = std::max(threads_, effective_threads(options_.threads, jobs.size()));
    const int threads = effective_threads(options_.threads, jobs.size());
    if (threads == 1) {
      work();
    } else {
      std::vector<std::jthread> pool;
      for (int t = 0; t < threads; ++t)
        pool.emplace_back([this] { work(); });
    }
  }

  [[nodiscard]] bool halted() const {
    return failed_.load() || (options_.stop != nullptr && options_.stop->load());
  }

  // Takes jobs until there are none left, the run is stopped, or a replication failed.
  void work() {
    for (;;) {
      if (halted())
        return;
      const std::size_t j = next_.fetch_add(1);
      if (j >= jobs_->size())
        return;
      const Job &job = (*jobs_)[j];
      try {
        simulate(job);
      } catch (const model::Interrupted &) {
        return; // left not done
      } catch (const model::RunawayError &e) {
        errors_[error_base_ + j] = std::make_exception_ptr(
            model::RunawayError(variants_[job.variant].variant + ", replication " +
                                std::to_string(job.replication) + ": " + e.what()));
        failed_.store(true);
        return;
      } catch (...) {
        errors_[error_base_ + j] = std::current_exception();
        failed_.store(true);
        return;
      }
    }
  }

  void simulate(const Job &job) {
    const model::Parameters &params = variants_[job.variant].parameters;
    slots_[job.variant][job.replication] =
        analysis::measure(model::simulate(params, job.replication, nullptr, limits_), params,
                          job.replication, options_.keep_records);
    const std::size_t done = finished_.fetch_add(1) + 1;
    // The last replication of a variant gathers them all: the atomic orders the others' writes.
    const bool variant_complete =
        gather_when_complete_ && remaining_[job.variant].fetch_sub(1) == 1;
    if (variant_complete)
      gather(job.variant, slots_[job.variant].size());
    if (options_.progress || (variant_complete && options_.variant_done)) {
      const std::lock_guard lock(progress_mutex_);
      if (variant_complete && options_.variant_done)
        options_.variant_done(job.variant, results_[job.variant]);
      if (options_.progress)
        options_.progress(progress(done));
    }
  }

  [[nodiscard]] Progress progress(std::size_t done) const {
    Progress p;
    p.done = done;
    p.total = std::max(done, total_);
    p.precision = worst_;
    p.target = target_;
    return p;
  }

  // Moves a variant's first n finished replications into its result, in order, and
  // summarizes them.
  void gather(std::size_t v, std::size_t n) {
    for (std::size_t r = 0; r < n && r < slots_[v].size(); ++r)
      if (slots_[v][r])
        results_[v].replications.push_back(std::move(*slots_[v][r]));
    slots_[v].clear();
    results_[v].summarize();
  }

  struct Group;
  std::vector<Group> groups(const std::vector<bool> &skip) const;
  std::vector<analysis::MetricValue> watched_values(const Group &g, std::size_t r) const;
  bool feed(Group &g);
  void close(Group &g);

  const std::vector<VariantSpec> &variants_;
  const Options &options_;
  model::RunLimits limits_;
  std::vector<analysis::VariantResult> results_;
  std::vector<std::vector<std::optional<analysis::Replication>>> slots_;
  std::vector<std::atomic<std::size_t>> remaining_;
  const std::vector<Job> *jobs_ = nullptr;
  bool gather_when_complete_ = false;
  std::vector<std::exception_ptr> errors_;
  std::size_t error_base_ = 0;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false}; // a replication failed: the others stop taking work
  std::atomic<std::size_t> finished_{0};
  std::size_t total_ = 0;
  std::optional<double> worst_; // the worst watched precision so far (sequential)
  double target_ = 0;           // the largest precision target (sequential)
  std::mutex progress_mutex_;
  int threads_ = 1;
};

// ---------------------------------------------------------------------------------------------
// The sequential driver: variants in groups that stop together (one each, or all when paired).

struct Run::Group {
  std::vector<std::size_t> variants; // the first is the base when paired
  // Watched series: (metric index in each variant, or the base's for paired), per alternative.
  struct Watch {
    std::size_t alternative; // variant index (the one watched, or the alternative when paired)
    std::size_t metric;      // index in that variant's catalogue
    std::size_t base_metric; // index in the base's catalogue (paired only)
  };
  std::vector<Watch> watches;
  std::optional<analysis::PrecisionRule> rule;
  std::size_t scheduled = 0; // replications planned so far for each variant of the group
  int max = 0;               // the goal's max_replications
  bool done = false;
};

std::vector<Run::Group> Run::groups(const std::vector<bool> &skip) const {
  std::vector<std::vector<std::size_t>> members;
  for (std::size_t v = 0; v < variants_.size(); ++v) {
    if ((v < skip.size() && skip[v]) || !variants_[v].parameters.run.precision)
      continue;
    if (options_.paired && !members.empty())
      members.front().push_back(v);
    else
      members.push_back({v});
  }
  std::vector<Group> out;
  for (auto &m : members) {
    Group g;
    g.variants = std::move(m);
    const std::size_t base = g.variants.front();
    const analysis::PrecisionGoal goal = *precision_goal(variants_[base].parameters.run);
    std::vector<std::string> names;
    const bool paired = options_.paired;
    for (std::size_t k = paired ? 1 : 0; k < g.variants.size(); ++k) {
      const std::size_t v = g.variants[k];
      if (paired && precision_goal(variants_[v].parameters.run)->metrics != goal.metrics)
        throw std::invalid_argument("paired variants with different precision goals");
      for (const std::string &metric : goal.metrics) {
        const int a = results_[v].index(metric), b = results_[base].index(metric);
        if (a < 0 || b < 0)
          throw std::invalid_argument("precision_metrics: " + metric + " is not a metric of " +
                                      results_[a < 0 ? v : base].variant);
        g.watches.push_back({v, static_cast<std::size_t>(a), static_cast<std::size_t>(b)});
        names.push_back(paired ? analysis::paired_name(metric, results_[v], results_[base])
                               : metric);
      }
    }
    g.rule.emplace(goal, std::move(names));
    g.max = goal.max_replications;
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<analysis::MetricValue> Run::watched_values(const Group &g, std::size_t r) const {
  std::vector<analysis::MetricValue> values;
  const std::size_t base = g.variants.front();
  for (const auto &w : g.watches) {
    const auto &alt = slots_[w.alternative][r]->metrics[w.metric];
    if (!options_.paired) {
      values.push_back(alt);
      continue;
    }
    const auto &b = slots_[base][r]->metrics[w.base_metric];
    values.push_back(alt && b ? analysis::MetricValue(*alt - *b) : std::nullopt);
  }
  return values;
}

// Feeds the group's finished replications to its procedure, one by one, in order; true when it
// stopped.
bool Run::feed(Group &g) {
  for (auto r = static_cast<std::size_t>(g.rule->count()); r < g.scheduled; ++r) {
    for (const std::size_t v : g.variants)
      if (!slots_[v][r])
        return false; // interrupted before this one finished
    if (g.rule->add(watched_values(g, r)))
      return true;
  }
  return false;
}

// The group stopped: its variants keep the replications the procedure used, no more.
void Run::close(Group &g) {
  g.done = true;
  const analysis::PrecisionReport report = g.rule->report();
  for (const std::size_t v : g.variants) {
    gather(v, static_cast<std::size_t>(report.replications));
    results_[v].parameters.run.replications = report.replications;
    results_[v].precision = report;
    if (options_.variant_done)
      options_.variant_done(v, results_[v]);
  }
}

void Run::run_sequential(const std::vector<bool> &skip) {
  std::vector<Group> all = groups(skip);
  for (const Group &g : all)
    target_ = std::max(target_, *variants_[g.variants.front()].parameters.run.precision);
  const int threads = effective_threads(options_.threads, std::numeric_limits<std::size_t>::max());
  for (;;) {
    std::vector<Job> jobs;
    std::size_t active = 0;
    for (const Group &g : all)
      active += g.done ? 0 : g.variants.size();
    if (active == 0 || halted())
      break;
    total_ = finished_;
    for (Group &g : all) {
      if (g.done)
        continue;
      // Enough for the estimate, and enough to keep every thread busy; never past the maximum.
      const auto estimate = static_cast<std::size_t>(g.rule->estimate_remaining());
      const std::size_t busy = (static_cast<std::size_t>(threads) + active - 1) / active;
      const std::size_t room = static_cast<std::size_t>(g.max) - g.scheduled;
      const std::size_t batch = std::min(room, std::max(estimate, busy));
      for (const std::size_t v : g.variants) {
        slots_[v].resize(g.scheduled + batch);
        for (std::size_t r = g.scheduled; r < g.scheduled + batch; ++r)
          jobs.push_back(Job{v, r});
      }
      g.scheduled += batch;
      total_ += g.variants.size() * (static_cast<std::size_t>(g.rule->count()) + estimate);
    }
    execute(jobs, /*gather_when_complete=*/false);
    if (halted()) {
      // Interrupted: a group the procedure did not stop has no result.
      for (const Group &g : all)
        for (const std::size_t v : g.variants)
          if (!g.done)
            slots_[v].clear();
      break;
    }
    worst_.reset();
    for (Group &g : all) {
      if (!g.done && feed(g))
        close(g);
      if (const auto w = g.rule->worst(); w && !g.done)
        worst_ = std::max(worst_.value_or(0.0), *w);
    }
  }
}

} // namespace

std::vector<analysis::VariantResult> run(const std::vector<VariantSpec> &variants,
                                         const Options &options, RunStats *stats,
                                         const std::vector<bool> &skip) {
  const auto started = std::chrono::steady_clock::now();
  Run run(variants, options);
  run.run_fixed(skip);
  run.run_sequential(skip);
  std::vector<analysis::VariantResult> results = run.finish();
  if (stats != nullptr) {
    stats->events = 0;
    for (const auto &v : results)
      stats->events += v.events();
    stats->wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats->threads = run.threads();
  }
  return results;
}

} // namespace salesfab::experiment
