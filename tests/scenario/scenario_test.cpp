#include "cli/support.hpp"
#include "scenario/loader.hpp"
#include "scenario/writer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salesfab;
using scenario::load_file;
using scenario::load_text;
using scenario::ScenarioError;

namespace {

// The messages a bad scenario produces, one string each.
std::vector<std::string> problems(const std::string &text,
                                  std::vector<scenario::Override> overrides = {}) {
  try {
    load_text(text, "t.yaml", overrides);
  } catch (const ScenarioError &e) {
    std::vector<std::string> out;
    for (const auto &d : e.diagnostics())
      out.push_back(d.to_string());
    return out;
  }
  return {};
}

} // namespace

TEST_CASE("the smallest valid scenario takes every default of the contract", "[scenario]") {
  const auto file = load_file("scenarios/minimal.yaml");
  REQUIRE(file.variants.size() == 1);
  const model::Parameters &p = file.variants[0].parameters;
  REQUIRE(p.name == "minimal");
  REQUIRE(p.title.empty());
  REQUIRE(p.time.horizon_days == 365);
  REQUIRE(p.time.warmup_days == 0);
  REQUIRE(p.time.report_period == "month");
  REQUIRE(p.time.report_period_days == Approx(365.0 / 12));
  REQUIRE(p.run.replications == 20);
  REQUIRE(p.run.seed == 1);
  REQUIRE(p.run.confidence == 0.95);
  for (const auto role : model::all_roles) {
    REQUIRE(p.staff[role].cost_per_year == 0);
    REQUIRE(p.staff[role].ramp_up_weeks == 0);
  }
  REQUIRE(p.staff.changes.empty());
  REQUIRE_FALSE(p.market.qualification.patience_days);
  REQUIRE_FALSE(p.market.qualification.pass_halflife_days); // waiting costs nothing
  REQUIRE_FALSE(p.funnel.stages[0].conversion_halflife_days);
  REQUIRE(p.market.shortlist.drift_per_year == 0);
  REQUIRE(p.market.segments[0].deal_value == engine::Distribution::constant(1000));
  REQUIRE(p.funnel.existing_enter_stage == 0);
  REQUIRE(p.funnel.lost_to_competitor == 0.5);
  REQUIRE_FALSE(p.funnel.patience_days);
  REQUIRE_FALSE(p.funnel.max_age_days);
  REQUIRE(p.funnel.priority == model::FunnelPriority::fifo);
  REQUIRE(p.funnel.stages[0].conversion_new == 0.5);
  REQUIRE(p.funnel.stages[0].conversion_existing == 0.5);
  const auto &c = p.customers;
  REQUIRE(c.initial == std::array<int, 3>{0, 0, 0});
  REQUIRE(c.class_a_threshold == 50000);
  REQUIRE(c.class_b_threshold == 10000);
  for (const auto intent : model::all_intents) {
    REQUIRE(c[intent].per_year == model::PerClass::all(0));
    REQUIRE(c[intent].value_factor == 1);
    REQUIRE(c[intent].margin_delta == 0);
  }
  REQUIRE(c.churn_per_year == model::PerClass::all(0));
  REQUIRE(c.brickwalling.effect == 0);
  REQUIRE(c.brickwalling.priority == model::BrickwallPriority::abc);
  REQUIRE_FALSE(c.winback_after_days);
  REQUIRE_FALSE(p.targets.revenue_per_year);
}

TEST_CASE("the default scenario reads every key of the contract's example", "[scenario]") {
  const model::Parameters p = load_file("scenarios/basis.yaml").variants[0].parameters;
  REQUIRE(p.title == "Basisscenario: een kleine B2B-salesfabriek");
  REQUIRE(p.time.warmup_days == 180);
  REQUIRE(p.staff[model::Role::account_executive].ramp_up_weeks == 12);
  REQUIRE(p.staff.changes.size() == 1);
  REQUIRE(p.staff.changes[0].role == model::Role::account_executive);
  REQUIRE(p.staff.changes[0].headcount == 4);
  REQUIRE(p.market.segments.size() == 2);
  REQUIRE(p.market.segments[1].deal_value == engine::Distribution::lognormal(60000, 30000));
  REQUIRE(p.market.qualification.effort_hours == engine::Distribution::triangular(0.5, 1, 2.5));
  REQUIRE(*p.market.qualification.patience_days == 21);
  REQUIRE(*p.market.qualification.pass_halflife_days == 1);
  REQUIRE(*p.funnel.stages[0].conversion_halflife_days == 5);
  REQUIRE(*p.funnel.stages[2].conversion_halflife_days == 10);
  REQUIRE(p.funnel.stages[1].conversion_new == 0.5);
  REQUIRE(p.funnel.stages[1].conversion_existing == 0.75);
  REQUIRE(p.funnel.stages[2].duration_days == engine::Distribution::gamma(10, 5));
  REQUIRE(p.funnel.existing_enter_stage == 1);
  REQUIRE(*p.funnel.max_age_days == 365);
  REQUIRE(p.customers.initial == std::array<int, 3>{5, 15, 40});
  REQUIRE(p.customers[model::Intent::up_selling].margin_delta == 0.05);
  REQUIRE(p.customers[model::Intent::up_selling].value_factor == 1.3);
  REQUIRE(p.customers.churn_per_year[model::CustomerClass::C] == 0.35);
  REQUIRE(p.customers.brickwalling.hours_per_customer_per_month[model::CustomerClass::A] == 4);
  REQUIRE(*p.customers.winback_after_days == 365);
  REQUIRE(*p.targets.max_churn_per_year == 0.15);
}

