#include "analysis/measure/theory/absorbing_chain.hpp"

#include <cmath>
#include <limits>

namespace salesfab::analysis::theory {

ChainSolution solve(const AbsorbingChain &chain, Eigen::Index condition) {
  const Eigen::Index n = chain.q.rows();
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(n, n);
  ChainSolution s;
  s.visits = (identity - chain.q).partialPivLu().inverse();
  s.absorption = s.visits * chain.r;
  s.time = s.visits * chain.tau;
  // Conditioning on the end state is the Doob h-transform: with h the probabilities of ending
  // there, the conditioned chain moves i -> j with probability q_ij h_j / h_i.
  const Eigen::VectorXd h = s.absorption.col(condition);
  Eigen::MatrixXd q_conditioned = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (h(i) > 0)
        q_conditioned(i, j) = chain.q(i, j) * h(j) / h(i);
  const Eigen::MatrixXd visits_conditioned = (identity - q_conditioned).partialPivLu().inverse();
  s.conditional_time = visits_conditioned * chain.tau;
  for (Eigen::Index i = 0; i < n; ++i)
    if (!(h(i) > 0))
      s.conditional_time(i) = std::numeric_limits<double>::quiet_NaN();
  return s;
}

} // namespace salesfab::analysis::theory
