// The model against theory: queues (Erlang C), the funnel as an absorbing Markov chain,
// exponential survival of customers under brickwalling, the customer base as an M/G/infinity
// system, Little's law. Fixed seeds; every tolerance is a 99.9 % confidence interval of the
// replications, never a guess.

#include "model/factory.hpp"
#include "model/support.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace salesfab;
using test::in_ci;
using test::moments;
using test::parameters;
using test::replicate;

namespace {
constexpr double confidence = 0.999;

std::string staff(int qualifiers, double q_hours, int executives, double e_hours, int managers,
                  double m_hours) {
  return "staff:\n  qualifier: {headcount: " + std::to_string(qualifiers) +
         ", hours_per_week: " + std::to_string(q_hours) +
         "}\n  account_executive: {headcount: " + std::to_string(executives) +
         ", hours_per_week: " + std::to_string(e_hours) +
         "}\n  account_manager: {headcount: " + std::to_string(managers) +
         ", hours_per_week: " + std::to_string(m_hours) + "}\n";
}
} // namespace

TEST_CASE("qualification is an M/M/c queue: the mean wait matches Erlang C", "[model][theory]") {
  // 42 suspects a week = 6 a day; 3 qualifiers at 28 h a week = 4 h a day each; exponential
  // effort of 1.5 h: service rate 8/3 a day, offered load 2.25, utilisation 0.75.
  const auto p = parameters("name: mmc\ntime: {horizon_days: 3000, warmup_days: 200}\n" +
                            staff(3, 28, 1, 40, 0, 40) +
                            "market:\n  segments:\n    - {name: all, suspects_per_week: 42, "
                            "qualification_pass: 0, deal_value: 1000, margin: 0.3}\n"
                            "  qualification: {effort_hours: {dist: exponential, mean: 1.5}}\n"
                            "  shortlist: {time_to_need_days: 30}\n"
                            "funnel:\n  stages:\n    - {name: deal, effort_hours: 1, "
                            "duration_days: 1, conversion: 0.5}\n");
  const double wq = test::erlang_c(2.25, 3) / (3 * 8.0 / 3 - 6);
  REQUIRE(wq == Approx(0.2839).epsilon(1e-3));
  const auto v = replicate(p, 20);
  const auto wait = moments(v, "wait_qualification_days_mean");
  INFO("wait " << wait.mean() << " +- " << wait.half_width(confidence) << " vs " << wq);
  REQUIRE(in_ci(wait, wq, confidence));
  const auto util = moments(v, "utilisation_qualifier");
  INFO("utilisation " << util.mean() << " +- " << util.half_width(confidence));
  REQUIRE(in_ci(util, 0.75, confidence));
}

namespace {
// E[2^(-W / halflife)] for the wait W of M/M/c, written out here from Erlang C (independent of
// analysis/theory): no wait with probability 1 - C, else exponential of rate c mu - lambda.
double stale_share(double lambda, double mu, int c, double halflife) {
  const double wait = test::erlang_c(lambda / mu, c), rate = c * mu - lambda;
  return (1 - wait) + wait * rate / (rate + std::log(2.0) / halflife);
}
} // namespace

TEST_CASE("time kills deals: M/M/3 qualifiers pass with the Laplace transform of the wait",
          "[model][theory]") {
  // The M/M/3 qualifiers above, pass 0.6, and the chance halves with every 0.2 days of waiting:
  // E[2^(-W/0.2)] = 0.640, so 0.384 of those served pass (0.6 without the half-life).
  const auto p = parameters("name: stale\ntime: {horizon_days: 3000, warmup_days: 200}\n" +
                            staff(3, 28, 1, 40, 0, 40) +
                            "market:\n  segments:\n    - {name: all, suspects_per_week: 42, "
                            "qualification_pass: 0.6, deal_value: 1000, margin: 0.3}\n"
                            "  qualification: {effort_hours: {dist: exponential, mean: 1.5}, "
                            "pass_halflife_days: 0.2}\n"
                            "  shortlist: {time_to_need_days: 30}\n"
                            "funnel:\n  stages:\n    - {name: deal, effort_hours: 1, "
                            "duration_days: 1, conversion: 0.5}\n");
  const double left = stale_share(6, 8.0 / 3, 3, 0.2);
  REQUIRE(left == Approx(0.640).epsilon(1e-3));
  const auto v = replicate(p, 20);
  const auto pass = moments(v, "qualification_pass_rate");
  INFO("pass " << pass.mean() << " +- " << pass.half_width(confidence) << " vs " << 0.6 * left);
  REQUIRE(in_ci(pass, 0.6 * left, confidence));
  // What waiting cost, counted from the draws: served suspects x 0.6 x (1 - E[...]).
  const auto lost = moments(v, "suspects_lost_to_waiting_per_year");
  const double expected = 6 * 365 * 0.6 * (1 - left);
  INFO("lost " << lost.mean() << " +- " << lost.half_width(confidence) << " vs " << expected);
  REQUIRE(in_ci(lost, expected, confidence));
}

