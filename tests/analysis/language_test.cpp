// One table of translations: every metric, unit, platform and trace event in both languages.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/theory/factory_theory.hpp"
#include "analysis/present/numbers.hpp"
#include "analysis/present/words.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>

using namespace salesfab;
using present::Language;

TEST_CASE("every key of the translation table has an English and a Dutch text", "[analysis]") {
  for (const auto key : present::translation_keys()) {
    INFO(key);
    REQUIRE_FALSE(present::word(Language::en, key).empty());
    REQUIRE_FALSE(present::word(Language::nl, key).empty());
  }
}

TEST_CASE("every metric of every shipped scenario has a label in both languages", "[analysis]") {
  for (const auto &entry : std::filesystem::recursive_directory_iterator("scenarios")) {
    if (entry.path().extension() != ".yaml")
      continue;
    for (const auto &v : scenario::load_file(entry.path().string()).variants) {
      for (const auto &m : analysis::metric_catalogue(v.parameters)) {
        INFO(m.name);
        const std::string en = present::metric_label(Language::en, m.name);
        const std::string nl = present::metric_label(Language::nl, m.name);
        REQUIRE(en != m.name); // a label, not the identifier shown as it is
        REQUIRE(nl != m.name);
        REQUIRE(en != nl);
        REQUIRE(present::unit_label(Language::nl, m.unit) !=
                std::string("unit." + m.unit)); // every unit is in the table
      }
      for (const auto &m : analysis::period_metric_catalogue(v.parameters))
        REQUIRE_FALSE(m.unit.empty());
    }
  }
}

TEST_CASE("every trace event tells its story in both languages", "[analysis]") {
  const present::StoryContext context{{"intake", "offerte"}, {"mkb"}};
  for (int k = 0; k <= static_cast<int>(model::TraceKind::customers_changed); ++k) {
    for (const Language language : {Language::en, Language::nl}) {
      model::TraceEvent e;
      e.kind = static_cast<model::TraceKind>(k);
      e.account = 17;
      e.opportunity = 4;
      e.stage = 1;
      // The factory's own events carry a role's index (or a factor) in `value`; the rest an amount.
      e.value = model::factory_wide(e.kind) ? 1 : 8200;
      const std::string line = present::story_line(language, e, context);
      INFO(line);
      REQUIRE(line.find('{') == std::string::npos); // every placeholder filled
      REQUIRE(line.find('?') == std::string::npos);
    }
  }
}

TEST_CASE("a story reads as the teacher expects", "[analysis]") {
  const present::StoryContext context{{"intake", "offerte"}, {"mkb"}};
  model::TraceEvent q;
  q.day = 12.4;
  q.account = 17;
  q.platform = model::Platform::market;
  q.kind = model::TraceKind::qualified;
  REQUIRE(present::story_line(Language::nl, q, context) ==
          "dag 12 — marktplatform: suspect 17 gekwalificeerd, op de shortlist");
  model::TraceEvent w = q;
  w.day = 140;
  w.platform = model::Platform::work;
  w.kind = model::TraceKind::opportunity_won;
  w.value = 8200;
  REQUIRE(present::story_line(Language::nl, w, context) ==
          "dag 140 — werkplatform: offerte gewonnen door account 17, closing date, "
          "contractwaarde 8 200");
  REQUIRE(present::story_line(Language::en, w, context) ==
          "day 140 — work platform: deal won by account 17: closing date, contract value 8 200");
}

TEST_CASE("amounts use each language's separators", "[analysis]") {
  REQUIRE(present::format_amount(Language::nl, 1234567.891, 2) == "1 234 567,89");
  REQUIRE(present::format_amount(Language::en, 1234567.891, 2) == "1 234 567.89");
  REQUIRE(present::format_amount(Language::en, -950) == "-950");
  REQUIRE(present::format_amount(Language::en, -0.004, 2) == "0.00");
}

TEST_CASE("one number formatter: grouping from 1 000, three digits, tiny values are 0",
          "[analysis]") {
  using present::format_number;
  // Grouped from 1 000 up, whatever else is in the column.
  REQUIRE(format_number(5074.0) == "5 074");
  REQUIRE(format_number(10845.0) == "10 845");
  REQUIRE(format_number(999.4) == "999");
  REQUIRE(format_number(-1472384.4) == "-1 472 384");
  // The same space in Dutch; only the decimal mark changes.
  REQUIRE(format_number(1234.6, Language::nl) == "1 235");
  REQUIRE(format_number(12.34, Language::nl) == "12,3");
  REQUIRE(format_number(0.0568, Language::nl) == "0,0568");
  // About three significant digits; rounding that carries takes the next size's decimals.
  REQUIRE(format_number(7.354) == "7.35");
  REQUIRE(format_number(0.3) == "0.300");
  REQUIRE(format_number(9.996) == "10.0");
  REQUIRE(format_number(99.96) == "100");
  REQUIRE(format_number(-0.000416) == "-0.000416");
  // Zero at the precision shown is 0: never an exponent, never a signed zero.
  REQUIRE(format_number(2.69e-220) == "0");
  REQUIRE(format_number(1.07e-11) == "0");
  REQUIRE(format_number(-3e-9) == "0");
  REQUIRE(format_number(0.0) == "0");
  REQUIRE(format_number(std::optional<double>{}) == "-");
}

