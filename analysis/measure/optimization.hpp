#pragma once
// What `salesfab optimize` found: every design of the grid with its outcome — chosen, as good
// but costlier, eliminated by the selection, infeasible, screened out by theory — its
// replications and their summaries, and the settings its guarantee rests on.

#include "analysis/measure/result.hpp"
#include "analysis/measure/selection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::analysis {

/// How a design ended.
enum class DesignStatus {
  chosen,       ///< the answer
  equally_good, ///< within delta of the chosen design's objective, but costlier
  dominated,    ///< eliminated by the selection: worse than another feasible design
  infeasible,   ///< a requirement does not hold (with the stated confidence)
  screened,     ///< infeasible by theory, not simulated: a queue it is judged on cannot settle
  runaway,      ///< a replication stopped at a guard (the factory cannot keep up)
};
/// "chosen", "equally good", "dominated", "infeasible", "screened out", "runaway".
std::string_view design_status_name(DesignStatus s);

/// One design of the grid.
struct DesignOutcome {
  std::vector<double> values; ///< of the varied keys, in order
  VariantResult result;       ///< the replications it got, summarized (none when screened)
  DesignStatus status = DesignStatus::dominated;
  /// infeasible: the first requirement that failed (index); screened: the queue's index.
  std::optional<std::size_t> requirement;
  /// screened: the queue that cannot settle ("qualifiers", "account executives") and its
  /// offered load against its people.
  std::string queue;
  double offered_load = 0;
  int staff = 0;
  int eliminated_at = 0; ///< dominated: after how many replications
  std::string error;     ///< runaway: what stopped it
};

/// The problem and what the procedures found.
struct Optimization {
  std::vector<std::string> keys; ///< the varied keys
  std::string objective;         ///< a metric
  bool maximize = false;
  std::vector<Requirement> requirements;
  double confidence = 0.95; ///< of the whole answer (feasibility and selection together)
  double delta = 0;         ///< the indifference zone used
  bool delta_given = false; ///< false: 1 % of the best objective after the first stage
  int first_stage = 10;     ///< n0
  int max_replications = 0; ///< per design
  std::vector<DesignOutcome> designs;
  std::optional<std::size_t> best; ///< none when no design is feasible
  /// Replications simulated over every design.
  [[nodiscard]] std::size_t replications() const;
  /// Designs screened out by theory.
  [[nodiscard]] std::size_t screened() const;
};

} // namespace salesfab::analysis
