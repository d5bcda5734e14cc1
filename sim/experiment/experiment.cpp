#include "experiment/experiment.hpp"

#include "analysis/measure/comparison.hpp"
#include "experiment/replicator.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
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

std::vector<Slice> shard_slices(std::span<const std::size_t> replications, std::size_t k,
                                std::size_t n) {
  if (n == 0 || k >= n)
    throw std::invalid_argument("shard_slices: no shard " + std::to_string(k) + " of " +
                                std::to_string(n));
  std::size_t total = 0;
  for (const std::size_t r : replications)
    total += r;
  // floor(total * i / n) without the product's overflow (i <= n, n well below 2^32).
  const auto bound = [&](std::size_t i) { return total / n * i + total % n * i / n; };
  const std::size_t begin = bound(k), end = bound(k + 1);
  std::vector<Slice> slices;
  std::size_t at = 0; // the work index of the variant's first replication
  for (const std::size_t r : replications) {
    const std::size_t from = std::clamp(begin, at, at + r) - at;
    const std::size_t to = std::clamp(end, at, at + r) - at;
    slices.push_back(Slice{from, std::max(from, to)});
    at += r;
  }
  return slices;
}

namespace {

// The variants with a fixed number of replications: all at once; each is handed on as soon as
// its last replication is in (so the caller can keep it while the rest run).
void run_fixed(Replicator &replicas, const std::vector<bool> &skip, const Options &options,
               std::vector<analysis::VariantResult> &results) {
  std::vector<std::size_t> counts(replicas.size(), 0), first(replicas.size(), 0);
  std::size_t total = 0;
  for (std::size_t v = 0; v < replicas.size(); ++v) {
    const auto &run = replicas.spec(v).parameters.run;
    if ((v < skip.size() && skip[v]) || run.precision)
      continue; // skipped, or replicated until precise enough (run_sequential)
    counts[v] = static_cast<std::size_t>(run.replications);
    if (v < options.slices.size()) {
      first[v] = options.slices[v].from;
      counts[v] = options.slices[v].to;
    }
    total += counts[v] - std::min(first[v], counts[v]);
  }
  replicas.set_total(total);
  replicas.extend(
      counts,
      [&](std::size_t v) {
        results[v] = replicas.take(v, counts[v]);
        if (options.variant_done)
          options.variant_done(v, results[v]);
      },
      first);
}

// Variants that stop together: one each, or — paired — all, watching the differences of every
// other variant against the first.
struct Group {
  std::vector<std::size_t> variants;
  struct Watch {
    std::size_t variant; // the one watched (paired: the alternative)
    std::size_t metric;  // its index in that variant's catalogue
    std::size_t base;    // the metric's index in the base's catalogue (paired)
  };
  std::vector<Watch> watches;
  std::optional<analysis::PrecisionRule> rule;
  std::size_t scheduled = 0; // replications planned for each variant of the group
  bool done = false;
};

std::vector<Group> precision_groups(const std::vector<analysis::VariantResult> &planned,
                                    const std::vector<bool> &skip, bool paired) {
  std::vector<Group> out;
  for (std::size_t v = 0; v < planned.size(); ++v) {
    if ((v < skip.size() && skip[v]) || !planned[v].parameters.run.precision)
      continue;
    if (paired && !out.empty())
      out.front().variants.push_back(v);
    else
      out.push_back(Group{{v}, {}, std::nullopt, 0, false});
  }
  for (Group &g : out) {
    const std::size_t base = g.variants.front();
    const analysis::PrecisionGoal goal = *precision_goal(planned[base].parameters.run);
    std::vector<std::string> names;
    for (std::size_t k = paired ? 1 : 0; k < g.variants.size(); ++k) {
      const std::size_t v = g.variants[k];
      const auto other = precision_goal(planned[v].parameters.run);
      if (paired && (other->metrics != goal.metrics || other->target != goal.target))
        throw std::invalid_argument("paired variants with different precision goals");
      for (const std::string &metric : goal.metrics) {
        const int a = planned[v].index(metric), b = planned[base].index(metric);
        if (a < 0 || b < 0)
          throw std::invalid_argument("precision_metrics: " + metric + " is not a metric of " +
                                      planned[a < 0 ? v : base].variant);
        g.watches.push_back({v, static_cast<std::size_t>(a), static_cast<std::size_t>(b)});
        names.push_back(paired ? analysis::paired_name(metric, planned[v], planned[base]) : metric);
      }
    }
    g.rule.emplace(goal, std::move(names));
  }
  return out;
}

// Feeds the group's finished replications to its procedure, one by one, in order; true when it
// stopped.
bool feed(Group &g, const Replicator &replicas, bool paired) {
  std::vector<analysis::MetricValue> values;
  for (auto r = static_cast<std::size_t>(g.rule->count()); r < g.scheduled; ++r) {
    for (const std::size_t v : g.variants)
      if (!replicas.has(v, r))
        return false; // interrupted before this one finished
    values.clear();
    for (const auto &w : g.watches) {
      const auto &x = replicas.at(w.variant, r).metrics[w.metric];
      if (!paired) {
        values.push_back(x);
        continue;
      }
      const auto &b = replicas.at(g.variants.front(), r).metrics[w.base];
      values.push_back(x && b ? analysis::MetricValue(*x - *b) : std::nullopt);
    }
    if (g.rule->add(values))
      return true;
  }
  return false;
}

// The variants that replicate until precise enough: batches, each fed to the procedure in order;
// replications beyond its stop are dropped, so threads and batch sizes never show.
void run_sequential(Replicator &replicas, const std::vector<bool> &skip, const Options &options,
                    std::vector<analysis::VariantResult> &results) {
  std::vector<Group> groups = precision_groups(results, skip, options.paired);
  double target = 0;
  for (const Group &g : groups)
    target = std::max(target, *replicas.spec(g.variants.front()).parameters.run.precision);
  const int threads = effective_threads(options.threads, std::numeric_limits<std::size_t>::max());
  std::vector<std::size_t> counts(replicas.size(), 0);
  for (;;) {
    std::size_t active = 0, total = replicas.finished();
    for (const Group &g : groups)
      active += g.done ? 0 : g.variants.size();
    if (active == 0 || replicas.halted())
      return;
    for (Group &g : groups) {
      if (g.done)
        continue;
      // Enough for the estimate, and enough to keep every thread busy; never past the maximum.
      const auto estimate = static_cast<std::size_t>(g.rule->estimate_remaining());
      const std::size_t busy = (static_cast<std::size_t>(threads) + active - 1) / active;
      const std::size_t room =
          static_cast<std::size_t>(
              precision_goal(results[g.variants.front()].parameters.run)->max_replications) -
          g.scheduled;
      g.scheduled += std::min(room, std::max(estimate, busy));
      for (const std::size_t v : g.variants)
        counts[v] = g.scheduled;
      total += g.variants.size() * estimate;
    }
    replicas.set_total(total);
    replicas.extend(counts);
    if (replicas.halted())
      return; // interrupted: a group the procedure did not stop has no result
    std::optional<double> worst;
    for (Group &g : groups) {
      if (g.done || !feed(g, replicas, options.paired)) {
        if (const auto w = g.rule->worst(); w && !g.done)
          worst = std::max(worst.value_or(0.0), *w);
        continue;
      }
      g.done = true; // its variants keep the replications the procedure used, no more
      const analysis::PrecisionReport report = g.rule->report();
      for (const std::size_t v : g.variants) {
        results[v] = replicas.take(v, static_cast<std::size_t>(report.replications));
        results[v].parameters.run.replications = report.replications;
        results[v].precision = report;
        if (options.variant_done)
          options.variant_done(v, results[v]);
      }
    }
    replicas.set_precision(worst, target);
  }
}

} // namespace

std::vector<analysis::VariantResult> run(const std::vector<VariantSpec> &variants,
                                         const Options &options, RunStats *stats,
                                         const std::vector<bool> &skip) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<analysis::VariantResult> results;
  for (const VariantSpec &v : variants)
    results.push_back(analysis::VariantResult::planned(v.scenario, v.variant, v.parameters));
  if (!options.slices.empty())
    for (const VariantSpec &v : variants)
      if (v.parameters.run.precision)
        throw std::invalid_argument("a shard of a run replicated until precise enough");
  Replicator replicas(variants, options);
  run_fixed(replicas, skip, options, results);
  run_sequential(replicas, skip, options, results);
  if (const auto error = replicas.first_error())
    std::rethrow_exception(error);
  // Interrupted: an unfinished variant keeps the replications that finished (from 0, in order).
  for (std::size_t v = 0; v < variants.size(); ++v)
    if (results[v].replications.empty() && !variants[v].parameters.run.precision &&
        options.slices.empty())
      results[v] = replicas.take(v, replicas.count(v));
  if (stats != nullptr) {
    stats->events = 0;
    for (const auto &v : results)
      stats->events += v.events();
    stats->wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats->threads = replicas.threads();
  }
  return results;
}

} // namespace salesfab::experiment
