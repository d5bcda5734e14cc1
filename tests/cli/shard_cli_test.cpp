// End to end: a run cut into shards (--shard K/N, or the shard read from a Slurm job array's or
// a Kubernetes indexed Job's variables) and joined again by salesfab merge gives the files one
// machine writes, byte for byte; shards that do not belong together are refused.

#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salesfab;
using test::read_file;
using test::run_salesfab;
using test::run_salesfab_env;
namespace fs = std::filesystem;

namespace {

const std::string sweep_file = "tests/cli/data/staffing-sweep.yaml";

// Runs `command` of the sweep (4 variants x 5 replications) into `dir`, as shard `shard` ("" for
// one machine).
void run_into(const std::string &command, const std::string &dir, const std::string &shard,
              const std::string &seed = "7") {
  std::vector<std::string> args{command, sweep_file, "--replications", "5", "--seed", seed,
                                "--out", dir,        "--quiet"};
  if (!shard.empty())
    args.insert(args.end(), {"--shard", shard});
  const auto r = run_salesfab(args);
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
}

} // namespace

TEST_CASE("three shards merged are byte for byte what one machine writes", "[cli][shard]") {
  for (const std::string command : {"run", "compare"}) {
    const std::string base = test::make_temp_dir();
    run_into(command, base + "/one", "");
    std::vector<std::string> merge{"merge"};
    for (const char *k : {"3", "1", "2"}) { // any order
      run_into(command, base + "/shard" + k, std::string(k) + "/3");
      REQUIRE(fs::exists(base + "/shard" + k + "/shard.json"));
      REQUIRE_FALSE(fs::exists(base + "/shard" + k + "/summary.csv"));
      merge.push_back(base + "/shard" + k);
    }
    merge.insert(merge.end(), {"--out", base + "/merged"});
    const auto m = run_salesfab(merge);
    INFO(m.err);
    REQUIRE(m.exit_status == 0);
    std::vector<std::string> files{"summary.csv", "replications.csv", "timeseries.csv"};
    if (command == "compare")
      files.push_back("comparison.csv");
    for (const std::string &f : files) {
      INFO(command << " " << f);
      REQUIRE(read_file(base + "/merged/" + f) == read_file(base + "/one/" + f));
    }
    const std::string run_json = read_file(base + "/merged/run.json");
    REQUIRE_THAT(run_json, Catch::Contains("\"shard\": \"2/3\""));
    REQUIRE_THAT(run_json, Catch::Contains("\"" + base + "/merged\"")); // the --out it stands for
    REQUIRE_FALSE(fs::exists(base + "/merged/.salesfab-parts"));
  }
}

TEST_CASE("merge refuses a missing, doubled or foreign shard with exit status 2", "[cli][shard]") {
  const std::string base = test::make_temp_dir();
  for (const char *k : {"1", "2", "3"})
    run_into("run", base + "/s" + k, std::string(k) + "/3");
  run_into("run", base + "/other", "2/3", "8"); // another seed
  run_into("run", base + "/four", "2/4");
  const std::string out = base + "/merged";

  const auto missing = run_salesfab({"merge", base + "/s1", base + "/s3", "--out", out});
  REQUIRE(missing.exit_status == 2);
  REQUIRE_THAT(missing.err, Catch::Contains("shards missing: 2/3"));

  const auto doubled =
      run_salesfab({"merge", base + "/s1", base + "/s2", base + "/s2", base + "/s3", "--out", out});
  REQUIRE(doubled.exit_status == 2);
  REQUIRE_THAT(doubled.err, Catch::Contains("shard 2/3 is given twice"));

  const auto foreign =
      run_salesfab({"merge", base + "/s1", base + "/other", base + "/s3", "--out", out});
  REQUIRE(foreign.exit_status == 2);
  REQUIRE_THAT(foreign.err, Catch::Contains(base + "/other is not a shard of the same run"));
  REQUIRE_THAT(foreign.err, Catch::Contains("has seed 8, the other 7"));

  const auto count =
      run_salesfab({"merge", base + "/s1", base + "/four", base + "/s3", "--out", out});
  REQUIRE(count.exit_status == 2);
  REQUIRE_THAT(count.err, Catch::Contains("one of 4 shards, the other of 3"));

  const auto unfinished = run_salesfab({"merge", base + "/s1", base, "--out", out});
  REQUIRE(unfinished.exit_status == 2);
  REQUIRE_THAT(unfinished.err, Catch::Contains("not a finished shard"));

  fs::remove_all(base + "/s2/.salesfab-parts");
  const auto lost = run_salesfab({"merge", base + "/s1", base + "/s2", base + "/s3", "--out", out});
  REQUIRE(lost.exit_status == 2);
  REQUIRE_THAT(lost.err, Catch::Contains("is missing or incomplete"));
  REQUIRE_FALSE(fs::exists(out + "/summary.csv")); // nothing written by a refused merge
}

