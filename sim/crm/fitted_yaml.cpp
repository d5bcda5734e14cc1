#include "crm/fitted_yaml.hpp"

#include "scenario/writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace salesfab::crm {

std::string short_number(double x) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.4g", x);
  const double rounded = std::strtod(buffer, nullptr);
  if (std::abs(rounded) >= 1000) // 28570, not 2.857e+04
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  return buffer;
}

namespace {

std::string num(double x) {
  if (x == std::floor(x) && std::abs(x) < 1e15) // whole numbers as such: 100000, not 1e+05
    return std::to_string(static_cast<long long>(x));
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
}

std::string quote(const std::string &s) {
  std::string q = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\')
      q += '\\';
    q += c;
  }
  return q + '"';
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
  if (d.kind() == Distribution::Kind::empirical) {
    out += ", values: [";
    for (std::size_t i = 0; i < d.values().size(); ++i)
      out += (i ? ", " : "") + num(d.values()[i]);
    out += "], weights: [";
    for (std::size_t i = 0; i < d.weights().size(); ++i)
      out += (i ? ", " : "") + num(d.weights()[i]);
    out += "]";
  }
  return out + "}";
}

std::string interval(const analysis::Interval &i) {
  return short_number(i.low) + "-" + short_number(i.high);
}

// Lines with their comments aligned after the value.
class Yaml {
public:
  Yaml(const Calibration &c, double confidence) : c_(c), confidence_(confidence) {}

  void line(const std::string &text, const std::string &comment = {}) {
    lines_.emplace_back(text, comment);
  }
  /// A key whose value was fitted (comment from the calibration) or taken from the base.
  void key(const std::string &indent, const std::string &name, const std::string &value,
           const std::string &path) {
    line(indent + name + ": " + value, comment(path));
  }
  [[nodiscard]] std::string comment(const std::string &path) const {
    const std::string ci =
        std::to_string(static_cast<int>(std::lround(confidence_ * 100))) + "% CI ";
    if (const Fitted *f = c_.find(path))
      return "fitted: n=" + short_number(f->n) + (f->detail.empty() ? "" : " " + f->detail) + ", " +
             ci + interval(f->ci) + ", " + f->method;
    const Fitted *mean = c_.find(path + ".mean");
    if (!mean)
      return "from base";
    std::string s = "fitted: n=" + short_number(mean->n) +
                    (mean->detail.empty() ? "" : " " + mean->detail) + ", mean " + ci +
                    interval(mean->ci);
    if (const Fitted *sd = c_.find(path + ".sd"))
      s += ", sd " + ci + interval(sd->ci);
    return s + ", " + mean->method;
  }
  [[nodiscard]] std::string str() const {
    std::size_t width = 0;
    for (const auto &[text, comment] : lines_)
      if (!comment.empty())
        width = std::max(width, text.size());
    width = std::min<std::size_t>(width, 60);
    std::string out;
    for (const auto &[text, comment] : lines_) {
      out += text;
      if (!comment.empty())
        out += std::string(text.size() < width ? width - text.size() : 0, ' ') + "  # " + comment;
      out += '\n';
    }
    return out;
  }

private:
  const Calibration &c_;
  double confidence_;
  std::vector<std::pair<std::string, std::string>> lines_;
};

// The sections the CRM cannot tell, as the scenario writer writes them, marked as from the base.
std::string base_sections(const model::Parameters &p) {
  std::istringstream in(scenario::to_yaml(p));
  std::string out, line;
  bool keep = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ') {
      const std::string section = line.substr(0, line.find(':'));
      keep = section == "time" || section == "run" || section == "staff";
      if (keep)
        line += "  # from base";
    }
    if (keep)
      out += line + '\n';
  }
  return out;
}

void market(Yaml &y, const model::MarketParameters &m) {
  y.line("market:");
  y.line("  segments:");
  for (std::size_t i = 0; i < m.segments.size(); ++i) {
    const auto &s = m.segments[i];
    const std::string path = "market.segments[" + std::to_string(i) + "].";
    y.line("    - name: " + quote(s.name));
    y.key("      ", "suspects_per_week", num(s.suspects_per_week), path + "suspects_per_week");
    y.key("      ", "qualification_pass", num(s.qualification_pass), path + "qualification_pass");
    y.key("      ", "deal_value", dist(s.deal_value), path + "deal_value");
    y.key("      ", "margin", num(s.margin), path + "margin");
  }
  y.line("  qualification:", "from base");
  y.line("    effort_hours: " + dist(m.qualification.effort_hours));
  if (m.qualification.patience_days)
    y.line("    patience_days: " + num(*m.qualification.patience_days));
  if (m.qualification.pass_halflife_days)
    y.line("    pass_halflife_days: " + num(*m.qualification.pass_halflife_days));
  y.line("  shortlist:", "from base");
  y.line("    time_to_need_days: " + dist(m.shortlist.time_to_need_days));
  y.line("    drift_per_year: " + num(m.shortlist.drift_per_year));
}

