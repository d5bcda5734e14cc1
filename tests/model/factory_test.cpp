// The factory's bookkeeping: every account in exactly one state, flows that add up, results
// that repeat, common random numbers across staffing variants, queue priorities.

#include "model/factory.hpp"
#include "model/support.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

using namespace salesfab;
using model::Counter;
using model::Level;

namespace {
model::Parameters basis(std::vector<std::string> settings = {}) {
  std::vector<scenario::Override> overrides;
  for (const auto &s : settings)
    overrides.push_back(scenario::parse_override(s));
  return scenario::load_file("scenarios/basis.yaml", overrides).variants[0].parameters;
}
} // namespace

TEST_CASE("every account is in exactly one state, and the levels agree", "[model]") {
  // No warm-up, so that every flow since day 0 is counted; a congested factory so that every
  // state is populated at the horizon. Suspects barely go stale (a half-life of 10^6 days), so
  // that enough of them reach the account executives, and deals run out of patience in 3 days
  // (stale deals leave the queue before 30).
  const auto p =
      basis({"time.warmup_days=0", "staff.account_executive.headcount=2", "staff.changes=[]",
             "staff.qualifier.headcount=1", "market.qualification.pass_halflife_days=1000000",
             "funnel.patience_days=3"});
  model::Factory factory(p, 3);
  const model::Record r = factory.run();
  std::array<int, 6> by_state{};
  int new_business_open = 0;
  factory.accounts().for_each_alive([&](model::AccountId id) {
    ++by_state[static_cast<std::size_t>(factory.accounts()[id].state)];
  });
  factory.opportunities().for_each_open([&](model::OpportunityId id) {
    if (!factory.opportunities()[id].existing())
      ++new_business_open;
  });
  auto level = [&](Level l) { return r.levels_at_horizon[static_cast<std::size_t>(l)]; };
  using S = model::AccountState;
  auto count = [&](S s) { return by_state[static_cast<std::size_t>(s)]; };
  REQUIRE(count(S::waiting_for_qualifier) == level(model::queue_level(model::Role::qualifier)));
  REQUIRE(count(S::being_qualified) == level(model::busy_level(model::Role::qualifier)));
  REQUIRE(count(S::prospect) == level(Level::prospects));
  REQUIRE(count(S::in_funnel) == new_business_open);
  REQUIRE(count(S::customer) == level(Level::customers));
  REQUIRE(level(Level::customers) ==
          level(Level::customers_a) + level(Level::customers_b) + level(Level::customers_c));
  int alive = 0;
  for (const int n : by_state)
    alive += n;
  REQUIRE(alive == level(Level::accounts_alive));
  REQUIRE(count(S::waiting_for_qualifier) > 0);
  REQUIRE(count(S::churned) > 0);

  // Flows add up: every suspect is qualified, disqualified, gone cold or still on the market;
  // every opportunity is won, lost or open; none both.
  auto c = [&](Counter k) { return r.counter(k); };
  REQUIRE(c(Counter::suspects) == c(Counter::qualified) + c(Counter::disqualified) +
                                      c(Counter::gone_cold) + count(S::waiting_for_qualifier) +
                                      count(S::being_qualified));
  const double won = c(Counter::won_new) + c(Counter::won_rebuy) + c(Counter::won_deep_selling) +
                     c(Counter::won_up_selling) + c(Counter::won_cross_selling);
  REQUIRE(c(Counter::opportunities_new) + c(Counter::opportunities_existing) ==
          won + c(Counter::lost_new) + c(Counter::lost_existing) + level(Level::pipeline_open));
  REQUIRE(c(Counter::lost_new) + c(Counter::lost_existing) ==
          c(Counter::lost_to_competitor) + c(Counter::lost_no_decision));
  // Customers: the initial 60, plus new and returning, minus churned.
  REQUIRE(level(Level::customers) ==
          60 + c(Counter::new_customers) + c(Counter::returning_customers) - c(Counter::churned));
  REQUIRE(c(Counter::new_customers) + c(Counter::returning_customers) == c(Counter::won_new));
  REQUIRE(c(Counter::gone_cold) > 0);
  REQUIRE(c(Counter::lost_patience) > 0);
  REQUIRE(c(Counter::lost_max_age) >= 0);
  // What waiting cost is a part of the draws that failed.
  REQUIRE(c(Counter::opportunities_lost_to_waiting) > 0);
  REQUIRE(c(Counter::opportunities_lost_to_waiting) <=
          c(Counter::lost_new) + c(Counter::lost_existing) - c(Counter::lost_patience));
  REQUIRE(c(Counter::suspects_lost_to_waiting) <= c(Counter::disqualified));
}