TEST_CASE("the shard is read from Slurm array and Kubernetes indexed Job variables",
          "[cli][shard]") {
  const std::string base = test::make_temp_dir();
  const std::vector<std::string> args{"run",   sweep_file,  "--replications", "2",
                                      "--out", base + "/s", "--quiet"};
  // An array --array=4-8:2 has tasks 4, 6, 8: task 6 is the second of three.
  const auto slurm = run_salesfab_env({"SLURM_ARRAY_TASK_ID=6", "SLURM_ARRAY_TASK_MIN=4",
                                       "SLURM_ARRAY_TASK_STEP=2", "SLURM_ARRAY_TASK_COUNT=3"},
                                      args);
  INFO(slurm.err);
  REQUIRE(slurm.exit_status == 0);
  REQUIRE_THAT(slurm.err, Catch::Contains("salesfab: shard 2/3 (from SLURM_ARRAY_TASK_ID=6 "
                                          "SLURM_ARRAY_TASK_COUNT=3"));
  REQUIRE_THAT(read_file(base + "/s/shard.json"), Catch::Contains("\"index\": 2"));

  const auto k8s = run_salesfab_env({"JOB_COMPLETION_INDEX=0", "SALESFAB_SHARD_COUNT=4"}, args);
  REQUIRE(k8s.exit_status == 0);
  REQUIRE_THAT(k8s.err, Catch::Contains("salesfab: shard 1/4 (from JOB_COMPLETION_INDEX=0 "
                                        "SALESFAB_SHARD_COUNT=4"));
  REQUIRE_THAT(read_file(base + "/s/shard.json"), Catch::Contains("\"count\": 4"));

  auto given = args;
  given.insert(given.end(), {"--shard", "3/3"});
  const auto option = run_salesfab_env({"JOB_COMPLETION_INDEX=0", "SALESFAB_SHARD_COUNT=4"}, given);
  REQUIRE(option.exit_status == 0);
  REQUIRE_THAT(read_file(base + "/s/shard.json"), Catch::Contains("\"from\": \"--shard\""));

  const auto no_count = run_salesfab_env({"JOB_COMPLETION_INDEX=1"}, args);
  REQUIRE(no_count.exit_status == 2);
  REQUIRE_THAT(no_count.err, Catch::Contains("SALESFAB_SHARD_COUNT is not"));
  const auto beyond = run_salesfab_env({"JOB_COMPLETION_INDEX=4", "SALESFAB_SHARD_COUNT=4"}, args);
  REQUIRE(beyond.exit_status == 2);
  REQUIRE_THAT(beyond.err, Catch::Contains("expected K/N"));
}

TEST_CASE("a shard refuses what it cannot do with exit status 2", "[cli][shard]") {
  const std::string out = test::make_temp_dir() + "/s";
  const auto precision = run_salesfab(
      {"run", sweep_file, "--precision", "0.05", "--shard", "1/2", "--out", out, "--quiet"});
  REQUIRE(precision.exit_status == 2);
  REQUIRE_THAT(precision.err, Catch::Contains("cannot be cut into parts in advance"));
  const auto no_out = run_salesfab({"run", sweep_file, "--shard", "1/2", "--quiet"});
  REQUIRE(no_out.exit_status == 2);
  REQUIRE_THAT(no_out.err, Catch::Contains("a shard needs --out DIR"));
  for (const char *bad : {"0/2", "3/2", "2", "a/b", "1/-2"}) {
    const auto r = run_salesfab({"run", sweep_file, "--shard", bad, "--out", out});
    REQUIRE(r.exit_status == 2);
    REQUIRE_THAT(r.err, Catch::Contains("expected K/N"));
  }
}

TEST_CASE("optimize refuses --shard and says why", "[cli][shard]") {
  const auto r = run_salesfab({"optimize", sweep_file, "--vary", "staff.qualifier.headcount=1..2",
                               "--minimize", "staff_cost_per_year", "--shard", "1/2"});
  REQUIRE(r.exit_status == 2);
  REQUIRE_THAT(r.err, Catch::Contains("optimize cannot be cut into shards"));
}
