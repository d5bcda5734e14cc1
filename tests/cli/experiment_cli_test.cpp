// End to end: salesfab run and compare as users call them — sweeps, --set, --format, --out with
// its result files, batches with invalid files, Ctrl-C, kill -9 and --resume.

#include "analysis/output/csv.hpp"
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace salesfab;
using test::read_file;
using test::run_salesfab;
namespace fs = std::filesystem;

namespace {

const std::string sweep_file = "tests/cli/data/staffing-sweep.yaml";

// A scenario without win-back, so that suspects are first contacts only.
std::string no_winback_file() {
  const std::string dir = test::make_temp_dir();
  std::string text = read_file("scenarios/basis.yaml");
  const std::string line = "  winback_after_days: 365\n";
  text.erase(text.find(line), line.size());
  std::ofstream(dir + "/nowinback.yaml") << text;
  return dir + "/nowinback.yaml";
}

std::vector<std::vector<std::string>> csv(const std::string &text) {
  return output::read_csv(text);
}

} // namespace

TEST_CASE("run with no file runs the built-in default and prints the RKK table", "[cli]") {
  const auto r = run_salesfab({"run", "--replications", "3"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::StartsWith("basis — Basisscenario"));
  for (const char *group :
       {"\nKwantiteit (quantity)\n", "\nKwaliteit (quality)\n", "\nRichting (direction)\n"})
    REQUIRE_THAT(r.out, Catch::Contains(group));
  REQUIRE_THAT(r.out, Catch::Contains("  revenue per year"));
  REQUIRE_THAT(r.err, Catch::Contains("\"events_simulated\":"));
  REQUIRE_THAT(r.err, Catch::Contains("\"events_per_second\":"));
}

TEST_CASE("run of a sweep prints each variant and then all of them side by side", "[cli]") {
  const auto r = run_salesfab({"run", sweep_file, "--replications", "4", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("staffing[staff.account_executive.headcount=3,staff."
                                      "account_manager.headcount=2] — "));
  REQUIRE_THAT(r.out, Catch::Contains("Side by side"));
  REQUIRE(r.err.empty()); // --quiet
}

TEST_CASE("run --format csv and json put the summary on stdout", "[cli]") {
  const auto c = run_salesfab({"run", "--replications", "3", "--format", "csv", "--quiet"});
  REQUIRE(c.exit_status == 0);
  const auto rows = csv(c.out);
  REQUIRE(rows[0] == std::vector<std::string>{"scenario", "variant", "metric", "rkk", "unit",
                                              "mean", "sd", "ci_low", "ci_high", "n"});
  REQUIRE(rows.size() > 50);
  const auto j = run_salesfab({"run", "--replications", "3", "--format", "json", "--quiet"});
  REQUIRE(j.exit_status == 0);
  REQUIRE(test::is_json(j.out));
  REQUIRE_THAT(j.out, Catch::Contains("\"metric\": \"churn_rate\""));
}

TEST_CASE("result files are the same byte for byte with 1, 2 and 4 threads", "[cli]") {
  std::vector<std::string> dirs;
  for (const char *threads : {"1", "2", "4"}) {
    dirs.push_back(test::make_temp_dir() + "/out");
    const auto r = run_salesfab({"run", sweep_file, "--replications", "6", "--threads", threads,
                                 "--out", dirs.back(), "--quiet"});
    REQUIRE(r.exit_status == 0);
  }
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv"}) {
    INFO(file);
    const std::string first = read_file(dirs[0] + "/" + file);
    REQUIRE(read_file(dirs[1] + "/" + file) == first);
    REQUIRE(read_file(dirs[2] + "/" + file) == first);
  }
}

TEST_CASE("result files are tidy CSV with the contract's columns, and run.json says how", "[cli]") {
  const std::string dir = test::make_temp_dir() + "/results";
  const auto r = run_salesfab({"run", sweep_file, "--replications", "3", "--out", dir, "--quiet"});
  REQUIRE(r.exit_status == 0);
  const auto summary = csv(read_file(dir + "/summary.csv"));
  const auto replications = csv(read_file(dir + "/replications.csv"));
  const auto timeseries = csv(read_file(dir + "/timeseries.csv"));
  REQUIRE(replications[0] == std::vector<std::string>{"scenario", "variant", "replication", "seed",
                                                      "metric", "value"});
  REQUIRE(timeseries[0] == std::vector<std::string>{"scenario", "variant", "period",
                                                    "period_start_day", "metric", "mean", "ci_low",
                                                    "ci_high"});
  // 4 variants, every metric once per variant and once per replication.
  const std::size_t metrics = (summary.size() - 1) / 4;
  REQUIRE(summary.size() == 1 + 4 * metrics);
  REQUIRE(replications.size() == 1 + 4 * 3 * metrics);
  REQUIRE(summary[1][1] ==
          "staffing[staff.account_executive.headcount=2,staff.account_manager.headcount=1]");
  for (std::size_t i = 1; i < summary.size(); ++i) {
    const auto &rkk = summary[i][3];
    REQUIRE((rkk == "richting" || rkk == "kwaliteit" || rkk == "kwantiteit"));
  }
  const std::string json = read_file(dir + "/run.json");
  REQUIRE(test::is_json(json));
  for (const char *key :
       {"\"version\"", "\"command_line\"", "\"sha256\"", "\"seed\"", "\"replications\"",
        "\"threads\"", "\"wall_seconds\"", "\"events_simulated\"", "\"events_per_second\""})
    REQUIRE_THAT(json, Catch::Contains(key));
  REQUIRE_FALSE(fs::exists(dir + "/.salesfab-parts"));
}

TEST_CASE("compare with --set answers with paired differences and marks", "[cli]") {
  const auto r =
      run_salesfab({"compare", "scenarios/basis.yaml", "--set", "staff.account_manager.headcount=2",
                    "--replications", "10", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::StartsWith("basis {staff.account_manager.headcount=2}  minus  basis"));
  // Twice the account managers cut churn, certainly.
  const auto line_start = r.out.find("  customers lost per year");
  REQUIRE(line_start != std::string::npos);
  const std::string line = r.out.substr(line_start, r.out.find('\n', line_start) - line_start);
  REQUIRE_THAT(line, Catch::Contains("  *  ") && Catch::EndsWith(" per year")); // mark, unit
  REQUIRE_THAT(line, Catch::Contains("  -"));
  // Less churn, fewer customers won back: suspects per year move, the note says why.
  REQUIRE_THAT(r.out, Catch::Contains("\nthe first contacts (suspects minus won back) are the same "
                                      "in both, replication by replication."));
}

TEST_CASE("compare without win-back has no note on suspects", "[cli][crn]") {
  const auto r =
      run_salesfab({"compare", no_winback_file(), "--set", "staff.account_manager.headcount=2",
                    "--replications", "4", "--quiet", "--lang", "nl"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, !Catch::Contains("teruggewonnen klanten mee"));
}

TEST_CASE("compare of staffing variants shows exactly zero difference in arrivals", "[cli][crn]") {
  const std::string file = no_winback_file();
  const auto r = run_salesfab({"compare", file, "--set", "staff.account_executive.headcount=5",
                               "--replications", "8", "--format", "csv", "--quiet"});
  REQUIRE(r.exit_status == 0);
  const auto rows = csv(r.out);
  REQUIRE(rows[0][8] == "difference");
  bool found = false;
  for (const auto &row : rows)
    if (row[3] == "suspects_per_year") {
      found = true;
      REQUIRE(row[8] == "0");
      REQUIRE(row[9] == "0");
      REQUIRE(row[10] == "0");
      REQUIRE(row[12] == "0");
    }
  REQUIRE(found);
}

namespace {
// The paired interval of revenue per year, alternative minus base, from compare's CSV.
std::pair<double, double> revenue_change(const std::vector<std::string> &sets) {
  std::vector<std::string> args{
      "compare", "scenarios/basis.yaml", "--replications", "40", "--format", "csv", "--quiet"};
  for (const auto &set : sets) {
    args.push_back("--set");
    args.push_back(set);
  }
  const auto r = run_salesfab(args);
  REQUIRE(r.exit_status == 0);
  const auto rows = csv(r.out);
  REQUIRE(rows[0][9] == "ci_low");
  for (const auto &row : rows)
    if (row[3] == "revenue_per_year")
      return {std::stod(row[9]), std::stod(row[10])};
  FAIL("no revenue_per_year in compare's output");
  return {};
}
} // namespace

TEST_CASE("time kills deals: on the default scenario another salesperson pays in revenue",
          "[cli][decay]") {
  // The manager's question, as a new user would ask it: one more account executive over the
  // whole plan (3 then 4 from day 365, so 4 then 5), and one more qualifier. With leads and
  // deals going stale while they wait, each raises revenue with a paired 95 % interval above 0
  // at 40 replications.
  const auto executive =
      revenue_change({"staff.account_executive.headcount=4", "staff.changes[0].headcount=5"});
  INFO("one more account executive: revenue " << executive.first << " to " << executive.second);
  REQUIRE(executive.first > 0);
  // The relative form says the same in one setting: +1 over the role's whole plan, the same
  // parameters and seeds, so the very same interval.
  const auto relative = revenue_change({"staff.account_executive.headcount=+1"});
  REQUIRE(relative == executive);
  const auto qualifier = revenue_change({"staff.qualifier.headcount=3"});
  INFO("one more qualifier: revenue " << qualifier.first << " to " << qualifier.second);
  REQUIRE(qualifier.first > 0);
}

TEST_CASE("compare of two files and of a sweep", "[cli]") {
  const auto files = run_salesfab({"compare", "scenarios/basis.yaml", "scenarios/les/01-basis.yaml",
                                   "--replications", "3", "--format", "json", "--quiet"});
  REQUIRE(files.exit_status == 0);
  REQUIRE(test::is_json(files.out));
  const auto sweep = run_salesfab({"compare", sweep_file, "--replications", "3", "--quiet"});
  REQUIRE(sweep.exit_status == 0);
  REQUIRE_THAT(sweep.out, Catch::Contains("minus  staffing[staff.account_executive.headcount=2,"
                                          "staff.account_manager.headcount=1]"));
  const auto alone = run_salesfab({"compare", "scenarios/basis.yaml"});
  REQUIRE(alone.exit_status == 2);
  REQUIRE_THAT(alone.err, Catch::Contains("nothing to compare"));
}

TEST_CASE("a batch runs the valid files and reports the invalid ones, exit status 2", "[cli]") {
  const std::string dir = test::make_temp_dir() + "/batch";
  const auto r = run_salesfab({"run", "scenarios/minimal.yaml", "tests/cli/data/invalid.yaml",
                               "--replications", "2", "--out", dir, "--quiet"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains("tests/cli/data/invalid.yaml:"));
  REQUIRE_THAT(r.err, Catch::Contains("tests/cli/data/invalid.yaml: skipped (invalid)"));
  REQUIRE_THAT(r.out, Catch::StartsWith("minimal"));
  REQUIRE(fs::exists(dir + "/summary.csv"));
}

namespace {
// Waits until a part file appears in dir (a variant finished), or the program ends.
bool wait_for_part(const std::string &dir, const test::Background &b) {
  for (int i = 0; i < 12000; ++i) {
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dir + "/.salesfab-parts", ec))
      if (e.path().extension() == ".part")
        return true;
    if (::kill(b.pid, 0) != 0)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

const std::vector<std::string> long_batch = {"run", sweep_file, "--replications", "60", "--quiet"};
} // namespace

TEST_CASE("Ctrl-C stops a run promptly, writes no result file, and --resume finishes it", "[cli]") {
  const std::string reference = test::make_temp_dir() + "/reference";
  auto args = long_batch;
  args.insert(args.end(), {"--out", reference});
  REQUIRE(run_salesfab(args).exit_status == 0);

  const std::string dir = test::make_temp_dir() + "/interrupted";
  args = long_batch;
  args.insert(args.end(), {"--out", dir, "--threads", "1"});
  const auto b = test::start_salesfab(args);
  REQUIRE(wait_for_part(dir, b));
  test::send_signal(b, SIGINT);
  const auto r = test::wait_for(b);
  REQUIRE(r.exit_status == 1);
  REQUIRE_THAT(r.err, Catch::Contains("salesfab: interrupted: "));
  REQUIRE_THAT(r.err, Catch::Contains("run the same command with --resume"));
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv", "run.json"})
    REQUIRE_FALSE(fs::exists(dir + "/" + file));

  args.push_back("--resume");
  const auto resumed = run_salesfab(args);
  REQUIRE(resumed.exit_status == 0);
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv"}) {
    INFO(file);
    REQUIRE(read_file(dir + "/" + file) == read_file(reference + "/" + file));
  }
  REQUIRE_THAT(read_file(dir + "/run.json"), Catch::Contains("\"variants_resumed\": "));
}

TEST_CASE("kill -9 mid-way leaves no final-named partial file, and --resume gives the same files",
          "[cli]") {
  const std::string reference = test::make_temp_dir() + "/reference";
  auto args = long_batch;
  args.insert(args.end(), {"--out", reference});
  REQUIRE(run_salesfab(args).exit_status == 0);

  const std::string dir = test::make_temp_dir() + "/killed";
  args = long_batch;
  args.insert(args.end(), {"--out", dir, "--threads", "1"});
  const auto b = test::start_salesfab(args);
  REQUIRE(wait_for_part(dir, b));
  test::send_signal(b, SIGKILL);
  REQUIRE(test::wait_for(b).exit_status == 128 + SIGKILL);
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv", "run.json"})
    REQUIRE_FALSE(fs::exists(dir + "/" + file));

  args.push_back("--resume");
  REQUIRE(run_salesfab(args).exit_status == 0);
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv"}) {
    INFO(file);
    REQUIRE(read_file(dir + "/" + file) == read_file(reference + "/" + file));
  }
}

TEST_CASE("the progress bar is drawn on a terminal only, and --quiet silences it", "[cli]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("no `script` here to give salesfab a terminal");
    return;
  }
  const std::string program = std::getenv("SALESFAB");
  const std::string dir = test::make_temp_dir();
  // `script` runs salesfab on a pseudo-terminal and copies what it draws to dir/tty.
  const std::string command = "script -qec \"'" + program +
                              "' run scenarios/benchmark/realistic.yaml --replications 200\" '" +
                              dir + "/tty' >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string tty = read_file(dir + "/tty");
  REQUIRE_THAT(tty, Catch::Contains("/200 replications, "));
  REQUIRE_THAT(tty, Catch::Contains(" elapsed, ETA "));
  const std::string quiet = "script -qec \"'" + program +
                            "' run scenarios/minimal.yaml --replications 50 --quiet\" '" + dir +
                            "/quiet' >/dev/null 2>&1";
  REQUIRE(std::system(quiet.c_str()) == 0);
  REQUIRE(read_file(dir + "/quiet").find("/50 replications") == std::string::npos);
  // In a pipe (as run_salesfab runs it) there is no bar either.
  const auto piped = run_salesfab({"run", "scenarios/minimal.yaml", "--replications", "50"});
  REQUIRE(piped.err.find("ETA") == std::string::npos);
}

TEST_CASE("run --precision replicates until revenue is within 1 %, the same for any --threads",
          "[cli][precision]") {
  const std::string two = test::make_temp_dir(), one = test::make_temp_dir();
  const std::vector<std::string> args{"run",
                                      "scenarios/basis.yaml",
                                      "--precision",
                                      "0.01",
                                      "--precision-metrics",
                                      "revenue_per_year",
                                      "--quiet",
                                      "--out"};
  auto with = [&](const std::string &dir, const char *threads) {
    auto a = args;
    a.insert(a.end(), {dir, "--threads", threads});
    return run_salesfab(a);
  };
  const auto r = with(two, "2");
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("replicated until precise enough"));
  const auto rows = csv(read_file(two + "/summary.csv"));
  REQUIRE(rows[0].size() == 12);
  REQUIRE(rows[0][10] == "relative_half_width");
  REQUIRE(rows[0][11] == "precision_met");
  bool found = false;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (const auto &row = rows[i]; row[2] == "revenue_per_year") {
      found = true;
      const double mean = std::stod(row[5]), low = std::stod(row[7]), high = std::stod(row[8]);
      REQUIRE((high - low) / 2 <= 0.01 * mean);
      REQUIRE(std::stoi(row[9]) >= 100); // the n used: far more than the file's 20
      REQUIRE(row[11] == "1");
    } else {
      REQUIRE(row[11].empty()); // not watched
    }
  REQUIRE(found);
  const std::string run_json = read_file(two + "/run.json");
  REQUIRE_THAT(run_json, Catch::Contains("\"stopped_by\": \"target\""));
  REQUIRE(with(one, "1").exit_status == 0);
  for (const char *file : {"summary.csv", "replications.csv", "timeseries.csv"}) {
    INFO(file);
    REQUIRE(read_file(one + "/" + file) == read_file(two + "/" + file));
  }
}

