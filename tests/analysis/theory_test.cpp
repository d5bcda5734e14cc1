// The closed forms of analysis/theory against textbook values, hand-worked examples, each other
// and sampling.

#include "analysis/measure/theory/absorbing_chain.hpp"
#include "analysis/measure/theory/factory_theory.hpp"
#include "analysis/measure/theory/queues.hpp"
#include "scenario/loader.hpp"
#include "support/stats.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace salesfab;
using namespace salesfab::analysis::theory;

TEST_CASE("M/M/1 with lambda 5 and mu 8 waits 0.2083", "[analysis][theory]") {
  const auto q = mmc(5, 8, 1);
  REQUIRE(q);
  REQUIRE(q->wait_served == Approx(0.2083).epsilon(1e-3));
  REQUIRE(q->utilisation == Approx(5.0 / 8));
  REQUIRE(q->p_wait == Approx(5.0 / 8));
}

TEST_CASE("M/M/3 with lambda 0.2 and mu 0.1: P(wait) 0.4444, Wq 4.444", "[analysis][theory]") {
  const auto q = mmc(0.2, 0.1, 3);
  REQUIRE(q);
  REQUIRE(q->p_wait == Approx(0.4444).epsilon(1e-3));
  REQUIRE(q->wait_served == Approx(4.444).epsilon(1e-3));
  REQUIRE(q->queue_length == Approx(0.2 * 4.444).epsilon(1e-3)); // Little
}

TEST_CASE("Erlang B with offered load 5 on 7 servers is 0.1205", "[analysis][theory]") {
  REQUIRE(erlang_b(5, 7) == Approx(0.1205).epsilon(1e-3));
  REQUIRE(erlang_b(5, 0) == 1);
  REQUIRE(erlang_c(2.25, 3) == Approx(0.5678).epsilon(1e-3));
}

TEST_CASE("an unstable M/M/c has no steady state", "[analysis][theory]") {
  REQUIRE_FALSE(mmc(3, 1, 3));
  REQUIRE_FALSE(mmc(1, 1, 0));
}

TEST_CASE("Erlang-A (M/M/c+M) from the offered-wait density matches its birth-death chain",
          "[analysis][theory]") {
  for (const auto &[lambda, mu, c, patience] :
       {std::tuple{10.0, 1.0, 9, 2.0}, std::tuple{4.0, 1.5, 3, 0.5},
        std::tuple{50.0, 1.0, 48, 0.2}}) {
    const auto density =
        mmc_patience(lambda, mu, c, Patience{Patience::Kind::exponential, patience});
    const auto chain = erlang_a_chain(lambda, mu, c, patience);
    REQUIRE(density);
    INFO("lambda " << lambda << " c " << c);
    REQUIRE(density->p_wait == Approx(chain.p_wait).epsilon(1e-7));
    REQUIRE(density->p_abandon == Approx(chain.p_abandon).epsilon(1e-7));
    REQUIRE(density->wait_all == Approx(chain.wait_all).epsilon(1e-7));
    REQUIRE(density->queue_length == Approx(chain.queue_length).epsilon(1e-7));
    REQUIRE(density->utilisation == Approx(chain.utilisation).epsilon(1e-7));
  }
}

TEST_CASE("M/M/c+D: no patience is Erlang B's loss system, endless patience is Erlang C",
          "[analysis][theory]") {
  const auto loss = mmc_patience(5, 1, 7, Patience{Patience::Kind::deterministic, 0});
  REQUIRE(loss->p_abandon == Approx(erlang_b(5, 7)).epsilon(1e-9));
  REQUIRE(loss->wait_all == Approx(0).margin(1e-12));
  const auto patient =
      mmc_patience(2.25 * 8 / 3, 8.0 / 3, 3, Patience{Patience::Kind::deterministic, 1e6});
  const auto c = mmc(2.25 * 8 / 3, 8.0 / 3, 3);
  REQUIRE(patient->p_abandon == Approx(0).margin(1e-12));
  REQUIRE(patient->p_wait == Approx(c->p_wait).epsilon(1e-9));
  REQUIRE(patient->wait_served == Approx(c->wait_served).epsilon(1e-9));
  // Overloaded, yet stable: impatience keeps the queue finite.
  const auto over = mmc_patience(3, 1, 2, Patience{Patience::Kind::deterministic, 2});
  REQUIRE(over->p_abandon > 1.0 / 3 - 1e-9); // at least the excess load leaves
  REQUIRE(over->utilisation < 1);
}

TEST_CASE("Allen-Cunneen scales M/M/c's wait by (1 + cs2) / 2", "[analysis][theory]") {
  const auto exp_service = allen_cunneen(4, 0.5, 1, 3);
  REQUIRE(exp_service->wait_served == Approx(mmc(4, 2, 3)->wait_served));
  const auto constant = allen_cunneen(4, 0.5, 0, 3);
  REQUIRE(constant->wait_served == Approx(mmc(4, 2, 3)->wait_served / 2));
}

