// Every metric of metrics.md, computed from a record built by hand: the formulas, the RKK
// dimension of each name, and empty values where a denominator is 0.

#include "analysis/measure/comparison.hpp"
#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/metrics.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace salesfab;
using model::busy_level;
using model::Counter;
using model::employed_level;
using model::Level;
using model::queue_counter;
using model::QueueFlow;
using model::Role;

namespace {

model::Parameters params() {
  return scenario::load_file("scenarios/basis.yaml").variants[0].parameters;
}

void set(model::Record &r, Counter c, double v) { r.counters[static_cast<std::size_t>(c)] = v; }
void integral(model::Record &r, Level l, double v) { r.integrals[static_cast<std::size_t>(l)] = v; }

// A record of a window of exactly two years (days 365 to 1095).
model::Record record() {
  model::Record r;
  r.warmup_days = 365;
  r.horizon_days = 1095;
  set(r, Counter::suspects, 2000);
  set(r, Counter::qualified, 600);
  set(r, Counter::disqualified, 900);
  set(r, Counter::gone_cold, 100);
  set(r, Counter::opportunities_new, 500);
  set(r, Counter::opportunities_existing, 300);
  set(r, Counter::won_new, 100);
  set(r, Counter::won_rebuy, 60);
  set(r, Counter::won_deep_selling, 20);
  set(r, Counter::won_up_selling, 10);
  set(r, Counter::won_cross_selling, 10);
  set(r, Counter::lost_new, 300);
  set(r, Counter::lost_existing, 100);
  set(r, Counter::revenue, 2e6);
  set(r, Counter::revenue_existing, 8e5);
  set(r, Counter::margin, 7e5);
  set(r, Counter::new_customers, 90);
  set(r, Counter::churned, 40);
  set(r, queue_counter(Role::qualifier, QueueFlow::served), 1400);
  set(r, queue_counter(Role::qualifier, QueueFlow::wait_days), 700);
  set(r, queue_counter(Role::account_executive, QueueFlow::served), 1000);
  set(r, queue_counter(Role::account_executive, QueueFlow::wait_days), 250);
  integral(r, Level::customers, 200 * 730.0); // 200 customers on average
  integral(r, busy_level(Role::qualifier), 1.5 * 730);
  integral(r, employed_level(Role::qualifier), 2 * 730);
  integral(r, busy_level(Role::account_executive), 3 * 730);
  integral(r, employed_level(Role::account_executive), 4 * 730);
  integral(r, employed_level(Role::account_manager), 1 * 730);
  integral(r, Level::manager_hours_per_day, 5 * 730);
  integral(r, Level::brickwall_coverage, 0.8 * 730);
  r.levels_at_horizon[static_cast<std::size_t>(Level::customers)] = 250;
  r.levels_at_horizon[static_cast<std::size_t>(Level::customers_a)] = 25;
  r.levels_at_warmup_end[static_cast<std::size_t>(Level::customers)] = 150;
  r.levels_at_warmup_end[static_cast<std::size_t>(Level::customers_a)] = 30;
  r.stage_went_on = {70, 35, 21};
  r.stage_left = {100, 70, 35};
  r.cycle_days = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
  r.weighted_pipeline_end = 12345;
  // Two complete periods of a year, revenue 0.8 M then 1.2 M; customers 150 -> 200 -> 250.
  for (int i = 0; i < 2; ++i) {
    model::PeriodRecord p;
    p.start_day = 365 + 365.0 * i;
    p.end_day = p.start_day + 365;
    p.complete = true;
    p.flows[static_cast<std::size_t>(Counter::revenue)] = i == 0 ? 8e5 : 1.2e6;
    p.levels_end[static_cast<std::size_t>(Level::customers)] = i == 0 ? 200 : 250;
    r.periods.push_back(p);
  }
  return r;
}

} // namespace

