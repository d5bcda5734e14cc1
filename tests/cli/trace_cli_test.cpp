// salesfab trace: journeys told in Dutch or English, and the event log.

#include "analysis/output/csv.hpp"
#include "cli/support.hpp"

#include <catch2/catch.hpp>

using salesfab::test::run_salesfab;

TEST_CASE("trace tells three journeys in Dutch", "[cli]") {
  const auto r =
      run_salesfab({"trace", "scenarios/les/01-basis.yaml", "--accounts", "3", "--lang", "nl"});
  REQUIRE(r.exit_status == 0);
  std::size_t headings = 0;
  for (std::size_t at = r.out.find("Account "); at != std::string::npos;
       at = r.out.find("\nAccount ", at + 1))
    ++headings;
  REQUIRE(headings == 3);
  REQUIRE_THAT(r.out, Catch::Contains("  dag 0 — marktplatform: suspect "));
  REQUIRE_THAT(r.out, Catch::Contains("komt binnen: eerste contact"));
}

TEST_CASE("trace follows one account by number and stops at --until", "[cli]") {
  const auto r =
      run_salesfab({"trace", "scenarios/basis.yaml", "--account", "1", "--until", "400"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::StartsWith("Account 1\n"));
  REQUIRE_THAT(r.out, Catch::Contains("buying platform: customer 1 "));
  int lines = 0;
  for (std::size_t at = r.out.find("  day "); at != std::string::npos;
       at = r.out.find("  day ", at + 1)) {
    ++lines;
    REQUIRE(std::stoi(r.out.substr(at + 6)) <= 400);
  }
  REQUIRE(lines >= 1);
}

TEST_CASE("trace --format csv is an event log", "[cli]") {
  const auto r =
      run_salesfab({"trace", "scenarios/les/01-basis.yaml", "--accounts", "5", "--format", "csv"});
  REQUIRE(r.exit_status == 0);
  const auto rows = salesfab::output::read_csv(r.out);
  REQUIRE(rows[0][0] == "day");
  REQUIRE(rows[0][1] == "account");
  REQUIRE(rows[0][2] == "platform");
  REQUIRE(rows[0][3] == "event");
  REQUIRE(rows[0][4] == "detail");
  REQUIRE(rows.size() > 10);
  REQUIRE(rows[1][3] == "suspect_arrived");
}

TEST_CASE("trace refuses bad options", "[cli]") {
  REQUIRE(run_salesfab({"trace"}).exit_status == 2);
  REQUIRE(run_salesfab({"trace", "scenarios/basis.yaml", "--accounts", "0"}).exit_status == 2);
  REQUIRE(run_salesfab({"trace", "scenarios/basis.yaml", "--until", "-3"}).exit_status == 2);
  REQUIRE(run_salesfab({"trace", "scenarios/basis.yaml", "--lang", "fr"}).exit_status == 2);
}

TEST_CASE("an initial customer's story starts on day 0", "[cli][trace]") {
  const auto nl =
      run_salesfab({"trace", "scenarios/les/01-basis.yaml", "--account", "1", "--lang", "nl"});
  REQUIRE(nl.exit_status == 0);
  REQUIRE_THAT(nl.out, Catch::Contains("dag 0 — koopplatform: account 1 is vanaf het begin"));
  const auto en = run_salesfab({"trace", "scenarios/les/01-basis.yaml", "--account", "1"});
  REQUIRE_THAT(en.out, Catch::Contains("day 0 — buying platform: account 1 is a customer from the "
                                       "start, class "));
  const auto none =
      run_salesfab({"trace", "scenarios/les/01-basis.yaml", "--account", "999999", "--lang", "nl"});
  REQUIRE(none.exit_status == 0);
  REQUIRE_THAT(none.err, Catch::Contains("geen account te volgen: account 999999 komt niet voor"));
}

TEST_CASE("trace of a sweep says which variant it follows and takes --variant", "[cli][trace]") {
  const std::string sweep = "tests/cli/data/staffing-sweep.yaml";
  const auto first = run_salesfab({"trace", sweep, "--accounts", "1"});
  REQUIRE(first.exit_status == 0);
  REQUIRE_THAT(first.out, Catch::StartsWith("Following variant 0 of the sweep's 4 (counted from "
                                            "0): staffing[staff.account_executive.headcount=2,"
                                            "staff.account_manager.headcount=1]"));
  // By index, by its full name and by the settings in its brackets: the same variant.
  const auto by_index = run_salesfab({"trace", sweep, "--accounts", "1", "--variant", "3"});
  const auto by_name = run_salesfab(
      {"trace", sweep, "--accounts", "1", "--variant",
       "staffing[staff.account_executive.headcount=3,staff.account_manager.headcount=2]"});
  const auto by_settings =
      run_salesfab({"trace", sweep, "--accounts", "1", "--variant",
                    "staff.account_executive.headcount=3,staff.account_manager.headcount=2"});
  REQUIRE(by_index.exit_status == 0);
  REQUIRE_THAT(by_index.out, Catch::StartsWith("Following variant 3 of the sweep's 4"));
  REQUIRE(by_name.out == by_index.out);
  REQUIRE(by_settings.out == by_index.out);
  // The event log stays clean: the note goes to stderr.
  const auto csv = run_salesfab({"trace", sweep, "--accounts", "1", "--format", "csv"});
  REQUIRE_THAT(csv.out, Catch::StartsWith("day,"));
  REQUIRE_THAT(csv.err, Catch::Contains("Following variant 0"));
  // A file without a sweep says nothing about variants.
  REQUIRE_THAT(run_salesfab({"trace", "scenarios/minimal.yaml"}).out,
               !Catch::Contains("Following variant"));
  for (const char *bad : {"4", "no-such-variant", "1.5"}) {
    INFO(bad);
    const auto r = run_salesfab({"trace", sweep, "--variant", bad});
    REQUIRE(r.exit_status == 2);
    REQUIRE_THAT(r.err, Catch::Contains("has no such variant; it has 4") &&
                            Catch::Contains("\n  3  staffing[staff.account_executive.headcount=3,"
                                            "staff.account_manager.headcount=2]"));
  }
}
