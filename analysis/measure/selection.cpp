#include "analysis/measure/selection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace salesfab::analysis {

double kn_eta(double p, int n0) { return (std::pow(2 * p, -2.0 / (n0 - 1)) - 1) / 2; }

namespace {
double variance(const std::vector<double> &x) {
  if (x.size() < 2)
    return 0;
  double mean = 0;
  for (const double v : x)
    mean += v;
  mean /= static_cast<double>(x.size());
  double ss = 0;
  for (const double v : x)
    ss += (v - mean) * (v - mean);
  return ss / static_cast<double>(x.size() - 1);
}
} // namespace

FeasibilityCheck::FeasibilityCheck(Requirement requirement, double beta, int n0)
    : req_(std::move(requirement)), n0_(n0) {
  if (n0 < 2 || !(beta > 0 && beta < 0.5) || !(req_.tolerance > 0))
    throw std::invalid_argument("feasibility check out of range");
  h2_ = 2 * kn_eta(beta, n0) * (n0 - 1);
}

void FeasibilityCheck::add(const MetricValue &value) {
  if (decision_ != Decision::undecided)
    return;
  ++n_;
  if (!value) { // the metric has no value: the requirement cannot be shown to hold
    missing_ = true;
    decision_ = Decision::infeasible;
    return;
  }
  // Negative when the requirement holds: Y - q for "<=", q - Y for ">=".
  const double d = req_.at_most ? *value - req_.threshold : req_.threshold - *value;
  sum_ += d;
  if (n_ <= n0_) {
    first_.push_back(d);
    if (n_ < n0_)
      return;
    s2_ = variance(first_);
  }
  const double e = req_.tolerance;
  const double r = static_cast<double>(n_);
  const double region = std::max(0.0, h2_ * s2_ / (2 * e) - e * r / 2);
  if (sum_ <= -region)
    decision_ = Decision::feasible;
  else if (sum_ >= region)
    decision_ = Decision::infeasible;
}

SelectionKN::SelectionKN(std::size_t k, double alpha, double delta, int n0)
    : k_(k), delta_(delta), n0_(n0), first_(k), s2_(k, std::vector<double>(k, 0.0)), sum_(k, 0.0),
      taken_(k, 0), in_(k, true), eliminated_at_(k, 0) {
  if (k == 0 || n0 < 2 || !(alpha > 0 && alpha < 1) || !(delta > 0))
    throw std::invalid_argument("selection out of range");
  h2_ = k > 1 ? 2 * kn_eta(alpha / static_cast<double>(k - 1), n0) * (n0 - 1) : 0.0;
}

std::vector<std::size_t> SelectionKN::survivors() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < k_; ++i)
    if (in_[i])
      out.push_back(i);
  return out;
}

double SelectionKN::mean(std::size_t i) const { return taken_[i] > 0 ? sum_[i] / taken_[i] : 0.0; }

void SelectionKN::remove(std::size_t i) {
  if (in_[i]) {
    in_[i] = false;
    eliminated_at_[i] = r_;
  }
}

bool SelectionKN::add(std::span<const double> values, const std::vector<bool> &eliminators) {
  if (values.size() != k_)
    throw std::logic_error("SelectionKN::add: one value per design");
  ++r_;
  for (std::size_t i = 0; i < k_; ++i)
    if (in_[i]) {
      sum_[i] += values[i];
      ++taken_[i];
      if (r_ <= n0_)
        first_[i].push_back(values[i]);
    }
  if (r_ < n0_)
    return false;
  if (r_ == n0_) // the pairs' variances, from the first n0 replications
    for (std::size_t i = 0; i < k_; ++i)
      for (std::size_t l = i + 1; l < k_; ++l) {
        std::vector<double> d(static_cast<std::size_t>(n0_));
        for (std::size_t j = 0; j < d.size(); ++j)
          d[j] = first_[i][j] - first_[l][j];
        s2_[i][l] = s2_[l][i] = variance(d);
      }
  // Screening against every design that was in before this replication.
  const std::vector<std::size_t> old = survivors();
  const double r = static_cast<double>(r_);
  bool separated = true; // every remaining pair is past its last comparison (W = 0)
  std::vector<bool> out(k_, false);
  for (const std::size_t i : old)
    for (const std::size_t l : old) {
      if (i == l)
        continue;
      const double w = std::max(0.0, delta_ / (2 * r) * (h2_ * s2_[i][l] / (delta_ * delta_) - r));
      if (w > 0)
        separated = false;
      if ((eliminators.empty() || eliminators[l]) && mean(i) < mean(l) - w)
        out[i] = true;
    }
  for (const std::size_t i : old)
    if (out[i]) {
      in_[i] = false;
      eliminated_at_[i] = r_;
    }
  // One left, or only exact ties that no more replications can part.
  return survivors().size() <= 1 || separated;
}

} // namespace salesfab::analysis
