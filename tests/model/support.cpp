#include "model/support.hpp"

#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

namespace salesfab::test {

model::Parameters parameters(const std::string &yaml) {
  try {
    return scenario::load_text(yaml, "test.yaml").variants.at(0).parameters;
  } catch (const scenario::ScenarioError &e) {
    FAIL("test scenario is invalid:\n" << e.what());
    throw;
  }
}

analysis::VariantResult replicate(const model::Parameters &params, int replications) {
  experiment::VariantSpec spec{params.name, params.name, params};
  spec.parameters.run.replications = replications;
  return experiment::run({spec}, experiment::Options{}).at(0);
}

Moments moments(const analysis::VariantResult &v, const std::string &metric) {
  const int m = v.index(metric);
  REQUIRE(m >= 0);
  Moments out;
  for (const auto &value : v.values(static_cast<std::size_t>(m)))
    if (value)
      out.add(*value);
  return out;
}

} // namespace salesfab::test
