// Overrides (--set) and sweeps: dotted paths with [i], variants as a cartesian product.

#include "cli/support.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

using namespace salesfab;
using scenario::Override;
using scenario::parse_override;

TEST_CASE("an override sets a value by its dotted path", "[scenario]") {
  const std::vector overrides = {parse_override("funnel.stages[1].conversion.new=0.55"),
                                 parse_override("staff.account_manager.headcount=3"),
                                 parse_override("targets.revenue_per_year=2e6")};
  const auto p = scenario::load_file("scenarios/basis.yaml", overrides).variants[0].parameters;
  REQUIRE(p.funnel.stages[1].conversion_new == 0.55);
  REQUIRE(p.funnel.stages[1].conversion_existing == 0.75);
  REQUIRE(p.staff[model::Role::account_manager].headcount == 3);
  REQUIRE(*p.targets.revenue_per_year == 2e6);
}

TEST_CASE("an override may add a key or a whole section the file leaves out", "[scenario]") {
  const std::vector overrides = {parse_override("customers.churn_per_year=0.2"),
                                 parse_override("market.qualification.patience_days=7")};
  const auto p = scenario::load_file("scenarios/minimal.yaml", overrides).variants[0].parameters;
  REQUIRE(p.customers.churn_per_year == model::PerClass::all(0.2));
  REQUIRE(*p.market.qualification.patience_days == 7);
}

TEST_CASE("a malformed override is refused with a message naming it", "[scenario]") {
  REQUIRE_THROWS_WITH(parse_override("staff.qualifier.headcount"),
                      "--set staff.qualifier.headcount: expected KEY=VALUE, e.g. --set "
                      "staff.account_manager.headcount=3");
  REQUIRE_THROWS_WITH(parse_override("staff..headcount=3"), Catch::Contains("is not a key path"));
  REQUIRE_THROWS_WITH(parse_override("stages[x]=3"), Catch::Contains("is not a key path"));
  REQUIRE_THROWS_WITH(parse_override("staff.qualifier.headcount="),
                      Catch::Contains("no value after '='"));
}

TEST_CASE("an override into a list item that does not exist names the list's size", "[scenario]") {
  REQUIRE_THROWS_WITH(
      scenario::load_file("scenarios/minimal.yaml",
                          std::vector{parse_override("funnel.stages[3].name=x")}),
      "--set funnel.stages[3].name=x: funnel.stages[3].name: funnel.stages has no item [3] (the "
      "list has 1, counted from 0)");
  REQUIRE_THROWS_WITH(
      scenario::load_file("scenarios/minimal.yaml", std::vector{parse_override("name.x=1")}),
      Catch::Contains("name is 'minimal', not a map, so it has no key 'x'"));
}

TEST_CASE("an unknown key in an override is refused with a suggestion", "[scenario]") {
  REQUIRE_THROWS_WITH(
      scenario::load_file("scenarios/minimal.yaml",
                          std::vector{parse_override("staff.qualifier.headcont=2")}),
      "--set staff.qualifier.headcont=2: staff.qualifier.headcont: unknown key (did you mean "
      "'headcount'?)");
}

namespace {
const std::string sweep_file = test::read_file("scenarios/minimal.yaml") +
                               "sweep:\n"
                               "  staff.account_executive.headcount: [1, 2, 3]\n"
                               "  funnel.stages[0].conversion: [0.4, 0.6]\n";
}

TEST_CASE("a sweep expands into the cartesian product, last key fastest", "[scenario]") {
  const auto file = scenario::load_text(sweep_file, "s.yaml");
  REQUIRE(file.variants.size() == 6);
  REQUIRE(file.variants[0].name ==
          "minimal[staff.account_executive.headcount=1,funnel.stages[0].conversion=0.4]");
  REQUIRE(file.variants[1].name ==
          "minimal[staff.account_executive.headcount=1,funnel.stages[0].conversion=0.6]");
  REQUIRE(file.variants[5].name ==
          "minimal[staff.account_executive.headcount=3,funnel.stages[0].conversion=0.6]");
  for (std::size_t i = 0; i < 6; ++i) {
    const auto &p = file.variants[i].parameters;
    REQUIRE(p.staff[model::Role::account_executive].headcount == static_cast<int>(i / 2 + 1));
    REQUIRE(p.funnel.stages[0].conversion_new == (i % 2 ? 0.6 : 0.4));
    REQUIRE(p.run.seed == 1); // every variant shares the seed: common random numbers
  }
  REQUIRE(file.variants[3].settings ==
          std::vector<std::pair<std::string, std::string>>{
              {"staff.account_executive.headcount", "2"}, {"funnel.stages[0].conversion", "0.6"}});
}

TEST_CASE("a one-key sweep names variants as the issue shows", "[scenario]") {
  const auto file =
      scenario::load_text(test::read_file("scenarios/basis.yaml") +
                              "sweep:\n  staff.account_executive.headcount: [3, 4, 5]\n",
                          "b.yaml");
  REQUIRE(file.variants.size() == 3);
  REQUIRE(file.variants[1].name == "basis[staff.account_executive.headcount=4]");
}

