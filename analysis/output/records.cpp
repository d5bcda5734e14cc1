#include "analysis/output/records.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/output/csv.hpp"
#include "analysis/present/words.hpp"

#include <algorithm>
#include <cmath>

#include <stdexcept>

namespace salesfab::output {

using analysis::Comparison;
using analysis::VariantResult;

std::size_t Records::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name)
      return i;
  throw std::out_of_range("no column " + std::string(name));
}

namespace {
std::string rkk(analysis::Rkk r) { return std::string(analysis::rkk_name(r)); }
std::uint64_t count(std::size_t n) { return static_cast<std::uint64_t>(n); }

// Whether a watched quantity of this name met the target: empty when it was not watched.
Cell met(const std::optional<analysis::PrecisionReport> &report, std::string_view name) {
  if (report)
    for (const auto &w : report->watched)
      if (w.name == name)
        return w.met(report->target);
  return std::monostate{};
}

} // namespace

Records summary_records(std::span<const VariantResult *const> variants) {
  Records r{
      {"scenario", "variant", "metric", "rkk", "unit", "mean", "sd", "ci_low", "ci_high", "n"}, {}};
  bool precision = false;
  for (const VariantResult *v : variants)
    precision = precision || v->precision.has_value();
  if (precision)
    r.columns.insert(r.columns.end(), {"relative_half_width", "precision_met"});
  for (const VariantResult *v : variants)
    for (std::size_t m = 0; m < v->metrics.size(); ++m) {
      const auto &info = v->metrics[m];
      const auto &s = v->summaries.at(m);
      r.rows.push_back({v->scenario, v->variant, info.name, rkk(info.rkk), info.unit, s.mean, s.sd,
                        s.ci_low, s.ci_high, count(s.n)});
      if (precision)
        r.rows.back().insert(r.rows.back().end(),
                             {analysis::relative_half_width(s), met(v->precision, info.name)});
    }
  return r;
}

Records replication_records(std::span<const VariantResult *const> variants) {
  Records r{{"scenario", "variant", "replication", "seed", "metric", "value"}, {}};
  for (const VariantResult *v : variants)
    for (const analysis::Replication &rep : v->replications)
      for (std::size_t m = 0; m < v->metrics.size(); ++m)
        r.rows.push_back(
            {v->scenario, v->variant, rep.index, rep.seed, v->metrics[m].name, rep.metrics[m]});
  return r;
}

namespace {
// A period's start day as written: report periods of a month are 365/12 days, so their sums
// carry rounding (1092.5000000000002); to a millionth of a day they read as meant (1092.5).
double start_day(double day) { return std::round(day * 1e6) / 1e6; }
} // namespace

Records timeseries_records(std::span<const VariantResult *const> variants) {
  Records r{
      {"scenario", "variant", "period", "period_start_day", "metric", "mean", "ci_low", "ci_high"},
      {}};
  for (const VariantResult *v : variants)
    for (std::size_t p = 0; p < v->series.size(); ++p)
      for (std::size_t m = 0; m < v->period_metrics.size(); ++m) {
        const auto &s = v->series[p][m];
        r.rows.push_back({v->scenario, v->variant, count(p + 1),
                          analysis::MetricValue(start_day(v->period_start_days().at(p))),
                          v->period_metrics[m].name, s.mean, s.ci_low, s.ci_high});
      }
  return r;
}

Records comparison_records(std::span<const Comparison> comparisons) {
  Records r{{"scenario", "variant", "base_variant", "metric", "rkk", "unit", "base_mean",
             "alternative_mean", "difference", "ci_low", "ci_high", "n", "significant"},
            {}};
  bool precision = false;
  for (const Comparison &c : comparisons)
    precision = precision || c.alternative->precision.has_value();
  if (precision)
    r.columns.insert(r.columns.end(), {"relative_half_width", "precision_met"});
  for (const Comparison &c : comparisons)
    for (const auto &d : c.differences) {
      const auto &info = c.alternative->metrics[d.alternative];
      r.rows.push_back({c.alternative->scenario, c.alternative->variant, c.base->variant, info.name,
                        rkk(info.rkk), info.unit, c.base->summaries[d.base].mean,
                        c.alternative->summaries[d.alternative].mean, d.difference.mean,
                        d.difference.ci_low, d.difference.ci_high, count(d.difference.n),
                        d.difference.excludes_zero()});
      if (precision)
        r.rows.back().insert(r.rows.back().end(),
                             {analysis::relative_half_width(d.difference),
                              met(c.alternative->precision,
                                  analysis::paired_name(info.name, *c.alternative, *c.base))});
    }
  return r;
}

