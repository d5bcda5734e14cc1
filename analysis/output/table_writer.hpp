#pragma once
// Tables for people (--format table, the default): the RKK table of each variant, several
// variants side by side, comparisons and theory beside simulation, in English or Dutch.

#include "analysis/output/writer.hpp"

namespace salesfab::output {

/// --format table.
class TableWriter final : public Writer {
public:
  explicit TableWriter(present::Language language) : language_(language) {}
  [[nodiscard]] std::string
  variants(std::span<const analysis::VariantResult *const> variants) const override;
  [[nodiscard]] std::string
  comparisons(std::span<const analysis::Comparison> comparisons) const override;
  [[nodiscard]] std::string
  theory(std::span<const analysis::theory::TheoryCheck> checks) const override;
  [[nodiscard]] std::string optimization(const analysis::Optimization &optimization) const override;

  /// The RKK table of one variant: kwantiteit, kwaliteit, richting; mean and interval.
  [[nodiscard]] std::string rkk_table(const analysis::VariantResult &variant) const;
  /// Key metrics of several variants side by side, the best of each marked.
  [[nodiscard]] std::string
  side_by_side(std::span<const analysis::VariantResult *const> variants) const;
  /// One alternative against the base, metric by metric.
  [[nodiscard]] std::string comparison(const analysis::Comparison &comparison) const;

private:
  [[nodiscard]] std::string w(std::string_view key) const;
  [[nodiscard]] std::string number(const std::optional<double> &x) const;
  /// An interval's two ends as shown (clipped to `bounds` and marked); sets `clipped` when
  /// either end was.
  [[nodiscard]] std::pair<std::string, std::string>
  interval(const analysis::Summary &summary, const analysis::Bounds &bounds, bool &clipped) const;
  /// The note under a table with a clipped interval, or nothing.
  [[nodiscard]] std::string clipped_note(bool clipped) const;
  [[nodiscard]] std::string precision_note(const std::optional<analysis::PrecisionReport> &report,
                                           double confidence,
                                           const analysis::Comparison *comparison = nullptr) const;
  [[nodiscard]] std::string judgements(const analysis::theory::TheoryCheck &check) const;
  [[nodiscard]] std::string little(const analysis::theory::TheoryCheck &check) const;
  [[nodiscard]] std::string too_few_note(const analysis::theory::TheoryCheck &check) const;
  [[nodiscard]] std::string theory_notes(const analysis::theory::TheoryCheck &check) const;
  [[nodiscard]] std::string requirement(const analysis::Requirement &requirement) const;
  [[nodiscard]] std::string why(const analysis::Optimization &optimization,
                                const analysis::DesignOutcome &design) const;
  [[nodiscard]] std::string chosen_design(const analysis::Optimization &optimization) const;
  [[nodiscard]] std::string designs_table(const analysis::Optimization &optimization) const;
  present::Language language_;
};

} // namespace salesfab::output