TEST_CASE("time kills deals: a stage that waits for M/M/2 account executives converts less",
          "[model][theory]") {
  // Qualifying takes no time and prospects' needs come after an exponential time: the shortlist
  // is M/M/infinity, so opportunities reach the single stage as a Poisson stream of 6 a day.
  // Two account executives at 28 h a week (4 h a day), exponential effort of 1 h: M/M/2 with
  // mu 4, load 0.75. The stage's conversion 0.5 halves with every 0.5 days of waiting.
  const auto p = parameters(
      "name: stale_stage\ntime: {horizon_days: 2000, warmup_days: 200}\n" +
      staff(1, 40, 2, 28, 0, 40) +
      "market:\n  segments:\n    - {name: all, suspects_per_week: 42, qualification_pass: 1, "
      "deal_value: 1000, margin: 0.3}\n"
      "  qualification: {effort_hours: 0}\n"
      "  shortlist: {time_to_need_days: {dist: exponential, mean: 3}}\n"
      "funnel:\n  stages:\n    - {name: deal, effort_hours: {dist: exponential, mean: 1}, "
      "duration_days: 1, conversion: 0.5, conversion_halflife_days: 0.5}\n");
  const double left = stale_share(6, 4, 2, 0.5);
  const auto v = replicate(p, 20);
  const auto conversion = moments(v, "conversion_deal");
  INFO("conversion " << conversion.mean() << " +- " << conversion.half_width(confidence) << " vs "
                     << 0.5 * left);
  REQUIRE(in_ci(conversion, 0.5 * left, confidence));
  const auto lost = moments(v, "opportunities_lost_to_waiting_per_year");
  INFO("lost " << lost.mean() << " +- " << lost.half_width(confidence));
  REQUIRE(in_ci(lost, 6 * 365 * 0.5 * (1 - left), confidence));
}

namespace {
// A funnel of three stages with plentiful staff: nobody waits, so it is an absorbing Markov
// chain. Effort 8 h at 40 h a week = 1.4 days a stage.
std::string funnel_scenario(const std::string &intents) {
  return "name: chain\ntime: {horizon_days: 1500, warmup_days: 100}\n" +
         staff(20, 40, 300, 40, 0, 40) +
         "market:\n  segments:\n    - {name: all, suspects_per_week: 50, qualification_pass: 1, "
         "deal_value: 1000, margin: 0.3}\n"
         "  qualification: {effort_hours: 0}\n  shortlist: {time_to_need_days: 1}\n"
         "funnel:\n  stages:\n"
         "    - {name: a, effort_hours: 8, duration_days: {dist: exponential, mean: 5}, "
         "conversion: 0.8}\n"
         "    - {name: b, effort_hours: 8, duration_days: {dist: exponential, mean: 10}, "
         "conversion: {new: 0.6, existing: 0.9}}\n"
         "    - {name: c, effort_hours: 8, duration_days: {dist: exponential, mean: 15}, "
         "conversion: 0.5}\n"
         "  existing_enter_stage: b\n" +
         intents;
}
} // namespace

TEST_CASE("the funnel is an absorbing chain: win rate and cycle time match it", "[model][theory]") {
  const auto v = replicate(parameters(funnel_scenario("")), 20);
  const auto win = moments(v, "win_rate_new");
  INFO("win rate " << win.mean() << " +- " << win.half_width(confidence));
  REQUIRE(in_ci(win, 0.8 * 0.6 * 0.5, confidence));
  REQUIRE(in_ci(moments(v, "conversion_a"), 0.8, confidence));
  REQUIRE(in_ci(moments(v, "conversion_b"), 0.6, confidence));
  REQUIRE(in_ci(moments(v, "conversion_c"), 0.5, confidence));
  // A won deal passes every stage: 3 x 1.4 days of effort plus 5 + 10 + 15 days of the
  // customer's time.
  const auto cycle = moments(v, "cycle_days_mean");
  INFO("cycle " << cycle.mean() << " +- " << cycle.half_width(confidence));
  REQUIRE(in_ci(cycle, 3 * 1.4 + 30, confidence));
  REQUIRE(moments(v, "wait_account_executive_days_mean").mean() < 1e-9);
}

TEST_CASE("existing customers enter at existing_enter_stage with their own conversions",
          "[model][theory]") {
  const auto v = replicate(
      parameters(funnel_scenario("customers:\n  intents:\n    rebuy: {per_year: 2}\n")), 20);
  const auto existing = moments(v, "win_rate_existing");
  INFO("existing " << existing.mean() << " +- " << existing.half_width(confidence));
  REQUIRE(in_ci(existing, 0.9 * 0.5, confidence));
  REQUIRE(in_ci(moments(v, "win_rate_new"), 0.24, confidence));
}