TEST_CASE("overrides apply to every variant of a sweep, after it", "[scenario]") {
  const auto file = scenario::load_text(
      sweep_file, "s.yaml", std::vector{parse_override("funnel.stages[0].duration_days=9")});
  REQUIRE(file.variants.size() == 6);
  for (const auto &v : file.variants)
    REQUIRE(v.parameters.funnel.stages[0].duration_days.mean() == 9);
}

TEST_CASE("an override of a swept key, or of the sweep, is refused", "[scenario]") {
  // It would give every variant one value while their names still showed the swept ones.
  REQUIRE_THROWS_WITH(
      scenario::load_text(sweep_file, "s.yaml",
                          std::vector{parse_override("funnel.stages[0].conversion=0.9")}),
      "--set funnel.stages[0].conversion=0.9: funnel.stages[0].conversion: the file sweeps "
      "funnel.stages[0].conversion (sweep.funnel.stages[0].conversion): a --set would give every "
      "variant the same value (leave it out, or edit the sweep)");
  // Above or below a swept key is the same key.
  REQUIRE_THROWS_WITH(
      scenario::load_text(sweep_file, "s.yaml",
                          std::vector{parse_override("staff.account_executive={headcount: 4}")}),
      Catch::Contains("the file sweeps staff.account_executive.headcount"));
  REQUIRE_THROWS_WITH(
      scenario::load_text(sweep_file, "s.yaml",
                          std::vector{parse_override("funnel.stages[0].conversion.new=0.9")}),
      Catch::Contains("the file sweeps funnel.stages[0].conversion"));
  REQUIRE_THROWS_WITH(
      scenario::load_text(test::read_file("scenarios/minimal.yaml"), "s.yaml",
                          std::vector{parse_override("sweep.staff.qualifier.headcount=[1, 2]")}),
      Catch::Contains("--set cannot change the sweep"));
}

TEST_CASE("a sweep over the variant limit reports that alone", "[scenario]") {
  std::string text = test::read_file("scenarios/minimal.yaml") + "sweep:\n";
  for (const char *key : {"staff.qualifier.headcount", "staff.account_executive.headcount",
                          "staff.account_manager.headcount"})
    text += std::string("  ") + key + ": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n";
  try {
    scenario::load_text(text, "s.yaml");
    FAIL("a sweep of 1331 variants was accepted");
  } catch (const scenario::ScenarioError &e) {
    REQUIRE(e.diagnostics().size() == 1);
    REQUIRE_THAT(e.what(), Catch::Contains("the sweep makes more than 1000 variants"));
  }
}

TEST_CASE("a bad sweep value is reported at its place in the file", "[scenario]") {
  const std::string text = test::read_file("scenarios/minimal.yaml") +
                           "sweep:\n  staff.account_executive.headcount: [1, -2]\n";
  REQUIRE_THROWS_WITH(scenario::load_text(text, "s.yaml"),
                      "s.yaml:19:42: staff.account_executive.headcount: -2 is not a headcount (a "
                      "whole number from 0 to 100000)");
}

TEST_CASE("sweeping the seed, the name or a non-list is refused", "[scenario]") {
  const std::string base = test::read_file("scenarios/minimal.yaml");
  REQUIRE_THROWS_WITH(scenario::load_text(base + "sweep:\n  run.seed: [1, 2]\n", "s.yaml"),
                      Catch::Contains("sweep.run.seed: 'run' cannot be swept"));
  REQUIRE_THROWS_WITH(scenario::load_text(base + "sweep:\n  name: [a, b]\n", "s.yaml"),
                      Catch::Contains("'name' cannot be swept"));
  REQUIRE_THROWS_WITH(
      scenario::load_text(base + "sweep:\n  staff.qualifier.headcount: 3\n", "s.yaml"),
      "s.yaml:19:30: sweep.staff.qualifier.headcount: expected a non-empty list of values, got "
      "'3'");
  REQUIRE_THROWS_WITH(scenario::load_text(base + "sweep:\n  staff..x: [1]\n", "s.yaml"),
                      Catch::Contains("not a key path"));
}

TEST_CASE("a sweep of more than 1000 variants is refused", "[scenario]") {
  std::string text = test::read_file("scenarios/minimal.yaml") + "sweep:\n";
  const char *keys[] = {"staff.qualifier.headcount", "staff.account_executive.headcount",
                        "staff.account_manager.headcount", "market.segments[0].margin"};
  for (const char *k : keys)
    text += std::string("  ") + k + ": [1, 0, 1, 0, 1, 0, 1]\n"; // 7^4 = 2401
  REQUIRE_THROWS_WITH(scenario::load_text(text, "s.yaml"),
                      Catch::Contains("the sweep makes more than 1000 variants"));
}
