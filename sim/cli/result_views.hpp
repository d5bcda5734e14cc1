#pragma once
// How results look on stdout: the RKK table of a variant, the side-by-side table of several,
// the comparison of two, and the same as CSV or JSON (--format).

#include "analysis/present/words.hpp"
#include "experiment/variant_table.hpp"
#include "model/parameters.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace salesfab::cli {

/// The RKK table of one variant: kwantiteit, kwaliteit, richting; mean and interval per metric.
void print_rkk_table(std::ostream &out, const experiment::VariantTable &table,
                     const model::Parameters &params, present::Language language);

/// Key metrics of several variants side by side, the best of each marked.
void print_side_by_side(std::ostream &out, const std::vector<experiment::VariantTable> &tables,
                        present::Language language);

/// The summary rows of every variant as JSON (--format json).
void print_summary_json(std::ostream &out, const std::vector<experiment::VariantTable> &tables);

/// One metric's paired difference between two variants.
struct Difference {
  const experiment::MetricRow *base;
  const experiment::MetricRow *alternative;
  analysis::Summary difference;
};

/// The paired differences alternative - base of every metric both have.
std::vector<Difference> compare(const experiment::VariantTable &base,
                                const experiment::VariantTable &alternative, double confidence);

/// A comparison as a table.
void print_comparison(std::ostream &out, const experiment::VariantTable &base,
                      const experiment::VariantTable &alternative,
                      const std::vector<Difference> &differences, double confidence,
                      bool same_seeds, present::Language language);

/// When suspects_per_year differs only because customers won back return to the market (a
/// staffing change moves churn and so win-back), a note saying so; nothing otherwise.
std::optional<std::string> won_back_note(const experiment::VariantTable &base,
                                         const experiment::VariantTable &alternative,
                                         present::Language language);

/// Comparison rows as CSV (with header when `header`).
std::string comparison_csv(const experiment::VariantTable &base,
                           const experiment::VariantTable &alternative,
                           const std::vector<Difference> &differences, bool header);

/// Comparisons as JSON: one object per alternative.
void print_comparison_json(std::ostream &out, const experiment::VariantTable &base,
                           const std::vector<const experiment::VariantTable *> &alternatives,
                           const std::vector<std::vector<Difference>> &differences);

} // namespace salesfab::cli
