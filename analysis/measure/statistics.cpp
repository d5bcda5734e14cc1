#include "analysis/measure/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>

namespace salesfab::analysis {

double student_t_quantile(double p, double df) {
  return boost::math::quantile(boost::math::students_t(df), p);
}

void RunningStats::add(const MetricValue &value) {
  if (!value)
    return;
  ++n_;
  const double delta = *value - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (*value - mean_);
}

Summary RunningStats::summary(double confidence) const {
  Summary s;
  s.n = n_;
  if (n_ == 0)
    return s;
  s.mean = mean_;
  if (n_ < 2)
    return s;
  const double sd = std::sqrt(m2_ / static_cast<double>(n_ - 1));
  s.sd = sd;
  const double half = student_t_quantile(0.5 + confidence / 2, static_cast<double>(n_ - 1)) * sd /
                      std::sqrt(static_cast<double>(n_));
  s.ci_low = mean_ - half;
  s.ci_high = mean_ + half;
  return s;
}

Summary summarize(std::span<const MetricValue> values, double confidence) {
  RunningStats stats;
  for (const MetricValue &v : values)
    stats.add(v);
  return stats.summary(confidence);
}

Summary summarize_difference(std::span<const MetricValue> base, std::span<const MetricValue> alt,
                             double confidence) {
  std::vector<MetricValue> differences;
  const std::size_t n = std::min(base.size(), alt.size());
  for (std::size_t i = 0; i < n; ++i)
    differences.push_back(base[i] && alt[i] ? MetricValue(*alt[i] - *base[i]) : std::nullopt);
  return summarize(differences, confidence);
}

} // namespace salesfab::analysis
