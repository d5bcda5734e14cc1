#include "serve/view.hpp"

#include "analysis/present/numbers.hpp"

#include "analysis/measure/direction.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/json_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/sha256.hpp"
#include "analysis/present/report/factory_diagram.hpp"
#include "analysis/present/report/html_report.hpp"
#include "cli/command.hpp"
#include "scenario/writer.hpp"
#include "serve/levers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace salesfab::serve {

namespace {

using output::Json;
using present::Language;
using present::report::format_value;

std::string percent(double confidence) {
  return present::format_amount(Language::en, 100 * confidence,
                                confidence * 100 == std::round(confidence * 100) ? 0 : 1);
}

Json row(const analysis::Comparison &c, const analysis::MetricDifference &d, Language lang) {
  const auto &info = c.alternative->metrics[d.alternative];
  const analysis::Summary &base = c.base->summaries[d.base];
  const analysis::Summary &alt = c.alternative->summaries[d.alternative];
  Json r = Json::object();
  r["metric"] = info.name;
  r["label"] = present::metric_label(lang, info.name);
  r["unit"] = std::string(present::unit_label(lang, info.unit));
  r["rkk"] = analysis::rkk_name(info.rkk);
  r["base"] = format_value(lang, base.mean);
  r["alternative"] = format_value(lang, alt.mean);
  r["difference"] = format_value(lang, d.difference.mean);
  r["ci_low"] = format_value(lang, d.difference.ci_low);
  r["ci_high"] = format_value(lang, d.difference.ci_high);
  r["significant"] = d.difference.excludes_zero();
  const int verdict = d.difference.excludes_zero() && d.difference.mean
                          ? analysis::judge(info.name, *d.difference.mean)
                          : 0;
  r["judgement"] = verdict > 0 ? "better" : verdict < 0 ? "worse" : "";
  return r;
}

// A lever's value for people: 2, 0.25 (0,25 in Dutch), without trailing zeros.
std::string plain(Language lang, double value) {
  int decimals = 0;
  while (decimals < 6 && std::abs(value * std::pow(10, decimals) -
                                  std::round(value * std::pow(10, decimals))) > 1e-9)
    ++decimals;
  return present::format_amount(lang, value, decimals);
}

// What the what-if changed, in the levers' words: "account managers: people 2 (base 1)".
std::vector<std::string> changes(const Run &run, Language lang) {
  const auto &w = run.what_if();
  const auto all = levers(w.files.front(), lang);
  std::vector<std::string> out;
  for (const std::string &setting : w.settings) {
    const auto eq = setting.find('=');
    const std::string key = setting.substr(0, eq), value = setting.substr(eq + 1);
    std::string text = key + " " + value;
    char *end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    const bool numeric = end && *end == '\0' && !value.empty();
    for (const Lever &l : all)
      if (l.key == key)
        text = l.label + " " + (numeric ? plain(lang, number) : value) + " (" +
               std::string(present::word(lang, "base")) + " " + plain(lang, l.value) + ")";
    out.push_back(std::move(text));
  }
  return out;
}

// The biggest significant effects in plain words: those on key metrics first, then the others,
// each group largest relative to the base first.
Json sentences(const Run &run, const analysis::Comparison &c, Language lang) {
  std::vector<std::pair<double, const analysis::MetricDifference *>> effects;
  for (const auto &d : c.differences) {
    const auto &base = c.base->summaries[d.base].mean;
    if (!d.difference.excludes_zero() || !d.difference.mean || !base || *base == 0)
      continue;
    if (analysis::better_direction(c.name(d)) == analysis::Better::neither)
      continue;
    // The key metrics (revenue, deals won, churn, customers) come first, then the rest.
    const auto keys = analysis::key_metrics();
    const bool key =
        std::any_of(keys.begin(), keys.end(), [&](const auto &k) { return k.name == c.name(d); });
    effects.emplace_back((key ? 1e9 : 0) + std::abs(*d.difference.mean / *base), &d);
  }
  std::stable_sort(effects.begin(), effects.end(),
                   [](const auto &a, const auto &b) { return a.first > b.first; });
  std::string change;
  for (const std::string &s : changes(run, lang))
    change += (change.empty() ? "" : ", ") + s;
  const std::string conf = percent(c.base->parameters.run.confidence);
  Json out = Json::array();
  for (std::size_t i = 0; i < effects.size() && i < 3; ++i) {
    const auto &d = *effects[i].second;
    const auto &info = c.alternative->metrics[d.alternative];
    const bool rises = *d.difference.mean > 0;
    out.push_back(present::fill(
        present::word(lang, "serve.sentence"),
        {{"change", change},
         {"metric", present::metric_label(lang, info.name)},
         {"moves", std::string(present::word(lang, rises ? "serve.rises" : "serve.falls"))},
         {"amount", format_value(lang, std::abs(*d.difference.mean))},
         {"unit", std::string(present::unit_label(lang, info.unit))},
         {"c", conf},
         {"low", format_value(lang, d.difference.ci_low)},
         {"high", format_value(lang, d.difference.ci_high)}}));
  }
  if (out.empty())
    out.push_back(present::fill(present::word(lang, "serve.sentence.none"), {{"c", conf}}));
  return out;
}

std::string report_html(const Run &run, const analysis::Comparison &c, Language lang) {
  present::report::Input in;
  in.language = lang;
  in.version = std::string(cli::version());
  in.sets = run.what_if().settings;
  for (const auto &file : run.what_if().files) {
    present::report::File f;
    f.source = file.source;
    f.text = file.text;
    f.sha256 = output::sha256_hex(file.text);
    in.files.push_back(std::move(f));
  }
  in.variants.push_back({c.base, 0});
  in.variants.push_back({c.alternative, 1});
  return present::report::html_report(in);
}

} // namespace

Json comparison_view(const Run &run, const analysis::Comparison &c, Language lang) {
  Json rows = Json::array();
  for (const auto &d : c.differences)
    rows.push_back(row(c, d, lang));
  Json view = Json::object();
  view["rows"] = std::move(rows);
  view["sentences"] = sentences(run, c, lang);
  view["changes"] = changes(run, lang);
  view["note"] = present::fill(present::word(lang, "paired_note"),
                               {{"n", std::to_string(c.base->parameters.run.replications)},
                                {"c", percent(c.base->parameters.run.confidence)}});
  Json diagrams = Json::object();
  diagrams["base"] = present::report::factory_diagram(*c.base, lang);
  diagrams["alternative"] = present::report::factory_diagram(*c.alternative, lang);
  view["diagrams"] = std::move(diagrams);
  view["report"] = report_html(run, c, lang);
  return view;
}

Json run_json(const Run &run, Language lang) {
  const Run::Snapshot s = run.snapshot();
  Json out = Json::object();
  out["id"] = run.id();
  out["state"] = state_name(s.state);
  out["done"] = s.done;
  out["total"] = s.total;
  if (s.state == RunState::failed)
    out["error"] = s.error;
  if (s.comparison) {
    out["comparison"] = output::comparison_json(*s.comparison);
    out["view"] = comparison_view(run, *s.comparison, lang);
  }
  return out;
}

std::string what_if_yaml(const Run &run) {
  model::Parameters p = run.what_if().files.back().variants.front().parameters;
  p.run.replications = run.what_if().replications;
  p.run.seed = run.what_if().seed;
  return scenario::to_yaml(p);
}

std::string comparison_csv(const analysis::Comparison &comparison) {
  return output::to_csv(output::comparison_records({&comparison, 1}));
}

} // namespace salesfab::serve
