// Replicate until precise enough: the procedure on series whose answer is known, and the
// experiment's use of it — the number reached and every value the same for any thread count,
// each variant of a sweep stopping on its own, a comparison's variants stopping together.

#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/precision.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace salesfab;
using analysis::MetricValue;
using analysis::PrecisionGoal;
using analysis::PrecisionRule;

namespace {

PrecisionGoal goal(double target, int min = 10, int max = 10'000) {
  PrecisionGoal g;
  g.target = target;
  g.min_replications = min;
  g.max_replications = max;
  return g;
}

// Feeds values until the rule stops; returns the count.
int run_until_stop(PrecisionRule &rule, const std::vector<std::vector<MetricValue>> &values) {
  for (const auto &v : values)
    if (rule.add(v))
      break;
  return rule.count();
}

} // namespace

TEST_CASE("the procedure waits for the minimum, then looks ahead before it stops",
          "[experiment][precision]") {
  // A constant series is precise at once (half-width 0): the minimum plus the look-ahead.
  PrecisionRule rule(goal(0.01), {"x"});
  std::vector<std::vector<MetricValue>> values(100, {5.0});
  REQUIRE(run_until_stop(rule, values) == 10 + analysis::look_ahead(10));
  REQUIRE(rule.stopped());
  const auto report = rule.report();
  REQUIRE(report.stopped_by_target);
  REQUIRE(report.replications == 15);
  REQUIRE(report.watched.at(0).met(0.01));
  REQUIRE(analysis::look_ahead(10) == 5);
  REQUIRE(analysis::look_ahead(400) == 20); // 5 % of n when n is large
}

TEST_CASE("a candidate is dropped when precision is lost in the look-ahead",
          "[experiment][precision]") {
  // Precise from the minimum on, then one wild value inside the look-ahead: the streak starts
  // again after it, so the run goes on past the first candidate's end.
  std::vector<std::vector<MetricValue>> values;
  for (int i = 0; i < 12; ++i)
    values.push_back({100.0 + (i % 2)});
  values.push_back({1000.0});
  for (int i = 0; i < 5000; ++i)
    values.push_back({100.0 + (i % 2)});
  PrecisionRule rule(goal(0.05), {"x"});
  const int n = run_until_stop(rule, values);
  REQUIRE(n > 15);
  REQUIRE(rule.report().stopped_by_target);
  // The stop is always a candidate plus its look-ahead, every step of which met the target.
  PrecisionRule again(goal(0.05), {"x"});
  std::vector<std::vector<MetricValue>> first(values.begin(), values.begin() + n);
  REQUIRE(run_until_stop(again, first) == n);
}

TEST_CASE("a series with mean 0 or no value is reported, not waited for",
          "[experiment][precision]") {
  std::mt19937_64 urng(3);
  std::normal_distribution<double> noise(50, 5);
  std::vector<std::vector<MetricValue>> values;
  for (int i = 0; i < 1000; ++i)
    values.push_back({noise(urng), 0.0, std::nullopt});
  PrecisionRule rule(goal(0.02), {"noisy", "zero", "none"});
  const int n = run_until_stop(rule, values);
  // Half-width 1.96 x 5 / sqrt(n) <= 0.02 x 50 needs about 96 replications.
  REQUIRE(n > 60);
  REQUIRE(n < 200);
  const auto report = rule.report();
  REQUIRE(report.stopped_by_target);
  REQUIRE(report.watched[0].judged);
  REQUIRE_FALSE(report.watched[1].judged);
  REQUIRE_FALSE(report.watched[2].judged);
  REQUIRE_FALSE(report.watched[1].met(0.02));
}

TEST_CASE("the maximum stops a procedure that cannot reach its target", "[experiment][precision]") {
  std::mt19937_64 urng(5);
  std::normal_distribution<double> noise(1, 10); // mean near 0: never precise relative to it
  std::vector<std::vector<MetricValue>> values;
  for (int i = 0; i < 500; ++i)
    values.push_back({noise(urng)});
  PrecisionRule rule(goal(0.01, 10, 200), {"x"});
  REQUIRE(run_until_stop(rule, values) == 200);
  const auto report = rule.report();
  REQUIRE_FALSE(report.stopped_by_target);
  REQUIRE(report.watched[0].judged);
  REQUIRE_FALSE(report.watched[0].met(0.01));
  REQUIRE_THROWS_AS(rule.add(values[0]), std::logic_error);
}

TEST_CASE("a goal out of range is refused", "[experiment][precision]") {
  REQUIRE_THROWS_AS(PrecisionRule(goal(0), {"x"}), std::invalid_argument);
  REQUIRE_THROWS_AS(PrecisionRule(goal(1.5), {"x"}), std::invalid_argument);
  REQUIRE_THROWS_AS(PrecisionRule(goal(0.1, 20, 10), {"x"}), std::invalid_argument);
}

namespace {

std::vector<experiment::VariantSpec> sweep_with_precision(double target) {
  const auto file = scenario::load_text(
      std::string(scenario::default_scenario_text()) +
          "sweep:\n  staff.account_manager.headcount: [1, 2]\n",
      "sweep.yaml",
      std::vector{scenario::parse_override("run.precision=" + std::to_string(target)),
                  scenario::parse_override("run.precision_metrics=[revenue_per_year,churn_rate]")});
  std::vector<experiment::VariantSpec> specs;
  for (const auto &v : file.variants)
    specs.push_back({v.parameters.name, v.name, v.parameters});
  return specs;
}

std::string all_rows(const std::vector<analysis::VariantResult> &results) {
  std::vector<const analysis::VariantResult *> v;
  for (const auto &r : results)
    v.push_back(&r);
  return output::to_csv(output::summary_records(v)) +
         output::to_csv(output::replication_records(v)) +
         output::to_csv(output::timeseries_records(v));
}

} // namespace

TEST_CASE("a precision-driven run reaches the same number and values for any thread count",
          "[experiment][precision]") {
  const auto specs = sweep_with_precision(0.04);
  std::string first;
  for (const int threads : {1, 2, 3}) {
    experiment::Options options;
    options.threads = threads;
    const auto results = experiment::run(specs, options);
    const std::string rows = all_rows(results);
    INFO(threads << " threads");
    if (first.empty())
      first = rows;
    REQUIRE(rows == first);
  }
}

TEST_CASE("each variant of a sweep stops on its own, and paired variants stop together",
          "[experiment][precision]") {
  const auto specs = sweep_with_precision(0.04);
  const auto apart = experiment::run(specs, {});
  for (const auto &v : apart) {
    REQUIRE(v.precision);
    REQUIRE(v.precision->stopped_by_target);
    REQUIRE(static_cast<int>(v.replications.size()) == v.precision->replications);
    REQUIRE(v.parameters.run.replications == v.precision->replications);
    for (const auto metric : {analysis::names::revenue_per_year, analysis::names::churn_rate})
      REQUIRE(*analysis::relative_half_width(*v.summary(metric)) <= 0.04);
  }
  // Common random numbers: replication r of both variants drew the same seed.
  for (std::size_t r = 0; r < std::min(apart[0].replications.size(), apart[1].replications.size());
       ++r)
    REQUIRE(apart[0].replications[r].seed == apart[1].replications[r].seed);

  experiment::Options paired;
  paired.paired = true;
  const auto together = experiment::run(specs, paired);
  REQUIRE(together[0].replications.size() == together[1].replications.size());
  REQUIRE(together[1].precision->watched.size() == 2); // the differences of the alternative
  REQUIRE(together[1].precision->watched[0].name ==
          "revenue_per_year (" + together[1].variant + " - " + together[0].variant + ")");
}