namespace {

model::Parameters validation(const std::string &name, std::vector<std::string> sets = {}) {
  std::vector<scenario::Override> overrides;
  for (const auto &s : sets)
    overrides.push_back(scenario::parse_override(s));
  return scenario::load_file("scenarios/validation/" + name + ".yaml", overrides)
      .variants[0]
      .parameters;
}

} // namespace

TEST_CASE("theory explains itself in both languages, every phrase of it", "[analysis][theory]") {
  // Scenarios that together take every branch of analysis/theory: the shipped ones, and the
  // validation scenarios bent one way or another.
  std::vector<model::Parameters> cases;
  for (const auto &entry : std::filesystem::recursive_directory_iterator("scenarios"))
    if (entry.path().extension() == ".yaml")
      for (const auto &v : scenario::load_file(entry.path().string()).variants)
        cases.push_back(v.parameters);
  auto with = [&](model::Parameters p, auto change) {
    change(p);
    cases.push_back(std::move(p));
  };
  using model::Role;
  const auto mmc = validation("qualification-mmc");
  with(mmc, [](auto &p) { p.staff.changes.push_back({100, Role::qualifier, 4}); });
  with(mmc, [](auto &p) { p.staff[Role::qualifier].headcount = 0; });
  with(mmc,
       [](auto &p) { p.market.qualification.effort_hours = engine::Distribution::gamma(1.5, 1); });
  with(mmc, [](auto &p) {
    p.market.qualification.effort_hours = engine::Distribution::gamma(1.5, 1);
    p.market.qualification.patience_days = 2.0;
  });
  with(mmc, [](auto &p) {
    p.market.qualification.effort_hours = engine::Distribution::gamma(1.5, 1);
    p.market.qualification.pass_halflife_days = 0.5;
  });
  with(mmc, [](auto &p) { p.market.segments[0].suspects_per_week = 1000; });
  with(mmc, [](auto &p) { p.time.warmup_days = 0; });
  with(mmc, [](auto &p) { p.staff.changes.push_back({100, Role::account_executive, 4}); });
  with(mmc, [](auto &p) { p.staff[Role::account_executive].headcount = 0; });
  with(mmc, [](auto &p) {
    p.staff[Role::account_executive].headcount = 1;
    p.funnel.stages[0].effort_hours = engine::Distribution::constant(200);
  });
  with(mmc, [](auto &p) { p.funnel.patience_days = 30.0; });
  with(mmc, [](auto &p) {
    p.customers[model::Intent::rebuy].per_year = model::PerClass::all(1);
    p.customers.churn_per_year = model::PerClass::all(0.2);
    p.funnel.stages[0].conversion_existing = 0.9;
  });
  with(mmc, [](auto &p) {
    p.customers.churn_per_year = model::PerClass::all(0.2);
    p.staff.changes.push_back({100, Role::account_manager, 2});
  });
  with(mmc, [](auto &p) {
    p.customers.churn_per_year = model::PerClass::all(0.2);
    p.customers.winback_after_days = 100.0;
  });
  with(mmc, [](auto &p) { p.customers.churn_per_year = model::PerClass::all(0); });
  const auto brick = validation("churn-brickwalling");
  with(brick, [](auto &p) { p.staff[Role::account_manager].headcount = 1; });
  with(validation("customer-base"), [](auto &p) { p.time.horizon_days = 9200; });

  std::set<std::string> used;
  for (const auto &p : cases)
    for (const auto &e : analysis::theory::expectations(p)) {
      INFO(p.name << ": " << e.metric);
      REQUIRE_FALSE(e.model.empty());
      const std::string en = present::phrase_text(Language::en, e.model);
      const std::string nl = present::phrase_text(Language::nl, e.model);
      REQUIRE(en.find('{') == std::string::npos);
      REQUIRE(nl.find('{') == std::string::npos);
      for (const auto &phrase : e.model)
        used.insert("theory." + phrase.key);
    }
  // Every phrase of the table is said somewhere, and nothing is said that the table lacks.
  std::set<std::string> table;
  for (const auto key : present::translation_keys())
    if (key.starts_with("theory."))
      table.insert(std::string(key));
  std::vector<std::string> unused, missing;
  std::set_difference(table.begin(), table.end(), used.begin(), used.end(),
                      std::back_inserter(unused));
  std::set_difference(used.begin(), used.end(), table.begin(), table.end(),
                      std::back_inserter(missing));
  CAPTURE(unused, missing);
  REQUIRE(unused.empty());
  REQUIRE(missing.empty());
}

TEST_CASE("analyze explains itself in Dutch", "[analysis][theory]") {
  const auto all = analysis::theory::expectations(validation("qualification-mmc"));
  const auto wait = std::find_if(all.begin(), all.end(), [](const auto &e) {
    return e.metric == "wait_qualification_days_mean";
  });
  REQUIRE(wait != all.end());
  REQUIRE(present::phrase_text(Language::en, wait->model) == "M/M/3 (Erlang C)");
  const auto flow = std::find_if(all.begin(), all.end(), [](const auto &e) {
    return e.metric == "opportunities_new_per_year";
  });
  REQUIRE(flow != all.end());
  REQUIRE(present::phrase_text(Language::nl, flow->model) ==
          "gekwalificeerd x P(behoefte voor wegdrijven) = gekwalificeerd x "
          "E[exp(-drift x tijd tot behoefte)], in evenwicht");
}