TEST_CASE("the same scenario and replication give identical results", "[model]") {
  const auto p = basis();
  const auto a = analysis::compute_metrics(model::simulate(p, 7), p);
  const auto b = analysis::compute_metrics(model::simulate(p, 7), p);
  REQUIRE(a == b);
  const auto c = analysis::compute_metrics(model::simulate(p, 8), p);
  REQUIRE(a != c);
}

TEST_CASE("a staffing variant sees the same suspects and the same qualification", "[model][crn]") {
  // Changing only account executives leaves the market platform untouched: arrivals,
  // qualification and the prospects' needs are the same, replication by replication. (Without
  // win-back: with deals going stale, more account executives win other customers, and churned
  // ones return to the market.)
  const auto base = basis({"customers.winback_after_days=100000"});
  const auto more =
      basis({"customers.winback_after_days=100000", "staff.account_executive.headcount=6"});
  for (std::uint64_t r = 0; r < 5; ++r) {
    const auto a = model::simulate(base, r);
    const auto b = model::simulate(more, r);
    REQUIRE(a.counter(Counter::suspects) == b.counter(Counter::suspects));
    REQUIRE(a.counter(Counter::qualified) == b.counter(Counter::qualified));
    REQUIRE(a.counter(Counter::opportunities_new) == b.counter(Counter::opportunities_new));
  }
}

TEST_CASE("with highest_value the account executives work the biggest deals first", "[model]") {
  // Too few account executives and little patience: the queue decides what is won.
  const std::vector<std::string> tight = {"staff.account_executive.headcount=2", "staff.changes=[]",
                                          "funnel.patience_days=5"};
  auto with = [&](const char *priority) {
    auto settings = tight;
    settings.push_back(std::string("funnel.priority=") + priority);
    return test::replicate(basis(settings), 10);
  };
  const auto fifo = with("fifo");
  const auto valued = with("highest_value");
  const auto closest = with("closest_to_close");
  REQUIRE(test::moments(valued, "avg_deal_value").mean() >
          1.2 * test::moments(fifo, "avg_deal_value").mean());
  // Finishing what is nearly closed loses fewer late-stage deals: fewer losses at the last stage
  // for lack of patience, so a higher conversion of the last stage.
  REQUIRE(test::moments(closest, "conversion_onderhandeling").mean() >
          test::moments(fifo, "conversion_onderhandeling").mean());
}

TEST_CASE("a tracer hears every step in time order, and tracing changes nothing", "[model]") {
  struct Collect : model::Tracer {
    std::vector<model::TraceEvent> events;
    void on(const model::TraceEvent &e) override { events.push_back(e); }
  } tracer;
  const auto p = basis({"time.horizon_days=400"});
  const auto traced = model::simulate(p, 1, &tracer);
  const auto plain = model::simulate(p, 1);
  REQUIRE(analysis::compute_metrics(traced, p) == analysis::compute_metrics(plain, p));
  REQUIRE(tracer.events.size() > 1000);
  for (std::size_t i = 1; i < tracer.events.size(); ++i)
    REQUIRE(tracer.events[i - 1].day <= tracer.events[i].day);
}

TEST_CASE("a runaway replication is stopped by its limits with a clear error", "[model]") {
  const auto p = basis();
  model::RunLimits limits;
  limits.max_events = 1000;
  REQUIRE_THROWS_AS(model::simulate(p, 0, nullptr, limits), model::RunawayError);
  limits = {};
  limits.max_accounts_alive = 50;
  REQUIRE_THROWS_WITH(model::simulate(p, 0, nullptr, limits),
                      Catch::Contains("more than 50 accounts at once"));
}