TEST_CASE("the absorbing chain of a two-stage funnel, worked by hand", "[analysis][theory]") {
  AbsorbingChain chain;
  chain.q = Eigen::MatrixXd{{0, 0.5}, {0, 0}};
  chain.r = Eigen::MatrixXd{{0, 0.5}, {0.4, 0.6}};
  chain.tau = Eigen::VectorXd{{1, 2}};
  const auto s = solve(chain, 0);
  REQUIRE(s.visits(0, 1) == Approx(0.5));
  REQUIRE(s.absorption(0, 0) == Approx(0.2));
  REQUIRE(s.absorption(1, 0) == Approx(0.4));
  REQUIRE(s.time(0) == Approx(2));             // 1 + 0.5 x 2
  REQUIRE(s.conditional_time(0) == Approx(3)); // a won deal passes both stages
  REQUIRE(s.conditional_time(1) == Approx(2));
}

TEST_CASE("the chain takes a general matrix: a stage that sends deals back", "[analysis][theory]") {
  AbsorbingChain chain;
  chain.q = Eigen::MatrixXd{{0, 0.5}, {0.1, 0}};
  chain.r = Eigen::MatrixXd{{0, 0.5}, {0.4, 0.5}};
  chain.tau = Eigen::VectorXd{{1, 1}};
  const auto s = solve(chain, 0);
  REQUIRE(s.visits(0, 0) == Approx(1 / 0.95));
  REQUIRE(s.visits(0, 1) == Approx(0.5 / 0.95));
  REQUIRE(s.absorption(0, 0) == Approx(0.2 / 0.95));
  REQUIRE(s.absorption(0, 0) + s.absorption(0, 1) == Approx(1));
  REQUIRE(s.time(0) == Approx(1.5 / 0.95));
}

TEST_CASE("Laplace transforms match their closed forms and sampling", "[analysis][theory]") {
  using engine::Distribution;
  REQUIRE(laplace(Distribution::exponential(60), 0.5 / 365) == Approx(1 / (1 + 60 * 0.5 / 365)));
  REQUIRE(laplace(Distribution::constant(10), 0.1) == Approx(std::exp(-1.0)));
  for (const Distribution &d : {Distribution::triangular(1, 3, 10), Distribution::lognormal(30, 20),
                                Distribution::gamma(20, 10), Distribution::uniform(5, 15),
                                Distribution::empirical({1, 10, 100}, {1, 2, 1})}) {
    engine::RandomStream stream(3, 0, "laplace");
    test::Moments m;
    for (int i = 0; i < 200000; ++i)
      m.add(std::exp(-0.05 * d.sample(stream)));
    INFO(d.describe());
    REQUIRE(test::in_ci(m, laplace(d, 0.05), 0.999));
  }
}

TEST_CASE("theory's expectations for the M/M/3 validation scenario", "[analysis][theory]") {
  const auto p =
      scenario::load_file("scenarios/validation/qualification-mmc.yaml").variants[0].parameters;
  const auto all = expectations(p);
  auto find = [&](const std::string &metric) {
    for (const auto &e : all)
      if (e.metric == metric)
        return e;
    FAIL("no expectation for " << metric);
    return Expectation{};
  };
  REQUIRE(*find("wait_qualification_days_mean").value == Approx(0.2839).epsilon(1e-3));
  REQUIRE(find("wait_qualification_days_mean").reach == Reach::exact);
  REQUIRE(*find("utilisation_qualifier").value == Approx(0.75));
  REQUIRE(*find("suspects_per_year").value == Approx(42 * 365 / 7.0));
  // P(need before drift): exponential need of mean 20 days, drift 2 a year.
  REQUIRE(*find("opportunities_new_per_year").value ==
          Approx(42 * 365 / 7.0 * 0.3 / (1 + 20 * 2 / 365.0)));
}

TEST_CASE("for the default scenario theory says plainly what it cannot cover",
          "[analysis][theory]") {
  const auto all = expectations(scenario::load_default().variants[0].parameters);
  int not_applicable = 0;
  for (const auto &e : all)
    if (e.reach == Reach::not_applicable) {
      ++not_applicable;
      REQUIRE_FALSE(e.model.empty());
      REQUIRE_FALSE(e.value);
    }
  REQUIRE(not_applicable >= 10);
}

