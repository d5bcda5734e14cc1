#include "analysis/measure/metrics.hpp"

#include "analysis/measure/trend.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace salesfab::analysis {

using model::Counter;
using model::Level;
using model::Parameters;
using model::Record;

std::string_view rkk_name(Rkk rkk) {
  switch (rkk) {
  case Rkk::richting:
    return "richting";
  case Rkk::kwaliteit:
    return "kwaliteit";
  case Rkk::kwantiteit:
    return "kwantiteit";
  }
  return "?";
}

double quantile(std::vector<double> &values, double p) {
  if (values.empty())
    return NAN;
  const double h = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
  const double a = values[lo];
  if (hi == lo)
    return a;
  const double b =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(hi), values.end());
  return a + (h - static_cast<double>(lo)) * (b - a);
}

namespace {

// A ratio, empty when the denominator is 0.
MetricValue ratio(double numerator, double denominator) {
  if (denominator == 0)
    return std::nullopt;
  return numerator / denominator;
}

// One metric: what it is and how it is computed from a replication's record.
struct Definition {
  MetricInfo info;
  std::function<MetricValue(const Record &)> value;
};

double years(const Record &r) { return r.window_days() / model::days_per_year; }

double won(const Record &r) {
  return r.counter(Counter::won_new) + r.counter(Counter::won_rebuy) +
         r.counter(Counter::won_deep_selling) + r.counter(Counter::won_up_selling) +
         r.counter(Counter::won_cross_selling);
}
double won_existing(const Record &r) { return won(r) - r.counter(Counter::won_new); }
double lost(const Record &r) {
  return r.counter(Counter::lost_new) + r.counter(Counter::lost_existing);
}
double at_horizon(const Record &r, Level l) {
  return r.levels_at_horizon[static_cast<std::size_t>(l)];
}
double at_warmup_end(const Record &r, Level l) {
  return r.levels_at_warmup_end[static_cast<std::size_t>(l)];
}

MetricValue churn_rate(const Record &r) {
  return ratio(r.counter(Counter::churned), r.average(Level::customers) * years(r));
}

std::vector<Definition> definitions(const Parameters &p) {
  using enum Rkk;
  std::vector<Definition> d;
  auto per_year = [&](std::string name, Counter c, std::string unit = "per year") {
    d.push_back({{std::move(name), kwantiteit, std::move(unit)},
                 [c](const Record &r) -> MetricValue { return r.counter(c) / years(r); }});
  };
  auto end_level = [&](std::string name, Level l) {
    d.push_back({{std::move(name), kwantiteit, "count"},
                 [l](const Record &r) -> MetricValue { return at_horizon(r, l); }});
  };

  // --- Kwantiteit
  per_year("suspects_per_year", Counter::suspects);
  per_year("qualified_per_year", Counter::qualified);
  d.push_back(
      {{"opportunities_per_year", kwantiteit, "per year"}, [](const Record &r) -> MetricValue {
         return (r.counter(Counter::opportunities_new) +
                 r.counter(Counter::opportunities_existing)) /
                years(r);
       }});
  per_year("opportunities_new_per_year", Counter::opportunities_new);
  per_year("opportunities_existing_per_year", Counter::opportunities_existing);
  d.push_back({{"won_per_year", kwantiteit, "per year"},
               [](const Record &r) -> MetricValue { return won(r) / years(r); }});
  per_year("won_new_per_year", Counter::won_new);
  per_year("won_rebuy_per_year", Counter::won_rebuy);
  per_year("won_deep_selling_per_year", Counter::won_deep_selling);
  per_year("won_up_selling_per_year", Counter::won_up_selling);
  per_year("won_cross_selling_per_year", Counter::won_cross_selling);
  d.push_back({{"lost_per_year", kwantiteit, "per year"},
               [](const Record &r) -> MetricValue { return lost(r) / years(r); }});
  per_year("revenue_per_year", Counter::revenue, "money per year");
  per_year("margin_per_year", Counter::margin, "money per year");
  per_year("new_customers_per_year", Counter::new_customers);
  per_year("churned_per_year", Counter::churned);
  end_level("customers_end", Level::customers);
  end_level("customers_a_end", Level::customers_a);
  end_level("customers_b_end", Level::customers_b);
  end_level("customers_c_end", Level::customers_c);
  end_level("prospects_end", Level::prospects);
  end_level("pipeline_open_end", Level::pipeline_open);
  d.push_back({{"weighted_pipeline_end", kwantiteit, "money"},
               [](const Record &r) -> MetricValue { return r.weighted_pipeline_end; }});
  const double hours_q = p.staff[model::Role::qualifier].hours_per_day();
  const double hours_ae = p.staff[model::Role::account_executive].hours_per_day();
  d.push_back({{"hours_qualifier_per_year", kwantiteit, "hours per year"},
               [hours_q](const Record &r) -> MetricValue {
                 return r.integral(Level::qualifiers_busy) * hours_q / years(r);
               }});
  d.push_back({{"hours_account_executive_per_year", kwantiteit, "hours per year"},
               [hours_ae](const Record &r) -> MetricValue {
                 return r.integral(Level::executives_busy) * hours_ae / years(r);
               }});
  d.push_back({{"hours_account_manager_per_year", kwantiteit, "hours per year"},
               [](const Record &r) -> MetricValue {
                 return r.integral(Level::manager_hours_per_day) / years(r);
               }});
  const double cost_q = p.staff[model::Role::qualifier].cost_per_year;
  const double cost_ae = p.staff[model::Role::account_executive].cost_per_year;
  const double cost_am = p.staff[model::Role::account_manager].cost_per_year;
  d.push_back(
      {{"staff_cost_per_year", kwantiteit, "money per year"}, [=](const Record &r) -> MetricValue {
         return r.average(Level::qualifiers_employed) * cost_q +
                r.average(Level::executives_employed) * cost_ae +
                r.average(Level::managers_employed) * cost_am;
       }});
  // salesfab's extensions: where lost deals and won-back customers come from
  per_year("lost_to_competitor_per_year", Counter::lost_to_competitor);
  d.back().info.contract = false;
  per_year("lost_no_decision_per_year", Counter::lost_no_decision);
  d.back().info.contract = false;
  per_year("lost_patience_per_year", Counter::lost_patience);
  d.back().info.contract = false;
  per_year("won_back_per_year", Counter::won_back);
  d.back().info.contract = false;

  // --- Kwaliteit
  d.push_back({{"qualification_pass_rate", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(r.counter(Counter::qualified),
                              r.counter(Counter::qualified) + r.counter(Counter::disqualified));
               }});
  d.push_back({{"gone_cold_rate", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(r.counter(Counter::gone_cold), r.counter(Counter::suspects));
               }});
  d.push_back({{"win_rate", kwaliteit, "share"},
               [](const Record &r) { return ratio(won(r), won(r) + lost(r)); }});
  d.push_back({{"win_rate_new", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(r.counter(Counter::won_new),
                              r.counter(Counter::won_new) + r.counter(Counter::lost_new));
               }});
  d.push_back({{"win_rate_existing", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(won_existing(r), won_existing(r) + r.counter(Counter::lost_existing));
               }});
  for (std::size_t s = 0; s < p.funnel.stages.size(); ++s)
    d.push_back({{"conversion_" + p.funnel.stages[s].name, kwaliteit, "share"},
                 [s](const Record &r) { return ratio(r.stage_went_on[s], r.stage_left[s]); }});
  d.push_back({{"avg_deal_value", kwaliteit, "money"},
               [](const Record &r) { return ratio(r.counter(Counter::revenue), won(r)); }});
  d.push_back({{"margin_pct", kwaliteit, "%"}, [](const Record &r) -> MetricValue {
                 const auto share = ratio(r.counter(Counter::margin), r.counter(Counter::revenue));
                 return share ? std::optional(*share * 100) : std::nullopt;
               }});
  d.push_back({{"cycle_days_mean", kwaliteit, "days"}, [](const Record &r) -> MetricValue {
                 if (r.cycle_days.empty())
                   return std::nullopt;
                 double sum = 0;
                 for (const double c : r.cycle_days)
                   sum += c;
                 return sum / static_cast<double>(r.cycle_days.size());
               }});
  d.push_back({{"cycle_days_p90", kwaliteit, "days"}, [](const Record &r) -> MetricValue {
                 if (r.cycle_days.empty())
                   return std::nullopt;
                 std::vector<double> c = r.cycle_days;
                 return quantile(c, 0.9);
               }});
  d.push_back({{"wait_qualification_days_mean", kwaliteit, "days"}, [](const Record &r) {
                 return ratio(r.counter(Counter::qualifier_wait_days),
                              r.counter(Counter::qualifier_waits_served));
               }});
  d.push_back({{"wait_account_executive_days_mean", kwaliteit, "days"}, [](const Record &r) {
                 return ratio(r.counter(Counter::executive_wait_days),
                              r.counter(Counter::executive_waits_served));
               }});
  d.push_back({{"utilisation_qualifier", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(r.integral(Level::qualifiers_busy),
                              r.integral(Level::qualifiers_employed));
               }});
  d.push_back({{"utilisation_account_executive", kwaliteit, "share"}, [](const Record &r) {
                 return ratio(r.integral(Level::executives_busy),
                              r.integral(Level::executives_employed));
               }});
  d.push_back({{"brickwall_coverage", kwaliteit, "share"}, [](const Record &r) -> MetricValue {
                 return r.average(Level::brickwall_coverage);
               }});
  d.push_back({{"churn_rate", kwaliteit, "per customer-year"}, churn_rate});
  d.push_back({{"revenue_per_account_executive", kwaliteit, "money per year"}, [](const Record &r) {
                 return ratio(r.counter(Counter::revenue) / years(r),
                              r.average(Level::executives_employed));
               }});
  // salesfab's extensions: the queues' time-average lengths (Little's law, salesfab analyze)
  d.push_back({{"queue_qualifier_mean", kwaliteit, "count", false},
               [](const Record &r) -> MetricValue { return r.average(Level::qualifier_queue); }});
  d.push_back({{"queue_account_executive_mean", kwaliteit, "count", false},
               [](const Record &r) -> MetricValue { return r.average(Level::executive_queue); }});

  // --- Richting
  d.push_back({{"customer_growth_per_year", richting, "customers per year"},
               [](const Record &r) -> MetricValue {
                 std::vector<double> x{r.warmup_days}, y{at_warmup_end(r, Level::customers)};
                 for (const auto &period : r.periods) {
                   x.push_back(period.end_day);
                   y.push_back(period.levels_end[static_cast<std::size_t>(Level::customers)]);
                 }
                 const auto slope = least_squares_slope(x, y);
                 return slope ? std::optional(*slope * model::days_per_year) : std::nullopt;
               }});
  d.push_back(
      {{"revenue_growth_pct_per_year", richting, "% per year"}, [](const Record &r) -> MetricValue {
         std::vector<double> x, y;
         double sum = 0;
         for (const auto &period : r.periods)
           if (period.complete) {
             x.push_back((period.start_day + period.end_day) / 2);
             y.push_back(period.flows[static_cast<std::size_t>(Counter::revenue)]);
             sum += y.back();
           }
         const auto slope = least_squares_slope(x, y);
         if (!slope || sum <= 0)
           return std::nullopt;
         const double mean = sum / static_cast<double>(y.size());
         return *slope * model::days_per_year / mean * 100;
       }});
  d.push_back({{"retention_share", richting, "share"}, [](const Record &r) {
                 return ratio(r.counter(Counter::revenue_existing), r.counter(Counter::revenue));
               }});
  d.push_back({{"a_share_change", richting, "share"}, [](const Record &r) -> MetricValue {
                 const auto end =
                     ratio(at_horizon(r, Level::customers_a), at_horizon(r, Level::customers));
                 const auto start = ratio(at_warmup_end(r, Level::customers_a),
                                          at_warmup_end(r, Level::customers));
                 if (!end || !start)
                   return std::nullopt;
                 return *end - *start;
               }});
  if (p.targets.revenue_per_year)
    d.push_back({{"revenue_target_attainment", richting, "share"},
                 [target = *p.targets.revenue_per_year](const Record &r) -> MetricValue {
                   return r.counter(Counter::revenue) / years(r) / target;
                 }});
  if (p.targets.new_customers_per_year)
    d.push_back({{"new_customers_target_attainment", richting, "share"},
                 [target = *p.targets.new_customers_per_year](const Record &r) -> MetricValue {
                   return r.counter(Counter::new_customers) / years(r) / target;
                 }});
  if (p.targets.max_churn_per_year)
    d.push_back({{"churn_target_met", richting, "0 or 1"},
                 [target = *p.targets.max_churn_per_year](const Record &r) -> MetricValue {
                   const auto rate = churn_rate(r);
                   if (!rate)
                     return std::nullopt;
                   return *rate <= target ? 1.0 : 0.0;
                 }});
  // Output order: kwantiteit, kwaliteit, richting (as built).
  return d;
}

} // namespace

