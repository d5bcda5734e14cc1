#pragma once
// Theory beside simulation: for each expectation, the simulation's mean and confidence interval
// and a verdict in words.

#include "analysis/measure/result.hpp"
#include "analysis/measure/statistics.hpp"
#include "analysis/measure/theory/factory_theory.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace salesfab::analysis::theory {

/// The verdict on one quantity.
enum class Verdict {
  agrees,         ///< theory lies inside the simulation's confidence interval
  close,          ///< next to it: inside the 99.9 % interval, or within 5 % (approximations)
  differs,        ///< further away: strong evidence that theory and simulation disagree
  not_applicable, ///< theory has no value here (the reason says why)
  no_simulation,  ///< the simulation has no value for it (nothing to count)
  too_few,        ///< fewer than 2 replications: no interval, so no verdict
  no_steady_state ///< the queue cannot settle (no staff, or load >= capacity): not judged
};
/// "agrees", "close", "differs", "theory not applicable", "no simulated value", "needs at least 2
/// replications", "no steady state".
std::string_view verdict_name(Verdict v);

/// One row of `salesfab analyze`.
struct Judgement {
  Expectation expectation;
  std::optional<Summary> simulated;
  Verdict verdict = Verdict::not_applicable;
};

/// Judges each expectation against the simulation, whose summary of a metric `simulated`
/// returns (nullopt when the metric is unknown).
std::vector<Judgement>
judge(const std::vector<Expectation> &expectations,
      const std::function<std::optional<Summary>(const std::string &)> &simulated);

/// Little's law on a queue, per replication: the time-average number waiting L against
/// lambda W (the total of all waits over the window's length).
struct LittleCheck {
  std::string queue;
  Summary queue_length;    ///< L
  Summary arrivals_x_wait; ///< lambda W
  Summary difference;      ///< L - lambda W, paired per replication
  /// Set when the queue has no steady state: more work arrives than its people can do (or it
  /// has no people) and nobody leaves unserved, so the queue grows and L need not equal
  /// lambda W (the waits still running at the end are not in W).
  std::optional<UnsettledQueue> unsettled;
  [[nodiscard]] bool holds() const { return !difference.excludes_zero(); }
  /// agrees (holds), differs, no_steady_state, or too_few (fewer than 2 replications).
  [[nodiscard]] Verdict verdict() const;
};

/// Little's law on both staff queues of a variant run with its raw records kept (the
/// replications' `record`), paired per replication.
std::vector<LittleCheck> little(const VariantResult &variant);

/// Theory beside the simulation of one variant: what `salesfab analyze` shows.
struct TheoryCheck {
  const VariantResult *variant = nullptr;
  std::vector<Judgement> judgements; ///< in the order of the factory
  std::vector<LittleCheck> little;   ///< one per queue
};

/// Judges what theory expects of the variant's scenario against its simulation.
TheoryCheck check_theory(const VariantResult &variant);

} // namespace salesfab::analysis::theory
