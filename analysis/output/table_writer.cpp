#include "analysis/output/table_writer.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/output/csv.hpp"
#include "analysis/present/text_table.hpp"

#include <algorithm>

namespace salesfab::output {

using analysis::Rkk;
using analysis::VariantResult;
using present::metric_label;
using present::TextTable;

namespace {
constexpr Rkk rkk_order[] = {Rkk::kwantiteit, Rkk::kwaliteit, Rkk::richting};

// A confidence level as a percentage: 95, 97.5.
std::string percent(double confidence) { return csv_number(confidence * 100); }
} // namespace

std::string TableWriter::w(std::string_view key) const {
  return std::string(present::word(language_, key));
}

std::string TableWriter::number(const std::optional<double> &x) const {
  return present::format_number(x, language_);
}

std::pair<std::string, std::string> TableWriter::interval(const analysis::Summary &s,
                                                          const analysis::Bounds &bounds,
                                                          bool &clipped) const {
  const present::ShownInterval shown = present::shown_interval(s.ci_low, s.ci_high, bounds);
  clipped = clipped || shown.clipped();
  const std::string mark(present::clipped_mark);
  return {number(shown.low) + (shown.low_clipped ? mark : ""),
          number(shown.high) + (shown.high_clipped ? mark : "")};
}

std::string TableWriter::clipped_note(bool clipped) const {
  return clipped ? w("clipped_note") + '\n' : std::string();
}

std::string TableWriter::precision_note(const std::optional<analysis::PrecisionReport> &report,
                                        double confidence,
                                        const analysis::Comparison *comparison) const {
  if (!report)
    return {};
  std::string out =
      present::fill(w(report->stopped_by_target ? "precision.met" : "precision.missed"),
                    {{"n", std::to_string(report->replications)},
                     {"c", percent(confidence)},
                     {"r", csv_number(report->target * 100)}}) +
      '\n';
  TextTable t({w("metric"), w("precision.reached"), ""});
  for (const auto &watched : report->watched) {
    std::string label = metric_label(language_, watched.name);
    if (comparison) { // a paired goal watches "metric (ALT - BASE)" for every alternative
      const std::string suffix =
          analysis::paired_name("", *comparison->alternative, *comparison->base);
      if (!watched.name.ends_with(suffix))
        continue;
      const std::string metric = watched.name.substr(0, watched.name.size() - suffix.size());
      label = metric_label(language_, metric) + " (" + w("difference") + ")";
    }
    if (!watched.judged) {
      t.add({"  " + label, "-", w("precision.not_judged")});
      continue;
    }
    t.add({"  " + label, "±" + number(*watched.reached * 100) + " %",
           w(watched.met(report->target) ? "precision.target_met" : "precision.target_missed")});
  }
  return out + t.render();
}

std::string TableWriter::variants(std::span<const VariantResult *const> variants) const {
  std::string out;
  for (const VariantResult *v : variants)
    out += rkk_table(*v);
  if (variants.size() > 1)
    out += side_by_side(variants);
  return out;
}

std::string TableWriter::rkk_table(const VariantResult &v) const {
  const model::Parameters &p = v.parameters;
  std::string out = v.variant;
  if (!p.title.empty())
    out += " — " + p.title;
  out += '\n' +
         present::fill(w("run_note"), {{"n", std::to_string(p.run.replications)},
                                       {"h", number(p.time.horizon_days)},
                                       {"w", number(p.time.warmup_days)},
                                       {"c", percent(p.run.confidence)}}) +
         "\n" + precision_note(v.precision, p.run.confidence) + "\n";
  TextTable t({w("metric"), w("mean"), w("ci_low"), w("ci_high"), w("unit")});
  bool clipped = false;
  for (const auto rkk : rkk_order) {
    t.add_title(w(analysis::rkk_name(rkk)));
    for (std::size_t m = 0; m < v.metrics.size(); ++m)
      if (v.metrics[m].rkk == rkk) {
        const analysis::Summary &s = v.summaries[m];
        auto [low, high] = interval(s, v.metrics[m].bounds, clipped);
        t.add({"  " + metric_label(language_, v.metrics[m].name), number(s.mean), std::move(low),
               std::move(high), std::string(present::unit_label(language_, v.metrics[m].unit))});
      }
  }
  return out + t.render() + clipped_note(clipped) + '\n';
}

std::string TableWriter::side_by_side(std::span<const VariantResult *const> variants) const {
  const auto keys = analysis::key_metrics();
  const analysis::SideBySide table = analysis::side_by_side(variants);
  std::vector<std::string> header{w("variant")};
  for (const auto &k : keys)
    header.push_back(metric_label(language_, k.name));
  TextTable t(header);
  for (std::size_t v = 0; v < variants.size(); ++v) {
    std::vector<std::string> row{variants[v]->variant};
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const analysis::Summary *cell = table.cells[k][v];
      row.push_back(number(cell ? cell->mean : std::nullopt) + (table.best[k][v] ? " *" : "  "));
    }
    t.add(std::move(row));
  }
  return w("side_by_side") + "\n\n" + t.render() + '\n';
}

