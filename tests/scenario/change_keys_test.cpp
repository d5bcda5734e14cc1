// Markets that change, staff who leave (scenario-format.md): the new keys read and checked,
// relative what-ifs (--set KEY=+N|-N|*F, and in sweeps) and the warning when the plan overrides
// an absolute headcount later.

#include "cli/support.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace salesfab;
using model::Role;
using scenario::parse_override;

namespace {
const std::string head = "name: t\ntime: {horizon_days: 1000}\nstaff:\n"
                         "  qualifier: {headcount: 1, hours_per_week: 40}\n"
                         "  account_executive: {headcount: 2, hours_per_week: 40, "
                         "attrition_per_year: 0.25, backfill_days: 60}\n"
                         "  account_manager: {headcount: 1, hours_per_week: 40}\n"
                         "  changes:\n    - {day: 300, role: account_executive, headcount: 3}\n"
                         "market:\n  segments:\n"
                         "    - {name: mkb, suspects_per_week: 5, qualification_pass: 0.5, "
                         "deal_value: 1000, margin: 0.3}\n"
                         "  qualification: {effort_hours: 1}\n"
                         "  shortlist: {time_to_need_days: 10}\n";
const std::string funnel = "funnel:\n  stages:\n    - {name: deal, effort_hours: 1, "
                           "duration_days: 1, conversion: 0.5}\n";

// The problems of a text, one string each.
std::vector<std::string> problems(const std::string &text) {
  try {
    scenario::load_text(text, "t.yaml");
  } catch (const scenario::ScenarioError &e) {
    std::vector<std::string> out;
    for (const auto &d : e.diagnostics())
      out.push_back(d.to_string());
    return out;
  }
  return {};
}

bool has(const std::vector<std::string> &all, const std::string &part) {
  return std::any_of(all.begin(), all.end(),
                     [&](const std::string &s) { return s.find(part) != std::string::npos; });
}
} // namespace

TEST_CASE("the keys of markets that change are read", "[scenario][changes]") {
  const auto file = scenario::load_text(
      head +
          "  seasonality: [0.8, 0.9, 1.1, 1.1, 1, 0.9, 0.6, 0.8, 1.1, 1.2, 1.2, 1.3]\n"
          "  changes:\n    - {day: 540, segment: mkb, suspects_per_week: 20}\n"
          "    - {day: 720, suspects_factor: 0.7, qualification_pass: 0.3}\n" +
          funnel +
          "customers:\n  changes:\n    - {day: 600, churn_factor: 1.5}\n"
          "    - {day: 600, intent_factor: 0.8}\n",
      "t.yaml");
  REQUIRE(file.warnings.empty());
  const auto &p = file.variants[0].parameters;
  REQUIRE(p.market.seasonality.size() == 12);
  REQUIRE(p.market.seasonality[6] == 0.6);
  REQUIRE(p.market.changes.size() == 2);
  REQUIRE(*p.market.changes[0].segment == 0);
  REQUIRE(*p.market.changes[0].suspects_per_week == 20);
  REQUIRE_FALSE(p.market.changes[1].segment);
  REQUIRE(*p.market.changes[1].suspects_factor == 0.7);
  REQUIRE(*p.market.changes[1].qualification_pass == 0.3);
  REQUIRE(*p.customers.changes[0].churn_factor == 1.5);
  REQUIRE(*p.customers.changes[1].intent_factor == 0.8);
  REQUIRE(p.staff[Role::account_executive].attrition_per_year == 0.25);
  REQUIRE(p.staff[Role::account_executive].backfill_days == 60);
}

