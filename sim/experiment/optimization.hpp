#pragma once
// Optimisation: the best design of a grid (say, staffing) that meets every requirement, found
// with common random numbers by the procedures of analysis/measure/selection.hpp — feasibility
// first (Batur and Kim's FCP), then selection among the feasible designs (Kim and Nelson's
// KN), then, among designs within the indifference zone of the best, the cheapest staffing.

#include "analysis/measure/optimization.hpp"
#include "experiment/experiment.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::experiment {

/// The grid, the objective and the requirements.
struct OptimizationProblem {
  std::vector<std::string> keys;           ///< the varied keys
  std::vector<std::vector<double>> values; ///< per design, per key
  std::vector<VariantSpec> designs;        ///< per design: its scenario with the values set
  std::string objective;                   ///< a metric
  bool maximize = false;
  std::vector<analysis::Requirement> requirements;
  double confidence = 0.95;    ///< of the whole answer: split between feasibility and selection
  std::optional<double> delta; ///< the indifference zone; default 1 % of the best objective
  int first_stage = 10;        ///< n0: replications of every design before any decision
  int max_replications = 1000; ///< per design
};

/// Finds the best feasible design. The answer, and every design's replications used, are the
/// same for any thread count: decisions are taken replication by replication in order, and
/// replications computed beyond a design's last decision are dropped. Theory screens out designs
/// judged on a queue that cannot settle; a design whose replication hits a guard is a runaway
/// (infeasible), not an error of the whole run.
analysis::Optimization optimize(const OptimizationProblem &problem, const Options &options,
                                RunStats *stats = nullptr);

} // namespace salesfab::experiment
