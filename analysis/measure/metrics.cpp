#include "analysis/measure/metrics.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/trend.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace salesfab::analysis {

using model::Counter;
using model::Level;
using model::Parameters;
using model::QueueFlow;
using model::Record;
using model::Role;

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

Bounds natural_bounds(std::string_view unit) {
  Bounds b;
  if (unit == "share" || unit == "0 or 1") {
    b.low = 0;
    b.high = 1;
  } else if (unit == "%") {
    b.low = 0;
    b.high = 100;
  } else if (unit == "count" || unit == "per year" || unit == "money" || unit == "money per year" ||
             unit == "hours per year" || unit == "days" || unit == "per customer-year") {
    b.low = 0;
  }
  return b;
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

// What a metric is, built field by field (g++ 12 warns falsely on strings in nested braces).
MetricInfo info(std::string_view name, Rkk rkk, std::string_view unit) {
  MetricInfo i;
  i.name = name;
  i.rkk = rkk;
  i.unit = unit;
  i.bounds = natural_bounds(unit);
  return i;
}

// Builds the definitions of one RKK dimension.
class Definitions {
public:
  explicit Definitions(std::vector<Definition> &d) : d_(d) {}
  void add(std::string_view name, Rkk rkk, std::string_view unit,
           std::function<MetricValue(const Record &)> value) {
    d_.push_back({info(name, rkk, unit), std::move(value)});
  }
  /// A metric beyond metrics.md (salesfab's own).
  void extension(std::string_view name, Rkk rkk, std::string_view unit,
                 std::function<MetricValue(const Record &)> value) {
    add(name, rkk, unit, std::move(value));
    d_.back().info.contract = false;
  }
  /// The last metric's bounds, where its unit does not say them.
  void bounds(std::optional<double> low, std::optional<double> high) {
    d_.back().info.bounds.low = low;
    d_.back().info.bounds.high = high;
  }
  void per_year(std::string_view name, Counter c, std::string_view unit = "per year") {
    add(name, Rkk::kwantiteit, unit,
        [c](const Record &r) -> MetricValue { return r.counter(c) / years(r); });
  }
  void end_level(std::string_view name, Level l) {
    add(name, Rkk::kwantiteit, "count",
        [l](const Record &r) -> MetricValue { return at_horizon(r, l); });
  }

private:
  std::vector<Definition> &d_;
};

// The staff's metrics: hours worked, cost, waits and utilisation, role by role.
void staff_kwantiteit(Definitions &d, const Parameters &p) {
  namespace n = names;
  const double hours_q = p.staff[Role::qualifier].hours_per_day();
  const double hours_ae = p.staff[Role::account_executive].hours_per_day();
  d.add(n::hours_qualifier_per_year, Rkk::kwantiteit, "hours per year",
        [hours_q](const Record &r) -> MetricValue {
          return r.integral(busy_level(Role::qualifier)) * hours_q / years(r);
        });
  d.add(n::hours_account_executive_per_year, Rkk::kwantiteit, "hours per year",
        [hours_ae](const Record &r) -> MetricValue {
          return r.integral(busy_level(Role::account_executive)) * hours_ae / years(r);
        });
  d.add(n::hours_account_manager_per_year, Rkk::kwantiteit, "hours per year",
        [](const Record &r) -> MetricValue {
          return r.integral(Level::manager_hours_per_day) / years(r);
        });
  std::array<double, model::role_count> cost{};
  for (const Role role : model::all_roles)
    cost[static_cast<std::size_t>(role)] = p.staff[role].cost_per_year;
  d.add(n::staff_cost_per_year, Rkk::kwantiteit, "money per year",
        [cost](const Record &r) -> MetricValue {
          double sum = 0; // every role's people, on average over the window, times their cost
          for (const Role role : model::all_roles)
            sum += r.average(employed_level(role)) * cost[static_cast<std::size_t>(role)];
          return sum;
        });
}

void staff_kwaliteit(Definitions &d) {
  namespace n = names;
  d.add(n::wait_qualification_days_mean, Rkk::kwaliteit, "days", [](const Record &r) {
    return ratio(r.counter(queue_counter(Role::qualifier, QueueFlow::wait_days)),
                 r.counter(queue_counter(Role::qualifier, QueueFlow::served)));
  });
  d.add(n::wait_account_executive_days_mean, Rkk::kwaliteit, "days", [](const Record &r) {
    return ratio(r.counter(queue_counter(Role::account_executive, QueueFlow::wait_days)),
                 r.counter(queue_counter(Role::account_executive, QueueFlow::served)));
  });
  d.add(n::utilisation_qualifier, Rkk::kwaliteit, "share", [](const Record &r) {
    return ratio(r.integral(busy_level(Role::qualifier)),
                 r.integral(employed_level(Role::qualifier)));
  });
  d.add(n::utilisation_account_executive, Rkk::kwaliteit, "share", [](const Record &r) {
    return ratio(r.integral(busy_level(Role::account_executive)),
                 r.integral(employed_level(Role::account_executive)));
  });
  d.add(n::brickwall_coverage, Rkk::kwaliteit, "share",
        [](const Record &r) -> MetricValue { return r.average(Level::brickwall_coverage); });
}

// salesfab's extension: what waiting cost, counted (not expected) from the draws — those that
// failed with the chance the wait left and would have passed with the full one — so that the
// count adds up with the trace's stories. Only where a half-life makes waiting cost anything,
// so that files without one keep their metrics.
void waiting_cost(Definitions &d, const Parameters &p) {
  using enum Rkk;
  namespace n = names;
  const auto per_year = [](Counter c) {
    return [c](const Record &r) -> MetricValue { return r.counter(c) / years(r); };
  };
  if (p.market.qualification.pass_halflife_days)
    d.extension(n::suspects_lost_to_waiting_per_year, kwantiteit, "per year",
                per_year(Counter::suspects_lost_to_waiting));
  if (std::any_of(p.funnel.stages.begin(), p.funnel.stages.end(),
                  [](const model::Stage &s) { return s.conversion_halflife_days.has_value(); }))
    d.extension(n::opportunities_lost_to_waiting_per_year, kwantiteit, "per year",
                per_year(Counter::opportunities_lost_to_waiting));
}

void kwantiteit(Definitions &d, const Parameters &p) {
  using enum Rkk;
  namespace n = names;
  d.per_year(n::suspects_per_year, Counter::suspects);
  d.per_year(n::qualified_per_year, Counter::qualified);
  d.add(n::opportunities_per_year, kwantiteit, "per year", [](const Record &r) -> MetricValue {
    return (r.counter(Counter::opportunities_new) + r.counter(Counter::opportunities_existing)) /
           years(r);
  });
  d.per_year(n::opportunities_new_per_year, Counter::opportunities_new);
  d.per_year(n::opportunities_existing_per_year, Counter::opportunities_existing);
  d.add(n::won_per_year, kwantiteit, "per year",
        [](const Record &r) -> MetricValue { return won(r) / years(r); });
  d.per_year(n::won_new_per_year, Counter::won_new);
  d.per_year(n::won_rebuy_per_year, Counter::won_rebuy);
  d.per_year(n::won_deep_selling_per_year, Counter::won_deep_selling);
  d.per_year(n::won_up_selling_per_year, Counter::won_up_selling);
  d.per_year(n::won_cross_selling_per_year, Counter::won_cross_selling);
  d.add(n::lost_per_year, kwantiteit, "per year",
        [](const Record &r) -> MetricValue { return lost(r) / years(r); });
  d.per_year(n::revenue_per_year, Counter::revenue, "money per year");
  d.per_year(n::margin_per_year, Counter::margin, "money per year");
  d.per_year(n::new_customers_per_year, Counter::new_customers);
  d.per_year(n::churned_per_year, Counter::churned);
  d.end_level(n::customers_end, Level::customers);
  d.end_level(n::customers_a_end, Level::customers_a);
  d.end_level(n::customers_b_end, Level::customers_b);
  d.end_level(n::customers_c_end, Level::customers_c);
  d.end_level(n::prospects_end, Level::prospects);
  d.end_level(n::pipeline_open_end, Level::pipeline_open);
  d.add(n::weighted_pipeline_end, kwantiteit, "money",
        [](const Record &r) -> MetricValue { return r.weighted_pipeline_end; });
  staff_kwantiteit(d, p);
  // salesfab's extensions: where lost deals and won-back customers come from
  for (const auto &[name, counter] :
       {std::pair{n::lost_to_competitor_per_year, Counter::lost_to_competitor},
        {n::lost_no_decision_per_year, Counter::lost_no_decision},
        {n::lost_patience_per_year, Counter::lost_patience},
        {n::won_back_per_year, Counter::won_back}})
    d.extension(name, kwantiteit, "per year",
                [c = counter](const Record &r) -> MetricValue { return r.counter(c) / years(r); });
  waiting_cost(d, p);
}

void kwaliteit(Definitions &d, const Parameters &p) {
  using enum Rkk;
  namespace n = names;
  d.add(n::qualification_pass_rate, kwaliteit, "share", [](const Record &r) {
    return ratio(r.counter(Counter::qualified),
                 r.counter(Counter::qualified) + r.counter(Counter::disqualified));
  });
  d.add(n::gone_cold_rate, kwaliteit, "share", [](const Record &r) {
    return ratio(r.counter(Counter::gone_cold), r.counter(Counter::suspects));
  });
  d.add(n::win_rate, kwaliteit, "share",
        [](const Record &r) { return ratio(won(r), won(r) + lost(r)); });
  d.add(n::win_rate_new, kwaliteit, "share", [](const Record &r) {
    return ratio(r.counter(Counter::won_new),
                 r.counter(Counter::won_new) + r.counter(Counter::lost_new));
  });
  d.add(n::win_rate_existing, kwaliteit, "share", [](const Record &r) {
    return ratio(won_existing(r), won_existing(r) + r.counter(Counter::lost_existing));
  });
  for (std::size_t s = 0; s < p.funnel.stages.size(); ++s)
    d.add(n::conversion(p.funnel.stages[s].name), kwaliteit, "share",
          [s](const Record &r) { return ratio(r.stage_went_on[s], r.stage_left[s]); });
  d.add(n::avg_deal_value, kwaliteit, "money",
        [](const Record &r) { return ratio(r.counter(Counter::revenue), won(r)); });
  d.add(n::margin_pct, kwaliteit, "%", [](const Record &r) -> MetricValue {
    const auto share = ratio(r.counter(Counter::margin), r.counter(Counter::revenue));
    return share ? std::optional(*share * 100) : std::nullopt;
  });
  d.add(n::cycle_days_mean, kwaliteit, "days", [](const Record &r) -> MetricValue {
    if (r.cycle_days.empty())
      return std::nullopt;
    double sum = 0;
    for (const double c : r.cycle_days)
      sum += c;
    return sum / static_cast<double>(r.cycle_days.size());
  });
  d.add(n::cycle_days_p90, kwaliteit, "days", [](const Record &r) -> MetricValue {
    if (r.cycle_days.empty())
      return std::nullopt;
    std::vector<double> c = r.cycle_days;
    return quantile(c, 0.9);
  });
  staff_kwaliteit(d);
  d.add(n::churn_rate, kwaliteit, "per customer-year", churn_rate);
  d.add(n::revenue_per_account_executive, kwaliteit, "money per year", [](const Record &r) {
    return ratio(r.counter(Counter::revenue) / years(r),
                 r.average(employed_level(Role::account_executive)));
  });
  // salesfab's extensions: the queues' time-average lengths (Little's law, salesfab analyze)
  d.extension(n::queue_qualifier_mean, kwaliteit, "count", [](const Record &r) -> MetricValue {
    return r.average(queue_level(Role::qualifier));
  });
  d.extension(n::queue_account_executive_mean, kwaliteit, "count",
              [](const Record &r) -> MetricValue {
                return r.average(queue_level(Role::account_executive));
              });
}

MetricValue customer_growth(const Record &r) {
  std::vector<double> x{r.warmup_days}, y{at_warmup_end(r, Level::customers)};
  for (const auto &period : r.periods) {
    x.push_back(period.end_day);
    y.push_back(period.levels_end[static_cast<std::size_t>(Level::customers)]);
  }
  const auto slope = least_squares_slope(x, y);
  return slope ? std::optional(*slope * model::days_per_year) : std::nullopt;
}

MetricValue revenue_growth_pct(const Record &r) {
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
}

MetricValue a_share_change(const Record &r) {
  const auto end = ratio(at_horizon(r, Level::customers_a), at_horizon(r, Level::customers));
  const auto start =
      ratio(at_warmup_end(r, Level::customers_a), at_warmup_end(r, Level::customers));
  if (!end || !start)
    return std::nullopt;
  return *end - *start;
}

void richting(Definitions &d, const Parameters &p) {
  using enum Rkk;
  namespace n = names;
  d.add(n::customer_growth_per_year, richting, "customers per year", customer_growth);
  d.add(n::revenue_growth_pct_per_year, richting, "% per year", revenue_growth_pct);
  d.add(n::retention_share, richting, "share", [](const Record &r) {
    return ratio(r.counter(Counter::revenue_existing), r.counter(Counter::revenue));
  });
  d.add(n::a_share_change, richting, "share", a_share_change);
  d.bounds(-1, 1); // a difference of two shares
  if (p.targets.revenue_per_year) {
    d.add(n::revenue_target_attainment, richting, "share",
          [target = *p.targets.revenue_per_year](const Record &r) -> MetricValue {
            return r.counter(Counter::revenue) / years(r) / target;
          });
    d.bounds(0, std::nullopt); // achieved / target: above 1 when the target is beaten
  }
  if (p.targets.new_customers_per_year) {
    d.add(n::new_customers_target_attainment, richting, "share",
          [target = *p.targets.new_customers_per_year](const Record &r) -> MetricValue {
            return r.counter(Counter::new_customers) / years(r) / target;
          });
    d.bounds(0, std::nullopt);
  }
  if (p.targets.max_churn_per_year)
    d.add(n::churn_target_met, richting, "0 or 1",
          [target = *p.targets.max_churn_per_year](const Record &r) -> MetricValue {
            const auto rate = churn_rate(r);
            if (!rate)
              return std::nullopt;
            return *rate <= target ? 1.0 : 0.0;
          });
}

// Output order: kwantiteit, kwaliteit, richting.
std::vector<Definition> definitions(const Parameters &p) {
  std::vector<Definition> all;
  Definitions d(all);
  kwantiteit(d, p);
  kwaliteit(d, p);
  richting(d, p);
  return all;
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
  auto level_end = [&](std::string_view name, Level l) {
    d.push_back({info(name, kwantiteit, "count"), [l](const PeriodRecord &r) -> MetricValue {
                   return r.levels_end[static_cast<std::size_t>(l)];
                 }});
  };
  auto flow = [&](std::string_view name, std::vector<Counter> cs, std::string_view unit) {
    d.push_back({info(name, kwantiteit, unit), [cs](const PeriodRecord &r) -> MetricValue {
                   double sum = 0;
                   for (const Counter c : cs)
                     sum += r.flows[static_cast<std::size_t>(c)];
                   return sum;
                 }});
  };
  auto average = [&](std::string_view name, Level l, Rkk rkk) {
    d.push_back({info(name, rkk, "count"), [l](const PeriodRecord &r) -> MetricValue {
                   return ratio(r.integrals[static_cast<std::size_t>(l)], r.end_day - r.start_day);
                 }});
  };
  auto utilisation = [&](std::string_view name, Level busy, Level employed) {
    d.push_back({info(name, kwaliteit, "share"), [=](const PeriodRecord &r) {
                   return ratio(r.integrals[static_cast<std::size_t>(busy)],
                                r.integrals[static_cast<std::size_t>(employed)]);
                 }});
  };
  level_end(names::period::customers, Level::customers);
  level_end(names::period::customers_a, Level::customers_a);
  level_end(names::period::customers_b, Level::customers_b);
  level_end(names::period::customers_c, Level::customers_c);
  level_end(names::period::prospects, Level::prospects);
  level_end(names::period::pipeline_open, Level::pipeline_open);
  for (std::size_t s = 0; s < p.funnel.stages.size(); ++s)
    d.push_back({info(names::period::pipeline(p.funnel.stages[s].name), kwantiteit, "count"),
                 [s](const PeriodRecord &r) -> MetricValue { return r.pipeline_by_stage_end[s]; }});
  flow(names::period::suspects, {Counter::suspects}, "count");
  flow(names::period::qualified, {Counter::qualified}, "count");
  flow(names::period::opportunities, {Counter::opportunities_new, Counter::opportunities_existing},
       "count");
  flow(names::period::won,
       {Counter::won_new, Counter::won_rebuy, Counter::won_deep_selling, Counter::won_up_selling,
        Counter::won_cross_selling},
       "count");
  flow(names::period::revenue, {Counter::revenue}, "money");
  flow(names::period::margin, {Counter::margin}, "money");
  flow(names::period::new_customers, {Counter::new_customers}, "count");
  flow(names::period::churned, {Counter::churned}, "count");
  average(names::period::queue_qualifier, queue_level(Role::qualifier), kwaliteit);
  average(names::period::queue_account_executive, queue_level(Role::account_executive), kwaliteit);
  utilisation(names::period::utilisation_qualifier, busy_level(Role::qualifier),
              employed_level(Role::qualifier));
  utilisation(names::period::utilisation_account_executive, busy_level(Role::account_executive),
              employed_level(Role::account_executive));
  // A share averaged over the period: the coverage is kept per day, not per person.
  average(names::period::brickwall_coverage, Level::brickwall_coverage, kwaliteit);
  d.back().info.unit = "share";
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

} // namespace salesfab::analysis
