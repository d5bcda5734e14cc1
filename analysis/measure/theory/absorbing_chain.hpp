#pragma once
// An absorbing Markov chain: transient states (the funnel's stages), absorbing ones (won,
// lost). With Q the transitions among transient states and R those into absorbing states, the
// fundamental matrix N = (I - Q)^-1 gives the expected visits, B = N R the absorption
// probabilities, N tau the expected time to absorption. Written for any transition matrix, so
// stage skipping or going back would fit without change.

#include <Eigen/Dense>

namespace salesfab::analysis::theory {

/// A chain: transitions among transient states, into absorbing states, and the mean time a
/// visit to each transient state takes.
struct AbsorbingChain {
  Eigen::MatrixXd q;   ///< transient x transient
  Eigen::MatrixXd r;   ///< transient x absorbing
  Eigen::VectorXd tau; ///< mean time per visit, per transient state
};

/// What the chain does, from each transient state.
struct ChainSolution {
  Eigen::MatrixXd visits;     ///< N: expected visits to j starting from i
  Eigen::MatrixXd absorption; ///< B: probability of ending in absorbing state k from i
  Eigen::VectorXd time;       ///< expected time to absorption from i
  /// Expected time to absorption from i given that the chain ends in absorbing state
  /// `condition` (NaN where that is impossible).
  Eigen::VectorXd conditional_time;
};

/// Solves the chain; `condition` is the absorbing state conditional_time is for.
ChainSolution solve(const AbsorbingChain &chain, Eigen::Index condition);

} // namespace salesfab::analysis::theory
