#pragma once
// CSV for programs: tidy records with a header line (the result files and --format csv).

#include "analysis/output/records.hpp"
#include "analysis/output/writer.hpp"

#include <string>

namespace salesfab::output {

/// The records as CSV: the header line (unless `header` is false), then one line per row.
std::string to_csv(const Records &records, bool header = true);

/// --format csv: the rows of summary.csv, comparison.csv, or analyze's rows.
class CsvWriter final : public Writer {
public:
  [[nodiscard]] std::string
  variants(std::span<const analysis::VariantResult *const> variants) const override;
  [[nodiscard]] std::string
  comparisons(std::span<const analysis::Comparison> comparisons) const override;
  [[nodiscard]] std::string
  theory(std::span<const analysis::theory::TheoryCheck> checks) const override;
  [[nodiscard]] std::string optimization(const analysis::Optimization &optimization) const override;
};

} // namespace salesfab::output
