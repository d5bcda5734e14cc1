// The class scenarios (scenarios/les/) must keep showing their point: each lesson's effects go
// the way its text says, with paired 95 % confidence intervals that exclude 0.

#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

using namespace salesfab;

namespace {

std::vector<analysis::VariantResult> run_files(const std::vector<std::string> &paths) {
  std::vector<experiment::VariantSpec> specs;
  for (const auto &path : paths)
    for (const auto &v : scenario::load_file(path).variants)
      specs.push_back({v.parameters.name, v.name, v.parameters});
  return experiment::run(specs, {});
}

// The paired difference second - first of a metric.
analysis::Summary change(const std::vector<analysis::VariantResult> &r, const char *metric) {
  const auto m = static_cast<std::size_t>(r[0].index(metric));
  return analysis::summarize_difference(r[0].values(m), r[1].values(m), 0.95);
}

bool rises(const std::vector<analysis::VariantResult> &r, const char *metric) {
  INFO(metric << " should rise");
  return *change(r, metric).ci_low > 0;
}
bool falls(const std::vector<analysis::VariantResult> &r, const char *metric) {
  INFO(metric << " should fall");
  return *change(r, metric).ci_high < 0;
}

} // namespace

TEST_CASE("lesson 1: a suspect's way to a customer narrows at every step", "[lessons]") {
  const auto r = run_files({"scenarios/les/01-basis.yaml"});
  auto mean = [&](const char *metric) {
    return *r[0].summaries[static_cast<std::size_t>(r[0].index(metric))].mean;
  };
  REQUIRE(mean("suspects_per_year") > mean("qualified_per_year"));
  REQUIRE(mean("qualified_per_year") > mean("opportunities_new_per_year"));
  REQUIRE(mean("opportunities_new_per_year") > mean("won_new_per_year"));
  REQUIRE(mean("won_new_per_year") > 0);
}

TEST_CASE("lesson 2: loose qualification gives quantity and costs quality", "[lessons]") {
  const auto r = run_files({"scenarios/les/02-kwalificeren.yaml"}); // strict, then loose
  REQUIRE(rises(r, "opportunities_new_per_year"));
  REQUIRE(rises(r, "revenue_per_year"));
  REQUIRE(rises(r, "utilisation_account_executive"));
  REQUIRE(rises(r, "wait_account_executive_days_mean"));
  // Deals that wait go stale (conversion_halflife_days): they are lost before patience runs out.
  REQUIRE(rises(r, "opportunities_lost_to_waiting_per_year"));
  REQUIRE(falls(r, "win_rate_new"));
}

TEST_CASE("lesson 3: without account managers churn rises and customers are lost", "[lessons]") {
  const auto r = run_files({"scenarios/les/03-brickwalling.yaml"}); // 2 AMs, then none
  REQUIRE(falls(r, "brickwall_coverage"));
  REQUIRE(rises(r, "churn_rate"));
  REQUIRE(falls(r, "customers_end"));
  REQUIRE(falls(r, "retention_share"));
}

TEST_CASE("lesson 4: too few account executives make the bottleneck", "[lessons]") {
  const auto r = run_files({"scenarios/les/04-knelpunt.yaml"}); // 3 AEs, then 1
  REQUIRE(rises(r, "utilisation_account_executive"));
  REQUIRE(rises(r, "wait_account_executive_days_mean"));
  // Deals that wait go stale (conversion_halflife_days): they are lost before patience runs out.
  REQUIRE(rises(r, "opportunities_lost_to_waiting_per_year"));
  REQUIRE(falls(r, "won_per_year"));
  REQUIRE(falls(r, "revenue_per_year"));
}

TEST_CASE("lesson 5: acquisition earns more now, retention has the better direction", "[lessons]") {
  const auto r = run_files({"scenarios/les/05-acquisitie.yaml", "scenarios/les/06-behoud.yaml"});
  REQUIRE(falls(r, "revenue_per_year"));
  REQUIRE(falls(r, "new_customers_per_year"));
  REQUIRE(falls(r, "churn_rate"));
  REQUIRE(rises(r, "customers_end"));
  REQUIRE(rises(r, "customer_growth_per_year"));
  REQUIRE(rises(r, "retention_share"));
}

TEST_CASE("lesson 7: when the market shrinks, opportunities fall before revenue does",
          "[lessons]") {
  const auto r = run_files({"scenarios/les/07-markt-verandert.yaml"}); // factor 1, then 0.6
  REQUIRE(falls(r, "suspects_per_year"));
  REQUIRE(falls(r, "opportunities_new_per_year"));
  REQUIRE(falls(r, "new_customers_per_year"));
  REQUIRE(falls(r, "revenue_per_year"));
  // The first to turn is the flow in: new opportunities fall by a larger share than revenue,
  // which customers' repeat business carries for a while.
  auto share = [&](const char *metric) {
    const auto m = static_cast<std::size_t>(r[0].index(metric));
    return *change(r, metric).mean / *r[0].summaries[m].mean;
  };
  REQUIRE(share("opportunities_new_per_year") < share("revenue_per_year"));
}

TEST_CASE("every lesson runs in well under a second", "[lessons]") {
  for (const char *file : {"scenarios/les/01-basis.yaml", "scenarios/les/02-kwalificeren.yaml",
                           "scenarios/les/03-brickwalling.yaml", "scenarios/les/04-knelpunt.yaml",
                           "scenarios/les/05-acquisitie.yaml", "scenarios/les/06-behoud.yaml"}) {
    experiment::RunStats stats;
    std::vector<experiment::VariantSpec> specs;
    for (const auto &v : scenario::load_file(file).variants)
      specs.push_back({v.parameters.name, v.name, v.parameters});
    experiment::run(specs, {}, &stats);
    INFO(file << ": " << stats.events << " events");
    // Measured by work, not time (no test depends on the machine's speed): at the engine's
    // rate of more than 5 million events a second, this is far below a second.
    REQUIRE(stats.events < 2'000'000);
  }
}
