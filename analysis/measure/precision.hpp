#pragma once
// How many replications? Replicate until the answer is precise enough: the sequential procedure
// of Hoad, Robinson and Davies ("Automated selection of the number of replications for a
// discrete-event simulation", JORS 61, 2010), after Law and Kelton's relative-precision rule.
//
// After each replication n (from min_replications on), every watched quantity's confidence
// interval is measured by its relative half-width d_n = t(n-1) s_n / (sqrt(n) |mean_n|). When
// every judged quantity has d_n <= target, that n is a candidate; the procedure then looks ahead
// k(n) = max(5, ceil(0.05 n)) more replications, and stops at n + k(n) only if the target held at
// every one of them; otherwise it goes on. The look-ahead keeps a lucky streak of small variance
// from stopping it too early. A quantity whose mean is 0 (or that has no value yet) cannot be
// judged relative to its mean: it is reported, not waited for. max_replications stops it in any
// case.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/statistics.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace salesfab::analysis {

/// What --precision asks for.
struct PrecisionGoal {
  double target = 0.05;             ///< the largest relative half-width allowed, in (0, 1]
  std::vector<std::string> metrics; ///< watched metrics (for a comparison: their differences)
  int min_replications = 10;
  int max_replications = 10'000;
  double confidence = 0.95;
};

/// A confidence interval's half-width relative to |mean|; empty without an interval or when
/// the mean is 0.
std::optional<double> relative_half_width(const Summary &summary);

/// The replications look ahead after a candidate n: max(5, ceil(0.05 n)).
int look_ahead(int n);

/// How one watched quantity ended.
struct WatchedPrecision {
  std::string name;              ///< a metric, or "metric (ALT - BASE)" for a difference
  std::optional<double> reached; ///< its relative half-width at the end
  bool judged = false;           ///< false: its mean was 0 or it had no value
  [[nodiscard]] bool met(double target) const { return judged && reached && *reached <= target; }
};

/// What a sequential run reached.
struct PrecisionReport {
  double target = 0;
  int replications = 0;           ///< the number reached
  bool stopped_by_target = false; ///< false: max_replications stopped it first
  std::vector<WatchedPrecision> watched;
};

/// The procedure over a set of watched series, one replication at a time, in order.
class PrecisionRule {
public:
  /// `names` name the watched series, in the order add() gets their values.
  PrecisionRule(PrecisionGoal goal, std::vector<std::string> names);

  /// Adds replication n's value of every series; true when the procedure stops at this n.
  bool add(std::span<const MetricValue> values);
  /// Replications added so far.
  [[nodiscard]] int count() const { return n_; }
  /// True once add() has returned true.
  [[nodiscard]] bool stopped() const { return stopped_; }
  /// The replications still needed, estimated from the precision so far (half-widths shrink as
  /// 1/sqrt(n)), the look-ahead included; at least 1 until it stops.
  [[nodiscard]] int estimate_remaining() const;
  /// The worst relative half-width among the judged series now; empty when none is judged.
  [[nodiscard]] std::optional<double> worst() const;
  /// Where it stands (or ended).
  [[nodiscard]] PrecisionReport report() const;

private:
  [[nodiscard]] bool precise_now() const;

  PrecisionGoal goal_;
  std::vector<std::string> names_;
  std::vector<RunningStats> series_;
  int n_ = 0;
  std::optional<int> candidate_; // the first n of the current streak meeting the target
  bool stopped_ = false;
  bool by_target_ = false;
};

} // namespace salesfab::analysis