Records theory_records(std::span<const analysis::theory::TheoryCheck> checks) {
  using namespace analysis::theory;
  Records r{{"variant", "part", "metric", "reach", "theory", "mean", "ci_low", "ci_high", "verdict",
             "model"},
            {}};
  for (const TheoryCheck &c : checks) {
    const std::string &variant = c.variant->variant;
    for (const Judgement &j : c.judgements) {
      const auto sim = j.simulated.value_or(analysis::Summary{});
      // The model is said in English whatever --lang: scripts see the same text.
      r.rows.push_back({variant, j.expectation.part, j.expectation.metric,
                        std::string(reach_name(j.expectation.reach)), j.expectation.value, sim.mean,
                        sim.ci_low, sim.ci_high, std::string(verdict_name(j.verdict)),
                        present::phrase_text(present::Language::en, j.expectation.model)});
    }
    for (const LittleCheck &l : c.little)
      r.rows.push_back({variant, std::string("little's law"), "L of " + l.queue,
                        std::string("exact"), l.arrivals_x_wait.mean, l.queue_length.mean,
                        l.queue_length.ci_low, l.queue_length.ci_high,
                        std::string(verdict_name(l.verdict())), std::string("L = lambda W")});
  }
  return r;
}

std::string requirement_text(const analysis::Requirement &r) {
  return r.metric + (r.at_most ? "<=" : ">=") + csv_number(r.threshold);
}

Records design_records(const analysis::Optimization &o) {
  Records r;
  r.columns.emplace_back("design");
  r.columns.insert(r.columns.end(), o.keys.begin(), o.keys.end());
  r.columns.insert(r.columns.end(), {"status", "replications"});
  std::vector<std::string> metrics{o.objective};
  for (const auto &req : o.requirements)
    if (std::find(metrics.begin(), metrics.end(), req.metric) == metrics.end())
      metrics.push_back(req.metric);
  for (const auto &m : metrics)
    r.columns.insert(r.columns.end(), {m + "_mean", m + "_ci_low", m + "_ci_high"});
  for (const auto &req : o.requirements)
    r.columns.push_back(requirement_text(req));
  r.columns.insert(r.columns.end(), {"staff_cost_per_year_mean", "detail"});
  for (std::size_t d = 0; d < o.designs.size(); ++d) {
    const analysis::DesignOutcome &design = o.designs[d];
    std::vector<Cell> row{count(d + 1)};
    for (const double v : design.values)
      row.emplace_back(analysis::MetricValue(v));
    row.emplace_back(std::string(analysis::design_status_name(design.status)));
    row.emplace_back(count(design.result.replications.size()));
    for (const auto &m : metrics) {
      const analysis::Summary none, *s = design.result.summary(m);
      row.emplace_back((s ? s : &none)->mean);
      row.emplace_back((s ? s : &none)->ci_low);
      row.emplace_back((s ? s : &none)->ci_high);
    }
    // Each requirement: met (1), not met (0), or not judged (screened, runaway, undecided).
    for (std::size_t j = 0; j < o.requirements.size(); ++j) {
      const bool judged = design.status != analysis::DesignStatus::screened &&
                          design.status != analysis::DesignStatus::runaway;
      const bool failed =
          design.status == analysis::DesignStatus::infeasible && design.requirement == j;
      const bool passed = judged && design.status != analysis::DesignStatus::infeasible;
      row.push_back(failed ? Cell(false) : passed ? Cell(true) : Cell(std::monostate{}));
    }
    row.emplace_back(design.result.mean(analysis::names::staff_cost_per_year));
    std::string detail;
    if (design.status == analysis::DesignStatus::screened)
      detail = design.queue + ": offered load " + csv_number(design.offered_load) +
               " >= " + std::to_string(design.staff) + " people";
    else if (design.status == analysis::DesignStatus::runaway)
      detail = design.error;
    else if (design.status == analysis::DesignStatus::dominated && design.eliminated_at > 0)
      detail = "eliminated after " + std::to_string(design.eliminated_at) + " replications";
    row.emplace_back(detail);
    r.rows.push_back(std::move(row));
  }
  return r;
}

Records trace_records(std::span<const model::TraceEvent> events, present::Language language,
                      const present::StoryContext &context) {
  Records r{{"day", "account", "platform", "event", "detail", "opportunity", "stage", "source",
             "class", "value"},
            {}};
  for (const model::TraceEvent &e : events) {
    // Steps that concern no opportunity leave its columns empty.
    const bool deal = e.opportunity != 0;
    r.rows.push_back(
        {analysis::MetricValue(e.day), e.account,
         std::string(present::platform_name(language, e.platform)),
         std::string(model::trace_kind_name(e.kind)), present::story(language, e, context),
         deal ? std::to_string(e.opportunity) : std::string(),
         deal ? context.stages.at(e.stage) : std::string(),
         std::string(model::source_name(e.source)), std::string(model::class_name(e.cls)),
         deal ? analysis::MetricValue(e.value) : std::nullopt});
  }
  return r;
}

} // namespace salesfab::output
