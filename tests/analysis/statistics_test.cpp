#include "analysis/measure/statistics.hpp"
#include "analysis/measure/trend.hpp"

#include <catch2/catch.hpp>

using namespace salesfab::analysis;

TEST_CASE("Student t quantiles are the textbook ones", "[analysis]") {
  REQUIRE(student_t_quantile(0.975, 1) == Approx(12.7062).epsilon(1e-5));
  REQUIRE(student_t_quantile(0.975, 4) == Approx(2.7764).epsilon(1e-4));
  REQUIRE(student_t_quantile(0.975, 10) == Approx(2.2281).epsilon(1e-4));
  REQUIRE(student_t_quantile(0.995, 30) == Approx(2.7500).epsilon(1e-4));
  REQUIRE(student_t_quantile(0.95, 19) == Approx(1.7291).epsilon(1e-4));
}

TEST_CASE("a summary has the mean, sd and Student-t interval of the values", "[analysis]") {
  const std::vector<MetricValue> v = {1.0, 2.0, 3.0, 4.0, 5.0};
  const Summary s = summarize(v, 0.95);
  REQUIRE(s.n == 5);
  REQUIRE(*s.mean == Approx(3));
  REQUIRE(*s.sd == Approx(1.5811388));
  const double half = 2.7764451 * 1.5811388 / std::sqrt(5.0);
  REQUIRE(*s.ci_low == Approx(3 - half));
  REQUIRE(*s.ci_high == Approx(3 + half));
}

TEST_CASE("missing values are left out and n says how many counted", "[analysis]") {
  const std::vector<MetricValue> v = {std::nullopt, 4.0, std::nullopt, 6.0};
  const Summary s = summarize(v, 0.9);
  REQUIRE(s.n == 2);
  REQUIRE(*s.mean == 5);
  const Summary one = summarize(std::vector<MetricValue>{7.0}, 0.95);
  REQUIRE(one.n == 1);
  REQUIRE(*one.mean == 7);
  REQUIRE_FALSE(one.sd);
  REQUIRE_FALSE(one.ci_low);
  const Summary none = summarize(std::vector<MetricValue>{std::nullopt}, 0.95);
  REQUIRE(none.n == 0);
  REQUIRE_FALSE(none.mean);
}

TEST_CASE("paired differences are alt minus base, replication by replication", "[analysis]") {
  const std::vector<MetricValue> base = {1.0, 2.0, 3.0, std::nullopt};
  const std::vector<MetricValue> alt = {2.0, 4.0, 7.0, 5.0};
  const Summary d = summarize_difference(base, alt, 0.95);
  REQUIRE(d.n == 3); // the pair with a missing value is left out
  REQUIRE(*d.mean == Approx(7.0 / 3));
  REQUIRE(*d.sd == Approx(1.5275252));
  const double half = 4.3026527 * 1.5275252 / std::sqrt(3.0);
  REQUIRE(*d.ci_low == Approx(7.0 / 3 - half));
  REQUIRE(d.excludes_zero() == (7.0 / 3 - half > 0));
}

TEST_CASE("identical values give a difference of exactly zero", "[analysis]") {
  const std::vector<MetricValue> v = {1.5, 2.5, 3.5};
  const Summary d = summarize_difference(v, v, 0.95);
  REQUIRE(*d.mean == 0);
  REQUIRE(*d.sd == 0);
  REQUIRE_FALSE(d.excludes_zero());
}

TEST_CASE("a constant metric has sd 0 and a degenerate interval", "[analysis]") {
  const std::vector<MetricValue> v(10, 633825.0);
  const Summary s = summarize(v, 0.95);
  REQUIRE(*s.sd == 0);
  REQUIRE(*s.ci_low == 633825.0);
  REQUIRE(*s.ci_high == 633825.0);
}

TEST_CASE("least-squares slopes are exact on lines and sensible on noise", "[analysis]") {
  REQUIRE(*least_squares_slope({0, 1, 2, 3}, {1, 3, 5, 7}) == Approx(2));
  REQUIRE(*least_squares_slope({1e6, 1e6 + 1, 1e6 + 2}, {5, 5, 5}) == Approx(0).margin(1e-12));
  REQUIRE(*least_squares_slope({0, 1, 2}, {0, 2, 1}) == Approx(0.5));
  REQUIRE_FALSE(least_squares_slope({1}, {1}));
  REQUIRE_FALSE(least_squares_slope({2, 2, 2}, {1, 2, 3}));
}
