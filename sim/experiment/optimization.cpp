#include "experiment/optimization.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/theory/factory_theory.hpp"
#include "experiment/replicator.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace salesfab::experiment {

namespace {

using analysis::DesignStatus;
using analysis::FeasibilityCheck;

// One optimisation: the designs' replications and the state of each procedure.
class Optimizer {
public:
  Optimizer(const OptimizationProblem &problem, const Options &options)
      : p_(problem), options_(options), replicas_(problem.designs, options),
        used_(problem.designs.size(), 0), counts_(problem.designs.size(), 0) {
    replicas_.isolate(true);
    out_.keys = p_.keys;
    out_.objective = p_.objective;
    out_.maximize = p_.maximize;
    out_.requirements = p_.requirements;
    out_.confidence = p_.confidence;
    out_.first_stage = p_.first_stage;
    out_.max_replications = p_.max_replications;
    for (std::size_t d = 0; d < p_.designs.size(); ++d) {
      analysis::DesignOutcome o;
      o.values = p_.values[d];
      out_.designs.push_back(std::move(o));
    }
    index_metrics();
    open_.resize(p_.designs.size());
  }

  analysis::Optimization run() {
    screen();
    if (!live_.empty())
      decide();
    for (std::size_t d = 0; d < p_.designs.size(); ++d)
      if (out_.designs[d].status != DesignStatus::screened)
        out_.designs[d].result = replicas_.result(d, used_[d]);
    return std::move(out_);
  }

  [[nodiscard]] bool halted() const { return replicas_.halted(); }
  [[nodiscard]] int threads() const { return replicas_.threads(); }

private:
  // Theory first: a design judged on a queue that cannot settle is infeasible without a run.
  void screen() {
    std::vector<std::string> judged{p_.objective};
    for (const auto &r : p_.requirements)
      judged.push_back(r.metric);
    for (std::size_t d = 0; d < p_.designs.size(); ++d) {
      for (const auto &q : analysis::theory::unsettled_queues(p_.designs[d].parameters)) {
        const bool relevant = std::any_of(q.metrics.begin(), q.metrics.end(), [&](const auto &m) {
          return std::find(judged.begin(), judged.end(), m) != judged.end();
        });
        if (!relevant)
          continue;
        auto &o = out_.designs[d];
        o.status = DesignStatus::screened;
        o.queue = q.queue;
        o.offered_load = q.offered_load;
        o.staff = q.staff;
        break;
      }
      if (out_.designs[d].status != DesignStatus::screened)
        live_.push_back(d);
    }
  }

  // Runs more replications for these designs, `batch` beyond what each has been given.
  void extend(const std::vector<std::size_t> &designs, std::size_t batch) {
    std::size_t total = replicas_.finished();
    for (const std::size_t d : designs) {
      counts_[d] =
          std::min<std::size_t>(counts_[d] + batch, static_cast<std::size_t>(p_.max_replications));
      total += counts_[d];
    }
    replicas_.set_total(total);
    replicas_.extend(counts_);
  }

  // A batch big enough to keep the threads busy and to move the procedures on.
  [[nodiscard]] std::size_t batch(std::size_t designs, std::size_t done) const {
    const auto threads = static_cast<std::size_t>(
        effective_threads(options_.threads, std::numeric_limits<std::size_t>::max()));
    return std::max(
        {std::size_t{5}, (threads + designs - 1) / std::max<std::size_t>(designs, 1), done / 2});
  }

  // Each design's catalogue index of the objective, the requirements and the staff cost.
  struct Indices {
    std::size_t objective = 0, cost = 0;
    std::vector<std::size_t> requirements;
  };
  void index_metrics();

  void decide();
  void settle(const analysis::SelectionKN &kn, const std::vector<bool> &feasible);
  bool feed_checks(std::size_t d, std::vector<FeasibilityCheck> &checks, std::size_t r);
  void runaway(std::size_t d, const std::exception_ptr &error);
  [[nodiscard]] std::optional<std::size_t> open_requirement(std::size_t d) const;
  [[nodiscard]] double delta(const std::vector<std::size_t> &feasible) const;
  [[nodiscard]] double objective(std::size_t d, std::size_t r) const;
  [[nodiscard]] double objective_mean(std::size_t d) const;
  [[nodiscard]] double cost_mean(std::size_t d) const;

