#pragma once
// The fitted scenario as a YAML file: complete and valid, every fitted key with a comment that
// says its n, its interval and its method, every key taken from the base scenario marked so.

#include "crm/calibrate.hpp"

#include <string>

namespace salesfab::crm {

/// Where a calibration came from, for the file's heading.
struct Provenance {
  std::string history; ///< the folder (or export) read
  std::string base;    ///< the base scenario's file, or "(built-in basis)"
  std::string source;  ///< generic, salesforce or hubspot
};

/// The fitted scenario's text.
std::string fitted_yaml(const Calibration &calibration, const Provenance &provenance,
                        double confidence);

/// A number as a fit comment writes it: four significant digits, no exponent below 1e6.
std::string short_number(double x);

} // namespace salesfab::crm
