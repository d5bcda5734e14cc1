// Every class of bad input or broken environment: a clear message, exit status 2 (input) or 1
// (environment), no stack trace, and no partial result file.

#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using salesfab::test::run_salesfab;
namespace fs = std::filesystem;

namespace {

// No crash, no abort, no stack trace: salesfab said what was wrong in one line or a few.
void no_trace(const salesfab::test::ProgramResult &r) {
  REQUIRE(r.exit_status < 128);
  REQUIRE(r.err.find("terminate called") == std::string::npos);
  REQUIRE(r.err.find("Aborted") == std::string::npos);
  REQUIRE(r.err.find("internal error") == std::string::npos);
}

bool no_result_files(const std::string &dir) {
  for (const char *f : {"summary.csv", "replications.csv", "timeseries.csv", "run.json"})
    if (fs::exists(dir + "/" + f))
      return false;
  return true;
}

} // namespace

TEST_CASE("a missing scenario file is invalid input", "[cli][errors]") {
  const auto r = run_salesfab({"run", "no/such/file.yaml", "--quiet"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains("no/such/file.yaml: cannot read the file: no such file"));
  REQUIRE(r.out.empty());
  no_trace(r);
}

TEST_CASE("a folder given as a scenario file is invalid input", "[cli][errors]") {
  const auto r = run_salesfab({"validate", "scenarios"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.out, Catch::Contains("scenarios: is a directory (expected a scenario file)"));
  no_trace(r);
}

TEST_CASE("a scenario file that cannot be read is invalid input", "[cli][errors]") {
  // Reading /proc/self/mem from its start fails for everyone, root included.
  const auto r = run_salesfab({"validate", "/proc/self/mem"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.out, Catch::Contains("/proc/self/mem: cannot read the file: Input/output error"));
  no_trace(r);
  if (geteuid() != 0) { // root reads files whatever their permissions say
    const std::string path = salesfab::test::make_temp_dir() + "/secret.yaml";
    std::ofstream(path) << "name: x\n";
    chmod(path.c_str(), 0);
    const auto denied = run_salesfab({"validate", path});
    REQUIRE(denied.exit_status == 2);
    REQUIRE_THAT(denied.out, Catch::Contains("cannot read the file: Permission denied"));
  }
}

TEST_CASE("an output folder that cannot be made is an environment error", "[cli][errors]") {
  for (const char *out : {"/proc/salesfab-results", "scenarios/basis.yaml"}) {
    INFO(out);
    const auto r = run_salesfab({"run", "scenarios/minimal.yaml", "--out", out, "--quiet"});
    REQUIRE(r.exit_status == 1);
    REQUIRE_THAT(r.err,
                 Catch::Contains(std::string("cannot use ") + out + " as the output folder"));
    REQUIRE(r.out.empty()); // refused before any work
    no_trace(r);
  }
}

TEST_CASE("a disk that fills up is an environment error and leaves no partial file",
          "[cli][errors]") {
  // A file-size limit makes every write past 8 KB fail, as a full disk does; the shell
  // ignores SIGXFSZ so the failure reaches salesfab as an error.
  const std::string dir = salesfab::test::make_temp_dir() + "/full";
  const std::string program = std::getenv("SALESFAB");
  const std::string command = "ulimit -f 16; trap '' XFSZ; exec '" + program +
                              "' run scenarios/minimal.yaml --replications 3 --quiet --out '" +
                              dir + "' >/dev/null 2>'" + dir + ".err'";
  const int status = std::system(command.c_str());
  REQUIRE(WEXITSTATUS(status) == 1);
  const std::string err = salesfab::test::read_file(dir + ".err");
  REQUIRE_THAT(err, Catch::Contains("cannot write "));
  REQUIRE_THAT(err, Catch::Contains("writing failed: File too large"));
  REQUIRE(no_result_files(dir));
  for (const auto &e : fs::recursive_directory_iterator(dir)) // no temporary file left
    REQUIRE(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a real full disk, where this machine lets the test mount one", "[cli][errors]") {
  const std::string dir = salesfab::test::make_temp_dir() + "/tiny";
  fs::create_directories(dir);
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=48k") != 0) {
    WARN("cannot mount a small tmpfs here (needs root); the file-size test above covers it");
    return;
  }
  const auto r = run_salesfab(
      {"run", "scenarios/minimal.yaml", "--replications", "3", "--quiet", "--out", dir + "/out"});
  const bool clean = no_result_files(dir + "/out");
  umount(dir.c_str());
  REQUIRE(r.exit_status == 1);
  REQUIRE_THAT(r.err, Catch::Contains("No space left on device"));
  REQUIRE(clean);
  no_trace(r);
}

TEST_CASE("bad option values are invalid input with a clear message", "[cli][errors]") {
  struct Case {
    std::vector<std::string> args;
    const char *message;
  };
  const Case cases[] = {
      {{"run", "--threads", "0"}, "--threads 0: expected a whole number >= 1"},
      {{"run", "--replications", "-1"},
       "--replications -1: expected a whole number from 1 to 100000"},
      {{"run", "--replications", "abc"},
       "the argument ('abc') for option '--replications' is invalid"},
      {{"run", "--set", "staff.qualifier.headcount"}, "expected KEY=VALUE"},
      {{"run", "--max-events", "0"}, "--max-events 0: expected a whole number >= 1"},
      {{"run", "--format", "xml"}, "--format xml: expected table, csv or json"},
      {{"run", "--lang", "fr"}, "--lang fr: expected en or nl"},
      {{"run", "--resume"}, "--resume needs --out DIR"},
      {{"run", "--frobnicate"}, "unrecognised option '--frobnicate'"},
      {{"run", "--replications", "100001"},
       "--replications 100001: expected a whole number from 1 to 100000"},
      {{"run", "--seed", "-1"}, "--seed -1: expected a whole number from 0 to"},
      {{"trace", "scenarios/minimal.yaml", "--account", "-1"},
       "--account -1: expected a whole number from 0 to"},
      {{"trace", "scenarios/minimal.yaml", "--accounts", "-3"},
       "--accounts -3: expected a whole number from 0 to"},
      {{"trace", "scenarios/minimal.yaml", "--replication", "x"},
       "--replication x: expected a whole number from 0 to"},
  };
  for (const Case &c : cases) {
    INFO(c.args[1] << " " << (c.args.size() > 2 ? c.args[2] : ""));
    const auto r = run_salesfab(c.args);
    REQUIRE(r.exit_status == 2);
    REQUIRE_THAT(r.err, Catch::Contains(c.message));
    REQUIRE(r.out.empty());
    no_trace(r);
  }
}

TEST_CASE("a runaway replication stops at --max-events with a clear error", "[cli][errors]") {
  const std::string dir = salesfab::test::make_temp_dir() + "/runaway";
  const auto r = run_salesfab({"run", "--max-events", "1000", "--quiet", "--out", dir});
  REQUIRE(r.exit_status == 1);
  REQUIRE_THAT(r.err, Catch::Contains("basis, replication "));
  REQUIRE_THAT(r.err, Catch::Contains("passed 1000 events before the horizon (see --max-events)"));
  REQUIRE(no_result_files(dir));
  no_trace(r);
}

TEST_CASE("analyze stops at the accounts guard as run does", "[cli][errors]") {
  // analyze used to run without it; every command now shares one launch path, and the guard is
  // the experiment layer's default (tests/experiment).
  std::string message;
  for (const char *command : {"run", "analyze"}) {
    INFO(command);
    const auto r = run_salesfab({command, "tests/cli/data/flood.yaml", "--quiet"});
    REQUIRE(r.exit_status == 1);
    REQUIRE_THAT(r.err, Catch::Contains("flood, replication 0: the replication held more than "
                                        "2000000 accounts at once"));
    if (message.empty())
      message = r.err;
    REQUIRE(r.err == message);
    no_trace(r);
  }
}

TEST_CASE("two scenarios of one name in a batch: the second is refused", "[cli][errors]") {
  const std::string dir = salesfab::test::make_temp_dir();
  std::string text = salesfab::test::read_file("scenarios/minimal.yaml");
  std::ofstream(dir + "/copy.yaml") << text;
  const auto r = run_salesfab({"run", "scenarios/minimal.yaml", dir + "/copy.yaml",
                               "--replications", "2", "--quiet", "--format", "csv"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains(dir + "/copy.yaml: name: 'minimal' is also the name of "
                                            "scenarios/minimal.yaml"));
  REQUIRE_THAT(r.err, Catch::Contains(dir + "/copy.yaml: skipped (invalid)"));
  REQUIRE_THAT(r.out, Catch::Contains("minimal,minimal,suspects_per_year"));
}

TEST_CASE("compare refuses different numbers of replications, and says when seeds differ",
          "[cli][errors]") {
  const std::string dir = salesfab::test::make_temp_dir();
  std::string text = salesfab::test::read_file("scenarios/minimal.yaml");
  text.replace(text.find("name: minimal"), 13, "name: other");
  std::ofstream(dir + "/other.yaml") << text + "run: {replications: 3, seed: 9}\n";
  const auto differ = run_salesfab({"compare", "scenarios/minimal.yaml", dir + "/other.yaml"});
  REQUIRE(differ.exit_status == 2);
  REQUIRE_THAT(differ.err, Catch::Contains("other has 3 replications, the base"));
  REQUIRE_THAT(differ.err, Catch::Contains("a paired comparison needs the same number"));
  REQUIRE(differ.out.empty());
  const auto seeds = run_salesfab(
      {"compare", "scenarios/minimal.yaml", dir + "/other.yaml", "--replications", "3", "--quiet"});
  REQUIRE(seeds.exit_status == 0);
  REQUIRE_THAT(seeds.err, Catch::Contains("the differences include luck"));
  REQUIRE_THAT(seeds.out, Catch::Contains("with different seeds: the differences include luck"));
}

TEST_CASE("a batch of only invalid files runs nothing and writes nothing", "[cli][errors]") {
  const std::string dir = salesfab::test::make_temp_dir() + "/out";
  const auto r = run_salesfab({"run", "tests/cli/data/invalid.yaml", "--out", dir});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains("tests/cli/data/invalid.yaml: skipped (invalid)"));
  REQUIRE_THAT(r.err, !Catch::Contains("events_simulated"));
  REQUIRE(r.out.empty());
  REQUIRE_FALSE(std::filesystem::exists(dir + "/summary.csv"));
}

TEST_CASE("a precision out of range or on an unknown metric is refused before anything runs",
          "[cli][errors][precision]") {
  struct Case {
    std::vector<std::string> args;
    const char *message;
  };
  const Case cases[] = {
      {{"--precision", "0"}, "--precision 0: expected a relative half-width above 0"},
      {{"--precision", "-0.1"}, "--precision -0.1: expected a relative half-width above 0"},
      {{"--precision", "1.5"}, "--precision 1.5: expected a relative half-width above 0"},
      {{"--precision", "x"}, "--precision x: expected a relative half-width"},
      {{"--precision", "0.1", "--precision-metrics", "revenue_per_yeer"},
       "'revenue_per_yeer' is not a metric of basis (did you mean 'revenue_per_year'?)"},
      {{"--precision", "0.1", "--replications", "5"}, "--precision and --replications: give one"},
      {{"--precision", "0.1", "--min-replications", "1"}, "--min-replications 1: expected"},
      {{"--precision", "0.1", "--min-replications", "50", "--max-replications", "20"},
       "--max-replications 20 is below --min-replications 50"},
  };
  for (const Case &c : cases) {
    std::vector<std::string> args{"run"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_salesfab(args);
    INFO(r.err);
    REQUIRE(r.exit_status == 2);
    REQUIRE_THAT(r.err, Catch::Contains(c.message));
    REQUIRE(r.out.empty());
    no_trace(r);
  }
}

TEST_CASE("precision keys of the file are checked with their line", "[cli][errors][precision]") {
  const std::string dir = salesfab::test::make_temp_dir();
  std::string text = salesfab::test::read_file("scenarios/minimal.yaml");
  std::ofstream(dir + "/p.yaml") << text
                                 << "run:\n  precision: 0.1\n  precision_metrics: "
                                    "[win_rate, wun_rate]\n";
  const auto r = run_salesfab({"validate", dir + "/p.yaml"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.out, Catch::Matches(".*p.yaml:[0-9]+:[0-9]+: run.precision_metrics\\[1\\]: "
                                     "'wun_rate' is not a metric of minimal \\(did you mean "
                                     "'win_rate'\\?\\)\\s*"));
  const auto run = run_salesfab({"run", dir + "/p.yaml", "--quiet"});
  REQUIRE(run.exit_status == 2);
  std::ofstream(dir + "/q.yaml") << text << "run: {precision: 0, max_replications: 1}\n";
  const auto q = run_salesfab({"validate", dir + "/q.yaml"});
  REQUIRE(q.exit_status == 2);
  REQUIRE_THAT(q.out, Catch::Contains("run.precision: 0 is not a relative half-width"));
  REQUIRE_THAT(q.out, Catch::Contains("run.max_replications: 1 is not a number of replications"));
}
