#include "analysis/output/json_writer.hpp"

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

} // namespace salesfab::output
