// The generic format's reader: every bad input of the contract refused with FILE:LINE: column:
// problem, never a row dropped silently; --lenient skips and counts. And the CSV it reads.

#include "crm/calibrate.hpp"
#include "crm/csv_table.hpp"
#include "crm/reader.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

namespace crm = salesfab::crm;

namespace {

const std::string opportunities_header =
    "opportunity_id,account_id,segment,source,stage,entered,left,result,lost_to,amount\n";

crm::Tables opportunities(const std::string &rows) {
  crm::Tables t;
  t.opportunities = opportunities_header + rows;
  return t;
}

// The problems of reading `tables`, as the user sees them.
std::string problems(const crm::Tables &tables) {
  try {
    crm::read_tables(tables, {});
  } catch (const crm::HistoryError &e) {
    return e.what();
  }
  return "";
}

const std::string good = "o1,a1,mkb,new,intake,2024-01-02,2024-01-05,advanced,,1000\n"
                         "o1,a1,mkb,new,offerte,2024-01-05,2024-01-20,won,,1000\n"
                         "o2,a2,mkb,new,intake,2024-01-03,,open,,\n";

} // namespace

TEST_CASE("a good history reads, visits in order, open ones open", "[crm][reader]") {
  const auto r = crm::read_tables(opportunities(good), {});
  REQUIRE(r.history.opportunities.size() == 2);
  const auto &o = r.history.opportunities[0];
  REQUIRE(o.visits.size() == 2);
  REQUIRE(o.outcome() == crm::VisitResult::won);
  REQUIRE(*o.amount == 1000);
  REQUIRE(o.visits[1].entered == crm::day_of(2024, 1, 5));
  REQUIRE(!r.history.opportunities[1].visits[0].left);
  REQUIRE(r.history.has_opportunities);
  REQUIRE(!r.history.has_leads);
}

TEST_CASE("dates: YYYY-MM-DD with a time part ignored, nothing else", "[crm][reader]") {
  REQUIRE(crm::parse_date("2024-02-29") == crm::day_of(2024, 2, 29));
  REQUIRE(crm::parse_date("2024-02-29T23:59:59") == crm::day_of(2024, 2, 29));
  REQUIRE(crm::parse_date("2024-02-29T23:59:59.000Z") == crm::day_of(2024, 2, 29));
  REQUIRE(crm::parse_date("2024-02-29 10:15") == crm::day_of(2024, 2, 29));
  REQUIRE(!crm::parse_date("2023-02-29"));
  REQUIRE(!crm::parse_date("2024-13-01"));
  REQUIRE(!crm::parse_date("02/03/2024"));
  REQUIRE(!crm::parse_date("2024-01-01x"));
  REQUIRE(crm::date_text(crm::day_of(1999, 12, 31)) == "1999-12-31");
  REQUIRE(crm::day_of(1970, 1, 1) == 0);
}

TEST_CASE("bad input: a missing required column", "[crm][reader][bad]") {
  crm::Tables t;
  t.opportunities = "opportunity_id,account_id,source,stage,entered,result\n"
                    "o1,a1,new,intake,2024-01-02,open\n";
  REQUIRE(problems(t) == "opportunities.csv:1: left: missing (a required column)");
  crm::ReadOptions lenient;
  lenient.lenient = true;
  REQUIRE_THROWS_AS(crm::read_tables(t, lenient), crm::HistoryError); // not a row to skip
}

TEST_CASE("bad input: a date that is not a date", "[crm][reader][bad]") {
  REQUIRE(problems(opportunities(good + "o3,a3,mkb,new,intake,03/01/2024,,open,,\n")) ==
          "opportunities.csv:5: entered: '03/01/2024' is not a date (expected YYYY-MM-DD)");
}

TEST_CASE("bad input: a visit that leaves before it enters", "[crm][reader][bad]") {
  REQUIRE(problems(opportunities("o1,a1,mkb,new,intake,2024-01-05,2024-01-02,lost,,\n")) ==
          "opportunities.csv:2: left: 2024-01-02 is before entered 2024-01-05 (a visit leaves "
          "after it enters)");
}

TEST_CASE("bad input: an opportunity whose stages go backwards in time", "[crm][reader][bad]") {
  REQUIRE(problems(opportunities("o1,a1,mkb,new,intake,2024-01-02,2024-01-10,advanced,,\n"
                                 "o1,a1,mkb,new,offerte,2024-01-04,,open,,\n")) ==
          "opportunities.csv:3: entered: 2024-01-04 is before the previous stage's left "
          "2024-01-10 on line 2 (stages go backwards in time)");
}

