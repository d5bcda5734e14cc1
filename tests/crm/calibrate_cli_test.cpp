// salesfab calibrate and run --export-crm end to end: the real program, its files and exit codes.

#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using salesfab::test::make_temp_dir;
using salesfab::test::read_file;
using salesfab::test::run_salesfab;
namespace fs = std::filesystem;

TEST_CASE("calibrate: an exported history gives a fitted scenario that loads, with its report",
          "[crm][cli]") {
  const std::string dir = make_temp_dir();
  const auto exported = run_salesfab(
      {"run", "tests/crm/data/roundtrip-b.yaml", "--export-crm", dir + "/crm", "--quiet"});
  REQUIRE(exported.exit_status == 0);
  for (const char *f : {"leads.csv", "opportunities.csv", "customers.csv"})
    REQUIRE(fs::exists(dir + "/crm/" + f));
  const auto r =
      run_salesfab({"calibrate", dir + "/crm", "--base", "tests/crm/data/roundtrip-b.yaml", "--out",
                    dir + "/fitted.yaml", "--report", dir + "/fit.html", "--lang", "nl"});
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  const std::string yaml = read_file(dir + "/fitted.yaml");
  REQUIRE_THAT(yaml, Catch::Contains("# fitted: n="));
  REQUIRE_THAT(yaml, Catch::Contains("95% CI"));
  REQUIRE_THAT(yaml, Catch::Contains("censored MLE"));
  REQUIRE_THAT(yaml, Catch::Contains("chosen by AIC"));
  REQUIRE_THAT(yaml, Catch::Contains("# from base"));
  REQUIRE(run_salesfab({"validate", dir + "/fitted.yaml"}).exit_status == 0);
  REQUIRE_THAT(read_file(dir + "/fit.csv"),
               Catch::StartsWith("key,estimate,ci_low,ci_high,n,method,detail\n"));
  const std::string html = read_file(dir + "/fit.html");
  REQUIRE_THAT(html, Catch::Contains("<svg"));
  REQUIRE_THAT(html, Catch::Contains("salesfab-fitrapport"));
  // The same replication exports the same history, byte for byte.
  REQUIRE(run_salesfab(
              {"run", "tests/crm/data/roundtrip-b.yaml", "--export-crm", dir + "/again", "--quiet"})
              .exit_status == 0);
  REQUIRE(read_file(dir + "/again/opportunities.csv") == read_file(dir + "/crm/opportunities.csv"));
}

TEST_CASE("calibrate: a history with problems is refused, every problem listed, nothing written",
          "[crm][cli][bad]") {
  const std::string dir = make_temp_dir();
  fs::create_directories(dir + "/crm");
  std::ofstream(dir + "/crm/opportunities.csv")
      << "opportunity_id,account_id,source,stage,entered,left,result\n"
         "o1,a1,new,intake,2024-01-02,2024-01-05,advanced\n"
         "o1,a1,new,offerte,2024-01-05,2024-01-20,won\n"
         "o2,a2,new,intake,2024-01-09,2024-01-03,lost\n"
         "o3,a3,new,intake,2024-01-04,,pending\n";
  const std::vector<std::string> args = {"calibrate", dir + "/crm", "--out", dir + "/fitted.yaml"};
  const auto r = run_salesfab(args);
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains(dir + "/crm/opportunities.csv:4: left: 2024-01-03 is "
                                            "before entered 2024-01-09"));
  REQUIRE_THAT(r.err, Catch::Contains(dir + "/crm/opportunities.csv:5: result: 'pending' is not "
                                            "a visit result"));
  REQUIRE(!fs::exists(dir + "/fitted.yaml"));
  REQUIRE(!fs::exists(dir + "/fit.csv"));
  auto lenient = args;
  lenient.push_back("--lenient");
  const auto l = run_salesfab(lenient);
  INFO(l.err);
  REQUIRE(l.exit_status == 0);
  REQUIRE_THAT(l.err, Catch::Contains("--lenient: skipped 2 rows with 2 problems"));
  REQUIRE(fs::exists(dir + "/fitted.yaml"));
}

TEST_CASE("calibrate: vendor exports and bad command lines", "[crm][cli]") {
  const std::string dir = make_temp_dir();
  REQUIRE(run_salesfab({"calibrate", "tests/crm/data/salesforce", "--source", "salesforce", "--out",
                        dir + "/sf.yaml"})
              .exit_status == 0);
  REQUIRE(run_salesfab({"calibrate", "tests/crm/data/hubspot", "--source", "hubspot", "--out",
                        dir + "/hs.yaml"})
              .exit_status == 0);
  REQUIRE(run_salesfab({"validate", dir + "/sf.yaml", dir + "/hs.yaml"}).exit_status == 0);
  const auto no_out = run_salesfab({"calibrate", "tests/crm/data/salesforce-generic"});
  REQUIRE(no_out.exit_status == 2);
  REQUIRE_THAT(no_out.err, Catch::Contains("--out"));
  const auto no_dir = run_salesfab({"calibrate", dir + "/nothing", "--out", dir + "/x.yaml"});
  REQUIRE(no_dir.exit_status == 2);
  REQUIRE_THAT(no_dir.err, Catch::Contains("not a folder"));
  REQUIRE(run_salesfab({"calibrate", "tests/crm/data/hubspot", "--source", "pipedrive", "--out",
                        dir + "/x.yaml"})
              .exit_status == 2);
  REQUIRE(run_salesfab({"calibrate", "tests/crm/data/salesforce-generic", "--as-of", "31-12-2024",
                        "--out", dir + "/x.yaml"})
              .exit_status == 2);
}
