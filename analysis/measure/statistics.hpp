#pragma once
// Across replications: per metric the mean, standard deviation, Student-t confidence interval
// of the mean and n; and for comparisons the paired differences (same replication index, same
// seeds) with their interval.

#include "analysis/measure/metrics.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace salesfab::analysis {

/// A metric over the replications. Values are empty where fewer replications counted than the
/// statistic needs (mean: 1; sd and interval: 2).
struct Summary {
  std::optional<double> mean;
  std::optional<double> sd;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
  std::size_t n = 0; ///< replications where the metric had a value
  /// True when the interval exists and excludes 0 (for paired differences).
  [[nodiscard]] bool excludes_zero() const {
    return ci_low && ci_high && (*ci_low > 0 || *ci_high < 0);
  }
};

/// The quantile of Student's t distribution with `df` degrees of freedom (Boost.Math).
double student_t_quantile(double p, double df);

/// Mean and variance kept one value at a time (Welford's algorithm: stable for values of any
/// size), summarised at any moment.
class RunningStats {
public:
  /// Adds a value; an empty one is not counted.
  void add(const MetricValue &value);
  /// Mean, sd and the Student-t interval at `confidence` of the values added so far.
  [[nodiscard]] Summary summary(double confidence) const;

private:
  std::size_t n_ = 0;
  double mean_ = 0, m2_ = 0;
};

/// Mean, sd and the Student-t interval at `confidence` of the values that are present.
Summary summarize(std::span<const MetricValue> values, double confidence);

/// The paired differences alt[i] - base[i] (where both are present), summarised.
Summary summarize_difference(std::span<const MetricValue> base, std::span<const MetricValue> alt,
                             double confidence);

} // namespace salesfab::analysis
