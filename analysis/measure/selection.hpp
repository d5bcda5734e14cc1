#pragma once
// Choosing the best design with a stated confidence: which designs meet their requirements, and
// which of those is best. Two fully sequential procedures from the ranking-and-selection
// literature, both fed one replication at a time (common random numbers: replication r of every
// design drew the same seed), so that what they decide does not depend on threads or batches.
//
// - Feasibility: Batur and Kim's feasibility check procedure (FCP; "Finding feasible systems in
//   the presence of constraints on multiple performance measures", ACM TOMACS 20(3), 2010). For
//   a requirement "mean <= q" with tolerance e, the running sum of (Y_r - q) is watched against a
//   triangular continuation region +-R(r), R(r) = max(0, h^2 S^2 / (2e) - e r / 2), h^2 =
//   2 eta (n0 - 1), eta = ((2 beta)^(-2/(n0-1)) - 1) / 2, S^2 the variance of the first n0
//   values. Below -R: feasible; above +R: infeasible. A design whose mean lies more than e from
//   q is decided correctly with probability at least 1 - beta.
// - Selection: Kim and Nelson's procedure KN ("A fully sequential procedure for
//   indifference-zone selection in simulation", ACM TOMACS 11(3), 2001). Every pair's
//   difference has its variance S_il^2 from the first n0 replications; after replication r a
//   design is eliminated when its mean trails another's by more than W_il(r) = max(0,
//   delta / (2r) (h^2 S_il^2 / delta^2 - r)), with eta = ((2 alpha / (k - 1))^(-2/(n0-1)) - 1) / 2.
//   With probability at least 1 - alpha, the design that remains is within delta of the best.

#include "analysis/measure/metrics.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace salesfab::analysis {

/// One requirement on a metric: its mean at most (or at least) a threshold.
struct Requirement {
  std::string metric;
  bool at_most = true; ///< "<=" (else ">=")
  double threshold = 0;
  double tolerance = 0; ///< e > 0: within it, either decision is acceptable
};

/// Batur and Kim's FCP for one design and one requirement.
class FeasibilityCheck {
public:
  /// `beta`: the chance of a wrong decision allowed (for a mean more than e from q).
  FeasibilityCheck(Requirement requirement, double beta, int n0);

  /// The next replication's value (an empty value counts as missing: the check cannot decide
  /// on a metric that has none, and says so).
  void add(const MetricValue &value);
  /// Feasible, infeasible, or not decided yet.
  enum class Decision { undecided, feasible, infeasible };
  [[nodiscard]] Decision decision() const { return decision_; }
  [[nodiscard]] int count() const { return n_; }
  /// True when a replication had no value for the metric.
  [[nodiscard]] bool missing() const { return missing_; }

private:
  Requirement req_;
  double h2_ = 0;
  int n0_;
  int n_ = 0;
  std::vector<double> first_; // the first n0 values, for S^2
  double s2_ = 0;
  double sum_ = 0; // of (Y - q), signed so that negative means "meets the requirement"
  bool missing_ = false;
  Decision decision_ = Decision::undecided;
};

/// Kim and Nelson's KN for designs whose objective is to be maximized (pass -value to minimize).
class SelectionKN {
public:
  /// `k` designs; `alpha` the chance of a wrong selection allowed; `delta` the indifference zone.
  SelectionKN(std::size_t k, double alpha, double delta, int n0);

  /// The next replication's objective of every design still in (in index order; eliminated
  /// designs' entries are ignored). Returns true when one design remains, or only designs no
  /// more replications can part (exact ties). With `eliminators`, only the designs marked may
  /// eliminate others (those known to be feasible, as in Andradottir and Kim's combined
  /// procedure: a design worse than a feasible one is out, whatever its own feasibility).
  bool add(std::span<const double> values, const std::vector<bool> &eliminators = {});
  /// Takes design i out (it turned out infeasible).
  void remove(std::size_t i);
  /// Designs still in, in index order.
  [[nodiscard]] std::vector<std::size_t> survivors() const;
  /// True while design i is in.
  [[nodiscard]] bool in(std::size_t i) const { return in_[i]; }
  /// The replication at which design i was eliminated (0 while it is in).
  [[nodiscard]] int eliminated_at(std::size_t i) const { return eliminated_at_[i]; }
  /// Replications added so far.
  [[nodiscard]] int count() const { return r_; }
  /// The sample mean of design i over the replications it took part in.
  [[nodiscard]] double mean(std::size_t i) const;

private:
  std::size_t k_;
  double delta_;
  double h2_ = 0;
  int n0_;
  int r_ = 0;
  std::vector<std::vector<double>> first_; // [design][replication < n0]
  std::vector<std::vector<double>> s2_;    // [i][l]: variance of X_i - X_l over the first n0
  std::vector<double> sum_;
  std::vector<int> taken_;
  std::vector<bool> in_;
  std::vector<int> eliminated_at_;
};

/// eta of Rinott-type procedures: ((2 p)^(-2/(n0-1)) - 1) / 2.
double kn_eta(double p, int n0);

} // namespace salesfab::analysis