void funnel(Yaml &y, const model::FunnelParameters &f) {
  y.line("funnel:");
  y.line("  stages:");
  for (std::size_t i = 0; i < f.stages.size(); ++i) {
    const auto &s = f.stages[i];
    const std::string path = "funnel.stages[" + std::to_string(i) + "].";
    y.line("    - name: " + quote(s.name));
    y.line("      effort_hours: " + dist(s.effort_hours),
           "from base: the CRM's time in stage includes the work");
    y.line("      duration_days: " + dist(s.duration_days),
           y.comment(path + "duration_days") + "; time in stage: waiting for an account "
                                               "executive, the work and the customer's time");
    y.line("      conversion:");
    y.key("        ", "new", num(s.conversion_new), path + "conversion.new");
    y.key("        ", "existing", num(s.conversion_existing), path + "conversion.existing");
    if (s.conversion_halflife_days)
      y.line("      conversion_halflife_days: " + num(*s.conversion_halflife_days), "from base");
  }
  y.key("  ", "existing_enter_stage", quote(f.stages.at(f.existing_enter_stage).name),
        "funnel.existing_enter_stage");
  y.key("  ", "lost_to_competitor", num(f.lost_to_competitor), "funnel.lost_to_competitor");
  if (f.patience_days)
    y.line("  patience_days: " + num(*f.patience_days), "from base");
  if (f.max_age_days)
    y.line("  max_age_days: " + num(*f.max_age_days), "from base");
  y.line("  priority: " + std::string(model::priority_name(f.priority)), "from base");
}

void per_class(Yaml &y, const std::string &indent, const std::string &name,
               const model::PerClass &v, const std::string &path) {
  y.line(indent + name + ":");
  for (const model::CustomerClass cls : model::all_classes) {
    const std::string c(model::class_name(cls));
    y.key(indent + "  ", c, num(v[cls]), path + "." + c);
  }
}

void customers(Yaml &y, const model::CustomerParameters &c) {
  y.line("customers:");
  y.line("  initial: {A: " + std::to_string(c.initial[0]) + ", B: " + std::to_string(c.initial[1]) +
             ", C: " + std::to_string(c.initial[2]) + "}",
         "from base");
  y.line("  classes: {A: " + num(c.class_a_threshold) + ", B: " + num(c.class_b_threshold) + "}",
         "from base");
  y.line("  intents:");
  for (const model::Intent intent : model::all_intents) {
    const std::string name(model::intent_name(intent));
    const std::string path = "customers.intents." + name;
    y.line("    " + name + ":");
    per_class(y, "      ", "per_year", c[intent].per_year, path + ".per_year");
    y.key("      ", "value_factor", num(c[intent].value_factor), path + ".value_factor");
    y.line("      margin_delta: " + num(c[intent].margin_delta), "from base");
  }
  per_class(y, "  ", "churn_per_year", c.churn_per_year, "customers.churn_per_year");
  const auto &b = c.brickwalling;
  y.line("  brickwalling:", "from base");
  y.line("    hours_per_customer_per_month: {A: " + num(b.hours_per_customer_per_month.value[0]) +
         ", B: " + num(b.hours_per_customer_per_month.value[1]) +
         ", C: " + num(b.hours_per_customer_per_month.value[2]) + "}");
  y.line("    effect: " + num(b.effect));
  y.line("    priority: " + std::string(model::priority_name(b.priority)));
  if (c.winback_after_days)
    y.line("  winback_after_days: " + num(*c.winback_after_days), "from base");
}

void targets(Yaml &y, const model::TargetParameters &t) {
  if (!t.revenue_per_year && !t.new_customers_per_year && !t.max_churn_per_year)
    return;
  y.line("targets:", "from base");
  if (t.revenue_per_year)
    y.line("  revenue_per_year: " + num(*t.revenue_per_year));
  if (t.new_customers_per_year)
    y.line("  new_customers_per_year: " + num(*t.new_customers_per_year));
  if (t.max_churn_per_year)
    y.line("  max_churn_per_year: " + num(*t.max_churn_per_year));
}

} // namespace

std::string fitted_yaml(const Calibration &c, const Provenance &provenance, double confidence) {
  const model::Parameters &p = c.parameters;
  std::string out =
      "# Fitted by salesfab calibrate to the CRM history " + provenance.history + " (" +
      provenance.source + "), " + date_text(c.from) + " to " + date_text(c.as_of) + ".\n" +
      "# 'fitted:' gives each value's n, its " +
      std::to_string(static_cast<int>(std::lround(confidence * 100))) +
      "% confidence interval and the method; 'from base' marks values\n# taken from " +
      provenance.base + ", which the CRM cannot tell (staff, efforts, margins, brickwalling).\n";
  out += "name: " + p.name + "\n";
  if (!p.title.empty())
    out += "title: " + quote(p.title) + "\n";
  out += base_sections(p);
  Yaml y(c, confidence);
  market(y, p.market);
  funnel(y, p.funnel);
  customers(y, p.customers);
  targets(y, p.targets);
  return out + y.str();
}

} // namespace salesfab::crm
