// Vendor exports written by hand in the vendors' documented column names give the same history,
// and so the same fit, as the same deals in the generic format: a Salesforce opportunity that
// skips a stage and one that goes back, HubSpot deals that re-entered a stage.

#include "crm/calibrate.hpp"
#include "crm/csv_table.hpp"
#include "crm/export.hpp"
#include "crm/vendors.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

namespace crm = salesfab::crm;

namespace {

const std::string data = "tests/crm/data/";

void same_fit(const crm::History &vendor, const crm::History &generic) {
  REQUIRE(crm::to_tables(vendor).opportunities == crm::to_tables(generic).opportunities);
  const auto base = salesfab::scenario::load_default().variants.front().parameters;
  const crm::Calibration a = crm::calibrate(vendor, base, {});
  const crm::Calibration b = crm::calibrate(generic, base, {});
  REQUIRE(a.fitted.size() == b.fitted.size());
  REQUIRE(!a.fitted.empty());
  for (std::size_t i = 0; i < a.fitted.size(); ++i) {
    INFO(a.fitted[i].key);
    REQUIRE(a.fitted[i].key == b.fitted[i].key);
    REQUIRE(a.fitted[i].estimate == b.fitted[i].estimate);
    REQUIRE(a.fitted[i].ci.low == b.fitted[i].ci.low);
    REQUIRE(a.fitted[i].ci.high == b.fitted[i].ci.high);
    REQUIRE(a.fitted[i].n == b.fitted[i].n);
  }
  REQUIRE(a.parameters == b.parameters);
}

crm::History generic(const std::string &dir) {
  return crm::read_tables(crm::tables_in(data + dir), {}).history;
}

} // namespace

TEST_CASE("Salesforce: OpportunityHistory with Opportunity fits as the generic tables do",
          "[crm][vendors]") {
  const auto r = crm::read_salesforce(crm::salesforce_files(data + "salesforce"), {});
  REQUIRE(r.rows_skipped == 0);
  const crm::History &h = r.history;
  REQUIRE(h.opportunities.size() == 6);
  // 0065g00000A2 skipped Qualification: Prospecting straight to the proposal.
  REQUIRE(h.opportunities[1].visits.size() == 2);
  REQUIRE(h.opportunities[1].visits[1].stage == "Proposal/Price Quote");
  // 0065g00000A6 went back to Prospecting: the time back counts in Qualification.
  REQUIRE(h.opportunities[5].visits.size() == 3);
  REQUIRE(h.opportunities[5].visits[1].left == crm::day_of(2024, 1, 18));
  REQUIRE(h.opportunities[3].source == "up_selling");
  same_fit(h, generic("salesforce-generic"));
}

TEST_CASE("HubSpot: a deals export with stage dates fits as the generic tables do",
          "[crm][vendors]") {
  const auto [text, name] = crm::hubspot_file(data + "hubspot");
  const auto r = crm::read_hubspot(text, name, {});
  REQUIRE(r.rows_skipped == 0);
  const crm::History &h = r.history;
  REQUIRE(h.opportunities.size() == 6);
  // 9003 re-entered its first stage: HubSpot keeps the latest entry; the first visit starts at
  // the Create Date.
  REQUIRE(h.opportunities[2].visits[0].entered == crm::day_of(2024, 1, 4));
  // 9004 went back from Qualified To Buy to its first stage and was lost there.
  REQUIRE(h.opportunities[3].visits.size() == 2);
  REQUIRE(h.opportunities[3].visits[1].result == crm::VisitResult::lost);
  REQUIRE(h.opportunities[5].source == "rebuy");
  same_fit(h, generic("hubspot-generic"));
}

TEST_CASE("vendor exports: bad input names the vendor's file, line and column",
          "[crm][vendors][bad]") {
  crm::SalesforceFiles f;
  f.opportunity = "Id,AccountId,StageName,IsClosed,IsWon,CreatedDate\n"
                  "o1,a1,Prospecting,maybe,false,2024-01-02\n";
  f.history = "OpportunityId,StageName,CreatedDate\no1,Prospecting,yesterday\n";
  try {
    crm::read_salesforce(f, {});
    FAIL("read");
  } catch (const crm::HistoryError &e) {
    REQUIRE_THAT(e.what(), Catch::Contains("Opportunity.csv:2: IsClosed: 'maybe' is not true or "
                                           "false"));
    REQUIRE_THAT(e.what(), Catch::Contains("OpportunityHistory.csv:2: CreatedDate: 'yesterday' "
                                           "is not a date (expected YYYY-MM-DD)"));
  }
  try {
    crm::read_hubspot("Record ID,Deal Stage,Create Date\n1,x,2024-01-01\n", "deals.csv", {});
    FAIL("read");
  } catch (const crm::HistoryError &e) {
    REQUIRE(std::string(e.what()) ==
            "deals.csv:1: Associated Company ID: missing (a required column)");
  }
}