TEST_CASE("without account executives the funnel stalls: no win rate, no acquisition",
          "[analysis][theory]") {
  auto p =
      scenario::load_file("scenarios/validation/qualification-mmc.yaml").variants[0].parameters;
  p.staff[model::Role::account_executive].headcount = 0;
  p.customers.initial = {0, 0, 100};
  p.customers.churn_per_year = model::PerClass::all(0.5);
  const auto all = expectations(p);
  auto find = [&](const std::string &metric) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Expectation &e) { return e.metric == metric; });
    REQUIRE(it != all.end());
    return *it;
  };
  for (const char *metric : {"win_rate_new", "conversion_deal", "won_new_per_year"}) {
    INFO(metric);
    REQUIRE(find(metric).reach == Reach::not_applicable);
    REQUIRE(find(metric).model == Phrases{{"funnel_stalled"}});
  }
  // Nobody is won, so the initial customers only leave: exponential survival.
  const auto end = find("customers_end");
  REQUIRE(end.reach == Reach::exact);
  REQUIRE(*end.value == Approx(100 * std::exp(-0.5 / 365 * p.time.horizon_days)));
}

TEST_CASE("time kills deals: the wait's Laplace transform in M/M/c and M/M/c+D",
          "[analysis][theory]") {
  // The qualifiers of the M/M/3 validation scenario: lambda 6, mu 8/3, c 3.
  const double lambda = 6, mu = 8.0 / 3;
  REQUIRE(*mmc_wait_laplace(lambda, mu, 3, 0) == Approx(1));
  // Hand-worked: C = 0.5678, c mu - lambda = 2, theta = ln 2 / 0.2 = 3.466.
  const double c = erlang_c(2.25, 3), theta = std::log(2.0) / 0.2;
  REQUIRE(*mmc_wait_laplace(lambda, mu, 3, theta) == Approx((1 - c) + c * 2 / (2 + theta)));
  REQUIRE(*mmc_wait_laplace(lambda, mu, 3, theta) == Approx(0.640).epsilon(1e-3));
  // Its slope at 0 is minus the mean wait (Erlang C's), an independent check of the form.
  const double h = 1e-6;
  REQUIRE((1 - *mmc_wait_laplace(lambda, mu, 3, h)) / h ==
          Approx(mmc(lambda, mu, 3)->wait_served).epsilon(1e-4));
  REQUIRE_FALSE(mmc_wait_laplace(9, 1, 3, theta)); // not stable
  // M/M/c+D: endless patience is M/M/c; with patience, the slope at 0 is the mean wait of
  // those served, as the offered-wait density gives it.
  REQUIRE(*mmc_d_wait_laplace(lambda, mu, 3, 1e6, theta) ==
          Approx(*mmc_wait_laplace(lambda, mu, 3, theta)).epsilon(1e-9));
  for (const double patience : {0.05, 0.3, 2.0}) {
    REQUIRE(*mmc_d_wait_laplace(lambda, mu, 3, patience, 0) == Approx(1));
    const auto q = mmc_patience(lambda, mu, 3, Patience{Patience::Kind::deterministic, patience});
    REQUIRE((1 - *mmc_d_wait_laplace(lambda, mu, 3, patience, h)) / h ==
            Approx(q->wait_served).epsilon(1e-4));
  }
  // Overloaded and stable through impatience: a share between 0 and 1.
  const double over = *mmc_d_wait_laplace(3, 1, 2, 2, theta);
  REQUIRE(over > 0);
  REQUIRE(over < 1);
}

TEST_CASE("theory's pass rate with a half-life is pass x the wait's Laplace transform",
          "[analysis][theory]") {
  auto p =
      scenario::load_file("scenarios/validation/qualification-mmc.yaml").variants[0].parameters;
  p.market.qualification.pass_halflife_days = 0.2;
  const auto all = expectations(p);
  auto find = [&](const std::string &metric) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const Expectation &e) { return e.metric == metric; });
    REQUIRE(it != all.end());
    return *it;
  };
  const double left = *mmc_wait_laplace(6, 8.0 / 3, 3, std::log(2.0) / 0.2);
  REQUIRE(*find("qualification_pass_rate").value == Approx(0.3 * left));
  REQUIRE(find("qualification_pass_rate").reach == Reach::exact);
  REQUIRE(*find("suspects_lost_to_waiting_per_year").value == Approx(6 * 0.3 * (1 - left) * 365));
  REQUIRE(*find("opportunities_new_per_year").value ==
          Approx(42 * 365 / 7.0 * 0.3 * left / (1 + 20 * 2 / 365.0)));
  REQUIRE(std::count_if(all.begin(), all.end(), [](const Expectation &e) {
            return e.metric == "qualification_pass_rate";
          }) == 1);
  // A stage whose conversion decays: the funnel's win rate is not covered, and says why.
  p.funnel.stages[0].conversion_halflife_days = 5;
  const auto funnel = expectations(p);
  for (const char *metric : {"win_rate_new", "conversion_deal", "won_new_per_year",
                             "utilisation_account_executive", "customers_end"}) {
    const auto it = std::find_if(funnel.begin(), funnel.end(),
                                 [&](const Expectation &e) { return e.metric == metric; });
    INFO(metric);
    REQUIRE(it != funnel.end());
    REQUIRE(it->reach == Reach::not_applicable);
    REQUIRE_FALSE(it->value);
  }
}