TEST_CASE("every metric of metrics.md is there, once, in its RKK dimension", "[analysis]") {
  const auto catalogue = analysis::metric_catalogue(params());
  std::map<std::string, analysis::Rkk> found;
  for (const auto &m : catalogue) {
    REQUIRE(found.count(m.name) == 0);
    found[m.name] = m.rkk;
  }
  using R = analysis::Rkk;
  const std::map<std::string, R> contract = {{"suspects_per_year", R::kwantiteit},
                                             {"qualified_per_year", R::kwantiteit},
                                             {"opportunities_per_year", R::kwantiteit},
                                             {"opportunities_new_per_year", R::kwantiteit},
                                             {"opportunities_existing_per_year", R::kwantiteit},
                                             {"won_per_year", R::kwantiteit},
                                             {"won_new_per_year", R::kwantiteit},
                                             {"won_rebuy_per_year", R::kwantiteit},
                                             {"won_deep_selling_per_year", R::kwantiteit},
                                             {"won_up_selling_per_year", R::kwantiteit},
                                             {"won_cross_selling_per_year", R::kwantiteit},
                                             {"lost_per_year", R::kwantiteit},
                                             {"revenue_per_year", R::kwantiteit},
                                             {"margin_per_year", R::kwantiteit},
                                             {"new_customers_per_year", R::kwantiteit},
                                             {"churned_per_year", R::kwantiteit},
                                             {"customers_end", R::kwantiteit},
                                             {"customers_a_end", R::kwantiteit},
                                             {"customers_b_end", R::kwantiteit},
                                             {"customers_c_end", R::kwantiteit},
                                             {"prospects_end", R::kwantiteit},
                                             {"pipeline_open_end", R::kwantiteit},
                                             {"weighted_pipeline_end", R::kwantiteit},
                                             {"hours_qualifier_per_year", R::kwantiteit},
                                             {"hours_account_executive_per_year", R::kwantiteit},
                                             {"hours_account_manager_per_year", R::kwantiteit},
                                             {"staff_cost_per_year", R::kwantiteit},
                                             {"qualification_pass_rate", R::kwaliteit},
                                             {"gone_cold_rate", R::kwaliteit},
                                             {"win_rate", R::kwaliteit},
                                             {"win_rate_new", R::kwaliteit},
                                             {"win_rate_existing", R::kwaliteit},
                                             {"conversion_intake", R::kwaliteit},
                                             {"conversion_offerte", R::kwaliteit},
                                             {"conversion_onderhandeling", R::kwaliteit},
                                             {"avg_deal_value", R::kwaliteit},
                                             {"margin_pct", R::kwaliteit},
                                             {"cycle_days_mean", R::kwaliteit},
                                             {"cycle_days_p90", R::kwaliteit},
                                             {"wait_qualification_days_mean", R::kwaliteit},
                                             {"wait_account_executive_days_mean", R::kwaliteit},
                                             {"utilisation_qualifier", R::kwaliteit},
                                             {"utilisation_account_executive", R::kwaliteit},
                                             {"brickwall_coverage", R::kwaliteit},
                                             {"churn_rate", R::kwaliteit},
                                             {"revenue_per_account_executive", R::kwaliteit},
                                             {"customer_growth_per_year", R::richting},
                                             {"revenue_growth_pct_per_year", R::richting},
                                             {"retention_share", R::richting},
                                             {"a_share_change", R::richting},
                                             {"revenue_target_attainment", R::richting},
                                             {"new_customers_target_attainment", R::richting},
                                             {"churn_target_met", R::richting}};
  for (const auto &[name, rkk] : contract) {
    INFO(name);
    REQUIRE(found.count(name) == 1);
    REQUIRE(found[name] == rkk);
  }
  for (const auto &m : catalogue)
    if (m.contract) {
      INFO(m.name);
      REQUIRE(contract.count(m.name) == 1); // nothing marked as contract that is not in it
    }
}

TEST_CASE("each metric is computed as metrics.md defines it", "[analysis]") {
  const auto p = params();
  const auto catalogue = analysis::metric_catalogue(p);
  const auto values = analysis::compute_metrics(record(), p);
  REQUIRE(values.size() == catalogue.size());
  std::map<std::string, analysis::MetricValue> v;
  for (std::size_t i = 0; i < values.size(); ++i)
    v[catalogue[i].name] = values[i];
  // Kwantiteit: per year over a two-year window.
  REQUIRE(*v["suspects_per_year"] == 1000);
  REQUIRE(*v["opportunities_per_year"] == 400);
  REQUIRE(*v["won_per_year"] == 100);
  REQUIRE(*v["won_rebuy_per_year"] == 30);
  REQUIRE(*v["lost_per_year"] == 200);
  REQUIRE(*v["revenue_per_year"] == 1e6);
  REQUIRE(*v["customers_end"] == 250);
  REQUIRE(*v["weighted_pipeline_end"] == 12345);
  REQUIRE(*v["hours_qualifier_per_year"] == Approx(1.5 * 365 * 36 / 7.0));
  REQUIRE(*v["hours_account_manager_per_year"] == Approx(5 * 365));
  REQUIRE(*v["staff_cost_per_year"] == Approx(2 * 55000 + 4 * 80000 + 1 * 70000));
  // Kwaliteit.
  REQUIRE(*v["qualification_pass_rate"] == Approx(0.4));
  REQUIRE(*v["gone_cold_rate"] == Approx(0.05));
  REQUIRE(*v["win_rate"] == Approx(200.0 / 600));
  REQUIRE(*v["win_rate_new"] == Approx(0.25));
  REQUIRE(*v["win_rate_existing"] == Approx(0.5));
  REQUIRE(*v["conversion_intake"] == Approx(0.7));
  REQUIRE(*v["conversion_offerte"] == Approx(0.5));
  REQUIRE(*v["conversion_onderhandeling"] == Approx(0.6));
  REQUIRE(*v["avg_deal_value"] == Approx(1e4));
  REQUIRE(*v["margin_pct"] == Approx(35));
  REQUIRE(*v["cycle_days_mean"] == Approx(55));
  REQUIRE(*v["cycle_days_p90"] == Approx(91));
  REQUIRE(*v["wait_qualification_days_mean"] == Approx(0.5));
  REQUIRE(*v["wait_account_executive_days_mean"] == Approx(0.25));
  REQUIRE(*v["utilisation_qualifier"] == Approx(0.75));
  REQUIRE(*v["utilisation_account_executive"] == Approx(0.75));
  REQUIRE(*v["brickwall_coverage"] == Approx(0.8));
  REQUIRE(*v["churn_rate"] == Approx(40.0 / (200 * 2)));
  REQUIRE(*v["revenue_per_account_executive"] == Approx(1e6 / 4));
  // Richting.
  REQUIRE(*v["customer_growth_per_year"] == Approx(50));
  REQUIRE(*v["revenue_growth_pct_per_year"] == Approx(4e5 / 1e6 * 100));
  REQUIRE(*v["retention_share"] == Approx(0.4));
  REQUIRE(*v["a_share_change"] == Approx(0.1 - 0.2));
  REQUIRE(*v["revenue_target_attainment"] == Approx(1e6 / 2.6e6));
  REQUIRE(*v["new_customers_target_attainment"] == Approx(45.0 / 120));
  REQUIRE(*v["churn_target_met"] == 1); // 0.1 <= 0.15
}

