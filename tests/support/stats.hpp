#pragma once
// Small statistics for tests: sample moments and Student-t confidence intervals, so that every
// statistical check has a tolerance derived from the data, not guessed.

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

namespace salesfab::test {

/// Running mean and variance (Welford).
class Moments {
public:
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
  }
  [[nodiscard]] std::size_t n() const { return n_; }
  [[nodiscard]] double mean() const { return mean_; }
  [[nodiscard]] double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0; }
  [[nodiscard]] double sd() const { return std::sqrt(variance()); }
  /// Standard error of the mean.
  [[nodiscard]] double se() const { return sd() / std::sqrt(static_cast<double>(n_)); }
  /// Half-width of the Student-t confidence interval of the mean at `confidence`.
  [[nodiscard]] double half_width(double confidence) const {
    boost::math::students_t t(static_cast<double>(n_ - 1));
    return boost::math::quantile(t, 0.5 + confidence / 2) * se();
  }

private:
  std::size_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

/// True when `theory` lies in the confidence interval of the mean of `m` at `confidence`.
inline bool in_ci(const Moments &m, double theory, double confidence) {
  return std::abs(m.mean() - theory) <= m.half_width(confidence);
}

/// Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu.
inline double erlang_c(double a, int c) {
  double term = 1, sum = 1; // a^k / k!
  for (int k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c / (1 - a / c);
  return last / (sum + last);
}

} // namespace salesfab::test