std::string TableWriter::comparisons(std::span<const analysis::Comparison> comparisons) const {
  std::string out;
  for (const auto &c : comparisons)
    out += comparison(c);
  return out;
}

std::string TableWriter::comparison(const analysis::Comparison &c) const {
  const std::size_t n = c.differences.empty() ? 0 : c.differences.front().difference.n;
  std::string out =
      c.alternative->variant + "  " + w("minus") + "  " + c.base->variant + '\n' +
      present::fill(w(c.same_seeds ? "paired_note" : "paired_note_other_seeds"),
                    {{"n", std::to_string(n)}, {"c", percent(c.base->parameters.run.confidence)}}) +
      "\n" + precision_note(c.alternative->precision, c.base->parameters.run.confidence, &c) + "\n";
  TextTable t({w("metric"), w("base"), w("alternative"), w("difference"), w("ci_low"), w("ci_high"),
               "", w("unit")});
  for (const auto rkk : rkk_order) {
    t.add_title(w(analysis::rkk_name(rkk)));
    for (const auto &d : c.differences) {
      const analysis::MetricInfo &info = c.alternative->metrics[d.alternative];
      if (info.rkk == rkk)
        t.add({"  " + metric_label(language_, c.name(d)), number(c.base->summaries[d.base].mean),
               number(c.alternative->summaries[d.alternative].mean), number(d.difference.mean),
               number(d.difference.ci_low), number(d.difference.ci_high),
               d.difference.excludes_zero() ? "*" : "",
               std::string(present::unit_label(language_, info.unit))});
    }
  }
  out += t.render() + '\n';
  if (c.won_back != analysis::WonBackNote::none)
    out += w(c.won_back == analysis::WonBackNote::first_contacts_equal ? "won_back_note_equal"
                                                                       : "won_back_note") +
           '\n';
  // Metrics one side has and the other lacks (the conversion of a stage only one funnel has).
  std::string one_sided;
  for (const auto *names : {&c.only_base, &c.only_alternative})
    for (const auto &name : *names)
      one_sided += (one_sided.empty() ? "" : ", ") + metric_label(language_, name);
  if (!one_sided.empty())
    out += w("one_sided_note") + ' ' + one_sided + '\n';
  return out;
}

namespace {
std::string_view verdict_key(analysis::theory::Verdict v) {
  using analysis::theory::Verdict;
  switch (v) {
  case Verdict::agrees:
    return "analyze.agrees";
  case Verdict::close:
    return "analyze.close";
  case Verdict::differs:
    return "analyze.differs";
  case Verdict::not_applicable:
    return "analyze.not_applicable";
  case Verdict::no_simulation:
    return "analyze.no_simulation";
  case Verdict::too_few:
    return "analyze.too_few";
  case Verdict::no_steady_state:
    return "analyze.no_steady_state";
  }
  return "?";
}
} // namespace

std::string TableWriter::theory(std::span<const analysis::theory::TheoryCheck> checks) const {
  std::string out;
  for (const auto &c : checks) {
    const model::Parameters &p = c.variant->parameters;
    out += c.variant->variant + " — " + w("analyze.title") + '\n' +
           present::fill(w("analyze.note"), {{"n", std::to_string(p.run.replications)},
                                             {"c", percent(p.run.confidence)}}) +
           "\n\n";
    out += judgements(c) + little(c) + theory_notes(c);
  }
  return out;
}

std::string TableWriter::judgements(const analysis::theory::TheoryCheck &c) const {
  using analysis::theory::Reach;
  TextTable t({w("analyze.where"), w("metric"), w("analyze.theory"), w("analyze.simulation"),
               w("ci_low"), w("ci_high"), w("analyze.verdict")});
  bool clipped = false;
  for (const auto &j : c.judgements) {
    if (j.expectation.reach == Reach::not_applicable)
      continue;
    const auto sim = j.simulated.value_or(analysis::Summary{});
    std::string verdict = w(verdict_key(j.verdict));
    if (j.expectation.reach == Reach::approximation)
      verdict += " (" + w("analyze.approximation") + ")";
    const int m = c.variant->index(j.expectation.metric);
    auto [low, high] = interval(
        sim, m < 0 ? analysis::Bounds{} : c.variant->metrics[static_cast<std::size_t>(m)].bounds,
        clipped);
    t.add({w("analyze.part." + j.expectation.part), metric_label(language_, j.expectation.metric),
           number(j.expectation.value), number(sim.mean), std::move(low), std::move(high),
           verdict});
  }
  return t.render() + clipped_note(clipped) + '\n';
}

