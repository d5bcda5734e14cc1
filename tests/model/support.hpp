#pragma once
// Helpers for the model's tests: scenarios written as YAML in the test, replications run on
// the experiment layer, and metrics looked up by name.

#include "experiment/experiment.hpp"
#include "model/parameters.hpp"
#include "support/stats.hpp"

#include <string>
#include <vector>

namespace salesfab::test {

/// Parameters from YAML text (the scenario layer checks it; a bad text fails the test).
model::Parameters parameters(const std::string &yaml);

/// Runs `replications` replications (all cores) and returns the variant's results.
analysis::VariantResult replicate(const model::Parameters &params, int replications);

/// The values of a metric over the replications, as Moments (absent values skipped).
Moments moments(const analysis::VariantResult &v, const std::string &metric);

} // namespace salesfab::test
