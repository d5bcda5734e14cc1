#include "engine/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace salesfab::engine {

namespace {

void require(bool ok, const char *what) {
  if (!ok)
    throw std::invalid_argument(what);
}

bool finite(double x) { return std::isfinite(x); }

} // namespace

Distribution Distribution::constant(double value) {
  require(finite(value), "constant: value must be finite");
  Distribution d;
  d.kind_ = Kind::constant;
  d.p_[0] = value;
  return d;
}

Distribution Distribution::exponential(double mean) {
  require(finite(mean) && mean > 0, "exponential: mean must be > 0");
  Distribution d;
  d.kind_ = Kind::exponential;
  d.p_[0] = mean;
  return d;
}

Distribution Distribution::uniform(double min, double max) {
  require(finite(min) && finite(max) && min <= max, "uniform: need min <= max");
  Distribution d;
  d.kind_ = Kind::uniform;
  d.p_[0] = min;
  d.p_[1] = max;
  return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
  require(finite(min) && finite(mode) && finite(max) && min <= mode && mode <= max,
          "triangular: need min <= mode <= max");
  Distribution d;
  d.kind_ = Kind::triangular;
  d.p_[0] = min;
  d.p_[1] = mode;
  d.p_[2] = max;
  return d;
}

Distribution Distribution::lognormal(double mean, double sd) {
  require(finite(mean) && mean > 0, "lognormal: mean must be > 0");
  require(finite(sd) && sd >= 0, "lognormal: sd must be >= 0");
  Distribution d;
  d.kind_ = Kind::lognormal;
  d.p_[0] = mean;
  d.p_[1] = sd;
  // From the value's mean m and sd s to the log's: sigma^2 = ln(1 + s^2/m^2),
  // mu = ln(m) - sigma^2 / 2.
  const double sigma2 = std::log1p((sd / mean) * (sd / mean));
  d.q_[0] = std::log(mean) - sigma2 / 2;
  d.q_[1] = std::sqrt(sigma2);
  return d;
}

Distribution Distribution::gamma(double mean, double sd) {
  require(finite(mean) && mean > 0, "gamma: mean must be > 0");
  require(finite(sd) && sd >= 0, "gamma: sd must be >= 0");
  Distribution d;
  d.kind_ = Kind::gamma;
  d.p_[0] = mean;
  d.p_[1] = sd;
  if (sd > 0) {
    d.q_[0] = (mean / sd) * (mean / sd); // shape
    d.q_[1] = sd * sd / mean;            // scale
  }
  return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  require(!values.empty(), "empirical: needs at least one value");
  require(std::all_of(values.begin(), values.end(), finite), "empirical: values must be finite");
  if (weights.empty())
    weights.assign(values.size(), 1.0);
  require(weights.size() == values.size(), "empirical: one weight per value");
  require(std::all_of(weights.begin(), weights.end(), [](double w) { return finite(w) && w >= 0; }),
          "empirical: weights must be >= 0");
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  require(total > 0 && finite(total), "empirical: weights must not all be 0");
  Distribution d;
  d.kind_ = Kind::empirical;
  auto e = std::make_shared<Empirical>();
  e->pick =
      boost::random::discrete_distribution<std::size_t, double>(weights.begin(), weights.end());
  e->values = std::move(values);
  e->weights = std::move(weights);
  d.empirical_ = std::move(e);
  return d;
}

double Distribution::mean() const {
  switch (kind_) {
  case Kind::constant:
  case Kind::exponential:
  case Kind::lognormal:
  case Kind::gamma:
    return p_[0];
  case Kind::uniform:
    return (p_[0] + p_[1]) / 2;
  case Kind::triangular:
    return (p_[0] + p_[1] + p_[2]) / 3;
  case Kind::empirical: {
    const auto &e = *empirical_;
    double sum = 0, total = 0;
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      sum += e.weights[i] * e.values[i];
      total += e.weights[i];
    }
    return sum / total;
  }
  }
  return 0;
}

double Distribution::variance() const {
  switch (kind_) {
  case Kind::constant:
    return 0;
  case Kind::exponential:
    return p_[0] * p_[0];
  case Kind::lognormal:
  case Kind::gamma:
    return p_[1] * p_[1];
  case Kind::uniform:
    return (p_[1] - p_[0]) * (p_[1] - p_[0]) / 12;
  case Kind::triangular: {
    const double a = p_[0], c = p_[1], b = p_[2];
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  }
  case Kind::empirical: {
    const auto &e = *empirical_;
    const double m = mean();
    double sum = 0, total = 0;
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      sum += e.weights[i] * (e.values[i] - m) * (e.values[i] - m);
      total += e.weights[i];
    }
    return sum / total;
  }
  }
  return 0;
}

double Distribution::min() const {
  switch (kind_) {
  case Kind::constant:
    return p_[0];
  case Kind::exponential:
    return 0;
  case Kind::lognormal:
  case Kind::gamma:
    return p_[1] == 0 ? p_[0] : 0;
  case Kind::uniform:
  case Kind::triangular:
    return p_[0];
  case Kind::empirical: {
    const auto &e = *empirical_;
    double lo = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < e.values.size(); ++i)
      if (e.weights[i] > 0)
        lo = std::min(lo, e.values[i]);
    return lo;
  }
  }
  return 0;
}

