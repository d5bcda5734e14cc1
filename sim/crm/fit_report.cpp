#include "crm/fit_report.hpp"

#include "analysis/output/csv.hpp"
#include "analysis/present/report/svg.hpp"

#include <algorithm>
#include <cmath>

namespace salesfab::crm {

std::string fit_csv(const Calibration &c) {
  using output::csv_field;
  using output::csv_number;
  std::string out =
      output::csv_line({"key", "estimate", "ci_low", "ci_high", "n", "method", "detail"});
  for (const Fitted &f : c.fitted)
    out += output::csv_line({csv_field(f.key), csv_number(f.estimate), csv_number(f.ci.low),
                             csv_number(f.ci.high), csv_number(f.n), csv_field(f.method),
                             csv_field(f.detail)});
  for (const std::string &key : c.from_base)
    out += output::csv_line({csv_field(key), "", "", "", "", "from base", ""});
  return out;
}

namespace {

using present::svg::escape;

constexpr std::string_view stylesheet = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;font-size:.9rem}th,td{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#555}
figure{margin:1rem 0 2rem}svg{max-width:100%;height:auto}
)";

// The empirical survival just after x: Kaplan-Meier's steps.
double step_at(const std::vector<analysis::SurvivalStep> &steps, double x) {
  double s = 1;
  for (const auto &step : steps) {
    if (step.time > x)
      break;
    s = step.survival;
  }
  return s;
}

std::string chart(const FittedCurve &curve, present::Language lang) {
  const auto steps = analysis::kaplan_meier(curve.data);
  double high = 0;
  for (const auto &o : curve.data)
    high = std::max(high, o.value);
  const bool days = curve.resolution == analysis::Resolution::whole_days;
  present::svg::LineChart ch;
  ch.label = curve.key;
  ch.x_label = std::string(present::word(lang, days ? "fit.days" : "fit.amount"));
  ch.y_label = std::string(present::word(lang, "fit.share_above"));
  const int points = days ? static_cast<int>(std::min(high, 200.0)) + 1 : 101;
  const double step = days ? std::max(1.0, std::ceil(high / 200)) : high / 100;
  present::svg::Series data, fitted;
  data.label = std::string(present::word(lang, "fit.data"));
  fitted.label = std::string(present::word(lang, "fit.fitted"));
  for (int i = 0; i < points; ++i) {
    const double x = i * step;
    ch.x.push_back(x);
    data.mean.emplace_back(step_at(steps, x));
    fitted.mean.emplace_back(analysis::fitted_survival(curve.fit.chosen, x, curve.resolution));
  }
  data.low = data.high = std::vector<std::optional<double>>(data.mean.size());
  fitted.low = fitted.high = data.low;
  ch.series.push_back(std::move(data));
  ch.series.push_back(std::move(fitted));
  return present::svg::line_chart(ch);
}

std::string values_table(const Calibration &c, present::Language lang) {
  const auto w = [&](const char *key) { return escape(present::word(lang, key)); };
  std::string out = "<table>\n<tr><th>" + w("fit.key") + "</th><th>" + w("fit.estimate") +
                    "</th><th>" + w("fit.interval") + "</th><th>n</th><th>" + w("fit.method") +
                    "</th></tr>\n";
  for (const Fitted &f : c.fitted)
    out += "<tr><td>" + escape(f.key) + "</td><td class=\"num\">" +
           escape(short_number(f.estimate)) + "</td><td class=\"num\">" +
           escape(short_number(f.ci.low) + " – " + short_number(f.ci.high)) +
           "</td><td class=\"num\">" + escape(short_number(f.n)) + "</td><td>" +
           escape(f.method + (f.detail.empty() ? "" : " " + f.detail)) + "</td></tr>\n";
  return out + "</table>\n";
}

} // namespace

std::string fit_html(const Calibration &c, const Provenance &p, present::Language lang,
                     double confidence) {
  const auto w = [&](const char *key) { return std::string(present::word(lang, key)); };
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang == present::Language::nl ? "nl" : "en";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(w("fit.title")) +
         "</title>\n<style>" + std::string(stylesheet) + "</style>\n</head>\n<body>\n<h1>" +
         escape(w("fit.title")) + "</h1>\n<p class=\"note\">" +
         escape(present::fill(w("fit.intro"),
                              {{"history", p.history},
                               {"from", date_text(c.from)},
                               {"as_of", date_text(c.as_of)},
                               {"c", std::to_string(std::lround(confidence * 100))}})) +
         "</p>\n<h2>" + escape(w("fit.values")) + "</h2>\n" + values_table(c, lang);
  if (!c.from_base.empty()) {
    std::string keys;
    for (const std::string &k : c.from_base)
      keys += (keys.empty() ? "" : ", ") + k;
    out += "<p class=\"note\">" +
           escape(present::fill(w("fit.from_base"), {{"base", p.base}, {"keys", keys}})) + "</p>\n";
  }
  out += "<h2>" + escape(w("fit.curves")) + "</h2>\n";
  for (const FittedCurve &curve : c.curves) {
    out += "<figure>\n<h3>" + escape(curve.key) + "</h3>\n<p class=\"note\">" +
           escape(present::fill(
               w("fit.curve_note"),
               {{"family", std::string(analysis::family_name(curve.fit.chosen.family))},
                {"aic", short_number(curve.fit.chosen.aic)}})) +
           "</p>\n" + chart(curve, lang) + "\n</figure>\n";
  }
  return out + "</body>\n</html>\n";
}

} // namespace salesfab::crm
