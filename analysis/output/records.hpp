#pragma once
// Tidy records: the rows of each result file and of each command's CSV and JSON output, as
// named columns. Each file's columns are spelled here once; the CSV and JSON writers render any
// Records, and --resume reads the files back by these column names.

#include "analysis/measure/comparison.hpp"
#include "analysis/measure/optimization.hpp"
#include "analysis/measure/result.hpp"
#include "analysis/measure/theory/verdict.hpp"
#include "analysis/present/words.hpp"
#include "model/trace.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace salesfab::output {

/// One field: text, a number (empty: no value), a whole number, a yes/no, or nothing.
using Cell = std::variant<std::string, analysis::MetricValue, std::uint64_t, bool, std::monostate>;

/// Rows of named columns.
struct Records {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  /// The index of a column; throws std::out_of_range for a name it lacks.
  [[nodiscard]] std::size_t column(std::string_view name) const;
};

/// summary.csv: scenario, variant, metric, rkk, unit, mean, sd, ci_low, ci_high, n; when a
/// variant replicated until precise enough (--precision), also relative_half_width and
/// precision_met (1 or 0 for the metrics it watched, empty for the others).
Records summary_records(std::span<const analysis::VariantResult *const> variants);
/// replications.csv: scenario, variant, replication, seed, metric, value.
Records replication_records(std::span<const analysis::VariantResult *const> variants);
/// timeseries.csv: scenario, variant, period, period_start_day, metric, mean, ci_low, ci_high.
Records timeseries_records(std::span<const analysis::VariantResult *const> variants);
/// comparison.csv: per alternative and metric, the paired difference; with --precision also
/// the difference's relative_half_width and precision_met.
Records comparison_records(std::span<const analysis::Comparison> comparisons);
/// analyze's rows: per quantity theory and simulation, then Little's law per queue.
Records theory_records(std::span<const analysis::theory::TheoryCheck> checks);
/// designs.csv of `optimize`: one row per design: its number, the varied keys, outcome,
/// replications, the objective's and each requirement's mean and interval, staff cost, why.
Records design_records(const analysis::Optimization &optimization);
/// The requirement as people write it: "metric<=0.1".
std::string requirement_text(const analysis::Requirement &requirement);

/// trace's event log: day, account, platform, event, detail, opportunity, stage, source, class,
/// value (platform and detail in `language`).
Records trace_records(std::span<const model::TraceEvent> events, present::Language language,
                      const present::StoryContext &context);

} // namespace salesfab::output
