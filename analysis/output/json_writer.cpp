#include "analysis/output/json_writer.hpp"

#include <cmath>

namespace salesfab::output {

Json precision_json(const analysis::PrecisionReport &report) {
  Json watched = Json::array();
  for (const auto &w : report.watched) {
    Json one = Json::object();
    one["metric"] = w.name;
    one["relative_half_width"] = json_number(w.reached);
    one["judged"] = w.judged;
    one["met"] = w.met(report.target);
    watched.push_back(std::move(one));
  }
  Json out = Json::object();
  out["target"] = report.target;
  out["replications"] = report.replications;
  out["stopped_by"] = report.stopped_by_target ? "target" : "max_replications";
  out["watched"] = std::move(watched);
  return out;
}

Json comparison_json(const analysis::Comparison &c) {
  Json metrics = Json::array();
  for (const auto &d : c.differences) {
    const auto &info = c.alternative->metrics[d.alternative];
    Json m = Json::object();
    m["metric"] = info.name;
    m["rkk"] = analysis::rkk_name(info.rkk);
    m["unit"] = info.unit;
    m["base_mean"] = json_number(c.base->summaries[d.base].mean);
    m["alternative_mean"] = json_number(c.alternative->summaries[d.alternative].mean);
    m["difference"] = json_number(d.difference.mean);
    m["ci_low"] = json_number(d.difference.ci_low);
    m["ci_high"] = json_number(d.difference.ci_high);
    m["n"] = d.difference.n;
    m["significant"] = d.difference.excludes_zero();
    metrics.push_back(std::move(m));
  }
  Json out = Json::object();
  out["base"] = c.base->variant;
  out["alternative"] = c.alternative->variant;
  out["metrics"] = std::move(metrics);
  if (c.alternative->precision)
    out["precision"] = precision_json(*c.alternative->precision);
  return out;
}

std::string JsonWriter::variants(std::span<const analysis::VariantResult *const> variants) const {
  return dump(to_json(summary_records(variants)));
}

std::string JsonWriter::comparisons(std::span<const analysis::Comparison> comparisons) const {
  Json all = Json::array();
  for (const auto &c : comparisons)
    all.push_back(comparison_json(c));
  return dump(all);
}

std::string JsonWriter::theory(std::span<const analysis::theory::TheoryCheck> checks) const {
  return dump(to_json(theory_records(checks)));
}

std::string JsonWriter::optimization(const analysis::Optimization &o) const {
  Json best = nullptr;
  if (o.best) {
    best = Json::object();
    for (std::size_t k = 0; k < o.keys.size(); ++k) {
      // A headcount reads 4, not 4.0.
      const double v = o.designs[*o.best].values[k];
      if (v == std::floor(v) && std::abs(v) < 9e15)
        best[o.keys[k]] = static_cast<std::int64_t>(v);
      else
        best[o.keys[k]] = v;
    }
  }
  Json requirements = Json::array();
  for (const auto &r : o.requirements) {
    Json one = Json::object();
    one["metric"] = r.metric;
    one["operator"] = r.at_most ? "<=" : ">=";
    one["threshold"] = r.threshold;
    one["tolerance"] = r.tolerance;
    requirements.push_back(std::move(one));
  }
  Json out = Json::object();
  out["best"] = std::move(best);
  out["objective"] = o.objective;
  out["direction"] = o.maximize ? "maximize" : "minimize";
  out["requirements"] = std::move(requirements);
  out["confidence"] = o.confidence;
  out["delta"] = o.delta;
  out["first_stage"] = o.first_stage;
  out["replications"] = o.replications();
  out["screened_out"] = o.screened();
  out["procedure"] = "Batur-Kim feasibility check, then Kim-Nelson KN selection, common random "
                     "numbers; the cheapest staffing among designs within delta of the best";
  out["designs"] = to_json(design_records(o));
  return dump(out);
}

} // namespace salesfab::output
