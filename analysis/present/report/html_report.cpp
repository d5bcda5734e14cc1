#include "analysis/present/report/html_report.hpp"

#include "analysis/measure/comparison.hpp"
#include "analysis/measure/metric_names.hpp"
#include "analysis/present/report/factory_diagram.hpp"
#include "analysis/present/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace salesfab::present::report {

namespace {

namespace names = analysis::names;
using analysis::Rkk;
using analysis::rkk_name;
using analysis::Summary;
using analysis::VariantResult;

using svg::escape;

// Large type for a projector, calm colours, and a print layout without backgrounds in which
// no figure or table is cut in two.
constexpr std::string_view stylesheet = R"(
body { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; font-size: 20px;
  line-height: 1.45; color: #111; background: #fff; max-width: 1240px; margin: 0 auto;
  padding: 24px 32px; }
h1 { font-size: 2em; margin: 0 0 0.2em; }
h2 { font-size: 1.55em; margin: 1.6em 0 0.4em; padding-bottom: 0.15em;
  border-bottom: 3px solid #0072B2; }
h3 { font-size: 1.25em; margin: 1.2em 0 0.3em; }
h4 { font-size: 1.05em; margin: 0.8em 0 0.2em; }
p { margin: 0.3em 0; }
.lead { font-size: 1.2em; }
.note { color: #444; font-size: 0.85em; }
nav ul { margin: 0.3em 0; padding-left: 1.2em; }
a { color: #0a5a8c; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 1em; font-size: 0.9em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; text-align: right;
  vertical-align: top; }
table.run td { overflow-wrap: anywhere; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #eef3f8; border-bottom: 2px solid #888; }
td.best { font-weight: bold; }
.ci { display: block; color: #555; font-size: 0.8em; white-space: nowrap; }
.sha { display: block; color: #555; font-size: 0.7em; word-break: break-all; }
code { font-size: 0.9em; }
figure { margin: 0.8em 0 1.2em; }
figcaption { color: #444; font-size: 0.85em; }
svg { display: block; width: 100%; height: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr));
  gap: 8px 28px; }
pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.8em 1em; font-size: 0.7em;
  line-height: 1.35; white-space: pre-wrap; overflow-wrap: anywhere; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  figure, table, tr, .chart { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  thead th { background: none; }
  pre { background: none; font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
}
@page { size: A4 landscape; margin: 12mm; }
)";

class Page {
public:
  explicit Page(const Input &input) : in_(input), lang_(input.language) {}

  std::string render() {
    out_ += "<!DOCTYPE html>\n<html lang=\"";
    out_ += lang_ == Language::nl ? "nl" : "en";
    out_ += "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
            escape(heading()) + "</title>\n<style>" + std::string(stylesheet) +
            "</style>\n</head>\n<body>\n";
    header();
    if (in_.variants.size() > 1)
      side_by_side();
    for (std::size_t v = 0; v < in_.variants.size(); ++v)
      variant(v);
    scenario_files();
    what_was_run();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

private:
  [[nodiscard]] std::string w(std::string_view key) const { return std::string(word(lang_, key)); }
  // A number's group separator is a no-break space here, so no number breaks across lines.
  [[nodiscard]] std::string value(std::optional<double> x) const {
    return no_break(escape(format_value(lang_, x)));
  }
  static std::string no_break(std::string text) {
    std::string out;
    for (const char c : text)
      out += c == ' ' ? std::string("\u00a0") : std::string(1, c);
    return out;
  }

  // A whole number as it is, else one decimal ("95", "97,5"): days and confidence levels.
  [[nodiscard]] std::string plain(double x) const {
    return format_amount(lang_, x, std::abs(x - std::round(x)) < 1e-9 ? 0 : 1);
  }

  [[nodiscard]] std::string heading() const {
    std::vector<std::string> scenarios;
    for (const Variant &v : in_.variants)
      if (std::find(scenarios.begin(), scenarios.end(), v.result->scenario) == scenarios.end())
        scenarios.push_back(v.result->scenario);
    std::string h = w("report.title");
    for (std::size_t i = 0; i < scenarios.size(); ++i)
      h += (i ? ", " : ": ") + scenarios[i];
    return h;
  }

  [[nodiscard]] std::string run_note(const VariantResult &v) const {
    const model::Parameters &p = v.parameters;
    return fill(w("run_note"), {{"n", std::to_string(p.run.replications)},
                                {"h", plain(p.time.horizon_days)},
                                {"w", plain(p.time.warmup_days)},
                                {"c", plain(p.run.confidence * 100)}});
  }

  void header() {
    out_ += "<header>\n<h1>" + escape(heading()) + "</h1>\n";
    if (!in_.variants.empty() && !title(0).empty())
      out_ += "<p class=\"lead\">" + escape(title(0)) + "</p>\n";
    out_ += "<p class=\"note\">" + escape(w("report.intro")) + "</p>\n";
    if (in_.variants.empty())
      out_ += "<p>" + escape(w("report.no_variants")) + "</p>\n";
    out_ += "</header>\n";
    if (in_.variants.size() > 1) {
      out_ += "<nav>\n<ul>\n";
      for (std::size_t v = 0; v < in_.variants.size(); ++v)
        out_ += "<li><a href=\"#variant-" + std::to_string(v + 1) + "\">" +
                escape(in_.variants[v].result->variant) + "</a></li>\n";
      out_ += "</ul>\n</nav>\n";
    }
  }

  [[nodiscard]] const std::string &title(std::size_t v) const {
    return in_.variants[v].result->parameters.title;
  }

  void side_by_side() {
    std::vector<const VariantResult *> results;
    for (const Variant &v : in_.variants)
      results.push_back(v.result);
    const analysis::SideBySide table = analysis::side_by_side(results);
    const auto keys = analysis::key_metrics();
    out_ += "<section id=\"side-by-side\">\n<h2>" + escape(w("report.side_by_side")) + "</h2>\n";
    out_ += "<p class=\"note\">" + escape(w("report.side_by_side_note")) + "</p>\n";
    out_ += "<table>\n<thead><tr><th>" + escape(w("variant")) + "</th>";
    for (const analysis::KeyMetric &k : keys)
      out_ += "<th>" + escape(metric_label(lang_, k.name)) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (std::size_t v = 0; v < results.size(); ++v) {
      out_ += "<tr><td><a href=\"#variant-" + std::to_string(v + 1) + "\">" +
              breakable(results[v]->variant) + "</a></td>";
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const Summary *m = table.cells[k][v];
        const bool is_best = table.best[k][v];
        out_ += is_best ? "<td class=\"best\">" : "<td>";
        out_ += value(m ? m->mean : std::nullopt) + (is_best ? " *" : "");
        const int i = results[v]->index(keys[k].name);
        if (m && i >= 0)
          out_ += interval(*m, results[v]->metrics[static_cast<std::size_t>(i)].bounds);
        out_ += "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    clipped_note();
    out_ += "</section>\n";
  }

  // A variant's name, escaped, that may break after . , = and [ (names of sweeps are long).
  static std::string breakable(std::string_view name) {
    std::string out;
    for (const char c : name) {
      out += escape(std::string_view(&c, 1));
      if (c == '.' || c == ',' || c == '=' || c == '[')
        out += "<wbr>";
    }
    return out;
  }

  // An interval end as shown: clipped to the metric's bound and marked (numbers.hpp).
  [[nodiscard]] std::string end(const std::optional<double> &x, bool clipped) const {
    return value(x) + (clipped ? std::string(clipped_mark) : "");
  }

  [[nodiscard]] std::string interval(const Summary &s, const analysis::Bounds &bounds) {
    if (!s.ci_low || !s.ci_high)
      return {};
    const ShownInterval shown = shown_interval(s.ci_low, s.ci_high, bounds);
    clipped_ = clipped_ || shown.clipped();
    return "<span class=\"ci\">" + end(shown.low, shown.low_clipped) + " \u2013 " +
           end(shown.high, shown.high_clipped) + "</span>";
  }

  // The note under a table whose intervals were clipped, once; resets for the next table.
  void clipped_note() {
    if (clipped_)
      out_ += "<p class=\"note\">" + escape(w("clipped_note")) + "</p>\n";
    clipped_ = false;
  }

  void variant(std::size_t index) {
    const VariantResult &v = *in_.variants[index].result;
    const model::TimeParameters &time = v.parameters.time;
    out_ += "<section class=\"variant\" id=\"variant-" + std::to_string(index + 1) + "\">\n<h2>" +
            escape(fill(w("report.variant"), {{"name", v.variant}})) + "</h2>\n";
    if (!title(index).empty() && title(index) != title(0))
      out_ += "<p class=\"lead\">" + escape(title(index)) + "</p>\n";
    out_ += "<p class=\"note\">" + escape(run_note(v)) + "</p>\n";
    if (v.precision)
      out_ += "<p class=\"note\">" +
              escape(fill(w(v.precision->stopped_by_target ? "precision.met" : "precision.missed"),
                          {{"n", std::to_string(v.precision->replications)},
                           {"c", plain(v.parameters.run.confidence * 100)},
                           {"r", plain(v.precision->target * 100)}})) +
              "</p>\n";

    out_ += "<h3>" + escape(w("report.factory")) + "</h3>\n<figure class=\"factory\">\n" +
            factory_diagram(v, lang_) + "<figcaption>" +
            escape(fill(w("report.factory_note"),
                        {{"w", plain(time.warmup_days)}, {"h", plain(time.horizon_days)}})) +
            "</figcaption>\n</figure>\n";

    out_ += "<h3>" + escape(w("report.rkk")) + "</h3>\n";
    for (const Rkk rkk : {Rkk::kwantiteit, Rkk::kwaliteit, Rkk::richting}) {
      out_ += "<h4>" + escape(w(rkk_name(rkk))) + "</h4>\n<table class=\"rkk\">\n<thead><tr><th>" +
              escape(w("metric")) + "</th><th>" + escape(w("mean")) + "</th><th>" +
              escape(w("ci_low")) + "</th><th>" + escape(w("ci_high")) + "</th><th>" +
              escape(w("unit")) + "</th></tr></thead>\n<tbody>\n";
      for (std::size_t m = 0; m < v.metrics.size(); ++m)
        if (v.metrics[m].rkk == rkk) {
          const Summary &s = v.summaries[m];
          const ShownInterval shown = shown_interval(s.ci_low, s.ci_high, v.metrics[m].bounds);
          clipped_ = clipped_ || shown.clipped();
          out_ += "<tr><td>" + escape(metric_label(lang_, v.metrics[m].name)) + "</td><td>" +
                  value(s.mean) + "</td><td>" + end(shown.low, shown.low_clipped) + "</td><td>" +
                  end(shown.high, shown.high_clipped) + "</td><td>" +
                  escape(unit_label(lang_, v.metrics[m].unit)) + "</td></tr>\n";
        }
      out_ += "</tbody>\n</table>\n";
      clipped_note();
    }
    charts(v);
    out_ += "</section>\n";
  }

  // The time series of a variant, one vector per metric, indexed like the x values.
  struct Columns {
    std::vector<double> x;
    std::vector<bool> complete; ///< the period is as long as the longest (the last may be short)
    std::map<std::string, svg::Series> by_metric;
  };

  static Columns columns(const VariantResult &v) {
    Columns c;
    const std::size_t periods = v.series.size();
    const std::vector<double> &start = v.period_start_days();
    std::vector<double> length;
    for (std::size_t i = 0; i < periods; ++i) {
      // Levels are taken at a period's end, flows and averages are over it: drawn at its end.
      const double end = i + 1 < periods ? start[i + 1] : v.parameters.time.horizon_days;
      c.x.push_back(end / 365.0);
      length.push_back(end - start[i]);
    }
    const double longest = length.empty() ? 0 : *std::max_element(length.begin(), length.end());
    for (const double l : length)
      c.complete.push_back(l >= longest * 0.999);
    for (std::size_t m = 0; m < v.period_metrics.size(); ++m) {
      svg::Series &s = c.by_metric[v.period_metrics[m].name];
      s.mean.resize(periods);
      s.low.resize(periods);
      s.high.resize(periods);
      for (std::size_t i = 0; i < periods; ++i) {
        // Bands stop at the metric's bound, like the tables' intervals (no queue below 0).
        const ShownInterval shown = shown_interval(v.series[i][m].ci_low, v.series[i][m].ci_high,
                                                   v.period_metrics[m].bounds);
        s.mean[i] = v.series[i][m].mean;
        s.low[i] = shown.low;
        s.high[i] = shown.high;
      }
    }
    return c;
  }

  // One chart of period metrics, each (metric, label) a line with its band.
  void chart(const Columns &cols, const std::string &title, const std::string &y_label,
             const std::vector<std::pair<std::string, std::string>> &series,
             bool complete_only = false) {
    svg::LineChart c;
    c.label = title;
    c.x_label = w("report.axis.years");
    c.y_label = y_label;
    c.x = cols.x;
    c.empty_text = w("report.no_data");
    c.format = [this](double x, double step) {
      const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
      return format_amount(lang_, x, decimals);
    };
    for (const auto &[metric, label] : series) {
      const auto it = cols.by_metric.find(metric);
      svg::Series s = it == cols.by_metric.end() ? svg::Series{} : it->second;
      s.label = label;
      // A flow of a short last period would look like a collapse: it is left out.
      for (std::size_t i = 0; complete_only && i < s.mean.size(); ++i)
        if (!cols.complete[i])
          s.mean[i] = s.low[i] = s.high[i] = std::nullopt;
      c.series.push_back(std::move(s));
    }
    out_ += "<figure class=\"chart\">\n<h4>" + escape(title) + "</h4>\n" + svg::line_chart(c) +
            "</figure>\n";
  }

  void charts(const VariantResult &v) {
    namespace period = names::period;
    const Columns cols = columns(v);
    const std::string note =
        fill(w("report.band_note"), {{"n", std::to_string(v.parameters.run.replications)},
                                     {"c", plain(v.parameters.run.confidence * 100)}});
    out_ += "<h3>" + escape(w("report.over_time")) + "</h3>\n<p class=\"note\">" + escape(note) +
            "</p>\n<div class=\"charts\">\n";
    chart(cols, w("report.chart.customers"), w("report.axis.customers"),
          {{std::string(period::customers_a), w("report.series.customers_a")},
           {std::string(period::customers_b), w("report.series.customers_b")},
           {std::string(period::customers_c), w("report.series.customers_c")}});
    chart(cols, w("report.chart.revenue"), std::string(unit_label(lang_, "money")),
          {{std::string(period::revenue), w("report.series.revenue")}}, /*complete_only=*/true);
    std::vector<std::pair<std::string, std::string>> stages;
    for (const model::Stage &s : v.parameters.funnel.stages)
      stages.emplace_back(period::pipeline(s.name), s.name);
    chart(cols, w("report.chart.pipeline"), w("report.axis.opportunities"), stages);
    // Averages over a period, like revenue: a short last period would be all noise.
    chart(cols, w("report.chart.queues"), w("report.axis.waiting"),
          {{std::string(period::queue_qualifier), w("report.series.queue_qualifier")},
           {std::string(period::queue_account_executive),
            w("report.series.queue_account_executive")}},
          /*complete_only=*/true);
    chart(cols, w("report.chart.utilisation"), std::string(unit_label(lang_, "share")),
          {{std::string(period::utilisation_qualifier),
            metric_label(lang_, names::utilisation_qualifier)},
           {std::string(period::utilisation_account_executive),
            metric_label(lang_, names::utilisation_account_executive)}},
          /*complete_only=*/true);
    out_ += "</div>\n";
  }

  void scenario_files() {
    out_ += "<section id=\"scenario\">\n<h2>" +
            escape(w(in_.files.size() == 1 ? "report.scenario" : "report.scenarios")) + "</h2>\n";
    for (const File &f : in_.files)
      out_ += "<h3><code>" + escape(f.source) + "</code></h3>\n<pre>" + escape(f.text) + "</pre>\n";
    out_ += "</section>\n";
  }

  void what_was_run() {
    out_ += "<section id=\"run\">\n<h2>" + escape(w("report.run")) + "</h2>\n<p>" +
            escape(w("report.version")) + ": <code>" + escape(in_.version) + "</code></p>\n";
    out_ += "<table class=\"run\">\n<thead><tr><th>" + escape(w("report.file")) + "</th><th>" +
            escape(w("report.variants")) + "</th><th>" + escape(w("replications")) + "</th><th>" +
            escape(w("report.seed")) + "</th><th>" + escape(w("report.confidence")) +
            "</th></tr></thead>\n<tbody>\n";
    for (std::size_t f = 0; f < in_.files.size(); ++f) {
      std::string variants;
      std::vector<std::string> replications, seeds, confidence;
      auto add = [](std::vector<std::string> &list, std::string item) {
        if (std::find(list.begin(), list.end(), item) == list.end())
          list.push_back(std::move(item));
      };
      auto join = [](const std::vector<std::string> &list) {
        std::string s;
        for (const auto &item : list)
          s += (s.empty() ? "" : ", ") + escape(item);
        return s;
      };
      for (const Variant &v : in_.variants)
        if (v.file == f) {
          const model::RunParameters &run = v.result->parameters.run;
          variants += (variants.empty() ? "" : "<br>") + escape(v.result->variant);
          add(replications, std::to_string(run.replications));
          add(seeds, std::to_string(run.seed));
          add(confidence, plain(run.confidence * 100) + " %");
        }
      out_ += "<tr><td><code>" + escape(in_.files[f].source) + "</code><span class=\"sha\">" +
              escape(w("report.sha256")) + " " + in_.files[f].sha256 + "</span></td><td>" +
              variants + "</td><td>" + join(replications) + "</td><td>" + join(seeds) +
              "</td><td>" + join(confidence) + "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    if (!in_.sets.empty()) {
      out_ += "<p>" + escape(w("report.sets")) + ":</p>\n<ul>\n";
      for (const std::string &s : in_.sets)
        out_ += "<li><code>--set " + escape(s) + "</code></li>\n";
      out_ += "</ul>\n";
    }
    out_ += "</section>\n";
  }

  const Input &in_;
  Language lang_;
  std::string out_;
  bool clipped_ = false; // an interval of the table being written was clipped
};

} // namespace

std::string html_report(const Input &input) { return Page(input).render(); }

} // namespace salesfab::present::report
