// Every documented range of the scenario contract, at and beyond its edges, through --set
// overrides on the smallest valid scenario.

#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

using namespace salesfab;

namespace {

// The problems of scenarios/minimal.yaml with one override, as strings.
std::vector<std::string> with(const std::string &setting, const std::string &also = "") {
  try {
    std::vector overrides{scenario::parse_override(setting)};
    if (!also.empty())
      overrides.push_back(scenario::parse_override(also));
    scenario::load_file("scenarios/minimal.yaml", overrides);
  } catch (const scenario::ScenarioError &e) {
    std::vector<std::string> out;
    for (const auto &d : e.diagnostics())
      out.push_back(d.to_string());
    return out;
  }
  return {};
}

struct Case {
  const char *setting;
  const char *message; // nullptr: valid
};

} // namespace

TEST_CASE("each documented range accepts its edges and refuses what lies beyond", "[scenario]") {
  const Case cases[] = {
      // probabilities and shares: 0..1
      {"market.segments[0].qualification_pass=0", nullptr},
      {"market.segments[0].qualification_pass=1", nullptr},
      {"market.segments[0].qualification_pass=1.01", "1.01 is not a probability (0 to 1)"},
      {"market.segments[0].qualification_pass==-0.1", "-0.1 is not a probability (0 to 1)"},
      {"market.segments[0].margin=1.5", "1.5 is not a share (0 to 1)"},
      {"funnel.stages[0].conversion=1.4", "1.4 is not a probability (0 to 1)"},
      {"funnel.stages[0].conversion={new: 0.5, existing: 2}", "2 is not a probability"},
      {"funnel.lost_to_competitor=2", "2 is not a share (0 to 1)"},
      {"customers.brickwalling={hours_per_customer_per_month: 1, effect: 1.2}",
       "1.2 is not a share (0 to 1)"},
      // headcount: a whole number >= 0
      {"staff.account_manager.headcount=0", nullptr},
      {"staff.qualifier.headcount=2.5", "2.5 is not a headcount"},
      {"staff.qualifier.headcount==-1", "-1 is not a headcount"},
      {"staff.qualifier.headcount=1e7", "1e7 is not a headcount (a whole number from 0 to 100000)"},
      // hours_per_week: (0, 168]
      {"staff.qualifier.hours_per_week=168", nullptr},
      {"staff.qualifier.hours_per_week=168.5", "168.5 is not hours in a week"},
      {"staff.qualifier.hours_per_week=0", "0 is not hours in a week"},
      {"staff.qualifier.cost_per_year==-5", "-5 is not a number >= 0"},
      {"staff.qualifier.ramp_up_weeks==-1", "-1 is not a number of weeks"},
      // rates and hours >= 0
      {"market.segments[0].suspects_per_week=0", nullptr},
      {"market.segments[0].suspects_per_week==-1", "-1 is not a rate of suspects per week"},
      {"market.segments[0].suspects_per_week=1e9", "1e9 is not a rate of suspects per week"},
      {"customers.intents.rebuy.per_year==-1", "-1 is not a rate per customer per year"},
      {"customers.churn_per_year={A: 0.1, B: 0.2, C: -1}", "-1 is not a churn rate per year"},
      {"customers.brickwalling={hours_per_customer_per_month: 0, effect: 0.5}", nullptr},
      {"customers.brickwalling={hours_per_customer_per_month: -2, effect: 0.5}",
       "-2 is not hours per customer per month"},
      {"funnel.stages[0].effort_hours==-1", "-1 is not a number >= 0"},
      {"market.shortlist.drift_per_year==-0.5", "-0.5 is not a number >= 0"},
      // means > 0
      {"market.shortlist.time_to_need_days={dist: exponential, mean: 0}", "0 is not a number > 0"},
      {"funnel.stages[0].duration_days={dist: gamma, mean: -3, sd: 1}", "-3 is not a number > 0"},
      {"funnel.stages[0].duration_days={dist: lognormal, mean: 3, sd: -1}",
       "-1 is not a number >= 0"},
      // distributions: values >= 0 for durations, efforts and values
      {"market.qualification.effort_hours={dist: uniform, min: -1, max: 2}",
       "-1 is not a number >= 0"},
      {"market.qualification.effort_hours={dist: uniform, min: 3, max: 2}", "2 is below min (3)"},
      {"market.qualification.effort_hours={dist: triangular, min: 1, mode: 0.5, max: 2}",
       "0.5 is below min (1)"},
      {"market.qualification.effort_hours={dist: triangular, min: 1, mode: 3, max: 2}",
       "2 is below mode (3)"},
      {"market.segments[0].deal_value={dist: empirical, values: [1, -2]}",
       "-2 is not a number >= 0"},
      {"market.segments[0].deal_value={dist: empirical, values: [1, 2], weights: [1]}",
       "1 weights for 2 values"},
      {"market.segments[0].deal_value={dist: empirical, values: [1, 2], weights: [0, 0]}",
       "the weights are all 0"},
      {"market.segments[0].deal_value={dist: empirical, values: [1, 2], weights: [3, 1]}", nullptr},
      {"market.segments[0].deal_value={dist: constant, value: 5}", nullptr},
      {"market.segments[0].deal_value={dist: poisson, mean: 5}", "'poisson' is not one of"},
      {"market.segments[0].deal_value={dist: exponentail, mean: 5}",
       "(did you mean 'exponential'?)"},
      {"market.segments[0].deal_value={dist: exponential, mean: 5, sd: 1}", "sd: unknown key"},
      {"market.segments[0].deal_value={mean: 5}", "missing required key 'dist'"},
      // time
      {"time.horizon_days=0", "0 is not a horizon in days"},
      {"time.horizon_days=36500", nullptr},
      {"time.horizon_days=365000000", "365000000 is not a horizon in days"},
      {"time.warmup_days=364", nullptr},
      {"time.warmup_days=365", "365 is not below horizon_days (365)"},
      {"time.report_period=quarter", nullptr},
      {"time.report_period=10", nullptr},
      {"time.report_period=fortnight",
       "'fortnight' is not a report period (week, month, quarter, year, or a number of days"},
      {"time.report_period=weak", "(did you mean 'week'?)"},
      {"time.report_period=\"30\"", "write numbers without quotes"},
      {"time.report_period=0.5", "0.5 is not a report period"},
      // run
      {"run.replications=0", "0 is not a number of replications"},
      {"run.seed=18446744073709551615", nullptr},
      {"run.seed==-1", "-1 is not a seed"},
      {"run.seed=1.5", "1.5 is not a seed"},
      {"run.confidence=1", "1 is not a confidence level (between 0 and 1)"},
      {"run.confidence=0.99", nullptr},
      // choices
      {"funnel.priority=closest_to_close", nullptr},
      {"funnel.priority=highest_value", nullptr},
      {"funnel.priority=lifo", "'lifo' is not one of fifo, closest_to_close or highest_value"},
      {"customers.brickwalling={hours_per_customer_per_month: 1, effect: 0.5, priority: abd}",
       "(did you mean 'abc'?)"},
      // customers
      {"customers.initial=3", nullptr},
      {"customers.initial={A: 1, B: 2, C: 2.5}",
       "customers.initial.C: 2.5 is not a number of customers (a whole number"},
      {"customers.initial={A: 1, B: 2}", "missing required key 'C'"},
      {"customers.classes={A: 5000, B: 10000}", "5000 is below classes.B (10000)"},
      {"customers.intents.up_selling.margin_delta==-0.2", nullptr},
      {"customers.intents.up_selling.margin_delta=2", "2 is not a margin change (-1 to 1)"},
      {"customers.intents.rebuyy={per_year: 1}", "unknown key (did you mean 'rebuy'?)"},
      {"customers.winback_after_days==-1", "-1 is not a number >= 0"},
      {"customers.brickwalling={effect: 0.5}",
       "missing required key 'hours_per_customer_per_month'"},
      // cross-field checks
      {"funnel.existing_enter_stage=deal", nullptr},
      {"funnel.existing_enter_stage=offer", "'offer' is not a stage of the funnel (expected deal)"},
      {"staff.changes=[{day: 100, role: qualifier, headcount: 3}]", nullptr},
      {"staff.changes=[{day: 400, role: qualifier, headcount: 3}]",
       "day 400 is beyond the horizon (365 days)"},
      {"staff.changes=[{day: 100, role: manager, headcount: 3}]",
       "'manager' is not one of qualifier, account_executive or account_manager"},
      {"name=Basis", "'Basis' is not a name"},
      {"targets.revenue_per_year=0", "0 is not a number > 0"},
      // numbers as YAML writes them
      {"market.segments[0].deal_value=1.0e3", nullptr},
      {"market.segments[0].deal_value=+1000", nullptr},
      {"market.segments[0].deal_value=\"1000\"", "write numbers without quotes"},
      {"market.segments[0].deal_value=1,000", "expected a number"},
      {"market.segments[0].deal_value=.inf", "expected a number, got '.inf'"},
      {"market.segments[0].deal_value=1e400", "1e400 is too large or too small a number"},
  };
  for (const Case &c : cases) {
    INFO("--set " << c.setting);
    const auto found = with(c.setting);
    if (c.message == nullptr) {
      REQUIRE(found.empty());
    } else {
      REQUIRE(found.size() == 1);
      REQUIRE_THAT(found[0], Catch::Contains(c.message));
      REQUIRE_THAT(found[0], Catch::StartsWith(std::string("--set ") + c.setting + ": "));
    }
  }
}

TEST_CASE("a scenario whose suspects would swamp memory is refused up front", "[scenario]") {
  // 20000 a week for 100 years: about 104 million suspects in one replication.
  const auto found = with("time.horizon_days=36500", "market.segments[0].suspects_per_week=20000");
  REQUIRE(found.size() == 1);
  REQUIRE_THAT(found[0], Catch::Contains("market.segments: about 104285714.3 suspects would "
                                         "arrive in one replication"));
  REQUIRE_THAT(found[0], Catch::Contains("more than the 50000000 salesfab takes"));
}