  const OptimizationProblem &p_;
  const Options &options_;
  Replicator replicas_;
  analysis::Optimization out_;
  std::vector<std::size_t> live_;   // not screened out
  std::vector<std::size_t> used_;   // replications each design's decisions used
  std::vector<std::size_t> counts_; // replications each design has been given
  std::vector<Indices> index_;
  std::vector<std::vector<FeasibilityCheck>> open_; // a design's checks as they stand
};

void Optimizer::index_metrics() {
  for (std::size_t d = 0; d < p_.designs.size(); ++d) {
    const auto catalogue = analysis::metric_catalogue(p_.designs[d].parameters);
    auto find = [&](std::string_view name) {
      for (std::size_t m = 0; m < catalogue.size(); ++m)
        if (catalogue[m].name == name)
          return m;
      throw std::invalid_argument(std::string(name) + " is not a metric of " +
                                  p_.designs[d].variant);
    };
    Indices i;
    i.objective = find(p_.objective);
    i.cost = find(analysis::names::staff_cost_per_year);
    for (const auto &r : p_.requirements)
      i.requirements.push_back(find(r.metric));
    index_.push_back(std::move(i));
  }
}

// Replication r of a design to each of its requirement's checks; true when all have decided
// (infeasible: the first that failed is the design's reason).
bool Optimizer::feed_checks(std::size_t d, std::vector<FeasibilityCheck> &checks, std::size_t r) {
  bool all = true;
  for (std::size_t j = 0; j < checks.size(); ++j) {
    if (checks[j].decision() == FeasibilityCheck::Decision::undecided)
      checks[j].add(replicas_.at(d, r).metrics[index_[d].requirements[j]]);
    if (checks[j].decision() == FeasibilityCheck::Decision::infeasible) {
      out_.designs[d].status = DesignStatus::infeasible;
      out_.designs[d].requirement = j;
      return true;
    }
    all = all && checks[j].decision() == FeasibilityCheck::Decision::feasible;
  }
  if (all)
    open_[d].clear();
  else
    open_[d] = checks;
  return all;
}

std::optional<std::size_t> Optimizer::open_requirement(std::size_t d) const {
  for (std::size_t j = 0; j < open_[d].size(); ++j)
    if (open_[d][j].decision() == FeasibilityCheck::Decision::undecided)
      return j;
  return std::nullopt;
}

void Optimizer::runaway(std::size_t d, const std::exception_ptr &error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &e) {
    out_.designs[d].status = DesignStatus::runaway;
    out_.designs[d].error = e.what();
  }
  used_[d] = replicas_.count(d);
}

double Optimizer::objective(std::size_t d, std::size_t r) const {
  const auto &x = replicas_.at(d, r).metrics[index_[d].objective];
  // A replication without a value cannot count for the design: as bad as can be.
  const double v = x ? *x : -std::numeric_limits<double>::max();
  return p_.maximize || !x ? v : -v;
}

double Optimizer::objective_mean(std::size_t d) const {
  double sum = 0;
  for (std::size_t r = 0; r < used_[d]; ++r)
    sum += objective(d, r);
  return used_[d] > 0 ? sum / static_cast<double>(used_[d]) : 0.0;
}

double Optimizer::cost_mean(std::size_t d) const {
  const std::size_t m = index_[d].cost;
  double sum = 0;
  for (std::size_t r = 0; r < used_[d]; ++r)
    sum += replicas_.at(d, r).metrics[m].value_or(0.0);
  return used_[d] > 0 ? sum / static_cast<double>(used_[d]) : 0.0;
}

// The indifference zone: as given, or 1 % of the best objective over the first stage.
double Optimizer::delta(const std::vector<std::size_t> &feasible) const {
  if (p_.delta)
    return *p_.delta;
  double best = -std::numeric_limits<double>::max();
  for (const std::size_t d : feasible) {
    double sum = 0;
    for (std::size_t r = 0; r < static_cast<std::size_t>(p_.first_stage); ++r)
      sum += objective(d, r);
    best = std::max(best, sum / p_.first_stage);
  }
  const double zone = 0.01 * std::abs(best);
  return zone > 0 ? zone : 1e-9;
}