TEST_CASE("a metric whose denominator is 0 is empty", "[analysis]") {
  const auto p = params();
  model::Record r;
  r.warmup_days = 0;
  r.horizon_days = 365;
  r.stage_went_on.assign(3, 0);
  r.stage_left.assign(3, 0);
  const auto catalogue = analysis::metric_catalogue(p);
  const auto values = analysis::compute_metrics(r, p);
  std::set<std::string> empty;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!values[i])
      empty.insert(catalogue[i].name);
  for (const char *name :
       {"qualification_pass_rate", "gone_cold_rate", "win_rate", "win_rate_new",
        "win_rate_existing", "conversion_intake", "avg_deal_value", "margin_pct", "cycle_days_mean",
        "cycle_days_p90", "wait_qualification_days_mean", "utilisation_qualifier", "churn_rate",
        "revenue_per_account_executive", "revenue_growth_pct_per_year", "retention_share",
        "a_share_change", "churn_target_met"}) {
    INFO(name);
    REQUIRE(empty.count(name) == 1);
  }
  REQUIRE(empty.count("suspects_per_year") == 0); // a count of 0 is a value, not empty
}

TEST_CASE("target metrics appear only with targets", "[analysis]") {
  auto p = params();
  p.targets = {};
  for (const auto &m : analysis::metric_catalogue(p))
    REQUIRE(m.name.find("target") == std::string::npos);
}

TEST_CASE("the key metrics set variants side by side, and the best is the right way up",
          "[analysis]") {
  const auto catalogue = analysis::metric_catalogue(params());
  for (const auto &k : analysis::key_metrics()) {
    INFO(k.name);
    REQUIRE(std::any_of(catalogue.begin(), catalogue.end(),
                        [&](const analysis::MetricInfo &m) { return m.name == k.name; }));
  }
  // Four variants: revenue (higher is better) 2, none, 5, -1; churn (lower is better) likewise.
  std::vector<analysis::VariantResult> variants(4);
  const std::vector<std::optional<double>> means{2.0, std::nullopt, 5.0, -1.0};
  for (std::size_t v = 0; v < variants.size(); ++v)
    for (const auto name : {analysis::names::revenue_per_year, analysis::names::churn_rate,
                            analysis::names::brickwall_coverage}) {
      analysis::MetricInfo info;
      info.name = name;
      variants[v].metrics.push_back(info);
      analysis::Summary s;
      s.mean = means[v];
      variants[v].summaries.push_back(s);
    }
  std::vector<const analysis::VariantResult *> all;
  for (const auto &v : variants)
    all.push_back(&v);
  const auto table = analysis::side_by_side(all);
  const auto keys = analysis::key_metrics();
  auto row = [&](std::string_view name) {
    for (std::size_t k = 0; k < keys.size(); ++k)
      if (keys[k].name == name)
        return table.best[k];
    FAIL("not a key metric: " << name);
    return std::vector<bool>{};
  };
  REQUIRE(row(analysis::names::revenue_per_year) == std::vector<bool>{false, false, true, false});
  REQUIRE(row(analysis::names::churn_rate) == std::vector<bool>{false, false, false, true});
  // Neither way is better for coverage; and a metric no variant has is marked nowhere.
  REQUIRE(row(analysis::names::brickwall_coverage) == std::vector<bool>(4, false));
  REQUIRE(row(analysis::names::won_per_year) == std::vector<bool>(4, false));
  REQUIRE(table.cells[1][0] == nullptr); // won_per_year: not in the variants
}
