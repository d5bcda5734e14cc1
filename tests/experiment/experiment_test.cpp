#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/result_folder.hpp"
#include "experiment/distributor.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace salesfab;

namespace {

std::vector<experiment::VariantSpec> sweep(int replications) {
  const auto file = scenario::load_text(
      std::string(scenario::default_scenario_text()) +
          "sweep:\n  staff.account_manager.headcount: [1, 2]\n",
      "sweep.yaml",
      std::vector{scenario::parse_override("run.replications=" + std::to_string(replications))});
  std::vector<experiment::VariantSpec> specs;
  for (const auto &v : file.variants)
    specs.push_back({v.parameters.name, v.name, v.parameters});
  return specs;
}

// Every row of the three result files.
std::string all_rows(const std::vector<analysis::VariantResult> &results) {
  std::vector<const analysis::VariantResult *> v;
  for (const auto &r : results)
    v.push_back(&r);
  return output::to_csv(output::summary_records(v)) +
         output::to_csv(output::replication_records(v)) +
         output::to_csv(output::timeseries_records(v));
}

} // namespace

TEST_CASE("results are the same, bit for bit, for any number of threads", "[experiment]") {
  const auto specs = sweep(8);
  std::string first;
  for (const int threads : {1, 2, 3, 4}) {
    experiment::Options options;
    options.threads = threads;
    const std::string rows = all_rows(experiment::run(specs, options));
    if (first.empty())
      first = rows;
    INFO(threads << " threads");
    REQUIRE(rows == first);
  }
}

TEST_CASE("variants that differ only in staff have exactly the same arrivals",
          "[experiment][crn]") {
  // No win-back: suspects are then first contacts only, untouched by churn.
  auto specs = sweep(10);
  for (auto &s : specs)
    s.parameters.customers.winback_after_days.reset();
  const auto results = experiment::run(specs, {});
  const int m = results[0].index("suspects_per_year");
  const auto base = results[0].values(static_cast<std::size_t>(m));
  const auto alt = results[1].values(static_cast<std::size_t>(m));
  const auto d = analysis::summarize_difference(base, alt, 0.95);
  REQUIRE(d.n == 10);
  REQUIRE(*d.mean == 0);
  REQUIRE(*d.sd == 0);
  // ... while what the change is about does differ.
  const int churn = results[0].index("churn_rate");
  REQUIRE(analysis::summarize_difference(results[0].values(static_cast<std::size_t>(churn)),
                                         results[1].values(static_cast<std::size_t>(churn)), 0.95)
              .excludes_zero());
}

TEST_CASE("with win-back, first contacts (suspects minus won back) stay the same",
          "[experiment][crn]") {
  const auto results = experiment::run(sweep(6), {});
  auto first_contacts = [&](const analysis::VariantResult &v) {
    const auto s = v.values(static_cast<std::size_t>(v.index("suspects_per_year")));
    const auto w = v.values(static_cast<std::size_t>(v.index("won_back_per_year")));
    std::vector<double> out;
    for (std::size_t i = 0; i < s.size(); ++i)
      out.push_back(*s[i] - *w[i]);
    return out;
  };
  const auto a = first_contacts(results[0]);
  const auto b = first_contacts(results[1]);
  for (std::size_t i = 0; i < a.size(); ++i)
    REQUIRE(a[i] == Approx(b[i]).epsilon(1e-12));
}

TEST_CASE("each variant is reported once, when all its replications are done", "[experiment]") {
  const auto specs = sweep(5);
  std::vector<std::size_t> done;
  experiment::Options options;
  options.threads = 2;
  options.variant_done = [&](std::size_t v, const analysis::VariantResult &r) {
    REQUIRE(r.complete());
    done.push_back(v);
  };
  std::size_t last_progress = 0;
  options.progress = [&](const experiment::Progress &p) {
    REQUIRE(p.total == 10);
    last_progress = p.done;
  };
  experiment::run(specs, options);
  std::sort(done.begin(), done.end());
  REQUIRE(done == std::vector<std::size_t>{0, 1});
  REQUIRE(last_progress == 10);
}

TEST_CASE("a stop request leaves the rest of the replications not done", "[experiment]") {
  std::atomic<bool> stop{true};
  experiment::Options options;
  options.stop = &stop;
  const auto results = experiment::run(sweep(4), options);
  for (const auto &v : results)
    REQUIRE_FALSE(v.complete());
}

