// The estimation maths of calibrate against theory: exact intervals hit their tail
// probabilities, maximum likelihood finds the closed forms where there are any, AIC finds the
// family that made the data, and the censored whole-day fit's intervals cover as often as 95%
// intervals should.

#include "analysis/measure/estimation.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace salesfab::analysis;

namespace {

std::vector<Observation> exact(const std::vector<double> &values) {
  std::vector<Observation> out;
  for (const double v : values)
    out.push_back({v, 1, false});
  return out;
}

} // namespace

TEST_CASE("binomial interval: the exact bounds leave 2.5% in each tail", "[crm][estimation]") {
  for (const auto &[k, n] : {std::pair{5.0, 10.0}, {0.0, 20.0}, {37.0, 412.0}, {30.0, 30.0}}) {
    const Interval i = binomial_interval(k, n, 0.95);
    if (k > 0)
      CHECK(1 - boost::math::cdf(boost::math::binomial(n, i.low), k - 1) ==
            Approx(0.025).epsilon(1e-6));
    else
      CHECK(i.low == 0);
    if (k < n)
      CHECK(boost::math::cdf(boost::math::binomial(n, i.high), k) == Approx(0.025).epsilon(1e-6));
    else
      CHECK(i.high == 1);
  }
}

TEST_CASE("Poisson rate interval: the exact bounds leave 2.5% in each tail", "[crm][estimation]") {
  for (const auto &[k, t] : {std::pair{3.0, 2.0}, {0.0, 5.0}, {412.0, 52.0}}) {
    const Interval i = poisson_rate_interval(k, t, 0.95);
    if (k > 0)
      CHECK(1 - boost::math::cdf(boost::math::poisson(i.low * t), k - 1) ==
            Approx(0.025).epsilon(1e-6));
    CHECK(boost::math::cdf(boost::math::poisson(i.high * t), k) == Approx(0.025).epsilon(1e-6));
  }
}

TEST_CASE("exponential with censoring: the MLE is the total time over the events",
          "[crm][estimation]") {
  // d events and total time S: the log-likelihood -d log m - S / m is largest at m = S / d.
  std::vector<Observation> data = exact({2, 5, 9, 1.5, 7});
  data.push_back({10, 1, true});
  data.push_back({4, 2, true});
  const PositiveFit fit = fit_positive(data, Resolution::exact, 0.95);
  const auto &e = fit.candidates.front();
  REQUIRE(e.family == Family::exponential);
  REQUIRE(e.mean == Approx((2 + 5 + 9 + 1.5 + 7 + 10 + 8) / 5.0).epsilon(1e-6));
  // The observed information is d / m^2: log-scale interval m exp(+-1.96 / sqrt(d)).
  REQUIRE(e.mean_ci.low == Approx(e.mean * std::exp(-1.959964 / std::sqrt(5.0))).epsilon(1e-4));
  REQUIRE(fit.n == 8);
  REQUIRE(fit.events == 5);
}

TEST_CASE("AIC chooses the family that made the data", "[crm][estimation]") {
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> lognormal(std::log(100.0), 0.6);
  std::gamma_distribution<double> gamma(4.0, 5.0);
  std::vector<double> a, b;
  for (int i = 0; i < 3000; ++i) {
    a.push_back(lognormal(rng));
    b.push_back(gamma(rng));
  }
  const PositiveFit fa = fit_positive(exact(a), Resolution::exact, 0.95);
  const PositiveFit fb = fit_positive(exact(b), Resolution::exact, 0.95);
  REQUIRE(fa.chosen.family == Family::lognormal);
  REQUIRE(fb.chosen.family == Family::gamma);
  REQUIRE(fa.chosen.mean_ci.covers(100 * std::exp(0.18)));
  REQUIRE(fb.chosen.mean_ci.covers(20));
  REQUIRE(fb.chosen.sd_ci.covers(10));
}

TEST_CASE("every value the same is a constant", "[crm][estimation]") {
  const PositiveFit f = fit_positive(exact({5, 5, 5}), Resolution::whole_days, 0.95);
  REQUIRE(f.chosen.family == Family::constant);
  REQUIRE(f.chosen.mean == 5);
  std::vector<Observation> open = exact({5, 5});
  open.push_back({6, 1, true}); // still open after 6 days: not a constant 5
  REQUIRE(fit_positive(open, Resolution::whole_days, 0.95).chosen.family != Family::constant);
  REQUIRE_THROWS_AS(fit_positive(std::vector<Observation>{{3, 1, true}}, Resolution::exact, 0.95),
                    std::invalid_argument);
}

TEST_CASE("Kaplan-Meier: the product-limit estimate of a small sample", "[crm][estimation]") {
  // 1, 2+, 3, 3, 4+: S(1) = 4/5; at 3 three are at risk and two leave: S(3) = 4/5 * 1/3.
  const std::vector<Observation> data = {{1, 1, false}, {2, 1, true}, {3, 2, false}, {4, 1, true}};
  const auto km = kaplan_meier(data);
  REQUIRE(km.size() == 2);
  REQUIRE(km[0].time == 1);
  REQUIRE(km[0].survival == Approx(0.8));
  REQUIRE(km[1].time == 3);
  REQUIRE(km[1].survival == Approx(0.8 / 3));
}

TEST_CASE("whole days, half censored: the mean's 95% interval covers 95% of the time",
          "[crm][estimation][censoring]") {
  // Visits enter at uniform times over 160 days; the time in stage is gamma (mean 20, sd 12);
  // the CRM sees whole days, and visits not left by the export (day 160) are open.
  std::mt19937_64 rng(2024);
  std::gamma_distribution<double> time_in_stage(20.0 * 20.0 / 144.0, 144.0 / 20.0);
  std::uniform_real_distribution<double> start(0, 160);
  const int datasets = 100;
  int covered = 0;
  double open = 0, all = 0;
  for (int d = 0; d < datasets; ++d) {
    std::vector<Observation> data;
    for (int i = 0; i < 150; ++i) {
      const double s = start(rng), t = time_in_stage(rng);
      const double entered = std::floor(s), left = std::floor(s + t);
      if (left > 160)
        data.push_back({160 - entered, 1, true});
      else
        data.push_back({left - entered, 1, false});
      open += data.back().censored ? 1 : 0;
      ++all;
    }
    covered += fit_positive(data, Resolution::whole_days, 0.95).chosen.mean_ci.covers(20) ? 1 : 0;
  }
  REQUIRE(open / all > 0.1);
  // Coverage within the binomial's central 99.8% range around 0.95.
  const boost::math::binomial b(datasets, 0.95);
  WARN("whole days, " << static_cast<int>(100 * open / all) << "% censored: " << covered << " of "
                      << datasets << " intervals covered the mean");
  REQUIRE(covered >= boost::math::quantile(b, 0.001));
  REQUIRE(covered <= boost::math::quantile(b, 0.999));
}