std::string TableWriter::little(const analysis::theory::TheoryCheck &c) const {
  TextTable t({w("analyze.queue"), "L", "lambda W", w("difference"), w("ci_low"), w("ci_high"),
               w("analyze.verdict")});
  for (const auto &l : c.little)
    t.add({w("analyze." + l.queue), number(l.queue_length.mean), number(l.arrivals_x_wait.mean),
           number(l.difference.mean), number(l.difference.ci_low), number(l.difference.ci_high),
           w(l.verdict() == analysis::theory::Verdict::agrees ? "analyze.holds"
                                                              : verdict_key(l.verdict()))});
  std::string why;
  for (const auto &l : c.little)
    if (l.unsettled)
      why += "  " +
             present::fill(w(l.unsettled->staff == 0 ? "analyze.unsettled_no_staff"
                                                     : "analyze.unsettled_overloaded"),
                           {{"queue", w("analyze." + l.queue)},
                            {"load", number(l.unsettled->offered_load)},
                            {"staff", std::to_string(l.unsettled->staff)}}) +
             '\n';
  return w("analyze.little") + "\n\n" + t.render() + why + too_few_note(c) + '\n';
}

// Said once when the variant has a single replication: no interval, so no verdict.
std::string TableWriter::too_few_note(const analysis::theory::TheoryCheck &c) const {
  const bool too_few = std::any_of(c.little.begin(), c.little.end(),
                                   [](const auto &l) {
                                     return l.verdict() == analysis::theory::Verdict::too_few;
                                   }) ||
                       std::any_of(c.judgements.begin(), c.judgements.end(), [](const auto &j) {
                         return j.verdict == analysis::theory::Verdict::too_few;
                       });
  return too_few ? w("analyze.too_few_note") + '\n' : std::string();
}

std::string TableWriter::theory_notes(const analysis::theory::TheoryCheck &c) const {
  using analysis::theory::Reach;
  std::string out = w("analyze.how") + '\n';
  for (const auto &j : c.judgements)
    if (j.expectation.reach != Reach::not_applicable)
      out += "  " + metric_label(language_, j.expectation.metric) + " (" +
             w(j.expectation.reach == Reach::exact ? "analyze.exact" : "analyze.approximation") +
             "): " + present::phrase_text(language_, j.expectation.model) + '\n';
  out += '\n' + w("analyze.cannot") + '\n';
  bool any = false;
  for (const auto &j : c.judgements)
    if (j.expectation.reach == Reach::not_applicable) {
      out += "  " + metric_label(language_, j.expectation.metric) + ": " +
             present::phrase_text(language_, j.expectation.model) + '\n';
      any = true;
    }
  if (!any)
    out += "  " + w("analyze.nothing") + '\n';
  return out + "  " + w("analyze.rest") + "\n\n";
}

namespace {
std::string status_key(analysis::DesignStatus s) {
  using analysis::DesignStatus;
  switch (s) {
  case DesignStatus::chosen:
    return "chosen";
  case DesignStatus::equally_good:
    return "equally_good";
  case DesignStatus::dominated:
    return "dominated";
  case DesignStatus::infeasible:
    return "infeasible";
  case DesignStatus::screened:
    return "screened";
  case DesignStatus::runaway:
    return "runaway";
  }
  return "?";
}
} // namespace

std::string TableWriter::requirement(const analysis::Requirement &r) const {
  return metric_label(language_, r.metric) + (r.at_most ? " <= " : " >= ") + number(r.threshold);
}

std::string TableWriter::why(const analysis::Optimization &o,
                             const analysis::DesignOutcome &d) const {
  using analysis::DesignStatus;
  const std::string key = "optimize.reason." + status_key(d.status);
  switch (d.status) {
  case DesignStatus::dominated:
    return d.eliminated_at > 0 ? present::fill(w(key), {{"r", std::to_string(d.eliminated_at)}})
                               : w("optimize.reason.dominated_late");
  case DesignStatus::infeasible: {
    const auto &r = o.requirements.at(d.requirement.value_or(0));
    return present::fill(
        w(key), {{"requirement", requirement(r)}, {"mean", number(d.result.mean(r.metric))}});
  }
  case DesignStatus::screened:
    return present::fill(w(key), {{"queue", w("analyze." + d.queue)},
                                  {"load", number(d.offered_load)},
                                  {"staff", std::to_string(d.staff)}});
  case DesignStatus::runaway:
    return present::fill(w(key), {{"error", d.error}});
  default:
    return w(key);
  }
}

