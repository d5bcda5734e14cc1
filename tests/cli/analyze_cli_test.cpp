// salesfab analyze: on every validation scenario theory lies inside, or next to, the
// simulation's confidence interval; on the default scenario it says what it cannot cover.

#include "analysis/output/csv.hpp"
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>

using salesfab::test::run_salesfab;

TEST_CASE("analyze agrees with the simulation on every validation scenario", "[cli][theory]") {
  int files = 0;
  for (const auto &entry : std::filesystem::directory_iterator("scenarios/validation")) {
    if (entry.path().extension() != ".yaml")
      continue;
    ++files;
    INFO(entry.path());
    const auto r = run_salesfab({"analyze", entry.path().string(), "--format", "csv", "--quiet"});
    REQUIRE(r.exit_status == 0);
    const auto rows = salesfab::output::read_csv(r.out);
    REQUIRE(rows[0][8] == "verdict");
    int judged = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto &verdict = rows[i][8];
      INFO(rows[i][2] << ": theory " << rows[i][4] << ", simulation " << rows[i][5] << " ["
                      << rows[i][6] << ", " << rows[i][7] << "]");
      REQUIRE((verdict == "agrees" || verdict == "close" || verdict == "theory not applicable" ||
               verdict == "no simulated value"));
      if (verdict == "agrees" || verdict == "close")
        ++judged;
    }
    REQUIRE(judged >= 5);
  }
  REQUIRE(files >= 5);
}

TEST_CASE("analyze of the default scenario says which numbers theory covers", "[cli][theory]") {
  const auto r =
      run_salesfab({"analyze", "scenarios/basis.yaml", "--replications", "5", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("theory beside simulation"));
  REQUIRE_THAT(r.out, Catch::Contains("Little's law on each queue"));
  REQUIRE_THAT(r.out, Catch::Contains("qualifiers"));
  REQUIRE_THAT(r.out, Catch::Contains("How theory got each value:"));
  REQUIRE_THAT(r.out, Catch::Contains("Where theory cannot say"));
  REQUIRE_THAT(r.out, Catch::Contains("churn rate: churn or brickwalling hours differ by class"));
}

TEST_CASE("analyze takes one file", "[cli][theory]") {
  const auto r = run_salesfab({"analyze"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains("analyze takes one scenario file"));
}

TEST_CASE("analyze speaks Dutch with --lang nl", "[cli][theory]") {
  const auto r = run_salesfab({"analyze", "scenarios/validation/qualification-mmc.yaml", "--lang",
                               "nl", "--replications", "4", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("theorie naast simulatie"));
  REQUIRE_THAT(r.out, Catch::Contains("De wet van Little per wachtrij"));
  REQUIRE_THAT(r.out, Catch::Contains("dagen wachten op kwalificatie"));
  // How theory got its values, in Dutch too; the CSV's model column stays English.
  REQUIRE_THAT(r.out, Catch::Contains("Hoe de theorie aan elke waarde komt:"));
  REQUIRE_THAT(r.out, Catch::Contains("M/M/3 (Erlang C)"));
  REQUIRE_THAT(r.out, Catch::Contains("slaagkansen van de segmenten, gewogen naar hun aankomsten"));
  REQUIRE_THAT(r.out, !Catch::Contains("weighted by their arrival rates"));
  const auto csv = run_salesfab({"analyze", "scenarios/validation/qualification-mmc.yaml", "--lang",
                                 "nl", "--replications", "4", "--quiet", "--format", "csv"});
  REQUIRE(csv.exit_status == 0);
  REQUIRE_THAT(csv.out, Catch::Contains("segments' pass probabilities weighted by their arrival"));
}

TEST_CASE("analyze of a queue without steady state says so and why, not 'differs'",
          "[cli][theory]") {
  // One qualifier at 36 h a week gets 5 suspects a week of 20 hours each: 2.8 people's work.
  const auto over =
      run_salesfab({"analyze", "scenarios/minimal.yaml", "--set",
                    "market.qualification.effort_hours=20", "--replications", "4", "--quiet"});
  REQUIRE(over.exit_status == 0);
  REQUIRE_THAT(over.out, Catch::Contains("qualifiers: no steady state: work for 2.78 people "
                                         "arrives, 1 are employed"));
  const auto little = over.out.substr(over.out.find("Little's law"));
  REQUIRE_THAT(little, Catch::Contains("no steady state"));
  REQUIRE_THAT(little.substr(0, little.find("account executives")), !Catch::Contains("differs"));
  // No qualifiers at all.
  const auto none =
      run_salesfab({"analyze", "scenarios/minimal.yaml", "--set", "staff.qualifier.headcount=0",
                    "--replications", "3", "--quiet", "--format", "csv"});
  REQUIRE(none.exit_status == 0);
  REQUIRE_THAT(none.out, Catch::Contains("L of qualifiers,exact,") &&
                             Catch::Contains(",no steady state,L = lambda W"));
  const auto nl =
      run_salesfab({"analyze", "scenarios/minimal.yaml", "--set", "staff.qualifier.headcount=0",
                    "--replications", "3", "--quiet", "--lang", "nl"});
  REQUIRE_THAT(nl.out, Catch::Contains("kwalificeerders: geen evenwicht: er is niemand in dienst"));
}

TEST_CASE("analyze with one replication gives no verdict and says a verdict needs two",
          "[cli][theory]") {
  const auto r = run_salesfab(
      {"analyze", "scenarios/validation/qualification-mmc.yaml", "--replications", "1", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("no verdict: needs 2 replications"));
  REQUIRE_THAT(r.out, Catch::Contains("A verdict needs at least 2 replications"));
  REQUIRE_THAT(r.out, !Catch::Contains(" agrees") && !Catch::Contains(" differs"));
  const auto csv = run_salesfab({"analyze", "scenarios/validation/qualification-mmc.yaml",
                                 "--replications", "1", "--quiet", "--format", "csv"});
  REQUIRE_THAT(csv.out, Catch::Contains(",needs at least 2 replications,"));
}

TEST_CASE("analyze shows no exponent for what is 0 at the precision shown", "[cli][theory]") {
  const auto r = run_salesfab(
      {"analyze", "scenarios/validation/qualification-mmc.yaml", "--replications", "4", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("days waiting for an account executive"));
  for (std::size_t at = r.out.find("e-"); at != std::string::npos; at = r.out.find("e-", at + 1))
    REQUIRE_FALSE((at > 0 && std::isdigit(static_cast<unsigned char>(r.out[at - 1]))));
}