TEST_CASE("the built-in default scenario is scenarios/basis.yaml", "[scenario]") {
  REQUIRE(scenario::default_scenario_text() == test::read_file("scenarios/basis.yaml"));
  REQUIRE(scenario::load_default().variants[0].parameters ==
          load_file("scenarios/basis.yaml").variants[0].parameters);
}

TEST_CASE("every scenario shipped in scenarios/ is valid and survives a round trip", "[scenario]") {
  int files = 0;
  for (const auto &entry : std::filesystem::recursive_directory_iterator("scenarios")) {
    if (entry.path().extension() != ".yaml")
      continue;
    ++files;
    INFO(entry.path());
    const auto file = load_file(entry.path().string());
    for (const auto &variant : file.variants) {
      const std::string written = scenario::to_yaml(variant.parameters);
      const auto again = load_text(written, "written.yaml");
      REQUIRE(again.variants.size() == 1);
      REQUIRE(again.variants[0].parameters == variant.parameters);
    }
  }
  REQUIRE(files >= 2);
}

TEST_CASE("every problem of a file is reported at once, in file order", "[scenario]") {
  const auto found = problems("name: x\n"
                              "time: {horizon_days: -1}\n"
                              "staff: 3\n"
                              "market: {}\n"
                              "funnel: []\n"
                              "extra: 1\n");
  REQUIRE(found == std::vector<std::string>{
                       "t.yaml:2:22: time.horizon_days: -1 is not a horizon in days (more than "
                       "0, at most 36500: 100 years)",
                       "t.yaml:3:8: staff: expected a map (key: value lines), got '3'",
                       "t.yaml:4:9: market: missing required key 'segments'",
                       "t.yaml:4:9: market: missing required key 'qualification'",
                       "t.yaml:4:9: market: missing required key 'shortlist'",
                       "t.yaml:5:9: funnel: expected a map (key: value lines), got an empty list",
                       "t.yaml:6:1: extra: unknown key (expected name, title, time, run, staff, "
                       "market, funnel, customers, targets or sweep)",
                   });
}

TEST_CASE("duplicate keys are refused, not silently resolved", "[scenario]") {
  const auto found = problems(test::read_file("scenarios/minimal.yaml") + "name: again\n");
  REQUIRE(found.size() == 1);
  REQUIRE(found[0] == "t.yaml:18:1: name: duplicate key (first at line 4; each key may appear "
                      "once)");
}

TEST_CASE("YAML aliases that multiply are stopped, quickly", "[scenario]") {
  std::string text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    const char prev = static_cast<char>(c - 1);
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", " : "") + "*" + prev;
    text += "]\n";
  }
  const auto found = problems(text); // 10^11 nodes if expanded
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].find("more than 200000 nodes") != std::string::npos);
}

TEST_CASE("anchors and aliases that stay small are fine", "[scenario]") {
  std::string text = test::read_file("scenarios/minimal.yaml");
  const std::string role = "{headcount: 1, hours_per_week: 36}";
  const std::size_t first = text.find(role);
  text.replace(first, role.size(), "&role " + role);
  text.replace(text.find(role, first + 6 + role.size()), role.size(), "*role");
  REQUIRE(problems(text).empty());
}

TEST_CASE("a missing file, a directory and a file too large are refused", "[scenario]") {
  REQUIRE_THROWS_WITH(load_file("no/such/file.yaml"),
                      "no/such/file.yaml: cannot read the file: no such file");
  REQUIRE_THROWS_WITH(load_file("scenarios"),
                      "scenarios: is a directory (expected a scenario file)");
  REQUIRE_THROWS_WITH(load_text(std::string(5u << 20, '#'), "big.yaml"),
                      Catch::Contains("more than the 4194304 a scenario may have"));
}