std::string TableWriter::optimization(const analysis::Optimization &o) const {
  std::string out =
      present::fill(w("optimize.heading"),
                    {{"direction", w(o.maximize ? "optimize.maximize" : "optimize.minimize")},
                     {"objective", metric_label(language_, o.objective)},
                     {"n", std::to_string(o.designs.size())},
                     {"c", percent(o.confidence)}}) +
      '\n';
  for (const auto &r : o.requirements)
    out += "  " + w("optimize.subject_to") + ' ' + requirement(r) + '\n';
  out += '\n' + chosen_design(o) + designs_table(o);
  std::size_t feasible = 0, infeasible = 0, runaway = 0;
  for (const auto &d : o.designs) {
    feasible += d.status == analysis::DesignStatus::chosen ||
                        d.status == analysis::DesignStatus::equally_good ||
                        d.status == analysis::DesignStatus::dominated
                    ? 1
                    : 0;
    infeasible += d.status == analysis::DesignStatus::infeasible ||
                          d.status == analysis::DesignStatus::screened
                      ? 1
                      : 0;
    runaway += d.status == analysis::DesignStatus::runaway ? 1 : 0;
  }
  out += present::fill(w("optimize.summary"), {{"n", std::to_string(o.designs.size())},
                                               {"feasible", std::to_string(feasible)},
                                               {"infeasible", std::to_string(infeasible)},
                                               {"screened", std::to_string(o.screened())},
                                               {"runaway", std::to_string(runaway)},
                                               {"r", std::to_string(o.replications())},
                                               {"n0", std::to_string(o.first_stage)}}) +
         '\n';
  return out +
         present::fill(w("optimize.guarantee"),
                       {{"c", percent(o.confidence)}, {"delta", number(o.delta)}}) +
         '\n';
}

// The chosen design: its settings and its metrics that matter here, with intervals.
std::string TableWriter::chosen_design(const analysis::Optimization &o) const {
  if (!o.best)
    return w("optimize.none") + "\n\n";
  const analysis::DesignOutcome &d = o.designs[*o.best];
  std::string out = w("optimize.chosen") + ':';
  for (std::size_t k = 0; k < o.keys.size(); ++k)
    out += ' ' + o.keys[k] + '=' + output::csv_number(d.values[k]);
  out += '\n' +
         present::fill(w("run_note"), {{"n", std::to_string(d.result.replications.size())},
                                       {"h", number(d.result.parameters.time.horizon_days)},
                                       {"w", number(d.result.parameters.time.warmup_days)},
                                       {"c", percent(d.result.parameters.run.confidence)}}) +
         "\n\n";
  TextTable t({w("metric"), w("mean"), w("ci_low"), w("ci_high"), w("unit")});
  bool clipped = false;
  std::vector<std::string> shown{o.objective};
  for (const auto &r : o.requirements)
    shown.push_back(r.metric);
  shown.emplace_back(analysis::names::staff_cost_per_year);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (std::find(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(i), shown[i]) !=
        shown.begin() + static_cast<std::ptrdiff_t>(i))
      continue;
    const int m = d.result.index(shown[i]);
    if (m < 0)
      continue;
    const analysis::Summary &s = d.result.summaries[static_cast<std::size_t>(m)];
    const analysis::MetricInfo &info = d.result.metrics[static_cast<std::size_t>(m)];
    auto [low, high] = interval(s, info.bounds, clipped);
    t.add({"  " + metric_label(language_, shown[i]), number(s.mean), std::move(low),
           std::move(high), std::string(present::unit_label(language_, info.unit))});
  }
  return out + t.render() + clipped_note(clipped) + '\n';
}

// Every design, best first: the chosen one, the as good, the worse, the infeasible, the rest.
std::string TableWriter::designs_table(const analysis::Optimization &o) const {
  std::vector<std::size_t> order(o.designs.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return static_cast<int>(o.designs[a].status) < static_cast<int>(o.designs[b].status);
  });
  std::vector<std::string> header(o.keys.begin(), o.keys.end());
  header.insert(header.end(), {w("replications"), metric_label(language_, o.objective),
                               w("optimize.status"), w("optimize.why")});
  TextTable t(header);
  constexpr std::size_t shown = 25;
  for (std::size_t i = 0; i < order.size() && i < shown; ++i) {
    const analysis::DesignOutcome &d = o.designs[order[i]];
    std::vector<std::string> row;
    for (const double v : d.values) // a setting as it would be written: 4, 0.25
      row.push_back(present::decimal_mark(output::csv_number(v), language_));
    row.insert(row.end(),
               {std::to_string(d.result.replications.size()), number(d.result.mean(o.objective)),
                w("optimize.status." + status_key(d.status)), why(o, d)});
    t.add(std::move(row));
  }
  std::string out = w("optimize.designs") + "\n\n" + t.render();
  if (order.size() > shown)
    out += present::fill(w("optimize.more"), {{"n", std::to_string(order.size() - shown)}}) + '\n';
  return out + '\n';
}

} // namespace salesfab::output
