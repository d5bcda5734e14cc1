#include "serve/levers.hpp"

#include "analysis/present/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace salesfab::serve {

namespace {

using present::fill;
using present::word;

// A range from 0 that leaves room to double (or triple) the base, in whole steps.
Lever count_lever(std::string key, double value, std::string label) {
  Lever l;
  l.key = std::move(key);
  l.value = value;
  l.min = 0;
  l.max = std::max(10.0, std::ceil(3 * value));
  l.step = 1;
  l.label = std::move(label);
  return l;
}

Lever amount_lever(std::string key, double value, double step, std::string label) {
  Lever l = count_lever(std::move(key), value, std::move(label));
  l.step = step;
  return l;
}

Lever share_lever(std::string key, double value, std::string label) {
  Lever l;
  l.key = std::move(key);
  l.value = value;
  l.min = 0;
  l.max = 1;
  l.step = 0.01;
  l.label = std::move(label);
  return l;
}

// A role the table has no word for yet (a new role) shows under its name.
std::string role_word(present::Language lang, model::Role role) {
  const std::string name(model::role_name(role));
  try {
    return std::string(word(lang, "serve.role." + name));
  } catch (const std::out_of_range &) {
    return name;
  }
}

// A per-class value is one lever when the file writes one number, else one per class.
bool per_class(const scenario::ScenarioFile &file, const std::string &key,
               const model::PerClass &value) {
  const auto written = scenario::value_at(file, key);
  if (written && written->starts_with("{"))
    return true;
  return !(value.value[0] == value.value[1] && value.value[1] == value.value[2]);
}

void staff_levers(const model::Parameters &p, present::Language lang, std::vector<Lever> &out) {
  for (model::Role role : model::all_roles) {
    const std::string key = "staff." + std::string(model::role_name(role));
    const auto &r = p.staff[role];
    const std::string who = role_word(lang, role);
    out.push_back(count_lever(key + ".headcount", r.headcount,
                              fill(word(lang, "serve.lever.headcount"), {{"role", who}})));
    Lever hours = count_lever(key + ".hours_per_week", r.hours_per_week,
                              fill(word(lang, "serve.lever.hours"), {{"role", who}}));
    hours.min = 1;
    hours.max = std::max(60.0, r.hours_per_week);
    out.push_back(std::move(hours));
  }
  for (std::size_t i = 0; i < p.staff.changes.size(); ++i) {
    const auto &c = p.staff.changes[i];
    out.push_back(count_lever(
        "staff.changes[" + std::to_string(i) + "].headcount", c.headcount,
        fill(word(lang, "serve.lever.change"),
             {{"role", role_word(lang, c.role)}, {"day", present::format_amount(lang, c.day)}})));
  }
}

void market_levers(const model::Parameters &p, present::Language lang, std::vector<Lever> &out) {
  for (std::size_t i = 0; i < p.market.segments.size(); ++i) {
    const auto &s = p.market.segments[i];
    const std::string key = "market.segments[" + std::to_string(i) + "]";
    out.push_back(amount_lever(key + ".suspects_per_week", s.suspects_per_week,
                               s.suspects_per_week >= 10 ? 1 : 0.5,
                               fill(word(lang, "serve.lever.suspects"), {{"segment", s.name}})));
    out.push_back(share_lever(key + ".qualification_pass", s.qualification_pass,
                              fill(word(lang, "serve.lever.pass"), {{"segment", s.name}})));
  }
}

void funnel_levers(const model::Parameters &p, present::Language lang, std::vector<Lever> &out) {
  for (std::size_t i = 0; i < p.funnel.stages.size(); ++i) {
    const auto &s = p.funnel.stages[i];
    const std::string key = "funnel.stages[" + std::to_string(i) + "].conversion";
    const std::string label = fill(word(lang, "serve.lever.conversion"), {{"stage", s.name}});
    if (s.conversion_new == s.conversion_existing) {
      out.push_back(share_lever(key, s.conversion_new, label));
      continue;
    }
    out.push_back(share_lever(key + ".new", s.conversion_new,
                              label + " (" + std::string(word(lang, "serve.new")) + ")"));
    out.push_back(share_lever(key + ".existing", s.conversion_existing,
                              label + " (" + std::string(word(lang, "serve.existing")) + ")"));
  }
}

void customer_levers(const scenario::ScenarioFile &file, const model::Parameters &p,
                     present::Language lang, std::vector<Lever> &out) {
  const auto &bw = p.customers.brickwalling;
  const std::string hours_key = "customers.brickwalling.hours_per_customer_per_month";
  const std::string churn_key = "customers.churn_per_year";
  const bool hours_per_class = per_class(file, hours_key, bw.hours_per_customer_per_month);
  const bool churn_per_class = per_class(file, churn_key, p.customers.churn_per_year);
  for (model::CustomerClass c : model::all_classes) {
    const std::string name(model::class_name(c));
    const std::string who = hours_per_class ? name : "A/B/C";
    if (hours_per_class || c == model::CustomerClass::A)
      out.push_back(amount_lever(hours_per_class ? hours_key + "." + name : hours_key,
                                 bw.hours_per_customer_per_month[c], 0.5,
                                 fill(word(lang, "serve.lever.am_hours"), {{"class", who}})));
  }
  for (model::CustomerClass c : model::all_classes) {
    const std::string name(model::class_name(c));
    if (churn_per_class || c == model::CustomerClass::A) {
      Lever churn = share_lever(
          churn_per_class ? churn_key + "." + name : churn_key, p.customers.churn_per_year[c],
          fill(word(lang, "serve.lever.churn"), {{"class", churn_per_class ? name : "A/B/C"}}));
      churn.max = std::max(1.0, 2 * churn.value);
      out.push_back(std::move(churn));
    }
  }
  out.push_back(share_lever("customers.brickwalling.effect", bw.effect,
                            std::string(word(lang, "serve.lever.effect"))));
}

} // namespace

std::vector<Lever> levers(const scenario::ScenarioFile &file, present::Language language) {
  const model::Parameters &p = file.variants.front().parameters;
  std::vector<Lever> out;
  staff_levers(p, language, out);
  market_levers(p, language, out);
  funnel_levers(p, language, out);
  customer_levers(file, p, language, out);
  // A key the file sweeps is not a lever: --set on it is refused (the sweep sets it).
  const auto &swept = file.variants.front().settings;
  std::erase_if(out, [&](const Lever &l) {
    return std::any_of(swept.begin(), swept.end(), [&](const auto &s) {
      return s.first == l.key || l.key.starts_with(s.first + ".") ||
             s.first.starts_with(l.key + ".");
    });
  });
  return out;
}

} // namespace salesfab::serve
