// Markets that change, staff who leave (scenario-format.md): arrivals under seasonality and
// market.changes against the integral of their rate, attrition against the renewal formula,
// churn after a churn_factor against exponential survival. Fixed seeds; every tolerance is a
// 99.9 % confidence interval of the replications.

#include "model/arrival_rate.hpp"
#include "model/support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace salesfab;
using test::in_ci;
using test::moments;
using test::parameters;
using test::replicate;

namespace {
constexpr double confidence = 0.999;

const std::string quiet_funnel =
    "  qualification: {effort_hours: 0}\n  shortlist: {time_to_need_days: 1}\n"
    "funnel:\n  stages:\n    - {name: deal, effort_hours: 1, duration_days: 1, conversion: 1}\n";

// The rate of the test's market, written out apart from the model: 50 a week, x 1.6 from day
// 500, 30 a week (still x 1.6) from day 800, times the month's factor.
double rate_per_day(double t) {
  static const double season[12] = {0.5, 0.7, 1.0, 1.2, 1.3, 1.1, 0.4, 0.6, 1.0, 1.4, 1.5, 1.3};
  const double base = t < 800 ? 50.0 : 30.0;
  const double factor = t < 500 ? 1.0 : 1.6;
  const double within = std::fmod(t, 365.0);
  const int month = std::min(11, static_cast<int>(within / (365.0 / 12)));
  return base / 7 * factor * season[month];
}

// Its integral by the midpoint rule on a fine grid (exact up to the month boundaries' cells).
double integral(double from, double to) {
  const int steps = 200000;
  const double h = (to - from) / steps;
  double sum = 0;
  for (int i = 0; i < steps; ++i)
    sum += rate_per_day(from + (i + 0.5) * h) * h;
  return sum;
}

const std::string changing_market =
    "market:\n  segments:\n    - {name: all, suspects_per_week: 50, qualification_pass: 0, "
    "deal_value: 1000, margin: 0.3}\n"
    "  seasonality: [0.5, 0.7, 1.0, 1.2, 1.3, 1.1, 0.4, 0.6, 1.0, 1.4, 1.5, 1.3]\n"
    "  changes:\n    - {day: 500, suspects_factor: 1.6}\n"
    "    - {day: 800, segment: all, suspects_per_week: 30}\n" +
    quiet_funnel;
} // namespace

TEST_CASE("a segment's rate under seasonality and changes integrates piece by piece",
          "[model][changes]") {
  const auto p = parameters("name: rate\ntime: {horizon_days: 1095}\nstaff:\n"
                            "  qualifier: {headcount: 1, hours_per_week: 40}\n"
                            "  account_executive: {headcount: 1, hours_per_week: 40}\n"
                            "  account_manager: {headcount: 0, hours_per_week: 40}\n" +
                            changing_market);
  const model::ArrivalRate rate(p.market, 0);
  REQUIRE_FALSE(rate.constant());
  REQUIRE(rate.per_day(10) == Approx(50.0 / 7 * 0.5));
  REQUIRE(rate.per_day(600) == Approx(50.0 / 7 * 1.6 * 0.6)); // day 235 of the year: August
  REQUIRE(rate.per_day(900) == Approx(30.0 / 7 * 1.6 * 1.1)); // day 170: June
  REQUIRE(rate.integral(100, 1095) == Approx(integral(100, 1095)).epsilon(1e-4));
  // Inversion: the time the integral reaches an area is where it does.
  for (const double area : {0.1, 3.0, 250.0, 4000.0}) {
    const double t = rate.reach(100, area, 1e9);
    REQUIRE(rate.integral(100, t) == Approx(area).epsilon(1e-9));
  }
  REQUIRE(std::isinf(rate.reach(100, 1e9, 1095)));
  REQUIRE(model::month_of(0) == 0);
  REQUIRE(model::month_of(365.0 / 12) == 1);
  REQUIRE(model::month_of(364.9) == 11);
  REQUIRE(model::month_of(365) == 0);
}