TEST_CASE("compare --precision watches the paired differences and says what it reached",
          "[cli][precision]") {
  const auto r = run_salesfab({"compare", "scenarios/basis.yaml", "--set",
                               "staff.account_manager.headcount=3", "--precision", "0.2",
                               "--precision-metrics", "churn_rate", "--quiet", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  REQUIRE(test::is_json(r.out));
  REQUIRE_THAT(r.out, Catch::Contains("\"precision\": {"));
  REQUIRE_THAT(r.out, Catch::Contains("\"metric\": \"churn_rate (basis {staff.account_manager."
                                      "headcount=3} - basis)\""));
  REQUIRE_THAT(r.out, Catch::Contains("\"met\": true"));
}

TEST_CASE("a precision the maximum cuts short is said plainly, with exit status 0",
          "[cli][precision]") {
  const auto r = run_salesfab({"run", "scenarios/minimal.yaml", "--precision", "0.001",
                               "--max-replications", "12", "--quiet"});
  REQUIRE(r.exit_status == 0);
  REQUIRE_THAT(r.out, Catch::Contains("stopped at the maximum of 12 replications"));
  REQUIRE_THAT(r.out, Catch::Contains("not met"));
}

TEST_CASE("compare says each metric's unit in the table, the CSV and the JSON", "[cli]") {
  const std::vector<std::string> args{"compare",        "scenarios/minimal.yaml",
                                      "--set",          "staff.account_executive.headcount=2",
                                      "--replications", "3",
                                      "--quiet"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = args;
    all.insert(all.end(), extra.begin(), extra.end());
    return run_salesfab(all);
  };
  const auto table = with({});
  REQUIRE(table.exit_status == 0);
  REQUIRE_THAT(table.out, Catch::Contains("unit"));
  const auto util = table.out.find("  account-executive utilisation");
  REQUIRE(util != std::string::npos);
  REQUIRE_THAT(table.out.substr(util, table.out.find('\n', util) - util), Catch::EndsWith("share"));
  const auto nl = with({"--lang", "nl"});
  REQUIRE_THAT(nl.out, Catch::Contains("eenheid"));
  const auto csv = salesfab::output::read_csv(with({"--format", "csv"}).out);
  REQUIRE(csv[0][5] == "unit");
  REQUIRE(csv[1][5] == "per year");
  const auto json = with({"--format", "json"}).out;
  REQUIRE(salesfab::test::is_json(json));
  REQUIRE_THAT(json, Catch::Contains("\"unit\": \"per year\""));
}
