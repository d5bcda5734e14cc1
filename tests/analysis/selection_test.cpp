// The ranking-and-selection procedures of optimize, on normal data whose answer is known: each
// must be right at least as often as its stated confidence. Tolerances: the nominal rate less
// three binomial standard errors of the macro-replications' proportion (the procedures are
// conservative, so they are usually well above it).

#include "analysis/measure/selection.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace salesfab::analysis;

namespace {

constexpr int macro = 1000;
const double slack = 3 * std::sqrt(0.95 * 0.05 / macro);

// Runs the feasibility check on N(mean, 1) draws against "<= 0" with tolerance 0.1.
FeasibilityCheck::Decision check(double mean, std::mt19937_64 &urng, int *used = nullptr) {
  Requirement r{"x", true, 0.0, 0.1};
  FeasibilityCheck c(r, 0.05, 10);
  std::normal_distribution<double> draw(mean, 1.0);
  while (c.decision() == FeasibilityCheck::Decision::undecided && c.count() < 100000)
    c.add(draw(urng));
  if (used)
    *used = c.count();
  return c.decision();
}

} // namespace

TEST_CASE("the feasibility check decides right at least 1 - beta of the time",
          "[analysis][optimize]") {
  std::mt19937_64 urng(11);
  int feasible_right = 0, infeasible_right = 0;
  for (int i = 0; i < macro; ++i) {
    // A mean just outside the tolerance on either side: the hardest case the guarantee covers.
    feasible_right += check(-0.1, urng) == FeasibilityCheck::Decision::feasible ? 1 : 0;
    infeasible_right += check(+0.1, urng) == FeasibilityCheck::Decision::infeasible ? 1 : 0;
  }
  WARN("feasibility decided right " << feasible_right << " and " << infeasible_right << " of "
                                    << macro);
  REQUIRE(feasible_right >= (0.95 - slack) * macro);
  REQUIRE(infeasible_right >= (0.95 - slack) * macro);
}

TEST_CASE("the feasibility check is quick where the answer is clear", "[analysis][optimize]") {
  std::mt19937_64 urng(3);
  int used = 0;
  REQUIRE(check(-3, urng, &used) == FeasibilityCheck::Decision::feasible);
  REQUIRE(used <= 20);
  REQUIRE(check(+3, urng, &used) == FeasibilityCheck::Decision::infeasible);
  REQUIRE(used <= 20);
  // No spread at all: decided at the first stage.
  FeasibilityCheck constant(Requirement{"x", false, 5.0, 0.05}, 0.05, 10);
  for (int i = 0; i < 10; ++i)
    constant.add(6.0);
  REQUIRE(constant.decision() == FeasibilityCheck::Decision::feasible); // >= 5 holds
  FeasibilityCheck none(Requirement{"x", true, 5.0, 0.05}, 0.05, 10);
  none.add(std::nullopt);
  REQUIRE(none.decision() == FeasibilityCheck::Decision::infeasible);
  REQUIRE(none.missing());
}

TEST_CASE("KN selects the best of five at least 1 - alpha of the time", "[analysis][optimize]") {
  // The slippage configuration, least favourable for KN: one design better by exactly delta.
  constexpr double delta = 0.5;
  const std::vector<double> means{0, 0, delta, 0, 0};
  std::mt19937_64 urng(7);
  std::normal_distribution<double> noise(0, 1);
  int right = 0;
  long long replications = 0;
  for (int i = 0; i < macro; ++i) {
    SelectionKN kn(means.size(), 0.05, delta, 10);
    std::vector<double> x(means.size());
    bool done = false;
    while (!done && kn.count() < 100000) {
      for (std::size_t k = 0; k < x.size(); ++k)
        x[k] = means[k] + noise(urng);
      done = kn.add(x);
    }
    right += kn.survivors() == std::vector<std::size_t>{2} ? 1 : 0;
    replications += kn.count();
  }
  WARN("KN selected the best " << right << " times of " << macro << ", "
                               << static_cast<double>(replications) / macro
                               << " replications on average");
  REQUIRE(right >= (0.95 - slack) * macro);
}

TEST_CASE("KN ends at once when designs differ without noise, and keeps exact ties",
          "[analysis][optimize]") {
  SelectionKN kn(3, 0.05, 1.0, 5);
  bool done = false;
  for (int r = 0; r < 5; ++r)
    done = kn.add(std::vector<double>{-3, -1, -1}); // e.g. minus a cost: 1 and 2 tie
  REQUIRE(done);
  REQUIRE(kn.survivors() == std::vector<std::size_t>{1, 2});
  REQUIRE(kn.eliminated_at(0) == 5);
  REQUIRE_THROWS_AS(SelectionKN(0, 0.05, 1, 5), std::invalid_argument);
  REQUIRE_THROWS_AS(SelectionKN(3, 0.05, 0, 5), std::invalid_argument);
}
