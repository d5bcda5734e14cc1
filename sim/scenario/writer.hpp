#pragma once
// Writes model::Parameters back as a scenario file, every default spelled out: what
// `salesfab validate --print` shows, and what a round trip reads back unchanged.

#include "model/parameters.hpp"

#include <string>

namespace salesfab::scenario {

/// The complete scenario as YAML text (sweep and comments are not kept).
std::string to_yaml(const model::Parameters &parameters);

} // namespace salesfab::scenario