TEST_CASE("arrivals with seasonality and a step change equal the integral of the rate",
          "[model][changes][theory]") {
  const auto p = parameters("name: arrivals\ntime: {horizon_days: 1095, warmup_days: 100}\n"
                            "staff:\n  qualifier: {headcount: 200, hours_per_week: 40}\n"
                            "  account_executive: {headcount: 1, hours_per_week: 40}\n"
                            "  account_manager: {headcount: 0, hours_per_week: 40}\n" +
                            changing_market);
  const auto v = replicate(p, 30);
  const double years = (1095 - 100) / 365.0;
  const double expected = integral(100, 1095) / years;
  const auto got = moments(v, "suspects_per_year");
  INFO("suspects per year " << got.mean() << " +- " << got.half_width(confidence) << " vs "
                            << expected);
  REQUIRE(in_ci(got, expected, confidence));
  // The constant rate's integral is not inside that interval: the test can fail.
  REQUIRE_FALSE(in_ci(got, 50.0 / 7 * 365, confidence));
}

namespace {
// Four account managers who leave at 2 a year each and whose seats stay empty 60 days; the
// customers need far more hours than they have, so every hour present is spent.
std::string attrition_scenario(double ramp_weeks) {
  return "name: attrition\ntime: {horizon_days: 10950, warmup_days: 730}\nstaff:\n"
         "  qualifier: {headcount: 1, hours_per_week: 40}\n"
         "  account_executive: {headcount: 1, hours_per_week: 40}\n"
         "  account_manager: {headcount: 4, hours_per_week: 35, cost_per_year: 100000, "
         "attrition_per_year: 2, backfill_days: 60, ramp_up_weeks: " +
         std::to_string(ramp_weeks) +
         "}\n"
         "market:\n  segments:\n    - {name: all, suspects_per_week: 0, qualification_pass: 1, "
         "deal_value: 1000, margin: 0.3}\n" +
         quiet_funnel +
         "customers:\n  initial: {A: 0, B: 0, C: 1000}\n"
         "  brickwalling: {hours_per_customer_per_month: 100, effect: 0.5}\n";
}
} // namespace

TEST_CASE("staff cost and hours with attrition follow the renewal formula",
          "[model][changes][theory]") {
  // A seat is filled for an exponential stay of mean m = 365 / 2 days, then empty for 60: it
  // is filled a share m / (m + 60) of the time.
  const double m = 365.0 / 2, share = m / (m + 60);
  const auto v = replicate(parameters(attrition_scenario(0)), 20);
  const auto cost = moments(v, "staff_cost_per_year");
  INFO("staff cost " << cost.mean() << " +- " << cost.half_width(confidence) << " vs "
                     << 4 * 100000 * share);
  REQUIRE(in_ci(cost, 4 * 100000 * share, confidence));
  REQUIRE_FALSE(in_ci(cost, 4 * 100000, confidence));
  const auto hours = moments(v, "hours_account_manager_per_year");
  INFO("hours " << hours.mean() << " +- " << hours.half_width(confidence));
  REQUIRE(in_ci(hours, 4 * 35.0 / 7 * 365 * share, confidence));
}

TEST_CASE("churn after a churn_factor follows the new hazard: exponential survival",
          "[model][changes][theory]") {
  // No account managers: hazard 0.4 a year for a year, then 0.4 x 2.5 = 1 a year for two.
  const auto p = parameters(
      "name: churn\ntime: {horizon_days: 1095}\nstaff:\n"
      "  qualifier: {headcount: 1, hours_per_week: 40}\n"
      "  account_executive: {headcount: 1, hours_per_week: 40}\n"
      "  account_manager: {headcount: 0, hours_per_week: 40}\n"
      "market:\n  segments:\n    - {name: all, suspects_per_week: 0, qualification_pass: 1, "
      "deal_value: 1000, margin: 0.3}\n" +
      quiet_funnel +
      "customers:\n  initial: {A: 0, B: 0, C: 1000}\n  churn_per_year: 0.4\n"
      "  brickwalling: {hours_per_customer_per_month: 1, effect: 0.75}\n"
      "  changes:\n    - {day: 365, churn_factor: 2.5}\n");
  const auto v = replicate(p, 40);
  const auto end = moments(v, "customers_end");
  const double expected = 1000 * std::exp(-0.4) * std::exp(-2.0);
  INFO("customers_end " << end.mean() << " +- " << end.half_width(confidence) << " vs "
                        << expected);
  REQUIRE(in_ci(end, expected, confidence));
  REQUIRE_FALSE(in_ci(end, 1000 * std::exp(-1.2), confidence));
}
