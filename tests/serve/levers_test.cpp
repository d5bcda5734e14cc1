// The levers of the what-if page are keys --set takes, within the scenario contract; which way
// is better is said for every metric.

#include "analysis/measure/comparison.hpp"
#include "analysis/measure/direction.hpp"
#include "analysis/measure/metrics.hpp"
#include "serve/catalogue.hpp"
#include "serve/levers.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace salesfab;

namespace {
std::string text(double x) {
  std::ostringstream s;
  s.precision(17);
  s << x;
  return s.str();
}
} // namespace

TEST_CASE("every lever of every built-in scenario is a key that --set takes", "[serve]") {
  const auto catalogue = serve::Catalogue::built_in();
  REQUIRE(catalogue.entries().size() == 8); // the basis and the seven lessons
  for (const auto &entry : catalogue.entries()) {
    const auto &file = entry.file;
    const auto all = serve::levers(file, present::Language::en);
    REQUIRE(all.size() >= 15);
    for (const serve::Lever &l : all) {
      INFO(entry.name << ": " << l.key);
      CHECK(l.min <= l.value);
      CHECK(l.value <= l.max);
      // Its base value set again changes nothing: the key is the one the value came from.
      const std::vector<scenario::Override> same{
          scenario::parse_override(l.key + "=" + text(l.value))};
      const auto again = scenario::load_text(file.text, file.source, same);
      CHECK(again.variants.front().parameters == file.variants.front().parameters);
      // Both ends of its range are within the contract.
      for (double end : {l.min, l.max}) {
        const std::vector<scenario::Override> at{scenario::parse_override(l.key + "=" + text(end))};
        CHECK_NOTHROW(scenario::load_text(file.text, file.source, at));
      }
    }
  }
}

TEST_CASE("which way is better is said for every metric, as the key metrics say it", "[analysis]") {
  const auto file = scenario::load_default();
  const auto catalogue = analysis::metric_catalogue(file.variants.front().parameters);
  // Neither way is better only for levels, hours and utilisation, which a manager weighs, and
  // for what counts the customers won back.
  const std::vector<std::string> neither{"suspects_per_year",
                                         "won_back_per_year",
                                         "customers_c_end",
                                         "prospects_end",
                                         "pipeline_open_end",
                                         "weighted_pipeline_end",
                                         "hours_qualifier_per_year",
                                         "hours_account_executive_per_year",
                                         "hours_account_manager_per_year",
                                         "utilisation_qualifier",
                                         "utilisation_account_executive"};
  for (const auto &m : catalogue) {
    INFO(m.name);
    const bool judged = analysis::better_direction(m.name) != analysis::Better::neither;
    CHECK(judged == (std::find(neither.begin(), neither.end(), m.name) == neither.end()));
  }
  for (const auto &k : analysis::key_metrics())
    if (k.better != 0)
      CHECK(static_cast<int>(analysis::better_direction(k.name)) == k.better);
  CHECK(analysis::judge("revenue_per_year", 10) == 1);
  CHECK(analysis::judge("churn_rate", 0.01) == -1);
  CHECK(analysis::judge("churn_rate", -0.01) == 1);
  CHECK(analysis::judge("utilisation_qualifier", 0.2) == 0);
  CHECK(analysis::judge("conversion_intake", 0.1) == 1);
  CHECK(analysis::judge("revenue_per_year", 0) == 0);
}
