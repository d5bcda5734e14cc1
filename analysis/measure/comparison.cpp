#include "analysis/measure/comparison.hpp"

#include "analysis/measure/metric_names.hpp"

#include <algorithm>
#include <cmath>

namespace salesfab::analysis {

namespace {

// suspects_per_year counts customers won back, and a staffing change moves churn and so
// win-back: whether the arrivals from the market are still the same is worth saying.
WonBackNote won_back_note(const VariantResult &base, const VariantResult &alternative) {
  const auto bs = base.values(names::suspects_per_year);
  const auto bw = base.values(names::won_back_per_year);
  const auto as = alternative.values(names::suspects_per_year);
  const auto aw = alternative.values(names::won_back_per_year);
  if (bs.empty() || bw.empty() || as.empty() || aw.empty() || bs.size() != as.size())
    return WonBackNote::none;
  bool suspects_differ = false;
  bool first_contacts_equal = true;
  for (std::size_t r = 0; r < bs.size(); ++r) {
    if (!bs[r] || !bw[r] || !as[r] || !aw[r])
      return WonBackNote::none;
    suspects_differ |= *bs[r] != *as[r];
    const double b = *bs[r] - *bw[r];
    const double a = *as[r] - *aw[r];
    // Counts per year: equal counts agree to rounding, different ones by at least 1 / horizon.
    first_contacts_equal &= std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
  }
  if (!suspects_differ)
    return WonBackNote::none;
  return first_contacts_equal ? WonBackNote::first_contacts_equal
                              : WonBackNote::differs_by_won_back;
}

} // namespace

std::string paired_name(std::string_view metric, const VariantResult &alternative,
                        const VariantResult &base) {
  return std::string(metric) + " (" + alternative.variant + " - " + base.variant + ")";
}

const MetricDifference *Comparison::find(std::string_view metric) const {
  for (const MetricDifference &d : differences)
    if (name(d) == metric)
      return &d;
  return nullptr;
}

Comparison compare(const VariantResult &base, const VariantResult &alternative) {
  Comparison c;
  c.base = &base;
  c.alternative = &alternative;
  const double confidence = base.parameters.run.confidence;
  for (std::size_t a = 0; a < alternative.metrics.size(); ++a) {
    const int b = base.index(alternative.metrics[a].name);
    if (b < 0) {
      c.only_alternative.push_back(alternative.metrics[a].name);
      continue;
    }
    const auto bi = static_cast<std::size_t>(b);
    c.differences.push_back(
        {bi, a, summarize_difference(base.values(bi), alternative.values(a), confidence)});
  }
  for (const MetricInfo &m : base.metrics)
    if (alternative.index(m.name) < 0)
      c.only_base.push_back(m.name);
  c.same_seeds = base.parameters.run.seed == alternative.parameters.run.seed;
  c.won_back = won_back_note(base, alternative);
  return c;
}

std::span<const KeyMetric> key_metrics() {
  static constexpr KeyMetric keys[] = {{names::revenue_per_year, +1},
                                       {names::won_per_year, +1},
                                       {names::churn_rate, -1},
                                       {names::customers_end, +1},
                                       {names::utilisation_account_executive, 0},
                                       {names::brickwall_coverage, 0}};
  return keys;
}

SideBySide side_by_side(std::span<const VariantResult *const> variants) {
  SideBySide s;
  s.variants.assign(variants.begin(), variants.end());
  for (const KeyMetric &k : key_metrics()) {
    std::vector<const Summary *> cells;
    std::optional<double> best;
    for (const VariantResult *v : variants) {
      cells.push_back(v->summary(k.name));
      const auto mean = cells.back() ? cells.back()->mean : std::nullopt;
      if (k.better != 0 && mean && (!best || (k.better > 0 ? *mean > *best : *mean < *best)))
        best = mean;
    }
    std::vector<bool> marks;
    for (const Summary *cell : cells)
      marks.push_back(best && cell && cell->mean && *cell->mean == *best);
    s.cells.push_back(std::move(cells));
    s.best.push_back(std::move(marks));
  }
  return s;
}

} // namespace salesfab::analysis
