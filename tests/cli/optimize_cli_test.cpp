// salesfab optimize end to end: the cheapest number of qualifiers under a waiting target, where
// Erlang C knows the answer; the same answer for any thread count; its files; bad input.

#include "analysis/output/csv.hpp"
#include "cli/support.hpp"

#include <catch2/catch.hpp>

using salesfab::test::read_file;
using salesfab::test::run_salesfab;

namespace {

const std::string mmc = "tests/cli/data/mmc-qualifiers.yaml";

std::vector<std::string> optimize(const std::string &target, const std::string &seed,
                                  std::vector<std::string> more = {}) {
  std::vector<std::string> args{"optimize",   mmc,
                                "--vary",     "staff.qualifier.headcount=1..8",
                                "--minimize", "staff_cost_per_year",
                                "--require",  "wait_qualification_days_mean<=" + target,
                                "--seed",     seed,
                                "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

} // namespace

TEST_CASE("optimize finds the fewest qualifiers whose Erlang C wait meets the target",
          "[cli][optimize]") {
  // Erlang C: c = 3 waits 0.284 days, 4: 0.0517, 5: 0.0124, 6: 0.0030.
  struct Case {
    const char *target;
    const char *answer;
  };
  for (const Case c : {Case{"0.1", "4"}, Case{"0.03", "5"}})
    for (const char *seed : {"1", "2", "3"}) {
      INFO("target " << c.target << ", seed " << seed);
      const auto r = run_salesfab(optimize(c.target, seed, {"--format", "json"}));
      INFO(r.err);
      REQUIRE(r.exit_status == 0);
      REQUIRE(salesfab::test::is_json(r.out));
      REQUIRE_THAT(r.out,
                   Catch::Contains(std::string("\"best\": {\n    \"staff.qualifier.headcount\": ") +
                                   c.answer + "\n  }"));
      // One and two qualifiers cannot keep up: theory screens them out without a run.
      REQUIRE_THAT(r.out, Catch::Contains("\"screened_out\": 2"));
    }
}

TEST_CASE("optimize gives the same answer and files for any --threads", "[cli][optimize]") {
  const std::string one = salesfab::test::make_temp_dir(), two = salesfab::test::make_temp_dir();
  const auto a = run_salesfab(optimize("0.03", "7", {"--threads", "1", "--out", one}));
  const auto b = run_salesfab(optimize("0.03", "7", {"--threads", "2", "--out", two}));
  REQUIRE(a.exit_status == 0);
  REQUIRE(b.exit_status == 0);
  REQUIRE(a.out == b.out);
  for (const char *file : {"designs.csv", "summary.csv", "replications.csv", "timeseries.csv"}) {
    INFO(file);
    REQUIRE(read_file(one + "/" + file) == read_file(two + "/" + file));
  }
  const auto designs = salesfab::output::read_csv(read_file(one + "/designs.csv"));
  REQUIRE(designs.size() == 9); // a header and eight designs
  REQUIRE(designs[0][0] == "design");
  REQUIRE(designs[0][1] == "staff.qualifier.headcount");
  REQUIRE(designs[0][2] == "status");
  REQUIRE(designs[5][2] == "chosen"); // five qualifiers
  REQUIRE(designs[1][2] == "screened out");
  REQUIRE(designs[3][2] == "infeasible");
  REQUIRE_THAT(a.out, Catch::Contains("Chosen design: staff.qualifier.headcount=5"));
  REQUIRE_THAT(a.out, Catch::Contains("Guarantee"));
}

TEST_CASE("optimize speaks Dutch", "[cli][optimize]") {
  const auto r = run_salesfab(optimize("0.1", "1", {"--lang", "nl"}));
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("Gekozen ontwerp: staff.qualifier.headcount=4"));
  REQUIRE_THAT(r.out, Catch::Contains("afgevallen"));
}

TEST_CASE("optimize refuses bad input with a clear message", "[cli][optimize][errors]") {
  const std::vector<std::string> base{"optimize", mmc, "--minimize", "staff_cost_per_year",
                                      "--quiet"};
  struct Case {
    std::vector<std::string> args;
    const char *message;
  };
  const Case cases[] = {
      {{"--vary", "name=1..3"}, "--vary name: the file's value 'mmc-qualifiers' is not a number"},
      {{"--vary", "staff.qualifier.headcount=5..2"}, "LO 5 is above HI 2"},
      {{"--vary", "staff.qualifier.headcount=1..5:0"}, "STEP 0 must be above 0"},
      {{"--vary", "staff.qualifier.headcount=1-5"}, "expected KEY=LO..HI"},
      {{"--vary", "staff.qualifier.headcount=a..5"}, "'a' is not a number"},
      {{"--vary", "staff.qualifier.headcount=1..3", "--require", "wait_qualification_days_mean"},
       "expected METRIC<=X or METRIC>=X"},
      {{"--vary", "staff.qualifier.headcount=1..3", "--require", "wait_qualificatoin_days_mean<=1"},
       "'wait_qualificatoin_days_mean' is not a metric (did you mean "
       "'wait_qualification_days_mean'?)"},
      {{"--vary", "staff.qualifier.headcount=1..3", "--maximize", "revenue_per_year"},
       "one of --minimize METRIC and --maximize METRIC"},
      {{"--vary", "staff.qualifier.headcount=1..400", "--vary",
        "staff.qualifier.hours_per_week=1..168:0.5"},
       "more than 100000 designs"},
      {{"--vary", "staff.qualifier.headcount=1.5..2.5"},
       "the design staff.qualifier.headcount=1.5 is not a valid scenario: "
       "staff.qualifier.headcount: 1.5 is not a headcount (a whole number from 0 to 100000)"},
      {{}, "optimize needs at least one --vary"},
  };
  for (const Case &c : cases) {
    auto args = base;
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_salesfab(args);
    INFO(r.err);
    REQUIRE(r.exit_status == 2);
    REQUIRE_THAT(r.err, Catch::Contains(c.message));
    REQUIRE(r.out.empty());
  }
}