// Feasibility and selection together, replication by replication (Andradottir and Kim's way of
// combining them): every design still in takes part in KN, where only designs already shown
// feasible may eliminate others; a design shown infeasible leaves; a design worse than a feasible
// one leaves without its own feasibility decided. Then the cheapest within delta of the best.
void Optimizer::decide() {
  const double alpha = 1 - p_.confidence;
  const bool any = !p_.requirements.empty();
  const std::size_t k = live_.size();
  // Bonferroni over every design and requirement: all feasibility decisions right together.
  const double beta = any ? alpha / 2 / static_cast<double>(k * p_.requirements.size()) : 0.0;
  std::vector<std::vector<FeasibilityCheck>> checks(k);
  std::vector<bool> feasible(k, !any);
  for (std::size_t i = 0; i < k; ++i)
    for (const auto &req : p_.requirements)
      checks[i].emplace_back(req, beta, p_.first_stage);
  extend(live_, static_cast<std::size_t>(p_.first_stage));
  if (halted())
    return;
  out_.delta = delta(live_);
  out_.delta_given = p_.delta.has_value();
  analysis::SelectionKN kn(k, any ? alpha / 2 : alpha, out_.delta, p_.first_stage);
  std::vector<double> values(k, 0.0);
  for (;;) {
    const auto r = static_cast<std::size_t>(kn.count());
    std::vector<std::size_t> short_of;
    for (std::size_t i = 0; i < k; ++i)
      if (kn.in(i) && !replicas_.has(live_[i], r))
        short_of.push_back(live_[i]);
    if (!short_of.empty()) {
      if (r >= static_cast<std::size_t>(p_.max_replications))
        break; // what is still open at the maximum is settled below
      extend(short_of, batch(short_of.size(), r));
      if (halted())
        return;
    }
    for (std::size_t i = 0; i < k; ++i) {
      if (!kn.in(i))
        continue;
      const std::size_t d = live_[i];
      if (const auto error = replicas_.error(d)) { // a runaway: out, and said why
        runaway(d, error);
        kn.remove(i);
        continue;
      }
      if (!feasible[i] && feed_checks(d, checks[i], r)) {
        feasible[i] = out_.designs[d].status != DesignStatus::infeasible;
        if (!feasible[i]) {
          kn.remove(i);
          continue;
        }
      }
      values[i] = objective(d, r);
      used_[d] = r + 1;
    }
    const bool parted = kn.add(values, feasible);
    bool open = false; // a design still in whose feasibility is not shown yet
    for (std::size_t i = 0; i < k; ++i)
      open = open || (kn.in(i) && !feasible[i]);
    if (kn.survivors().empty() || (parted && !open))
      break;
  }
  settle(kn, feasible);
}

// The outcome of every design: infeasible at the maximum where not shown feasible, worse than a
// feasible one, or within delta of the best survivor, of which the cheapest staffing wins.
void Optimizer::settle(const analysis::SelectionKN &kn, const std::vector<bool> &feasible) {
  double best = -std::numeric_limits<double>::max();
  for (std::size_t i = 0; i < live_.size(); ++i)
    if (kn.in(i) && feasible[i])
      best = std::max(best, objective_mean(live_[i]));
  std::optional<std::size_t> chosen;
  for (std::size_t i = 0; i < live_.size(); ++i) {
    const std::size_t d = live_[i];
    auto &o = out_.designs[d];
    if (o.status == DesignStatus::infeasible || o.status == DesignStatus::runaway)
      continue;
    if (kn.in(i) && !feasible[i]) { // not shown to hold within the maximum: not an answer
      o.status = DesignStatus::infeasible;
      o.requirement = open_requirement(d);
      continue;
    }
    o.eliminated_at = kn.eliminated_at(i);
    const bool good = feasible[i] && objective_mean(d) >= best - out_.delta;
    o.status = good ? DesignStatus::equally_good : DesignStatus::dominated;
    if (good && (!chosen || cost_mean(d) < cost_mean(*chosen)))
      chosen = d;
  }
  out_.best = chosen;
  if (chosen)
    out_.designs[*chosen].status = DesignStatus::chosen;
}

} // namespace

analysis::Optimization optimize(const OptimizationProblem &problem, const Options &options,
                                RunStats *stats) {
  if (problem.designs.size() != problem.values.size() || problem.first_stage < 2 ||
      problem.max_replications < problem.first_stage ||
      !(problem.confidence > 0 && problem.confidence < 1))
    throw std::invalid_argument("optimization problem out of range");
  const auto started = std::chrono::steady_clock::now();
  Optimizer optimizer(problem, options);
  analysis::Optimization result = optimizer.run();
  if (stats != nullptr) {
    stats->events = 0;
    for (const auto &d : result.designs)
      stats->events += d.result.events();
    stats->wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats->threads = optimizer.threads();
  }
  return result;
}

} // namespace salesfab::experiment
