#include "experiment/variant_table.hpp"

#include "analysis/output/csv.hpp"

#include <charconv>
#include <map>
#include <stdexcept>

namespace salesfab::experiment {

namespace {

analysis::MetricValue number(const std::string &field) {
  if (field.empty())
    return std::nullopt;
  double x = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), x);
  if (ec != std::errc() || end != field.data() + field.size())
    throw std::runtime_error("not a number in result rows: " + field);
  return x;
}

analysis::Rkk rkk_of(const std::string &name) {
  for (const auto r :
       {analysis::Rkk::richting, analysis::Rkk::kwaliteit, analysis::Rkk::kwantiteit})
    if (analysis::rkk_name(r) == name)
      return r;
  throw std::runtime_error("not an RKK dimension in result rows: " + name);
}

} // namespace

const MetricRow *VariantTable::find(std::string_view name) const {
  for (const MetricRow &m : metrics)
    if (m.name == name)
      return &m;
  return nullptr;
}

VariantTable read_variant_rows(const VariantRows &rows) {
  VariantTable table;
  std::map<std::string, std::size_t> index;
  const auto summary = output::read_csv(std::string(summary_header) + rows.summary);
  for (std::size_t i = 1; i < summary.size(); ++i) {
    const auto &f = summary[i];
    table.scenario = f[0];
    table.variant = f[1];
    MetricRow m;
    m.name = f[2];
    m.rkk = rkk_of(f[3]);
    m.unit = f[4];
    m.summary.mean = number(f[5]);
    m.summary.sd = number(f[6]);
    m.summary.ci_low = number(f[7]);
    m.summary.ci_high = number(f[8]);
    m.summary.n = static_cast<std::size_t>(std::stoul(f[9]));
    index[m.name] = table.metrics.size();
    table.metrics.push_back(std::move(m));
  }
  const auto replications = output::read_csv(std::string(replications_header) + rows.replications);
  for (std::size_t i = 1; i < replications.size(); ++i) {
    const auto &f = replications[i];
    const auto at = index.find(f[4]);
    if (at == index.end())
      throw std::runtime_error("a replication row names an unknown metric: " + f[4]);
    table.metrics[at->second].values.push_back(number(f[5]));
  }
  return table;
}

std::vector<SeriesPoint> read_series_rows(const VariantRows &rows) {
  std::vector<SeriesPoint> out;
  const auto series = output::read_csv(std::string(timeseries_header) + rows.timeseries);
  for (std::size_t i = 1; i < series.size(); ++i) {
    const auto &f = series[i];
    SeriesPoint p;
    p.period = std::stoi(f[2]);
    p.start_day = *number(f[3]);
    p.metric = f[4];
    p.mean = number(f[5]);
    p.ci_low = number(f[6]);
    p.ci_high = number(f[7]);
    out.push_back(std::move(p));
  }
  return out;
}

} // namespace salesfab::experiment
