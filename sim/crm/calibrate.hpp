#pragma once
// Fits a scenario to a CRM history (../shared/design/crm-format.md, "What calibrate estimates"):
// arrivals, qualification, conversions, stage durations (censored maximum likelihood, family by
// AIC), deal values, value factors, where existing customers' opportunities start, intents and
// churn per customer-year by class. Every estimate keeps its n, its interval and its method;
// what the history cannot tell comes from the base scenario and is listed as such.

#include "analysis/measure/estimation.hpp"
#include "crm/history.hpp"
#include "model/parameters.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::crm {

/// The window and the confidence of a calibration.
struct CalibrateOptions {
  std::optional<Day> as_of; ///< the export date; default: the latest date in the history
  std::optional<Day> from;  ///< start of the observed window; default: the earliest date
  double confidence = 0.95;
};

/// One fitted number: where it goes in the scenario, the estimate, its interval and whence.
struct Fitted {
  std::string key; ///< the scenario's key path, e.g. funnel.stages[1].conversion.new
  double estimate = 0;
  analysis::Interval ci;
  double n = 0;       ///< observations (trials, events, visits, deals)
  std::string method; ///< e.g. "censored MLE, gamma chosen by AIC"
  std::string detail; ///< e.g. "(37 open)" or "over 12.3 customer-years"
};

/// A fitted distribution with its data, for the fit report's charts.
struct FittedCurve {
  std::string key; ///< e.g. funnel.stages[0].duration_days
  analysis::Resolution resolution = analysis::Resolution::exact;
  std::vector<analysis::Observation> data;
  analysis::PositiveFit fit;
};

/// What calibrate found.
struct Calibration {
  model::Parameters parameters; ///< the fitted scenario (valid)
  std::vector<Fitted> fitted;   ///< in the order of the scenario's keys
  std::vector<FittedCurve> curves;
  std::vector<std::string> from_base; ///< key paths taken from the base (fittable, not fitted)
  Day from = 0, as_of = 0;
  [[nodiscard]] const Fitted *find(std::string_view key) const;
};

/// Fits `base` to `history`. Throws HistoryError when the history holds nothing to fit (no
/// opportunity with a closed visit, or an empty window).
Calibration calibrate(History history, const model::Parameters &base,
                      const CalibrateOptions &options);

} // namespace salesfab::crm
