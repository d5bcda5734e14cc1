#pragma once
// Probability distributions exactly as the scenario format names them, as one value type that
// samples from a RandomStream and knows its theoretical mean and variance.

#include "engine/random_stream.hpp"

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::engine {

/// A distribution of non-random or random values: constant, exponential, uniform, triangular,
/// lognormal and gamma (both by the mean and sd of the value itself), or empirical.
/// Cheap to copy; safe to sample from several threads at once (each with its own stream).
class Distribution {
public:
  /// The families of the scenario format.
  enum class Kind : std::uint8_t {
    constant,
    exponential,
    uniform,
    triangular,
    lognormal,
    gamma,
    empirical
  };
  /// Every family, in the order of Kind.
  static constexpr Kind all_kinds[] = {Kind::constant,   Kind::exponential, Kind::uniform,
                                       Kind::triangular, Kind::lognormal,   Kind::gamma,
                                       Kind::empirical};

  /// The constant 0.
  Distribution() = default;

  /// Always `value`.
  static Distribution constant(double value);
  /// Exponential with the given mean (> 0).
  static Distribution exponential(double mean);
  /// Uniform on [min, max], min <= max.
  static Distribution uniform(double min, double max);
  /// Triangular with min <= mode <= max.
  static Distribution triangular(double min, double mode, double max);
  /// Lognormal whose value has this mean (> 0) and standard deviation (>= 0).
  static Distribution lognormal(double mean, double sd);
  /// Gamma whose value has this mean (> 0) and standard deviation (>= 0).
  static Distribution gamma(double mean, double sd);
  /// One of `values` (non-empty), drawn with `weights` (>= 0, not all 0) or equally likely.
  static Distribution empirical(std::vector<double> values, std::vector<double> weights = {});

  /// Draws one value with any 64-bit uniform random bit generator (Boost.Random's samplers).
  template <class Urng> double sample(Urng &urng) const;
  /// Draws one value from a stream.
  double sample(RandomStream &stream) const { return sample(stream.engine()); }

  /// The theoretical mean.
  [[nodiscard]] double mean() const;
  /// The theoretical variance.
  [[nodiscard]] double variance() const;
  /// The smallest value the distribution can take (its support's lower end).
  [[nodiscard]] double min() const;
  /// The largest value the distribution can take (infinity when unbounded).
  [[nodiscard]] double max() const;

  /// Which family.
  [[nodiscard]] Kind kind() const { return kind_; }
  /// The family's name as the scenario format writes it.
  [[nodiscard]] static const char *name(Kind kind);
  /// The family's parameters as the scenario format names them, in order: constant {value},
  /// exponential {mean}, uniform {min, max}, triangular {min, mode, max}, lognormal and gamma
  /// {mean, sd}; none for empirical (values and weights are lists).
  [[nodiscard]] static std::span<const std::string_view> parameter_names(Kind kind);
  /// A distribution of a family with parameters (not empirical), in parameter_names' order;
  /// throws std::invalid_argument as the named constructors do.
  [[nodiscard]] static Distribution of(Kind kind, std::span<const double> parameters);
  /// A short description, e.g. "lognormal(mean 8000, sd 4000)".
  [[nodiscard]] std::string describe() const;

  /// The parameters as given, in the scenario format's order (constant: value; exponential:
  /// mean; uniform: min, max; triangular: min, mode, max; lognormal, gamma: mean, sd).
  [[nodiscard]] const double *parameters() const { return p_; }
  /// The empirical values and weights (empty for other families).
  [[nodiscard]] const std::vector<double> &values() const;
  [[nodiscard]] const std::vector<double> &weights() const;

  /// The same distribution with every value multiplied by factor >= 0.
  [[nodiscard]] Distribution scaled(double factor) const;

  friend bool operator==(const Distribution &a, const Distribution &b);

private:
  struct Empirical {
    std::vector<double> values;
    std::vector<double> weights;
    boost::random::discrete_distribution<std::size_t, double> pick;
  };

  Kind kind_ = Kind::constant;
  double p_[3] = {0, 0, 0}; // the parameters as given
  double q_[2] = {0, 0};    // derived: lognormal mu, sigma; gamma shape, scale
  std::shared_ptr<const Empirical> empirical_;
};

template <class Urng> double Distribution::sample(Urng &urng) const {
  switch (kind_) {
  case Kind::constant:
    return p_[0];
  case Kind::exponential: {
    boost::random::exponential_distribution<double> unit(1.0);
    return p_[0] * unit(urng);
  }
  case Kind::uniform: {
    if (p_[0] == p_[1])
      return p_[0];
    boost::random::uniform_real_distribution<double> u(p_[0], p_[1]);
    return u(urng);
  }
  case Kind::triangular: {
    if (p_[0] == p_[2])
      return p_[0];
    boost::random::triangle_distribution<double> t(p_[0], p_[1], p_[2]);
    return t(urng);
  }
  case Kind::lognormal: {
    if (p_[1] == 0)
      return p_[0];
    boost::random::lognormal_distribution<double> l(q_[0], q_[1]);
    return l(urng);
  }
  case Kind::gamma: {
    if (p_[1] == 0)
      return p_[0];
    boost::random::gamma_distribution<double> g(q_[0], q_[1]);
    return g(urng);
  }
  case Kind::empirical:
    return empirical_->values[empirical_->pick(urng)];
  }
  return p_[0]; // unreachable: every kind is handled above
}

} // namespace salesfab::engine