std::vector<MetricInfo> metric_catalogue(const Parameters &params) {
  std::vector<MetricInfo> out;
  for (auto &d : definitions(params))
    out.push_back(std::move(d.info));
  return out;
}

std::vector<MetricValue> compute_metrics(const Record &record, const Parameters &params) {
  std::vector<MetricValue> out;
  for (const auto &d : definitions(params))
    out.push_back(d.value(record));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per report period

namespace {

struct PeriodDefinition {
  MetricInfo info;
  std::function<MetricValue(const model::PeriodRecord &)> value;
};

std::vector<PeriodDefinition> period_definitions(const Parameters &p) {
  using enum Rkk;
  using model::PeriodRecord;
  std::vector<PeriodDefinition> d;
  auto level_end = [&](std::string name, Level l) {
    d.push_back({{std::move(name), kwantiteit, "count"}, [l](const PeriodRecord &r) -> MetricValue {
                   return r.levels_end[static_cast<std::size_t>(l)];
                 }});
  };
  auto flow = [&](std::string name, std::vector<Counter> cs, std::string unit) {
    d.push_back({{std::move(name), kwantiteit, std::move(unit)},
                 [cs](const PeriodRecord &r) -> MetricValue {
                   double sum = 0;
                   for (const Counter c : cs)
                     sum += r.flows[static_cast<std::size_t>(c)];
                   return sum;
                 }});
  };
  auto average = [&](std::string name, Level l, Rkk rkk) {
    d.push_back({{std::move(name), rkk, "count"}, [l](const PeriodRecord &r) -> MetricValue {
                   return ratio(r.integrals[static_cast<std::size_t>(l)], r.end_day - r.start_day);
                 }});
  };
  auto utilisation = [&](std::string name, Level busy, Level employed) {
    d.push_back({{std::move(name), kwaliteit, "share"}, [=](const PeriodRecord &r) {
                   return ratio(r.integrals[static_cast<std::size_t>(busy)],
                                r.integrals[static_cast<std::size_t>(employed)]);
                 }});
  };
  level_end("customers", Level::customers);
  level_end("customers_a", Level::customers_a);
  level_end("customers_b", Level::customers_b);
  level_end("customers_c", Level::customers_c);
  level_end("prospects", Level::prospects);
  level_end("pipeline_open", Level::pipeline_open);
  for (std::size_t s = 0; s < p.funnel.stages.size(); ++s)
    d.push_back({{"pipeline_" + p.funnel.stages[s].name, kwantiteit, "count"},
                 [s](const PeriodRecord &r) -> MetricValue { return r.pipeline_by_stage_end[s]; }});
  flow("suspects", {Counter::suspects}, "count");
  flow("qualified", {Counter::qualified}, "count");
  flow("opportunities", {Counter::opportunities_new, Counter::opportunities_existing}, "count");
  flow("won",
       {Counter::won_new, Counter::won_rebuy, Counter::won_deep_selling, Counter::won_up_selling,
        Counter::won_cross_selling},
       "count");
  flow("revenue", {Counter::revenue}, "money");
  flow("margin", {Counter::margin}, "money");
  flow("new_customers", {Counter::new_customers}, "count");
  flow("churned", {Counter::churned}, "count");
  average("queue_qualifier", Level::qualifier_queue, kwaliteit);
  average("queue_account_executive", Level::executive_queue, kwaliteit);
  utilisation("utilisation_qualifier", Level::qualifiers_busy, Level::qualifiers_employed);
  utilisation("utilisation_account_executive", Level::executives_busy, Level::executives_employed);
  d.push_back({{"brickwall_coverage", kwaliteit, "share"}, [](const PeriodRecord &r) {
                 return ratio(r.integrals[static_cast<std::size_t>(Level::brickwall_coverage)],
                              r.end_day - r.start_day);
               }});
  return d;
}

} // namespace

std::vector<MetricInfo> period_metric_catalogue(const Parameters &params) {
  std::vector<MetricInfo> out;
  for (auto &d : period_definitions(params))
    out.push_back(std::move(d.info));
  return out;
}

std::vector<std::vector<MetricValue>> compute_period_metrics(const Record &record,
                                                             const Parameters &params) {
  const auto defs = period_definitions(params);
  std::vector<std::vector<MetricValue>> out;
  for (const auto &period : record.periods) {
    std::vector<MetricValue> row;
    for (const auto &d : defs)
      row.push_back(d.value(period));
    out.push_back(std::move(row));
  }
  return out;
}

std::span<const KeyMetric> key_metrics() {
  static constexpr KeyMetric keys[] = {{"revenue_per_year", +1},
                                       {"won_per_year", +1},
                                       {"churn_rate", -1},
                                       {"customers_end", +1},
                                       {"utilisation_account_executive", 0},
                                       {"brickwall_coverage", 0}};
  return keys;
}

std::optional<double> best_mean(std::span<const std::optional<double>> means, int better) {
  std::optional<double> best;
  if (better == 0)
    return best;
  for (const auto &m : means)
    if (m && (!best || (better > 0 ? *m > *best : *m < *best)))
      best = m;
  return best;
}

} // namespace salesfab::analysis
