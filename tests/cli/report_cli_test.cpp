// salesfab report: one self-contained HTML page, written whole or not at all.

#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salesfab;
using test::read_file;
using test::run_salesfab;
namespace fs = std::filesystem;

namespace {

void require_no_external_reference(const std::string &html) {
  for (const char *bad : {"http://", "https://", "src=", "<link", "@import", "url(", "<script"}) {
    INFO(bad);
    REQUIRE(html.find(bad) == std::string::npos);
  }
}

// Nothing but the temporary folder's own entries: no page, no temporary file left behind.
std::size_t entries(const std::string &dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

} // namespace

TEST_CASE("report writes a self-contained page with the three platforms in Dutch", "[cli]") {
  const std::string dir = test::make_temp_dir();
  const std::string page = dir + "/rapport.html";
  const auto r = run_salesfab({"report", "scenarios/les/01-basis.yaml", "--out", page, "--lang",
                               "nl", "--replications", "4", "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  REQUIRE(r.out.empty());
  REQUIRE(fs::exists(page));
  REQUIRE(entries(dir) == 1);
  const std::string html = read_file(page);
  REQUIRE_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">"));
  for (const char *w :
       {">marktplatform<", ">koopplatform<", ">werkplatform<", "Kwantiteit", "Kwaliteit",
        "Richting", "Klanten per klasse", "Het scenario", "scenarios/les/01-basis.yaml", "<pre>"}) {
    INFO(w);
    REQUIRE_THAT(html, Catch::Contains(w));
  }
  require_no_external_reference(html);
}

TEST_CASE("report of a sweep shows the variants side by side", "[cli]") {
  const std::string page = test::make_temp_dir() + "/report.html";
  const auto r = run_salesfab({"report", "tests/cli/data/staffing-sweep.yaml", "--out", page,
                               "--replications", "3", "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  const std::string html = read_file(page);
  REQUIRE_THAT(html, Catch::Contains("id=\"side-by-side\""));
  REQUIRE_THAT(html, Catch::Contains(">market platform<"));
  REQUIRE_THAT(html, Catch::Contains("id=\"variant-4\""));
  require_no_external_reference(html);
}

TEST_CASE("report gives the same page byte for byte whatever the thread count", "[cli]") {
  const std::string dir = test::make_temp_dir();
  const auto one = run_salesfab({"report", "scenarios/basis.yaml", "--out", dir + "/one.html",
                                 "--replications", "4", "--threads", "1", "--quiet"});
  const auto two = run_salesfab({"report", "scenarios/basis.yaml", "--out", dir + "/two.html",
                                 "--replications", "4", "--threads", "2", "--quiet"});
  REQUIRE(one.exit_status == 0);
  REQUIRE(two.exit_status == 0);
  REQUIRE(read_file(dir + "/one.html") == read_file(dir + "/two.html"));
}

TEST_CASE("report to a folder that cannot be written fails with status 1 and no file", "[cli]") {
  const std::string dir = test::make_temp_dir();
  const std::string missing = dir + "/no-such-folder/report.html";
  const auto r = run_salesfab(
      {"report", "scenarios/basis.yaml", "--out", missing, "--replications", "2", "--quiet"});
  REQUIRE(r.exit_status == 1);
  REQUIRE_THAT(r.err, Catch::Contains("cannot write"));
  REQUIRE_FALSE(fs::exists(missing));
  // --out naming an existing folder: the page would replace it.
  const auto folder = run_salesfab(
      {"report", "scenarios/basis.yaml", "--out", dir, "--replications", "2", "--quiet"});
  REQUIRE(folder.exit_status == 1);
  REQUIRE(entries(dir) == 0);
}

TEST_CASE("report refuses a missing --out and invalid input with status 2", "[cli]") {
  const std::string dir = test::make_temp_dir();
  REQUIRE(run_salesfab({"report", "scenarios/basis.yaml"}).exit_status == 2);
  REQUIRE(run_salesfab({"report", "scenarios/basis.yaml", "--out", dir + "/r.html", "--lang", "fr"})
              .exit_status == 2);
  const auto invalid =
      run_salesfab({"report", "tests/cli/data/invalid.yaml", "--out", dir + "/r.html"});
  REQUIRE(invalid.exit_status == 2);
  REQUIRE(entries(dir) == 0);
}

TEST_CASE("report --help names the page option", "[cli]") {
  const auto r = run_salesfab({"report", "--help"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("--out"));
  REQUIRE_THAT(r.out, Catch::Contains("HTML"));
}

TEST_CASE("report and compare --help say what --set does in each", "[cli]") {
  const auto report = run_salesfab({"report", "--help"});
  REQUIRE_THAT(report.out, Catch::Contains("--set here works as in `salesfab run`: it changes "
                                           "every file and variant"));
  const auto compare = run_salesfab({"compare", "--help"});
  REQUIRE_THAT(compare.out, Catch::Contains("(--set here adds an alternative; in run and report "
                                            "it changes every file instead.)"));
}
