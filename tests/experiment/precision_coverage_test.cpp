// Replicate until precise enough, on a queue with a known answer: the qualifiers as an M/M/3
// queue, whose mean wait Erlang C gives exactly. The procedure runs again and again (macro-
// replications with their own seeds); its final 95 % intervals must cover the true value at
// about the nominal rate. A sequential procedure stops when the sample variance happens to be
// small, which biases intervals towards too narrow: the look-ahead is what keeps the coverage
// up. Not run under the sanitizers (minutes there; seconds in Release).

#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/theory/queues.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

using namespace salesfab;

TEST_CASE("intervals of a precision-driven run cover Erlang C's mean wait at about 95 %",
          "[experiment][precision]") {
  const auto file = scenario::load_file("tests/experiment/data/mm3-coverage.yaml");
  const model::Parameters base = file.variants.front().parameters;
  // 6 suspects a day, 3 qualifiers at 4 hours a day, 1.5 hours each: mu = 8/3 a day.
  const auto q = analysis::theory::mmc(6.0, 4.0 / 1.5, 3);
  REQUIRE(q);
  const double truth = q->wait_served;
  REQUIRE(truth == Approx(0.2839).epsilon(1e-3));

  constexpr int macro = 240;
  int covered = 0, replications = 0;
  std::vector<experiment::VariantSpec> specs;
  for (int k = 0; k < macro; ++k) {
    experiment::VariantSpec spec{base.name, base.name + "-" + std::to_string(k), base};
    spec.parameters.run.seed = 1000 + static_cast<std::uint64_t>(k);
    specs.push_back(std::move(spec));
  }
  // Each variant stops on its own: one experiment holds every macro-replication.
  const auto results = experiment::run(specs, {});
  for (const auto &v : results) {
    REQUIRE(v.precision);
    REQUIRE(v.precision->stopped_by_target);
    const auto *s = v.summary(analysis::names::wait_qualification_days_mean);
    REQUIRE(s);
    REQUIRE(*analysis::relative_half_width(*s) <= 0.1);
    covered += *s->ci_low <= truth && truth <= *s->ci_high ? 1 : 0;
    replications += v.precision->replications;
  }
  const double coverage = static_cast<double>(covered) / macro;
  WARN("coverage " << coverage << " (" << covered << " of " << macro << "), "
                   << static_cast<double>(replications) / macro
                   << " replications per run on average");
  REQUIRE(coverage >= 0.92);
}
