#include "analysis/measure/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>

namespace salesfab::analysis {

double student_t_quantile(double p, double df) {
  return boost::math::quantile(boost::math::students_t(df), p);
}

Summary summarize(std::span<const MetricValue> values, double confidence) {
  Summary s;
  // Welford's algorithm: stable for values of any size.
  double mean = 0, m2 = 0;
  for (const MetricValue &v : values) {
    if (!v)
      continue;
    ++s.n;
    const double delta = *v - mean;
    mean += delta / static_cast<double>(s.n);
    m2 += delta * (*v - mean);
  }
  if (s.n == 0)
    return s;
  s.mean = mean;
  if (s.n < 2)
    return s;
  const double sd = std::sqrt(m2 / static_cast<double>(s.n - 1));
  s.sd = sd;
  const double half = student_t_quantile(0.5 + confidence / 2, static_cast<double>(s.n - 1)) * sd /
                      std::sqrt(static_cast<double>(s.n));
  s.ci_low = mean - half;
  s.ci_high = mean + half;
  return s;
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
