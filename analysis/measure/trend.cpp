#include "analysis/measure/trend.hpp"

#include <Eigen/Dense>

#include <algorithm>

namespace salesfab::analysis {

std::optional<double> least_squares_slope(const std::vector<double> &x,
                                          const std::vector<double> &y) {
  if (x.size() != y.size() || x.size() < 2)
    return std::nullopt;
  if (std::all_of(x.begin(), x.end(), [&](double v) { return v == x.front(); }))
    return std::nullopt;
  const auto n = static_cast<Eigen::Index>(x.size());
  // Centring x keeps the two columns well conditioned whatever the day numbers are.
  double mean_x = 0;
  for (const double v : x)
    mean_x += v;
  mean_x /= static_cast<double>(x.size());
  Eigen::MatrixXd design(n, 2);
  Eigen::VectorXd target(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    design(i, 0) = 1.0;
    design(i, 1) = x[static_cast<std::size_t>(i)] - mean_x;
    target(i) = y[static_cast<std::size_t>(i)];
  }
  const Eigen::VectorXd beta = design.colPivHouseholderQr().solve(target);
  return beta(1);
}

} // namespace salesfab::analysis