TEST_CASE("bad values of the new keys are refused with file and line", "[scenario][changes]") {
  const auto bad = problems(head +
                            "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
                            "  changes:\n    - {day: 10, segment: mkv, suspects_factor: -0.5}\n"
                            "    - {day: 20}\n" +
                            funnel + "customers:\n  changes:\n    - {day: 5, churn_factor: -1}\n");
  INFO(bad.size());
  REQUIRE(has(bad, "t.yaml:14:16: market.seasonality: expected 12 monthly factors"));
  REQUIRE(has(bad, "market.changes[0].segment: 'mkv'"));
  REQUIRE(has(bad, "market.changes[0].suspects_factor: -0.5"));
  REQUIRE(has(bad, "market.changes[1]: changes nothing"));
  REQUIRE(has(bad, "customers.changes[0].churn_factor: -1"));
  const auto staff = problems(
      "name: t\ntime: {horizon_days: 1000}\nstaff:\n"
      "  qualifier: {headcount: 1, hours_per_week: 40, attrition_per_year: -1}\n"
      "  account_executive: {headcount: 2, hours_per_week: 40, backfill_days: -3}\n"
      "  account_manager: {headcount: 1, hours_per_week: 40}\n"
      "market:\n  segments:\n    - {name: mkb, suspects_per_week: 5, qualification_pass: 0.5, "
      "deal_value: 1000, margin: 0.3}\n  qualification: {effort_hours: 1}\n"
      "  shortlist: {time_to_need_days: 10}\n" +
      funnel);
  REQUIRE(has(staff, "t.yaml:4:"));
  REQUIRE(has(staff, "staff.qualifier.attrition_per_year"));
  REQUIRE(has(staff, "staff.account_executive.backfill_days"));
}

TEST_CASE("a change beyond the horizon is allowed but warned about", "[scenario][changes]") {
  const auto file = scenario::load_text(
      head + "  changes:\n    - {day: 1500, suspects_factor: 2}\n" + funnel, "t.yaml");
  REQUIRE(file.warnings.size() == 1);
  REQUIRE(file.warnings[0].find("t.yaml:15:13:") == 0);
  REQUIRE(file.warnings[0].find("beyond the horizon") != std::string::npos);
}

TEST_CASE("a relative headcount shifts the role's whole plan", "[scenario][changes]") {
  const auto base = scenario::load_file("scenarios/basis.yaml").variants[0].parameters;
  const auto plus = scenario::load_file(
      "scenarios/basis.yaml", std::vector{parse_override("staff.account_executive.headcount=+1")});
  REQUIRE(plus.warnings.empty());
  const auto &p = plus.variants[0].parameters;
  REQUIRE(p.staff[Role::account_executive].headcount ==
          base.staff[Role::account_executive].headcount + 1);
  REQUIRE(!p.staff.changes.empty());
  for (std::size_t i = 0; i < p.staff.changes.size(); ++i)
    REQUIRE(p.staff.changes[i].headcount ==
            base.staff.changes[i].headcount +
                (p.staff.changes[i].role == Role::account_executive ? 1 : 0));
  const auto times =
      scenario::load_file("scenarios/basis.yaml",
                          std::vector{parse_override("market.segments[0].suspects_per_week=*1.5"),
                                      parse_override("staff.qualifier.headcount=-1")});
  REQUIRE(times.variants[0].parameters.market.segments[0].suspects_per_week ==
          base.market.segments[0].suspects_per_week * 1.5);
  REQUIRE(times.variants[0].parameters.staff[Role::qualifier].headcount ==
          base.staff[Role::qualifier].headcount - 1);
}

TEST_CASE("an absolute headcount the plan overrides later is warned about", "[scenario][changes]") {
  const auto file = scenario::load_file(
      "scenarios/basis.yaml", std::vector{parse_override("staff.account_executive.headcount=5")});
  REQUIRE(file.warnings.size() == 1);
  REQUIRE(file.warnings[0].find("from day 365 on") != std::string::npos);
  const auto other = scenario::load_file(
      "scenarios/basis.yaml", std::vector{parse_override("staff.account_manager.headcount=5")});
  REQUIRE(other.warnings.empty());
}

TEST_CASE("a sweep takes relative values, with readable variant names", "[scenario][changes]") {
  const auto file = scenario::load_text(
      head + funnel + "sweep:\n  staff.account_executive.headcount: [+0, +1, +2]\n", "t.yaml");
  REQUIRE(file.variants.size() == 3);
  for (int i = 0; i < 3; ++i) {
    const auto &v = file.variants[static_cast<std::size_t>(i)];
    REQUIRE(v.name == "t[staff.account_executive.headcount=+" + std::to_string(i) + "]");
    REQUIRE(v.parameters.staff[Role::account_executive].headcount == 2 + i);
    REQUIRE(v.parameters.staff.changes[0].headcount == 3 + i);
  }
}
