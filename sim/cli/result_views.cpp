#include "cli/result_views.hpp"

#include "analysis/output/csv.hpp"
#include "analysis/output/json.hpp"
#include "analysis/present/text_table.hpp"

#include <algorithm>
#include <cmath>

namespace salesfab::cli {

using present::format_number;
using present::TextTable;

namespace {
constexpr analysis::Rkk rkk_order[] = {analysis::Rkk::kwantiteit, analysis::Rkk::kwaliteit,
                                       analysis::Rkk::richting};

std::string summary_json(const experiment::VariantTable &t, const experiment::MetricRow &m) {
  using output::json_number;
  using output::json_string;
  return "{\"scenario\": " + json_string(t.scenario) + ", \"variant\": " + json_string(t.variant) +
         ", \"metric\": " + json_string(m.name) +
         ", \"rkk\": " + json_string(analysis::rkk_name(m.rkk)) +
         ", \"unit\": " + json_string(m.unit) + ", \"mean\": " + json_number(m.summary.mean) +
         ", \"sd\": " + json_number(m.summary.sd) +
         ", \"ci_low\": " + json_number(m.summary.ci_low) +
         ", \"ci_high\": " + json_number(m.summary.ci_high) +
         ", \"n\": " + std::to_string(m.summary.n) + "}";
}
} // namespace

std::string fill(std::string text, std::string_view placeholder, const std::string &value) {
  if (const auto at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
  return text;
}

void print_rkk_table(std::ostream &out, const experiment::VariantTable &table,
                     const model::Parameters &p, present::Language language) {
  using present::word;
  out << table.variant;
  if (!p.title.empty())
    out << " — " << p.title;
  std::string note(word(language, "run_note"));
  note = fill(note, "{n}", std::to_string(p.run.replications));
  note = fill(note, "{h}", format_number(p.time.horizon_days, language));
  note = fill(note, "{w}", format_number(p.time.warmup_days, language));
  note = fill(note, "{c}", output::csv_number(p.run.confidence * 100));
  out << '\n' << note << "\n\n";
  TextTable t({std::string(word(language, "metric")), std::string(word(language, "mean")),
               std::string(word(language, "ci_low")), std::string(word(language, "ci_high")),
               std::string(word(language, "unit"))});
  for (const auto rkk : rkk_order) {
    t.add_title(std::string(word(language, analysis::rkk_name(rkk))));
    for (const auto &m : table.metrics)
      if (m.rkk == rkk)
        t.add({"  " + present::metric_label(language, m.name),
               format_number(m.summary.mean, language), format_number(m.summary.ci_low, language),
               format_number(m.summary.ci_high, language),
               std::string(present::unit_label(language, m.unit))});
  }
  out << t.render() << '\n';
}

void print_side_by_side(std::ostream &out, const std::vector<experiment::VariantTable> &tables,
                        present::Language language) {
  const auto keys = analysis::key_metrics();
  std::vector<std::string> header{std::string(present::word(language, "variant"))};
  for (const auto &k : keys)
    header.push_back(present::metric_label(language, k.name));
  TextTable t(header);
  std::vector<std::vector<std::string>> cells(tables.size());
  for (std::size_t v = 0; v < tables.size(); ++v)
    cells[v].push_back(tables[v].variant);
  for (const auto &k : keys) {
    std::vector<std::optional<double>> means;
    for (const auto &table : tables) {
      const auto *m = table.find(k.name);
      means.push_back(m ? m->summary.mean : std::nullopt);
    }
    const auto best = analysis::best_mean(means, k.better);
    for (std::size_t v = 0; v < tables.size(); ++v) {
      std::string cell = format_number(means[v], language);
      cell += (best && means[v] && *means[v] == *best) ? " *" : "  ";
      cells[v].push_back(cell);
    }
  }
  for (auto &row : cells)
    t.add(std::move(row));
  out << present::word(language, "side_by_side") << "\n\n" << t.render() << '\n';
}

void print_summary_json(std::ostream &out, const std::vector<experiment::VariantTable> &tables) {
  out << "[";
  bool first = true;
  for (const auto &t : tables)
    for (const auto &m : t.metrics) {
      out << (first ? "\n  " : ",\n  ") << summary_json(t, m);
      first = false;
    }
  out << "\n]\n";
}

std::vector<Difference> compare(const experiment::VariantTable &base,
                                const experiment::VariantTable &alternative, double confidence) {
  std::vector<Difference> out;
  for (const auto &m : alternative.metrics)
    if (const auto *b = base.find(m.name))
      out.push_back({b, &m, analysis::summarize_difference(b->values, m.values, confidence)});
  return out;
}

void print_comparison(std::ostream &out, const experiment::VariantTable &base,
                      const experiment::VariantTable &alternative,
                      const std::vector<Difference> &differences, double confidence,
                      bool same_seeds, present::Language language) {
  using present::word;
  const std::size_t n = differences.empty() ? 0 : differences.front().difference.n;
  std::string note(word(language, same_seeds ? "paired_note" : "paired_note_other_seeds"));
  note = fill(note, "{n}", std::to_string(n));
  note = fill(note, "{c}", output::csv_number(confidence * 100));
  out << alternative.variant << "  " << word(language, "minus") << "  " << base.variant << '\n'
      << note << "\n\n";
  TextTable t({std::string(word(language, "metric")), std::string(word(language, "base")),
               std::string(word(language, "alternative")),
               std::string(word(language, "difference")), std::string(word(language, "ci_low")),
               std::string(word(language, "ci_high")), ""});
  for (const auto rkk : rkk_order) {
    t.add_title(std::string(word(language, analysis::rkk_name(rkk))));
    for (const auto &d : differences)
      if (d.alternative->rkk == rkk)
        t.add({"  " + present::metric_label(language, d.alternative->name),
               format_number(d.base->summary.mean, language),
               format_number(d.alternative->summary.mean, language),
               format_number(d.difference.mean, language),
               format_number(d.difference.ci_low, language),
               format_number(d.difference.ci_high, language),
               d.difference.excludes_zero() ? "*" : ""});
  }
  out << t.render() << '\n';
  if (const auto won_back = won_back_note(base, alternative, language))
    out << *won_back << '\n';
  // Metrics one side has and the other lacks (the conversion of a stage only one funnel has).
  std::string one_sided;
  for (const auto *side : {&base, &alternative}) {
    const auto &other = side == &base ? alternative : base;
    for (const auto &m : side->metrics)
      if (!other.find(m.name))
        one_sided += (one_sided.empty() ? "" : ", ") + present::metric_label(language, m.name);
  }
  if (!one_sided.empty())
    out << word(language, "one_sided_note") << ' ' << one_sided << '\n';
}

std::optional<std::string> won_back_note(const experiment::VariantTable &base,
                                         const experiment::VariantTable &alternative,
                                         present::Language language) {
  // suspects_per_year counts customers won back (scenario-format.md), and a staffing change moves
  // churn and so win-back: the arrivals from the market are still the same, which is said here.
  const auto *bs = base.find("suspects_per_year");
  const auto *bw = base.find("won_back_per_year");
  const auto *as = alternative.find("suspects_per_year");
  const auto *aw = alternative.find("won_back_per_year");
  if (!bs || !bw || !as || !aw || bs->values.size() != as->values.size())
    return std::nullopt;
  bool suspects_differ = false;
  bool first_contacts_equal = true;
  for (std::size_t r = 0; r < bs->values.size(); ++r) {
    if (!bs->values[r] || !bw->values[r] || !as->values[r] || !aw->values[r])
      return std::nullopt;
    suspects_differ |= *bs->values[r] != *as->values[r];
    const double b = *bs->values[r] - *bw->values[r];
    const double a = *as->values[r] - *aw->values[r];
    // Counts per year: equal counts agree to rounding, different ones by at least 1 / horizon.
    first_contacts_equal &= std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
  }
  if (!suspects_differ)
    return std::nullopt;
  return std::string(
      present::word(language, first_contacts_equal ? "won_back_note_equal" : "won_back_note"));
}

std::string comparison_csv(const experiment::VariantTable &base,
                           const experiment::VariantTable &alternative,
                           const std::vector<Difference> &differences, bool header) {
  using output::csv_field;
  using output::csv_number;
  std::string s;
  if (header)
    s += "scenario,variant,base_variant,metric,rkk,unit,base_mean,alternative_mean,difference,"
         "ci_low,ci_high,n,significant\n";
  for (const auto &d : differences)
    s += output::csv_line(
        {csv_field(alternative.scenario), csv_field(alternative.variant), csv_field(base.variant),
         csv_field(d.alternative->name), std::string(analysis::rkk_name(d.alternative->rkk)),
         csv_field(d.alternative->unit), csv_number(d.base->summary.mean),
         csv_number(d.alternative->summary.mean), csv_number(d.difference.mean),
         csv_number(d.difference.ci_low), csv_number(d.difference.ci_high),
         std::to_string(d.difference.n), d.difference.excludes_zero() ? "1" : "0"});
  return s;
}

void print_comparison_json(std::ostream &out, const experiment::VariantTable &base,
                           const std::vector<const experiment::VariantTable *> &alternatives,
                           const std::vector<std::vector<Difference>> &differences) {
  using output::json_number;
  using output::json_string;
  out << "[";
  for (std::size_t a = 0; a < alternatives.size(); ++a) {
    out << (a ? ",\n" : "\n") << "  {\"base\": " << json_string(base.variant)
        << ", \"alternative\": " << json_string(alternatives[a]->variant) << ", \"metrics\": [";
    for (std::size_t i = 0; i < differences[a].size(); ++i) {
      const Difference &d = differences[a][i];
      out << (i ? ",\n" : "\n") << "    {\"metric\": " << json_string(d.alternative->name)
          << ", \"rkk\": " << json_string(analysis::rkk_name(d.alternative->rkk))
          << ", \"base_mean\": " << json_number(d.base->summary.mean)
          << ", \"alternative_mean\": " << json_number(d.alternative->summary.mean)
          << ", \"difference\": " << json_number(d.difference.mean)
          << ", \"ci_low\": " << json_number(d.difference.ci_low)
          << ", \"ci_high\": " << json_number(d.difference.ci_high) << ", \"n\": " << d.difference.n
          << ", \"significant\": " << (d.difference.excludes_zero() ? "true" : "false") << "}";
    }
    out << "\n  ]}";
  }
  out << "\n]\n";
}

} // namespace salesfab::cli