TEST_CASE("bad input: an unknown result", "[crm][reader][bad]") {
  REQUIRE(problems(opportunities("o1,a1,mkb,new,intake,2024-01-02,2024-01-10,closed,,\n")) ==
          "opportunities.csv:2: result: 'closed' is not a visit result (expected advanced, "
          "won, lost or open)");
  crm::Tables t;
  t.leads = "lead_id,created,result,result_date\nl1,2024-01-01,maybe,\n";
  REQUIRE(problems(t) == "leads.csv:2: result: 'maybe' is not a lead result (expected "
                         "qualified, disqualified, cold or open)");
}

TEST_CASE("bad input: every problem is listed, in file order", "[crm][reader][bad]") {
  const std::string text = problems(opportunities(
      "o1,a1,mkb,new,intake,2024-01-02,2024-01-10,lost,rival,\n" // unknown lost_to
      "o2,a2,mkb,bogus,intake,2024-01-02,,open,,-5\n"            // source, amount
      "o3,a3,mkb,new,intake,2024-01-02,2024-01-03,advanced,,\n"  // advanced, nothing after
      "o4,a4,mkb,new,intake,2024-01-02,2024-01-03,open,,\n"      // open with a left date
      "o5,a5,mkb,new,intake,2024-01-02,,won,,\n"                 // won without a left date
      "\"o6,a6\n"));                                             // a quote never closed
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:2: lost_to: 'rival' is not a reason"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:3: source: 'bogus' is not a source"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:3: amount: '-5' is not an amount"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:4: result: advanced, but opportunity "
                                     "'o3' has no later stage"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:5: left: a date, but result is open"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:6: left: empty, but result is won"));
  REQUIRE_THAT(text, Catch::Contains("opportunities.csv:7: a quote opened on line 7 is never "
                                     "closed"));
}

TEST_CASE("lenient reading (--lenient) skips the rows with problems and says how many",
          "[crm][reader][bad]") {
  crm::ReadOptions lenient;
  lenient.lenient = true;
  const auto r = crm::read_tables(
      opportunities(good + "o3,a3,mkb,new,intake,2024-01-09,2024-01-02,lost,,\n"
                           "o4,a4,mkb,new,intake,2024-01-02,2024-01-10,advanced,,\n"
                           "o4,a4,mkb,new,offerte,2024-01-04,,open,,\n"),
      lenient);
  REQUIRE(r.history.opportunities.size() == 2); // o1 and o2; o3 and o4 skipped whole
  REQUIRE(r.rows_skipped == 3);
  REQUIRE(r.skipped.size() == 2);
  REQUIRE(r.skipped[0].line == 5);
  REQUIRE(r.skipped[1].column == "entered");
}

TEST_CASE("CSV: quoting, line breaks inside quotes, a byte-order mark, CRLF", "[crm][reader]") {
  const auto t = crm::parse_csv("\xEF\xBB\xBF"
                                "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n3,4\n",
                                "f.csv");
  REQUIRE(t.problems.empty());
  REQUIRE(t.header == std::vector<std::string>{"a", "b"});
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].fields[0] == "x, \"y\"");
  REQUIRE(t.rows[0].fields[1] == "two\nlines");
  REQUIRE(t.rows[1].line == 4);
  const auto bad = crm::parse_csv("a,b\n1,2,3\n", "f.csv");
  REQUIRE(bad.problems.size() == 1);
  REQUIRE(bad.problems[0].to_string() == "f.csv:2: 3 fields (expected 2, as the header)");
}

TEST_CASE("as-of cuts the history: later events unknown, visits open", "[crm][reader]") {
  auto h = crm::read_tables(opportunities(good), {}).history;
  crm::cut_at(h, crm::day_of(2024, 1, 10));
  REQUIRE(h.opportunities[0].visits.size() == 2);
  REQUIRE(h.opportunities[0].outcome() == crm::VisitResult::open);
  REQUIRE(!h.opportunities[0].visits[1].left);
  crm::cut_at(h, crm::day_of(2024, 1, 4));
  REQUIRE(h.opportunities[0].visits.size() == 1);
  REQUIRE(h.opportunities[0].outcome() == crm::VisitResult::open);
  crm::cut_at(h, crm::day_of(2024, 1, 1));
  REQUIRE(h.opportunities.empty());
}

TEST_CASE("bad input: a stage name that cannot be a scenario name", "[crm][reader][bad]") {
  const std::string long_name(81, 'x');
  const auto h =
      crm::read_tables(
          opportunities("o1,a1,mkb,new," + long_name + ",2024-01-02,2024-01-05,won,,1\n"), {})
          .history;
  const auto base = salesfab::scenario::load_default().variants.front().parameters;
  REQUIRE_THROWS_WITH(
      crm::calibrate(h, base, {}),
      Catch::Contains("stage: '" + long_name + "' is 81 characters long (expected at most 80"));
}