TEST_CASE("every experiment runs under the guards unless told otherwise", "[experiment]") {
  const experiment::Options options;
  REQUIRE(options.limits.max_accounts_alive == 2'000'000);
  REQUIRE(options.limits.max_events == 1'000'000'000);
}

TEST_CASE("a failing replication's error reaches the caller", "[experiment]") {
  experiment::Options options;
  options.limits.max_events = 100;
  REQUIRE_THROWS_AS(experiment::run(sweep(3), options), model::RunawayError);
}

TEST_CASE("a part file gives back the same variant, and only when complete and of its identity",
          "[experiment]") {
  const auto dir = std::filesystem::temp_directory_path() / "salesfab-parts-test";
  std::filesystem::remove_all(dir);
  output::ResultFolder out(dir);
  const auto results = experiment::run(sweep(3), {});
  const auto &v = results[1];
  auto planned = [&] {
    return analysis::VariantResult::planned(v.scenario, v.variant, v.parameters);
  };
  const std::string key = output::ResultFolder::part_key("abc", "v", 1, 2, "0.1.0");
  auto back = planned();
  REQUIRE_FALSE(out.resume(key, back));
  out.save_part(key, v);
  REQUIRE(out.resume(key, back));
  // Read back exactly: every replication's values and periods, and so every summary.
  REQUIRE(back.replications.size() == v.replications.size());
  for (std::size_t r = 0; r < v.replications.size(); ++r) {
    REQUIRE(back.replications[r].index == v.replications[r].index);
    REQUIRE(back.replications[r].seed == v.replications[r].seed);
    REQUIRE(back.replications[r].events == v.replications[r].events);
    REQUIRE(back.replications[r].metrics == v.replications[r].metrics);
    REQUIRE(back.replications[r].periods == v.replications[r].periods);
    REQUIRE(back.replications[r].period_start_days == v.replications[r].period_start_days);
  }
  REQUIRE(all_rows({back}) == all_rows({v}));
  auto other = planned();
  REQUIRE_FALSE(out.resume(output::ResultFolder::part_key("abc", "v", 2, 2, "0.1.0"), other));
  // A part cut short (as by kill -9 during a copy) is not trusted.
  const auto part = dir / ".salesfab-parts" / (key + ".part");
  const auto size = std::filesystem::file_size(part);
  std::filesystem::resize_file(part, size - 10);
  auto cut = planned();
  REQUIRE_FALSE(out.resume(key, cut));
  REQUIRE(cut.replications.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("an atomic write replaces the whole file or leaves the old one", "[experiment]") {
  const auto dir = std::filesystem::temp_directory_path() / "salesfab-atomic-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  output::write_atomically(dir / "f.csv", "old\n");
  output::write_atomically(dir / "f.csv", "new\n");
  std::ifstream in(dir / "f.csv");
  std::string content((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(content == "new\n");
  REQUIRE_THROWS_AS(output::write_atomically(dir / "missing" / "f.csv", "x"), output::OutputError);
  int files = 0;
  for ([[maybe_unused]] const auto &e : std::filesystem::directory_iterator(dir))
    ++files;
  REQUIRE(files == 1); // no temporary file left behind
  std::filesystem::remove_all(dir);
}

TEST_CASE("several files are written all or none", "[experiment]") {
  const auto dir = std::filesystem::temp_directory_path() / "salesfab-all-or-none";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // The second file cannot be written (its folder is missing): the first must not appear.
  REQUIRE_THROWS_AS(
      output::write_all_atomically({{dir / "a.csv", "a\n"}, {dir / "missing" / "b.csv", "b\n"}}),
      output::OutputError);
  REQUIRE(std::filesystem::is_empty(dir));
  output::write_all_atomically({{dir / "a.csv", "a\n"}, {dir / "b.csv", "b\n"}});
  REQUIRE(std::filesystem::exists(dir / "a.csv"));
  REQUIRE(std::filesystem::exists(dir / "b.csv"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("shards are equal contiguous parts of the work, variant by variant", "[experiment]") {
  const std::vector<std::size_t> replications{5, 0, 7, 3}; // 15 in all
  for (std::size_t n : {1u, 2u, 3u, 4u, 15u, 20u}) {
    std::size_t next = 0; // the work index the next shard must start at
    std::vector<std::size_t> covered(replications.size(), 0);
    for (std::size_t k = 0; k < n; ++k) {
      const auto slices = experiment::shard_slices(replications, k, n);
      REQUIRE(slices.size() == replications.size());
      std::size_t size = 0, at = 0;
      for (std::size_t v = 0; v < slices.size(); ++v) {
        if (slices[v].from < slices[v].to) {
          REQUIRE(at + slices[v].from == next); // contiguous with the shard before
          REQUIRE(slices[v].from == covered[v]);
          next = at + slices[v].to;
          covered[v] = slices[v].to;
        }
        size += slices[v].to - slices[v].from;
        at += replications[v];
      }
      REQUIRE(size >= 15 / n); // equal parts: sizes differ by at most one
      REQUIRE(size <= (15 + n - 1) / n);
    }
    REQUIRE(next == 15);
    REQUIRE(covered == replications);
  }
  REQUIRE_THROWS(experiment::shard_slices(replications, 3, 3));
}

namespace {
// A distributor that runs every other block "elsewhere": on a thread of its own, delivering the
// values as a remote process would.
class ElsewhereDistributor : public experiment::Distributor {
public:
  void run(std::span<const experiment::Job> jobs, int threads, const Sink &sink) override {
    (void)threads;
    std::thread elsewhere([&] {
      for (std::size_t j = 0; j < jobs.size(); j += 2) {
        const auto &spec = specs[jobs[j].variant];
        sink.deliver(j, experiment::replicate(spec, jobs[j].replication, {}));
      }
    });
    for (std::size_t j = 1; j < jobs.size(); j += 2)
      sink.compute(j);
    elsewhere.join();
  }
  std::vector<experiment::VariantSpec> specs;
};
} // namespace

TEST_CASE("replications run through a distributor give the same results", "[experiment]") {
  const auto specs = sweep(5);
  experiment::Options options;
  options.threads = 1;
  const std::string here = all_rows(experiment::run(specs, options));
  ElsewhereDistributor elsewhere;
  elsewhere.specs = specs;
  options.distributor = &elsewhere;
  REQUIRE(all_rows(experiment::run(specs, options)) == here);
  // A shard's slices: only those replications, the same values.
  options.slices = {{2, 5}, {0, 1}};
  const auto part = experiment::run(specs, options);
  REQUIRE(part[0].replications.size() == 3);
  REQUIRE(part[0].replications.front().index == 2);
  REQUIRE(part[1].replications.size() == 1);
}