TEST_CASE("a sweep over keys the file leaves out works, and problems point at the sweep key",
          "[scenario]") {
  const std::string base = test::read_file("scenarios/minimal.yaml");
  const auto ok = load_text(base + "sweep:\n  funnel.patience_days: [10, 20]\n", "s.yaml").variants;
  REQUIRE(ok.size() == 2);
  REQUIRE(*ok[1].parameters.funnel.patience_days == 20);
  REQUIRE(problems(base + "sweep:\n  funnel.stages[3].conversion: [0.1, 0.2]\n") ==
          std::vector<std::string>{"t.yaml:19:3: sweep.funnel.stages[3].conversion: "
                                   "funnel.stages has no item [3] (the list has 1, counted "
                                   "from 0)"});
}

TEST_CASE("a NUL byte is refused at its place", "[scenario]") {
  const auto found = problems(std::string("name: x\ntime: \0\n", 16));
  REQUIRE(found == std::vector<std::string>{"t.yaml:2:7: a NUL byte (expected YAML text; is this "
                                            "a binary file?)"});
}

TEST_CASE("quotes that are closed, with escapes and doubled quotes, are fine", "[scenario]") {
  std::string text = test::read_file("scenarios/minimal.yaml");
  text += "title: \"say \\\"hi\\\" and 'bye'\"\n";
  REQUIRE(problems(text).empty());
  std::string single = test::read_file("scenarios/minimal.yaml");
  single += "title: 'it''s fine'\n";
  REQUIRE(problems(single).empty());
}

TEST_CASE("a 5000-deep YAML list is refused with the nesting limit and its line", "[scenario]") {
  // In flow style on one line, and in block style one level a line.
  const std::string flow =
      "name: deep\nsweep:\n  a: " + std::string(5000, '[') + std::string(5000, ']') + '\n';
  REQUIRE(problems(flow) ==
          std::vector<std::string>{"t.yaml:3:68: lists and maps are nested more than 64 deep "
                                   "here (the nesting limit; a scenario needs about 6 levels)"});
  // Block style, every level an item of the one before ("- - - x"), and maps in flow style.
  std::string block = "name: deep\nsweep:\n  a:\n    ";
  for (int level = 0; level < 5000; ++level)
    block += "- ";
  REQUIRE(problems(block + "x\n") ==
          std::vector<std::string>{"t.yaml:4:129: lists and maps are nested more than 64 deep "
                                   "here (the nesting limit; a scenario needs about 6 levels)"});
  std::string maps = "name: deep\nsweep: ";
  for (int level = 0; level < 5000; ++level)
    maps += "{a: ";
  const auto found = problems(maps + "1" + std::string(5000, '}') + '\n');
  REQUIRE(found.size() == 1);
  REQUIRE_THAT(found[0], Catch::StartsWith("t.yaml:2:") &&
                             Catch::Contains("nested more than 64 deep here (the nesting limit"));
}

TEST_CASE("names and titles refuse control and bidirectional characters, said safely",
          "[scenario]") {
  const std::string base = test::read_file("scenarios/minimal.yaml");
  // Overrides reach the same check as the file; the message shows the character escaped.
  const auto esc = problems(base, {scenario::parse_override("funnel.stages[0].name=\"x\\e[2J\"")});
  REQUIRE(esc.size() == 1);
  REQUIRE_THAT(esc[0], Catch::Contains("funnel.stages[0].name: the text holds U+001B (a control "
                                       "character) at character 2"));
  REQUIRE(esc[0].find('\x1b') == std::string::npos);
  for (const char *bad : {"\"a\\u202Eb\"", "\"a\\u2066b\"", "\"a\\u200Fb\"", "\"a\\x85b\"",
                          "\"a\\tb\"", "\"a\\x7fb\"", "\"a\\u2028b\""}) {
    INFO(bad);
    const auto found = problems(base + "title: " + bad + '\n');
    REQUIRE(found.size() == 1);
    REQUIRE_THAT(found[0],
                 Catch::Contains("title: the text holds U+") && Catch::Contains("at character 2"));
  }
  // A name of unusual but printable letters is fine, up to 80 characters; a title up to 200.
  REQUIRE(problems(base, {scenario::parse_override("funnel.stages[0].name=\"één ≠ 1 — 日本\"")})
              .empty());
  REQUIRE(problems(base + "title: " + std::string(200, 't') + '\n').empty());
  REQUIRE(problems(base + "title: " + std::string(201, 't') + '\n').size() == 1);
  REQUIRE(
      problems(base, {scenario::parse_override("funnel.stages[0].name=" + std::string(80, 's'))})
          .empty());
}

TEST_CASE("an unknown key with an escape sequence is reported with the escape shown",
          "[scenario]") {
  const std::string base = test::read_file("scenarios/minimal.yaml");
  const auto found = problems(base + "\"\\e[31mred\": 1\n");
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].find('\x1b') == std::string::npos);
  REQUIRE_THAT(found[0], Catch::Contains("\\x1b[31mred"));
}