namespace {
std::string churn_scenario(int managers) {
  return "name: churn\ntime: {horizon_days: 1095}\n" + staff(1, 40, 1, 40, managers, 40) +
         "market:\n  segments:\n    - {name: all, suspects_per_week: 0, qualification_pass: 1, "
         "deal_value: 1000, margin: 0.3}\n"
         "  qualification: {effort_hours: 1}\n  shortlist: {time_to_need_days: 1}\n"
         "funnel:\n  stages:\n    - {name: deal, effort_hours: 1, duration_days: 1, "
         "conversion: 1}\n"
         "customers:\n  initial: {A: 0, B: 0, C: 1000}\n  churn_per_year: 0.4\n"
         "  brickwalling: {hours_per_customer_per_month: 1, effect: 0.75}\n";
}
} // namespace

TEST_CASE("full brickwalling cuts churn to 0.4 x (1 - 0.75): exponential survival",
          "[model][theory]") {
  // 10 account managers give 1738 hours a month for a need of at most 1000: full coverage.
  const auto v = replicate(parameters(churn_scenario(10)), 40);
  REQUIRE(moments(v, "brickwall_coverage").mean() == Approx(1.0));
  const auto rate = moments(v, "churn_rate");
  INFO("churn rate " << rate.mean() << " +- " << rate.half_width(confidence));
  REQUIRE(in_ci(rate, 0.1, confidence));
  const auto end = moments(v, "customers_end");
  INFO("customers_end " << end.mean() << " +- " << end.half_width(confidence));
  REQUIRE(in_ci(end, 1000 * std::exp(-0.3), confidence));
}

TEST_CASE("without account managers customers churn at the full rate", "[model][theory]") {
  const auto v = replicate(parameters(churn_scenario(0)), 40);
  REQUIRE(moments(v, "brickwall_coverage").mean() == 0);
  const auto end = moments(v, "customers_end");
  INFO("customers_end " << end.mean() << " +- " << end.half_width(confidence));
  REQUIRE(in_ci(end, 1000 * std::exp(-1.2), confidence));
  REQUIRE(in_ci(moments(v, "churn_rate"), 0.4, confidence));
}

TEST_CASE("the customer base is an M/G/infinity system: base = acquisition / churn",
          "[model][theory]") {
  // One suspect a week, every one won after about two days; customers churn at 0.5 a year.
  const auto p = parameters(
      "name: base\ntime: {horizon_days: 5475, warmup_days: 3650}\n" + staff(5, 40, 5, 40, 0, 40) +
      "market:\n  segments:\n    - {name: all, suspects_per_week: 1, qualification_pass: 1, "
      "deal_value: 1000, margin: 0.3}\n"
      "  qualification: {effort_hours: 0}\n  shortlist: {time_to_need_days: 1}\n"
      "funnel:\n  stages:\n    - {name: deal, effort_hours: 0, duration_days: 1, conversion: 1}\n"
      "customers:\n  churn_per_year: 0.5\n");
  const double acquisition = model::days_per_year / model::days_per_week; // per year
  const auto v = replicate(p, 40);
  const auto end = moments(v, "customers_end");
  INFO("customers_end " << end.mean() << " +- " << end.half_width(confidence));
  REQUIRE(in_ci(end, acquisition / 0.5, confidence));
  REQUIRE(in_ci(moments(v, "new_customers_per_year"), acquisition, confidence));
  REQUIRE(in_ci(moments(v, "churn_rate"), 0.5, confidence));
}

TEST_CASE("Little's law holds on both queues: L = lambda W", "[model][theory]") {
  // The default factory with too few account executives and patience: both queues matter.
  const std::vector overrides = {scenario::parse_override("staff.qualifier.headcount=1"),
                                 scenario::parse_override("staff.account_executive.headcount=3"),
                                 scenario::parse_override("staff.changes=[]")};
  const auto p = scenario::load_file("scenarios/basis.yaml", overrides).variants[0].parameters;
  test::Moments qualifier, executive;
  for (std::uint64_t r = 0; r < 20; ++r) {
    const model::Record rec = model::simulate(p, r);
    const double t = rec.window_days();
    // The time-average number waiting equals the waits' total over the window's length.
    qualifier.add(
        rec.average(model::queue_level(model::Role::qualifier)) -
        rec.counter(model::queue_counter(model::Role::qualifier, model::QueueFlow::wait_days_all)) /
            t);
    executive.add(rec.average(model::queue_level(model::Role::account_executive)) -
                  rec.counter(model::queue_counter(model::Role::account_executive,
                                                   model::QueueFlow::wait_days_all)) /
                      t);
  }
  REQUIRE(qualifier.n() == 20);
  INFO("qualifier L - lambda W: " << qualifier.mean() << " +- "
                                  << qualifier.half_width(confidence));
  REQUIRE(in_ci(qualifier, 0, confidence));
  INFO("executive L - lambda W: " << executive.mean() << " +- "
                                  << executive.half_width(confidence));
  REQUIRE(in_ci(executive, 0, confidence));
}
