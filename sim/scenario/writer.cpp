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
  using engine::Distribution;
  const double *p = d.parameters();
  if (d.kind() == Distribution::Kind::constant)
    return num(p[0]);
  std::string out = std::string("{dist: ") + Distribution::name(d.kind());
  const auto keys = Distribution::parameter_names(d.kind());
  for (std::size_t i = 0; i < keys.size(); ++i)
    out += ", " + std::string(keys[i]) + ": " + num(p[i]);
  if (d.kind() == Distribution::Kind::empirical)
    out += ", values: " + list(d.values()) + ", weights: " + list(d.weights());
  return out + "}";
}

void time_and_run(std::ostream &y, const model::Parameters &p) {
  y << "time:\n  horizon_days: " << num(p.time.horizon_days)
    << "\n  warmup_days: " << num(p.time.warmup_days) << "\n  report_period: ";
  const std::string &period = p.time.report_period;
  const bool named =
      period == "week" || period == "month" || period == "quarter" || period == "year";
  y << (named ? period : num(p.time.report_period_days)) << '\n';
  y << "run:\n  replications: " << p.run.replications << "\n  seed: " << p.run.seed
    << "\n  confidence: " << num(p.run.confidence) << '\n';
  if (!p.run.precision)
    return;
  y << "  precision: " << num(*p.run.precision) << '\n';
  if (!p.run.precision_metrics.empty()) {
    y << "  precision_metrics: [";
    for (std::size_t i = 0; i < p.run.precision_metrics.size(); ++i)
      y << (i ? ", " : "") << quote(p.run.precision_metrics[i]);
    y << "]\n";
  }
  y << "  min_replications: " << p.run.min_replications
    << "\n  max_replications: " << p.run.max_replications << '\n';
}

void staff(std::ostream &y, const model::StaffParameters &staff) {
  y << "staff:\n";
  for (const model::Role role : model::all_roles) {
    const auto &r = staff[role];
    y << "  " << model::role_name(role) << ": {headcount: " << r.headcount
      << ", hours_per_week: " << num(r.hours_per_week)
      << ", cost_per_year: " << num(r.cost_per_year) << ", ramp_up_weeks: " << num(r.ramp_up_weeks);
    if (r.attrition_per_year > 0 || r.backfill_days > 0) // keys of the later contract section
      y << ", attrition_per_year: " << num(r.attrition_per_year)
        << ", backfill_days: " << num(r.backfill_days);
    y << "}\n";
  }
  if (!staff.changes.empty()) {
    y << "  changes:\n";
    for (const auto &c : staff.changes)
      y << "    - {day: " << num(c.day) << ", role: " << model::role_name(c.role)
        << ", headcount: " << c.headcount << "}\n";
  }
}

void market(std::ostream &y, const model::MarketParameters &market) {
  y << "market:\n  segments:\n";
  for (const auto &s : market.segments)
    y << "    - name: " << quote(s.name)
      << "\n      suspects_per_week: " << num(s.suspects_per_week)
      << "\n      qualification_pass: " << num(s.qualification_pass)
      << "\n      deal_value: " << dist(s.deal_value) << "\n      margin: " << num(s.margin)
      << '\n';
  y << "  qualification:\n    effort_hours: " << dist(market.qualification.effort_hours) << '\n';
  if (market.qualification.patience_days)
    y << "    patience_days: " << num(*market.qualification.patience_days) << '\n';
  if (market.qualification.pass_halflife_days)
    y << "    pass_halflife_days: " << num(*market.qualification.pass_halflife_days) << '\n';
  y << "  shortlist:\n    time_to_need_days: " << dist(market.shortlist.time_to_need_days)
    << "\n    drift_per_year: " << num(market.shortlist.drift_per_year) << '\n';
  if (!market.seasonality.empty()) {
    y << "  seasonality: [";
    for (std::size_t i = 0; i < market.seasonality.size(); ++i)
      y << (i ? ", " : "") << num(market.seasonality[i]);
    y << "]\n";
  }
  if (!market.changes.empty())
    y << "  changes:\n";
  for (const auto &c : market.changes) {
    y << "    - {day: " << num(c.day);
    if (c.segment)
      y << ", segment: " << quote(market.segments.at(*c.segment).name);
    if (c.suspects_per_week)
      y << ", suspects_per_week: " << num(*c.suspects_per_week);
    if (c.suspects_factor)
      y << ", suspects_factor: " << num(*c.suspects_factor);
    if (c.qualification_pass)
      y << ", qualification_pass: " << num(*c.qualification_pass);
    y << "}\n";
  }
}

void funnel(std::ostream &y, const model::FunnelParameters &funnel) {
  y << "funnel:\n  stages:\n";
  for (const auto &s : funnel.stages)
    y << "    - name: " << quote(s.name) << "\n      effort_hours: " << dist(s.effort_hours)
      << "\n      duration_days: " << dist(s.duration_days)
      << "\n      conversion: {new: " << num(s.conversion_new)
      << ", existing: " << num(s.conversion_existing) << "}\n"
      << (s.conversion_halflife_days
              ? "      conversion_halflife_days: " + num(*s.conversion_halflife_days) + "\n"
              : std::string());
  y << "  existing_enter_stage: " << quote(funnel.stages.at(funnel.existing_enter_stage).name)
    << "\n  lost_to_competitor: " << num(funnel.lost_to_competitor) << '\n';
  if (funnel.patience_days)
    y << "  patience_days: " << num(*funnel.patience_days) << '\n';
  if (funnel.max_age_days)
    y << "  max_age_days: " << num(*funnel.max_age_days) << '\n';
  y << "  priority: " << model::priority_name(funnel.priority) << '\n';
}

void customers(std::ostream &y, const model::CustomerParameters &c) {
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
  if (!c.changes.empty())
    y << "  changes:\n";
  for (const auto &change : c.changes) {
    y << "    - {day: " << num(change.day);
    if (change.churn_factor)
      y << ", churn_factor: " << num(*change.churn_factor);
    if (change.intent_factor)
      y << ", intent_factor: " << num(*change.intent_factor);
    y << "}\n";
  }
}

void targets(std::ostream &y, const model::TargetParameters &t) {
  if (!t.revenue_per_year && !t.new_customers_per_year && !t.max_churn_per_year)
    return;
  y << "targets:\n";
  if (t.revenue_per_year)
    y << "  revenue_per_year: " << num(*t.revenue_per_year) << '\n';
  if (t.new_customers_per_year)
    y << "  new_customers_per_year: " << num(*t.new_customers_per_year) << '\n';
  if (t.max_churn_per_year)
    y << "  max_churn_per_year: " << num(*t.max_churn_per_year) << '\n';
}

} // namespace

std::string to_yaml(const model::Parameters &p) {
  std::ostringstream y;
  y << "name: " << p.name << '\n';
  if (!p.title.empty())
    y << "title: " << quote(p.title) << '\n';
  time_and_run(y, p);
  staff(y, p.staff);
  market(y, p.market);
  funnel(y, p.funnel);
  customers(y, p.customers);
  targets(y, p.targets);
  return y.str();
}

} // namespace salesfab::scenario
