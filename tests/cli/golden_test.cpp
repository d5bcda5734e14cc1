// Golden outputs: what salesfab prints and writes for a few shipped scenarios, kept byte for byte
// in tests/golden/. A change that alters any of them fails here, so that an output never drifts
// unnoticed; when the change is meant (new random draws, a fixed defect), write the goldens anew
// with SALESFAB_UPDATE_GOLDEN=1 ctest -R golden and let the diff show what changed.
//
// Only what cannot be the same twice is masked: wall time and speed in run.json, and the
// temporary folder's name.

#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

using salesfab::test::read_file;
using salesfab::test::run_salesfab;
namespace fs = std::filesystem;

namespace {

const fs::path golden_dir = "tests/golden";

bool updating() {
  const char *u = std::getenv("SALESFAB_UPDATE_GOLDEN");
  return u != nullptr && std::string(u) == "1";
}

// Compares `actual` with the golden file `name`, or writes it when updating.
void check_golden(const std::string &name, const std::string &actual) {
  const fs::path path = golden_dir / name;
  if (updating()) {
    fs::create_directories(golden_dir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  INFO("golden file " << path.string()
                      << " (SALESFAB_UPDATE_GOLDEN=1 ctest -R golden writes it anew)");
  REQUIRE(fs::exists(path));
  const std::string expected = read_file(path.string());
  if (expected != actual) {
    // Point at the first line that differs: a whole page in a failure message helps nobody.
    std::size_t line = 1, at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at])
      line += expected[at++] == '\n' ? 1 : 0;
    const auto line_at = [&](const std::string &s) {
      const std::size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
      const std::size_t from = start == std::string::npos || at == 0 ? 0 : start + 1;
      return s.substr(from, s.find('\n', from) - from);
    };
    FAIL("differs from line " << line << "\n  golden: " << line_at(expected)
                              << "\n  now:    " << line_at(actual));
  }
}

// The whole output of a command, which must succeed.
std::string output_of(const std::vector<std::string> &args) {
  const auto r = run_salesfab(args);
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  return r.out;
}

std::string masked_run_json(std::string text, const std::string &dir) {
  text = std::regex_replace(text, std::regex(R"("wall_seconds": [^,\n]+)"), R"("wall_seconds": W)");
  text = std::regex_replace(text, std::regex(R"("events_per_second": [^,\n]+)"),
                            R"("events_per_second": E)");
  for (std::size_t at = text.find(dir); at != std::string::npos; at = text.find(dir))
    text.replace(at, dir.size(), "DIR");
  return text;
}

const std::string lesson = "scenarios/les/01-basis.yaml";
const std::vector<std::string> quick = {"--replications", "4", "--quiet", "--threads", "2"};

std::vector<std::string> with(std::vector<std::string> args,
                              const std::vector<std::string> &more = quick) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

} // namespace

TEST_CASE("golden: run prints the RKK table, CSV and JSON as before", "[cli][golden]") {
  check_golden("run-table-en.txt", output_of(with({"run", lesson})));
  check_golden("run-table-nl.txt", output_of(with({"run", lesson, "--lang", "nl"})));
  check_golden("run-summary.csv", output_of(with({"run", lesson, "--format", "csv"})));
  check_golden("run-summary.json", output_of(with({"run", lesson, "--format", "json"})));
}

TEST_CASE("golden: a sweep's variants and the side-by-side table", "[cli][golden]") {
  check_golden("sweep-table-en.txt", output_of(with({"run", "scenarios/les/03-brickwalling.yaml"},
                                                    {"--replications", "3", "--quiet"})));
  check_golden("sweep-table-nl.txt",
               output_of(with({"run", "scenarios/les/03-brickwalling.yaml", "--lang", "nl"},
                              {"--replications", "3", "--quiet"})));
}

TEST_CASE("golden: result files of run --out", "[cli][golden]") {
  const std::string dir = salesfab::test::make_temp_dir();
  output_of(with({"run", lesson, "scenarios/les/04-knelpunt.yaml", "--out", dir}));
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv"})
    check_golden(std::string("files-") + file, read_file(dir + "/" + file));
  check_golden("files-run.json", masked_run_json(read_file(dir + "/run.json"), dir));
}

TEST_CASE("golden: compare as a table, CSV, JSON and comparison.csv", "[cli][golden]") {
  const std::vector<std::string> args = {"compare", "scenarios/basis.yaml", "--set",
                                         "staff.account_manager.headcount=3"};
  check_golden("compare-table-en.txt", output_of(with(args)));
  check_golden("compare-table-nl.txt", output_of(with(with(args, {"--lang", "nl"}))));
  check_golden("compare.csv", output_of(with(with(args, {"--format", "csv"}))));
  check_golden("compare.json", output_of(with(with(args, {"--format", "json"}))));
  const std::string dir = salesfab::test::make_temp_dir();
  output_of(with(with(args, {"--out", dir})));
  check_golden("compare-files-comparison.csv", read_file(dir + "/comparison.csv"));
}

TEST_CASE("golden: analyze as a table, CSV and JSON", "[cli][golden]") {
  const std::vector<std::string> args = {"analyze", "scenarios/validation/qualification-mmc.yaml"};
  check_golden("analyze-table-en.txt", output_of(with(args)));
  check_golden("analyze-table-nl.txt", output_of(with(with(args, {"--lang", "nl"}))));
  check_golden("analyze.csv", output_of(with(with(args, {"--format", "csv"}))));
  check_golden("analyze.json", output_of(with(with(args, {"--format", "json"}))));
  check_golden("analyze-basis-table-en.txt", output_of(with({"analyze", "scenarios/basis.yaml"})));
}

TEST_CASE("golden: the HTML report", "[cli][golden]") {
  const std::string dir = salesfab::test::make_temp_dir();
  output_of(with({"report", "scenarios/les/04-knelpunt.yaml", "--out", dir + "/r.html"},
                 {"--replications", "3", "--quiet", "--lang", "nl"}));
  check_golden("report-nl.html", read_file(dir + "/r.html"));
}

TEST_CASE("golden: trace tells journeys and writes the event log", "[cli][golden]") {
  check_golden("trace-nl.txt",
               output_of({"trace", lesson, "--accounts", "2", "--lang", "nl", "--until", "400"}));
  check_golden("trace.csv", output_of({"trace", lesson, "--accounts", "2", "--format", "csv",
                                       "--until", "400"}));
}

TEST_CASE("golden: validate --print spells out every default", "[cli][golden]") {
  check_golden("validate-print.txt", output_of({"validate", "--print", "scenarios/basis.yaml"}));
}
