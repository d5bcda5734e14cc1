#include "analysis/output/csv_writer.hpp"

#include "analysis/output/csv.hpp"

namespace salesfab::output {

namespace {
struct CsvCell {
  std::string operator()(const std::string &text) const { return csv_field(text); }
  std::string operator()(const analysis::MetricValue &x) const { return csv_number(x); }
  std::string operator()(std::uint64_t n) const { return std::to_string(n); }
  std::string operator()(bool yes) const { return yes ? "1" : "0"; }
  std::string operator()(std::monostate) const { return {}; }
};
} // namespace

std::string to_csv(const Records &records, bool header) {
  std::string out;
  if (header) {
    std::vector<std::string> names(records.columns.begin(), records.columns.end());
    out += csv_line(names);
  }
  std::vector<std::string> fields;
  for (const auto &row : records.rows) {
    fields.clear();
    for (const Cell &cell : row)
      fields.push_back(std::visit(CsvCell{}, cell));
    out += csv_line(fields);
  }
  return out;
}

std::string CsvWriter::variants(std::span<const analysis::VariantResult *const> variants) const {
  return to_csv(summary_records(variants));
}

std::string CsvWriter::comparisons(std::span<const analysis::Comparison> comparisons) const {
  return to_csv(comparison_records(comparisons));
}

std::string CsvWriter::theory(std::span<const analysis::theory::TheoryCheck> checks) const {
  return to_csv(theory_records(checks));
}

std::string CsvWriter::optimization(const analysis::Optimization &optimization) const {
  return to_csv(design_records(optimization));
}

} // namespace salesfab::output
