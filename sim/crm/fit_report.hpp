#pragma once
// The fit report of a calibration: fit.csv (one row per fitted value: estimate, interval, n,
// method) and an HTML page with, per stage duration and deal value, the fitted curve against
// the data's Kaplan-Meier (or empirical) curve as an SVG chart.

#include "analysis/present/words.hpp"
#include "crm/calibrate.hpp"
#include "crm/fitted_yaml.hpp"

#include <string>

namespace salesfab::crm {

/// fit.csv: key, estimate, ci_low, ci_high, n, method, detail; keys taken from the base last,
/// with method "from base" and no numbers.
std::string fit_csv(const Calibration &calibration);

/// The fit report as one self-contained HTML page.
std::string fit_html(const Calibration &calibration, const Provenance &provenance,
                     present::Language language, double confidence = 0.95);

} // namespace salesfab::crm
