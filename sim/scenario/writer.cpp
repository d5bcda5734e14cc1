#include "scenario/writer.hpp"

#include <charconv>
#include <sstream>

namespace salesfab::scenario {

namespace {

using model::PerClass;

// The shortest text that reads back as exactly the same double.
std::string num(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

std::string quote(const std::string &s) {
  std::string q = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      q += '\\';
      q += c;
    } else if (c == '\n') {
      q += "\\n";
    } else if (c == '\t') {
      q += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      const char *hex = "0123456789abcdef";
      q += "\\x";
      q += hex[u >> 4];
      q += hex[u & 15];
    } else {
      q += c;
    }
  }
  return q + '"';
}

std::string abc(const PerClass &v) {
  return "{A: " + num(v[model::CustomerClass::A]) + ", B: " + num(v[model::CustomerClass::B]) +
         ", C: " + num(v[model::CustomerClass::C]) + "}";
}

std::string list(const std::vector<double> &xs) {
  std::string s = "[";
  for (std::size_t i = 0; i < xs.size(); ++i)
    s += (i ? ", " : "") + num(xs[i]);
  return s + "]";
}

std::string dist(const engine::Distribution &d) {
  using K = engine::Distribution::Kind;
  const double *p = d.parameters();
  const std::string head = std::string("{dist: ") + engine::Distribution::name(d.kind());
  switch (d.kind()) {
  case K::constant:
    return num(p[0]);
  case K::exponential:
    return head + ", mean: " + num(p[0]) + "}";
  case K::uniform:
    return head + ", min: " + num(p[0]) + ", max: " + num(p[1]) + "}";
  case K::triangular:
    return head + ", min: " + num(p[0]) + ", mode: " + num(p[1]) + ", max: " + num(p[2]) + "}";
  case K::lognormal:
  case K::gamma:
    return head + ", mean: " + num(p[0]) + ", sd: " + num(p[1]) + "}";
  case K::empirical:
    return head + ", values: " + list(d.values()) + ", weights: " + list(d.weights()) + "}";
  }
  return "";
}

} // namespace

std::string to_yaml(const model::Parameters &p) {
  std::ostringstream y;
  y << "name: " << p.name << '\n';
  if (!p.title.empty())
    y << "title: " << quote(p.title) << '\n';

  y << "time:\n  horizon_days: " << num(p.time.horizon_days)
    << "\n  warmup_days: " << num(p.time.warmup_days) << "\n  report_period: ";
  const std::string &period = p.time.report_period;
  const bool named =
      period == "week" || period == "month" || period == "quarter" || period == "year";
  y << (named ? period : num(p.time.report_period_days)) << '\n';

  y << "run:\n  replications: " << p.run.replications << "\n  seed: " << p.run.seed
    << "\n  confidence: " << num(p.run.confidence) << '\n';

  y << "staff:\n";
  for (const model::Role role : model::all_roles) {
    const auto &r = p.staff[role];
    y << "  " << model::role_name(role) << ": {headcount: " << r.headcount
      << ", hours_per_week: " << num(r.hours_per_week)
      << ", cost_per_year: " << num(r.cost_per_year) << ", ramp_up_weeks: " << num(r.ramp_up_weeks)
      << "}\n";
  }
  if (!p.staff.changes.empty()) {
    y << "  changes:\n";
    for (const auto &c : p.staff.changes)
      y << "    - {day: " << num(c.day) << ", role: " << model::role_name(c.role)
        << ", headcount: " << c.headcount << "}\n";
  }

  y << "market:\n  segments:\n";
  for (const auto &s : p.market.segments)
    y << "    - name: " << quote(s.name)
      << "\n      suspects_per_week: " << num(s.suspects_per_week)
      << "\n      qualification_pass: " << num(s.qualification_pass)
      << "\n      deal_value: " << dist(s.deal_value) << "\n      margin: " << num(s.margin)
      << '\n';
  y << "  qualification:\n    effort_hours: " << dist(p.market.qualification.effort_hours) << '\n';
  if (p.market.qualification.patience_days)
    y << "    patience_days: " << num(*p.market.qualification.patience_days) << '\n';
  y << "  shortlist:\n    time_to_need_days: " << dist(p.market.shortlist.time_to_need_days)
    << "\n    drift_per_year: " << num(p.market.shortlist.drift_per_year) << '\n';

  y << "funnel:\n  stages:\n";
  for (const auto &s : p.funnel.stages)
    y << "    - name: " << quote(s.name) << "\n      effort_hours: " << dist(s.effort_hours)
      << "\n      duration_days: " << dist(s.duration_days)
      << "\n      conversion: {new: " << num(s.conversion_new)
      << ", existing: " << num(s.conversion_existing) << "}\n";
  y << "  existing_enter_stage: " << quote(p.funnel.stages.at(p.funnel.existing_enter_stage).name)
    << "\n  lost_to_competitor: " << num(p.funnel.lost_to_competitor) << '\n';
  if (p.funnel.patience_days)
    y << "  patience_days: " << num(*p.funnel.patience_days) << '\n';
  if (p.funnel.max_age_days)
    y << "  max_age_days: " << num(*p.funnel.max_age_days) << '\n';
  y << "  priority: " << model::priority_name(p.funnel.priority) << '\n';

  const auto &c = p.customers;
  y << "customers:\n  initial: {A: " << c.initial[0] << ", B: " << c.initial[1]
    << ", C: " << c.initial[2] << "}\n  classes: {A: " << num(c.class_a_threshold)
    << ", B: " << num(c.class_b_threshold) << "}\n  intents:\n";
  for (const model::Intent intent : model::all_intents) {
    const auto &i = c[intent];
    y << "    " << model::intent_name(intent) << ": {per_year: " << abc(i.per_year)
      << ", value_factor: " << num(i.value_factor) << ", margin_delta: " << num(i.margin_delta)
      << "}\n";
  }
  y << "  churn_per_year: " << abc(c.churn_per_year) << "\n  brickwalling:\n"
    << "    hours_per_customer_per_month: " << abc(c.brickwalling.hours_per_customer_per_month)
    << "\n    effect: " << num(c.brickwalling.effect)
    << "\n    priority: " << model::priority_name(c.brickwalling.priority) << '\n';
  if (c.winback_after_days)
    y << "  winback_after_days: " << num(*c.winback_after_days) << '\n';

  const auto &t = p.targets;
  if (t.revenue_per_year || t.new_customers_per_year || t.max_churn_per_year) {
    y << "targets:\n";
    if (t.revenue_per_year)
      y << "  revenue_per_year: " << num(*t.revenue_per_year) << '\n';
    if (t.new_customers_per_year)
      y << "  new_customers_per_year: " << num(*t.new_customers_per_year) << '\n';
    if (t.max_churn_per_year)
      y << "  max_churn_per_year: " << num(*t.max_churn_per_year) << '\n';
  }
  return y.str();
}

} // namespace salesfab::scenario
