#include "engine/distribution.hpp"
#include "support/stats.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using salesfab::engine::Distribution;
using salesfab::engine::RandomStream;
using salesfab::test::Moments;

namespace {

// Samples d and checks the sample mean and variance against theory, each within its 99.9 %
// confidence interval: the mean's from the sample sd, the variance's from the spread of the
// squared deviations (its standard error estimated from the same data).
void check_moments(const Distribution &d, const char *stream) {
  RandomStream s(2024, 0, stream);
  const int n = 200000;
  std::vector<double> xs(n);
  Moments m;
  for (double &x : xs) {
    x = d.sample(s);
    REQUIRE(x >= d.min());
    REQUIRE(x <= d.max());
    m.add(x);
  }
  INFO(d.describe() << ": mean " << m.mean() << " vs " << d.mean());
  REQUIRE(salesfab::test::in_ci(m, d.mean(), 0.999));
  Moments sq;
  for (const double x : xs)
    sq.add((x - m.mean()) * (x - m.mean()));
  INFO("variance " << m.variance() << " vs " << d.variance());
  REQUIRE(std::abs(m.variance() - d.variance()) <= sq.half_width(0.999) + 1e-12);
}

} // namespace

TEST_CASE("each distribution's sample mean and variance match theory", "[engine]") {
  check_moments(Distribution::exponential(5), "exp");
  check_moments(Distribution::uniform(2, 8), "uni");
  check_moments(Distribution::triangular(0.5, 1.0, 2.5), "tri");
  check_moments(Distribution::triangular(0, 0, 1), "tri-left");
  check_moments(Distribution::lognormal(8000, 4000), "logn");
  check_moments(Distribution::gamma(10, 5), "gamma>1");
  check_moments(Distribution::gamma(2, 4), "gamma<1");
  check_moments(Distribution::gamma(3, 3), "gamma=1");
  check_moments(Distribution::empirical({1, 2, 10}, {0.5, 0.3, 0.2}), "emp");
  check_moments(Distribution::empirical({4, 6}), "emp-equal");
}

TEST_CASE("theoretical moments are the textbook ones", "[engine]") {
  REQUIRE(Distribution::constant(3).mean() == 3);
  REQUIRE(Distribution::constant(3).variance() == 0);
  REQUIRE(Distribution::exponential(5).variance() == 25);
  REQUIRE(Distribution::uniform(2, 8).variance() == Approx(3));
  REQUIRE(Distribution::triangular(0, 1, 2).variance() == Approx(1.0 / 6));
  REQUIRE(Distribution::lognormal(8000, 4000).variance() == Approx(16e6));
  REQUIRE(Distribution::empirical({1, 3}).variance() == Approx(1));
}

TEST_CASE("degenerate distributions return their one value", "[engine]") {
  RandomStream s(1, 0, "d");
  REQUIRE(Distribution::constant(4).sample(s) == 4);
  REQUIRE(Distribution::uniform(2, 2).sample(s) == 2);
  REQUIRE(Distribution::triangular(3, 3, 3).sample(s) == 3);
  REQUIRE(Distribution::lognormal(7, 0).sample(s) == 7);
  REQUIRE(Distribution::gamma(7, 0).sample(s) == 7);
  REQUIRE(Distribution::empirical({1, 9}, {0, 1}).sample(s) == 9);
}

TEST_CASE("scaling a distribution scales its mean and sd", "[engine]") {
  const Distribution d = Distribution::lognormal(8000, 4000).scaled(0.5);
  REQUIRE(d.mean() == Approx(4000));
  REQUIRE(d.variance() == Approx(4e6));
  REQUIRE(Distribution::triangular(1, 2, 3).scaled(2).mean() == Approx(4));
  REQUIRE(Distribution::exponential(3).scaled(0).mean() == 0);
}

TEST_CASE("bad parameters are refused", "[engine]") {
  REQUIRE_THROWS_AS(Distribution::exponential(0), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::uniform(3, 2), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::triangular(1, 3, 2), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::lognormal(10, -1), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::gamma(-1, 1), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::empirical({}), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::empirical({1, 2}, {0, 0}), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::empirical({1, 2}, {1}), std::invalid_argument);
  REQUIRE_THROWS_AS(Distribution::constant(INFINITY), std::invalid_argument);
}

TEST_CASE("the same stream gives the same samples", "[engine]") {
  const Distribution d = Distribution::gamma(10, 5);
  RandomStream a(5, 1, "g"), b(5, 1, "g");
  for (int i = 0; i < 100; ++i)
    REQUIRE(d.sample(a) == d.sample(b));
}
