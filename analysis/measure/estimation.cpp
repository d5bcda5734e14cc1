#include "analysis/measure/estimation.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <nlopt.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace salesfab::analysis {

namespace {

// Special functions that answer instead of throwing at the edges of the parameter space: the
// optimiser wanders there, and a NaN or infinity simply tells it to go back.
using Quiet = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

constexpr double tiny = 1e-300;
constexpr double worst = 1e300;
const double log_two_pi = std::log(2 * 3.14159265358979323846);

double z_of(double confidence) {
  return boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2);
}

// P(Z > z), accurately in the far tail.
double normal_upper(double z) { return 0.5 * boost::math::erfc(z / std::sqrt(2.0), Quiet()); }

double safe_log(double p) { return std::log(std::max(p, tiny)); }

// The data of one fit, summarised for fast likelihoods: exact events by their sufficient
// statistics, the rest value by value (whole days are few distinct values however many rows).
struct FitData {
  Resolution resolution = Resolution::exact;
  double events = 0, sum = 0, sum_log = 0, sum_log2 = 0; // exact events
  std::vector<Observation> exact_censored;
  std::vector<Observation> days;  // whole days: events and censored, merged by value
  std::vector<double> day_points; // every a with P(D > a) needed, sorted
};

FitData summarise(std::span<const Observation> data, Resolution resolution) {
  FitData d;
  d.resolution = resolution;
  std::map<std::pair<double, bool>, double> merged;
  for (const Observation &o : data) {
    if (resolution == Resolution::exact && !o.censored) {
      d.events += o.count;
      d.sum += o.count * o.value;
      d.sum_log += o.count * std::log(o.value);
      d.sum_log2 += o.count * std::log(o.value) * std::log(o.value);
    } else if (resolution == Resolution::exact) {
      d.exact_censored.push_back(o);
    } else {
      merged[{o.value, o.censored}] += o.count;
    }
  }
  std::vector<double> points;
  for (const auto &[key, count] : merged) {
    Observation o;
    o.value = key.first;
    o.censored = key.second;
    o.count = count;
    d.days.push_back(o);
    points.push_back(o.value);
    if (!o.censored)
      points.push_back(o.value - 1);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  d.day_points = std::move(points);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The families on the optimiser's scale: exponential (log mean), gamma (log shape, log scale),
// lognormal (mu, log sigma).

struct Params {
  Family family;
  double a = 0, b = 0; // gamma: shape, scale; lognormal: mu, sigma
};

Params params_of(Family family, std::span<const double> theta) {
  if (family == Family::exponential)
    return {family, 1.0, std::exp(theta[0])};
  if (family == Family::gamma)
    return {family, std::exp(theta[0]), std::exp(theta[1])};
  return {family, theta[0], std::exp(theta[1])};
}

double log_density_sum(const Params &p, const FitData &d) {
  if (d.events == 0)
    return 0;
  if (p.family != Family::lognormal) {
    const double k = p.a, s = p.b;
    return (k - 1) * d.sum_log - d.sum / s -
           d.events * (boost::math::lgamma(k, Quiet()) + k * std::log(s));
  }
  const double mu = p.a, sigma = p.b;
  const double squares = d.sum_log2 - 2 * mu * d.sum_log + d.events * mu * mu;
  return -d.sum_log - d.events * (std::log(sigma) + 0.5 * log_two_pi) -
         squares / (2 * sigma * sigma);
}

double survival_exact(const Params &p, double x) {
  if (x <= 0)
    return 1;
  if (p.family != Family::lognormal)
    return boost::math::gamma_q(p.a, x / p.b, Quiet());
  return normal_upper((std::log(x) - p.a) / p.b);
}

// P(D > a) for whole days, D = floor(e + T) - floor(e) with the phase e uniform: the integral
// of the survival function over [a, a + 1] (see estimation.hpp), written with upper tails only
// so that it stays accurate far out.
double survival_days(const Params &p, double a) {
  if (a < 0)
    return 1;
  const double x0 = a, x1 = a + 1;
  double value = 0;
  if (p.family != Family::lognormal) {
    const double k = p.a, s = p.b;
    const auto q = [&](double shape, double x) {
      return x <= 0 ? 1.0 : boost::math::gamma_q(shape, x / s, Quiet());
    };
    value = x1 * q(k, x1) - x0 * q(k, x0) + k * s * (q(k + 1, x0) - q(k + 1, x1));
  } else {
    const double mu = p.a, sigma = p.b;
    const double m = std::exp(mu + sigma * sigma / 2);
    const auto upper = [&](double x, double shift) {
      return x <= 0 ? 1.0 : normal_upper((std::log(x) - mu) / sigma - shift);
    };
    value = x1 * upper(x1, 0) - x0 * upper(x0, 0) + m * (upper(x0, sigma) - upper(x1, sigma));
  }
  if (!(value > tiny)) // lost to rounding far out: the survival at the middle of the day
    value = survival_exact(p, a + 0.5);
  return value;
}

double log_likelihood(Family family, std::span<const double> theta, const FitData &d) {
  const Params p = params_of(family, theta);
  double ll = log_density_sum(p, d);
  for (const Observation &o : d.exact_censored)
    ll += o.count * safe_log(survival_exact(p, o.value));
  if (!d.days.empty()) {
    std::vector<double> s(d.day_points.size());
    for (std::size_t i = 0; i < s.size(); ++i)
      s[i] = survival_days(p, d.day_points[i]);
    const auto at = [&](double a) {
      const auto it = std::lower_bound(d.day_points.begin(), d.day_points.end(), a);
      return s[static_cast<std::size_t>(it - d.day_points.begin())];
    };
    for (const Observation &o : d.days)
      ll += o.count * safe_log(o.censored ? at(o.value) : at(o.value - 1) - at(o.value));
  }
  return std::isfinite(ll) ? ll : -worst;
}

struct Objective {
  Family family;
  const FitData *data;
};

double negative_log_likelihood(unsigned n, const double *x, double *gradient, void *context) {
  (void)gradient; // a derivative-free method
  const auto *o = static_cast<const Objective *>(context);
  return -log_likelihood(o->family, std::span<const double>(x, n), *o->data);
}

// The parameters' bounds keep the special functions in their working range.
std::pair<std::vector<double>, std::vector<double>> bounds(Family family) {
  if (family == Family::exponential)
    return {{-20}, {30}};
  if (family == Family::gamma)
    return {{-7, -25}, {9, 30}};
  return {{-25, -7}, {30, 3}};
}

std::vector<double> maximise(Family family, const FitData &d, std::vector<double> start) {
  Objective objective{family, &d};
  const auto n = static_cast<unsigned>(start.size());
  nlopt_opt opt = nlopt_create(n == 1 ? NLOPT_LN_COBYLA : NLOPT_LN_SBPLX, n);
  auto [low, high] = bounds(family);
  for (std::size_t i = 0; i < n; ++i)
    start[i] = std::clamp(start[i], low[i] + 1e-3, high[i] - 1e-3);
  nlopt_set_lower_bounds(opt, low.data());
  nlopt_set_upper_bounds(opt, high.data());
  nlopt_set_min_objective(opt, negative_log_likelihood, &objective);
  // Parameters are logs (or a log-scale location): 1e-7 is a relative precision far below any
  // interval's width.
  nlopt_set_xtol_abs1(opt, 1e-7);
  nlopt_set_ftol_abs(opt, 1e-9);
  nlopt_set_maxeval(opt, 3000);
  const std::vector<double> step(n, 0.1);
  nlopt_set_initial_step(opt, step.data());
  double value = 0;
  nlopt_optimize(opt, start.data(), &value); // any stop leaves the best point found
  nlopt_destroy(opt);
  return start;
}

// log(mean) and log(sd) as functions of theta.
std::array<double, 2> log_mean_sd(Family family, std::span<const double> theta) {
  if (family == Family::exponential)
    return {theta[0], theta[0]};
  if (family == Family::gamma)
    return {theta[0] + theta[1], theta[0] / 2 + theta[1]};
  const double mu = theta[0], s2 = std::exp(2 * theta[1]);
  return {mu + s2 / 2, mu + s2 / 2 + 0.5 * std::log(std::expm1(s2))};
}

// The inverse observed information (numerical second derivatives of the log-likelihood).
std::vector<double> covariance(Family family, const std::vector<double> &theta, const FitData &d) {
  const std::size_t n = theta.size();
  const double h = 1e-4;
  const auto ll = [&](double di, std::size_t i, double dj, std::size_t j) {
    std::vector<double> t = theta;
    t[i] += di;
    t[j] += dj;
    return log_likelihood(family, t, d);
  };
  std::vector<double> info(n * n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      info[i * n + j] =
          -(ll(h, i, h, j) - ll(h, i, -h, j) - ll(-h, i, h, j) + ll(-h, i, -h, j)) / (4 * h * h);
  if (n == 1)
    return {info[0] > 0 ? 1 / info[0] : std::numeric_limits<double>::infinity()};
  const double det = info[0] * info[3] - info[1] * info[2];
  if (!(det > 0) || !(info[0] > 0))
    return {std::numeric_limits<double>::infinity(), 0, 0, std::numeric_limits<double>::infinity()};
  return {info[3] / det, -info[1] / det, -info[2] / det, info[0] / det};
}

// The delta method's interval of exp(g(theta)) for g = log mean or log sd.
Interval log_scale_interval(Family family, const std::vector<double> &theta,
                            const std::vector<double> &cov, std::size_t which, double z) {
  const std::size_t n = theta.size();
  std::vector<double> gradient(n);
  const double h = 1e-6;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> up = theta, down = theta;
    up[i] += h;
    down[i] -= h;
    gradient[i] = (log_mean_sd(family, up)[which] - log_mean_sd(family, down)[which]) / (2 * h);
  }
  double variance = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      variance += gradient[i] * cov[i * n + j] * gradient[j];
  const double centre = log_mean_sd(family, theta)[which];
  const double half = z * std::sqrt(std::max(variance, 0.0));
  return {std::exp(centre - half), std::exp(centre + half)};
}

FamilyFit fit_family(Family family, const FitData &d, std::vector<double> start, double z) {
  FamilyFit f;
  f.family = family;
  f.theta = maximise(family, d, std::move(start));
  f.log_likelihood = log_likelihood(family, f.theta, d);
  f.parameters = static_cast<int>(f.theta.size());
  f.aic = 2 * f.parameters - 2 * f.log_likelihood;
  const auto logs = log_mean_sd(family, f.theta);
  f.mean = std::exp(logs[0]);
  f.sd = std::exp(logs[1]);
  const auto cov = covariance(family, f.theta, d);
  f.mean_ci = log_scale_interval(family, f.theta, cov, 0, z);
  f.sd_ci = log_scale_interval(family, f.theta, cov, 1, z);
  return f;
}

// Moments of the uncensored values, for starting points.
struct Moments {
  double mean = 1, var = 1, log_mean = 0, log_var = 1;
  std::size_t distinct = 0;
  bool has_zero = false;
};

Moments moments(std::span<const Observation> data) {
  Moments m;
  double n = 0, s = 0, s2 = 0, l = 0, l2 = 0;
  std::vector<double> values;
  for (const Observation &o : data) {
    if (o.censored)
      continue;
    const double lx = std::log(std::max(o.value, 0.5));
    n += o.count;
    s += o.count * o.value;
    s2 += o.count * o.value * o.value;
    l += o.count * lx;
    l2 += o.count * lx * lx;
    values.push_back(o.value);
    m.has_zero = m.has_zero || o.value <= 0;
  }
  std::sort(values.begin(), values.end());
  m.distinct = static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
  m.mean = std::max(s / n, 1e-3);
  m.var = std::max(s2 / n - m.mean * m.mean, 1e-6 * m.mean * m.mean);
  m.log_mean = l / n;
  m.log_var = std::max(l2 / n - m.log_mean * m.log_mean, 1e-6);
  return m;
}

void check(std::span<const Observation> data) {
  for (const Observation &o : data)
    if (!std::isfinite(o.value) || o.value < 0 || !(o.count > 0))
      throw std::invalid_argument("fit_positive: values must be >= 0 with counts > 0");
}

// A constant when every uncensored value is the same and no censored one is known to exceed it.
bool constant_fit(std::span<const Observation> data, Resolution resolution, FamilyFit &out) {
  std::optional<double> value;
  for (const Observation &o : data)
    if (!o.censored) {
      if (value && *value != o.value)
        return false;
      value = o.value;
    }
  for (const Observation &o : data)
    if (o.censored &&
        (o.value > *value || (resolution == Resolution::whole_days && o.value >= *value)))
      return false;
  out.family = Family::constant;
  out.mean = *value;
  out.sd = 0;
  out.mean_ci = {*value, *value};
  out.sd_ci = {0, 0};
  out.parameters = 1;
  return true;
}

} // namespace

Interval binomial_interval(double k, double n, double confidence) {
  if (!(n > 0) || k < 0 || k > n)
    throw std::invalid_argument("binomial_interval: needs 0 <= k <= n, n > 0");
  const double alpha = 1 - confidence;
  Interval i;
  i.low = k <= 0 ? 0 : boost::math::ibeta_inv(k, n - k + 1, alpha / 2);
  i.high = k >= n ? 1 : boost::math::ibeta_inv(k + 1, n - k, 1 - alpha / 2);
  return i;
}

Interval poisson_rate_interval(double count, double exposure, double confidence) {
  if (!(exposure > 0) || count < 0)
    throw std::invalid_argument("poisson_rate_interval: needs count >= 0, exposure > 0");
  const double alpha = 1 - confidence;
  Interval i;
  i.low = count <= 0 ? 0 : boost::math::gamma_p_inv(count, alpha / 2) / exposure;
  i.high = boost::math::gamma_p_inv(count + 1, 1 - alpha / 2) / exposure;
  return i;
}

double two_sided_z(double confidence) { return z_of(confidence); }

Interval mean_interval(std::span<const double> x, double confidence) {
  if (x.empty())
    throw std::invalid_argument("mean_interval: no values");
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  if (x.size() < 2)
    return {mean, mean};
  double ss = 0;
  for (const double v : x)
    ss += (v - mean) * (v - mean);
  const double half = z_of(confidence) * std::sqrt(ss / (n - 1) / n);
  return {mean - half, mean + half};
}

std::string_view family_name(Family family) {
  switch (family) {
  case Family::constant:
    return "constant";
  case Family::exponential:
    return "exponential";
  case Family::gamma:
    return "gamma";
  case Family::lognormal:
    return "lognormal";
  }
  return "?";
}

PositiveFit fit_positive(std::span<const Observation> data, Resolution resolution,
                         double confidence) {
  check(data);
  PositiveFit result;
  for (const Observation &o : data) {
    result.n += o.count;
    if (!o.censored)
      result.events += o.count;
  }
  if (!(result.events > 0))
    throw std::invalid_argument("fit_positive: no uncensored value to fit");
  if (constant_fit(data, resolution, result.chosen)) {
    result.candidates.push_back(result.chosen);
    return result;
  }
  const FitData d = summarise(data, resolution);
  const Moments m = moments(data);
  const double z = z_of(confidence);
  result.candidates.push_back(fit_family(Family::exponential, d, {std::log(m.mean)}, z));
  const bool two_parameters = m.distinct >= 2 && !(resolution == Resolution::exact && m.has_zero);
  if (two_parameters) {
    const double shape = m.mean * m.mean / m.var;
    result.candidates.push_back(
        fit_family(Family::gamma, d, {std::log(shape), std::log(m.mean / shape)}, z));
    result.candidates.push_back(
        fit_family(Family::lognormal, d, {m.log_mean, 0.5 * std::log(m.log_var)}, z));
  }
  result.chosen =
      *std::min_element(result.candidates.begin(), result.candidates.end(),
                        [](const FamilyFit &a, const FamilyFit &b) { return a.aic < b.aic; });
  return result;
}

double fitted_survival(const FamilyFit &fit, double x, Resolution resolution) {
  if (fit.family == Family::constant)
    return x < fit.mean ? 1.0 : 0.0;
  const Params p = params_of(fit.family, fit.theta);
  return resolution == Resolution::whole_days ? survival_days(p, x) : survival_exact(p, x);
}

std::vector<SurvivalStep> kaplan_meier(std::span<const Observation> data) {
  std::vector<Observation> sorted(data.begin(), data.end());
  std::sort(sorted.begin(), sorted.end(), [](const Observation &a, const Observation &b) {
    return a.value < b.value || (a.value == b.value && !a.censored && b.censored);
  });
  double at_risk = 0;
  for (const Observation &o : sorted)
    at_risk += o.count;
  std::vector<SurvivalStep> steps;
  double survival = 1;
  std::size_t i = 0;
  while (i < sorted.size()) {
    const double t = sorted[i].value;
    double events = 0, leaving = 0;
    for (; i < sorted.size() && sorted[i].value == t; ++i) {
      leaving += sorted[i].count;
      if (!sorted[i].censored)
        events += sorted[i].count;
    }
    if (events > 0) {
      survival *= 1 - events / at_risk;
      steps.push_back({t, survival});
    }
    at_risk -= leaving;
  }
  return steps;
}

} // namespace salesfab::analysis