double Distribution::max() const {
  switch (kind_) {
  case Kind::constant:
    return p_[0];
  case Kind::exponential:
    return std::numeric_limits<double>::infinity();
  case Kind::lognormal:
  case Kind::gamma:
    return p_[1] == 0 ? p_[0] : std::numeric_limits<double>::infinity();
  case Kind::uniform:
    return p_[1];
  case Kind::triangular:
    return p_[2];
  case Kind::empirical: {
    const auto &e = *empirical_;
    double hi = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < e.values.size(); ++i)
      if (e.weights[i] > 0)
        hi = std::max(hi, e.values[i]);
    return hi;
  }
  }
  return 0;
}

std::span<const std::string_view> Distribution::parameter_names(Kind kind) {
  static constexpr std::string_view value[] = {"value"};
  static constexpr std::string_view mean[] = {"mean"};
  static constexpr std::string_view range[] = {"min", "max"};
  static constexpr std::string_view triangle[] = {"min", "mode", "max"};
  static constexpr std::string_view mean_sd[] = {"mean", "sd"};
  switch (kind) {
  case Kind::constant:
    return value;
  case Kind::exponential:
    return mean;
  case Kind::uniform:
    return range;
  case Kind::triangular:
    return triangle;
  case Kind::lognormal:
  case Kind::gamma:
    return mean_sd;
  case Kind::empirical:
    break;
  }
  return {};
}

Distribution Distribution::of(Kind kind, std::span<const double> p) {
  require(p.size() == parameter_names(kind).size(), "distribution: wrong number of parameters");
  switch (kind) {
  case Kind::constant:
    return constant(p[0]);
  case Kind::exponential:
    return exponential(p[0]);
  case Kind::uniform:
    return uniform(p[0], p[1]);
  case Kind::triangular:
    return triangular(p[0], p[1], p[2]);
  case Kind::lognormal:
    return lognormal(p[0], p[1]);
  case Kind::gamma:
    return gamma(p[0], p[1]);
  case Kind::empirical:
    break;
  }
  throw std::invalid_argument("distribution: empirical takes values and weights");
}

const char *Distribution::name(Kind kind) {
  switch (kind) {
  case Kind::constant:
    return "constant";
  case Kind::exponential:
    return "exponential";
  case Kind::uniform:
    return "uniform";
  case Kind::triangular:
    return "triangular";
  case Kind::lognormal:
    return "lognormal";
  case Kind::gamma:
    return "gamma";
  case Kind::empirical:
    return "empirical";
  }
  return "?";
}

std::string Distribution::describe() const {
  std::ostringstream out;
  out.precision(10);
  switch (kind_) {
  case Kind::constant:
    out << p_[0];
    break;
  case Kind::exponential:
    out << "exponential(mean " << p_[0] << ")";
    break;
  case Kind::uniform:
    out << "uniform(" << p_[0] << ", " << p_[1] << ")";
    break;
  case Kind::triangular:
    out << "triangular(" << p_[0] << ", " << p_[1] << ", " << p_[2] << ")";
    break;
  case Kind::lognormal:
  case Kind::gamma:
    out << name(kind_) << "(mean " << p_[0] << ", sd " << p_[1] << ")";
    break;
  case Kind::empirical:
    out << "empirical(" << empirical_->values.size() << " values)";
    break;
  }
  return out.str();
}

const std::vector<double> &Distribution::values() const {
  static const std::vector<double> none;
  return empirical_ ? empirical_->values : none;
}

const std::vector<double> &Distribution::weights() const {
  static const std::vector<double> none;
  return empirical_ ? empirical_->weights : none;
}

Distribution Distribution::scaled(double factor) const {
  require(finite(factor) && factor >= 0, "scaled: factor must be >= 0");
  if (factor == 0)
    return constant(0);
  switch (kind_) {
  case Kind::constant:
    return constant(p_[0] * factor);
  case Kind::exponential:
    return exponential(p_[0] * factor);
  case Kind::uniform:
    return uniform(p_[0] * factor, p_[1] * factor);
  case Kind::triangular:
    return triangular(p_[0] * factor, p_[1] * factor, p_[2] * factor);
  case Kind::lognormal:
    return lognormal(p_[0] * factor, p_[1] * factor);
  case Kind::gamma:
    return gamma(p_[0] * factor, p_[1] * factor);
  case Kind::empirical: {
    std::vector<double> v = empirical_->values;
    for (double &x : v)
      x *= factor;
    return empirical(std::move(v), empirical_->weights);
  }
  }
  return *this;
}

bool operator==(const Distribution &a, const Distribution &b) {
  if (a.kind_ != b.kind_)
    return false;
  if (a.kind_ == Distribution::Kind::empirical)
    return a.values() == b.values() && a.weights() == b.weights();
  return a.p_[0] == b.p_[0] && a.p_[1] == b.p_[1] && a.p_[2] == b.p_[2];
}

} // namespace salesfab::engine
