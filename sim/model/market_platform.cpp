#include "model/market_platform.hpp"

#include "model/buying_platform.hpp"

#include <limits>

namespace salesfab::model {

MarketPlatform::MarketPlatform(FactoryContext &context, BuyingPlatform &buying)
    : ctx_(context), buying_(buying), qualifiers_(context, Role::qualifier),
      queue_(context.recorder, Role::qualifier) {
  for (const Segment &s : ctx_.params.market.segments) {
    arrivals_.push_back(ctx_.stream("market." + s.name + ".arrivals"));
    suspects_.push_back(ctx_.stream("market." + s.name + ".suspects"));
    mean_gap_days_.push_back(s.suspects_per_week > 0 ? days_per_week / s.suspects_per_week
                                                     : std::numeric_limits<double>::infinity());
    rates_.emplace_back(ctx_.params.market, rates_.size());
    pass_.push_back(s.qualification_pass);
  }
}

void MarketPlatform::start() {
  for (std::uint32_t s = 0; s < arrivals_.size(); ++s)
    schedule_arrival(s);
  for (std::uint32_t i = 0; i < ctx_.params.market.changes.size(); ++i)
    ctx_.schedule(ctx_.params.market.changes[i].day, EventKind::market_change, i);
}

// A constant rate: exponential gaps. A changing one (seasonality, market.changes): the time at
// which the rate's integral from now reaches a unit exponential draw (inversion: exact).
void MarketPlatform::schedule_arrival(std::uint32_t s) {
  if (rates_[s].constant()) {
    if (std::isfinite(mean_gap_days_[s]))
      ctx_.schedule(arrivals_[s].exponential(mean_gap_days_[s]), EventKind::suspect_arrival, s);
    return;
  }
  const Time at =
      rates_[s].reach(ctx_.now(), arrivals_[s].exponential(1.0), ctx_.params.time.horizon_days);
  if (std::isfinite(at))
    ctx_.schedule(at - ctx_.now(), EventKind::suspect_arrival, s);
}

void MarketPlatform::on_suspect_arrival(std::uint32_t segment) {
  schedule_arrival(segment);
  const AccountId id =
      ctx_.accounts.create(static_cast<std::uint16_t>(segment), suspects_[segment].engine()());
  ctx_.recorder.add(Level::accounts_alive, 1, ctx_.now());
  enter(id);
}

void MarketPlatform::enter_again(AccountId account) { enter(account); }

void MarketPlatform::enter(AccountId id) {
  Account &a = ctx_.accounts[id];
  ctx_.recorder.count(Counter::suspects);
  ctx_.recorder.count(queue_counter(Role::qualifier, QueueFlow::entries));
  ctx_.trace([&] { return ctx_.about(id, Platform::market, TraceKind::suspect_arrived); });
  a.state = AccountState::waiting_for_qualifier;
  a.since = ctx_.now();
  ++a.stamp;
  if (qualifiers_.has_idle()) {
    start_qualification(id);
    return;
  }
  queue_.push(Waiting{id, a.stamp}, 0, ctx_.now());
  if (const auto &patience = ctx_.params.market.qualification.patience_days)
    ctx_.schedule(*patience, EventKind::gone_cold, id, a.stamp);
}

void MarketPlatform::start_qualification(AccountId id) {
  Account &a = ctx_.accounts[id];
  a.waited = ctx_.now() - a.since;
  ctx_.recorder.wait_served(Role::qualifier, a.waited);
  a.state = AccountState::being_qualified;
  a.since = ctx_.now();
  ++a.stamp;
  a.qualifier = qualifiers_.take(ctx_.now());
  const double effort = ctx_.params.market.qualification.effort_hours.sample(a.random);
  ctx_.schedule(qualifiers_.work_days(a.qualifier, ctx_.now(), effort),
                EventKind::qualification_done, id, a.stamp);
  ctx_.trace([&] {
    TraceEvent e = ctx_.about(id, Platform::market, TraceKind::qualification_started);
    const auto &halflife = ctx_.params.market.qualification.pass_halflife_days;
    e.decays = halflife.has_value();
    e.waited_days = a.waited;
    e.chance_left = decay_factor(a.waited, halflife);
    return e;
  });
}

void MarketPlatform::on_qualification_done(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::being_qualified)
    return;
  qualifiers_.release(a.qualifier, ctx_.now());
  a.qualifier = StaffPool::nobody;
  // One draw decides, with the chance the wait left (exactly the draw of old without a
  // half-life); a draw between the two chances is a suspect lost to waiting.
  const double pass = pass_[a.segment]; // market.changes may have changed it
  const double u = a.random.uniform01();
  if (u < pass * decay_factor(a.waited, ctx_.params.market.qualification.pass_halflife_days)) {
    ctx_.recorder.count(Counter::qualified);
    ctx_.trace([&] { return ctx_.about(id, Platform::market, TraceKind::qualified); });
    buying_.add_prospect(id);
  } else {
    ctx_.recorder.count(Counter::disqualified);
    const bool waiting_cost = u < pass;
    if (waiting_cost)
      ctx_.recorder.count(Counter::suspects_lost_to_waiting);
    ctx_.trace([&] {
      TraceEvent e = ctx_.about(id, Platform::market, TraceKind::disqualified);
      e.lost_to_waiting = waiting_cost;
      return e;
    });
    ctx_.leave(id);
  }
  serve_queue();
}

void MarketPlatform::on_gone_cold(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::waiting_for_qualifier)
    return;
  ctx_.recorder.count(Counter::gone_cold);
  ctx_.recorder.wait_abandoned(Role::qualifier, ctx_.now() - a.since);
  queue_.abandon(ctx_.now()); // its entry is stale now: the stamp moves on when it leaves
  ctx_.trace([&] { return ctx_.about(id, Platform::market, TraceKind::gone_cold); });
  ctx_.leave(id);
}

void MarketPlatform::set_qualifiers(int headcount) {
  qualifiers_.set_headcount(headcount, ctx_.now());
  serve_queue();
}

void MarketPlatform::on_attrition(const Event &e) {
  if (qualifiers_.on_attrition(e, ctx_.now()))
    serve_queue();
}

void MarketPlatform::on_change(std::uint32_t index) {
  const MarketChange &c = ctx_.params.market.changes[index];
  if (c.qualification_pass)
    for (std::size_t s = 0; s < pass_.size(); ++s)
      if (!c.segment || *c.segment == s)
        pass_[s] = *c.qualification_pass;
  ctx_.trace([&] {
    TraceEvent e;
    e.day = ctx_.now();
    e.platform = Platform::market;
    e.kind = TraceKind::market_changed;
    e.value = static_cast<double>(index);
    return e;
  });
}

void MarketPlatform::serve_queue() {
  const auto waits = [this](const Waiting &w) {
    const Account &a = ctx_.accounts[w.account];
    return a.stamp == w.stamp && a.state == AccountState::waiting_for_qualifier;
  };
  while (qualifiers_.has_idle()) {
    const auto next = queue_.pop(waits, ctx_.now());
    if (!next)
      break;
    start_qualification(next->account);
  }
}

} // namespace salesfab::model
