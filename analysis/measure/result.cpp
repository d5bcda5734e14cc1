#include "analysis/measure/result.hpp"

#include "engine/random_stream.hpp"

namespace salesfab::analysis {

Replication measure(model::Record record, const model::Parameters &params, std::uint64_t index,
                    bool keep_record) {
  Replication r;
  r.index = index;
  r.seed = engine::replication_seed(params.run.seed, index);
  r.events = record.events;
  r.metrics = compute_metrics(record, params);
  r.periods = compute_period_metrics(record, params);
  for (const auto &p : record.periods)
    r.period_start_days.push_back(p.start_day);
  if (keep_record)
    r.record = std::make_shared<const model::Record>(std::move(record));
  return r;
}

VariantResult VariantResult::planned(std::string scenario, std::string variant,
                                     const model::Parameters &parameters) {
  VariantResult v;
  v.scenario = std::move(scenario);
  v.variant = std::move(variant);
  v.parameters = parameters;
  v.metrics = metric_catalogue(parameters);
  v.period_metrics = period_metric_catalogue(parameters);
  return v;
}

void VariantResult::summarize() {
  const double confidence = parameters.run.confidence;
  summaries.clear();
  for (std::size_t m = 0; m < metrics.size(); ++m)
    summaries.push_back(analysis::summarize(values(m), confidence));
  series.clear();
  if (replications.empty())
    return;
  const std::size_t periods = replications.front().periods.size();
  std::vector<MetricValue> column(replications.size());
  for (std::size_t p = 0; p < periods; ++p) {
    std::vector<Summary> row;
    for (std::size_t m = 0; m < period_metrics.size(); ++m) {
      for (std::size_t r = 0; r < replications.size(); ++r)
        column[r] = replications[r].periods[p][m];
      row.push_back(analysis::summarize(column, confidence));
    }
    series.push_back(std::move(row));
  }
}

bool VariantResult::complete() const {
  return replications.size() == static_cast<std::size_t>(parameters.run.replications);
}

int VariantResult::index(std::string_view metric) const {
  for (std::size_t i = 0; i < metrics.size(); ++i)
    if (metrics[i].name == metric)
      return static_cast<int>(i);
  return -1;
}

const Summary *VariantResult::summary(std::string_view metric) const {
  const int i = index(metric);
  return i < 0 || static_cast<std::size_t>(i) >= summaries.size()
             ? nullptr
             : &summaries[static_cast<std::size_t>(i)];
}

std::optional<double> VariantResult::mean(std::string_view metric) const {
  const Summary *s = summary(metric);
  return s ? s->mean : std::nullopt;
}

std::vector<MetricValue> VariantResult::values(std::size_t m) const {
  std::vector<MetricValue> out;
  out.reserve(replications.size());
  for (const Replication &r : replications)
    out.push_back(r.metrics[m]);
  return out;
}

std::vector<MetricValue> VariantResult::values(std::string_view metric) const {
  const int i = index(metric);
  return i < 0 ? std::vector<MetricValue>{} : values(static_cast<std::size_t>(i));
}

const std::vector<double> &VariantResult::period_start_days() const {
  static const std::vector<double> none;
  return replications.empty() ? none : replications.front().period_start_days;
}

std::uint64_t VariantResult::events() const {
  std::uint64_t sum = 0;
  for (const Replication &r : replications)
    sum += r.events;
  return sum;
}

} // namespace salesfab::analysis
