#include "model/buying_platform.hpp"

#include "model/market_platform.hpp"
#include "model/work_platform.hpp"

#include <algorithm>
#include <limits>

namespace salesfab::model {

namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();
}

BuyingPlatform::BuyingPlatform(FactoryContext &context)
    : ctx_(context), managers_(context, Role::account_manager) {
  set_rates();
}

// The rates of a customer's events at the factors of customers.changes (1 without them).
void BuyingPlatform::set_rates() {
  const CustomerParameters &c = ctx_.params.customers;
  for (const CustomerClass k : all_classes) {
    const auto ki = static_cast<std::size_t>(k);
    churn_rate_[ki] = c.churn_per_year[k] * churn_factor_;
    double rate = churn_rate_[ki];
    for (const Intent i : all_intents) {
      intent_rate_[static_cast<std::size_t>(i)][ki] = c[i].per_year[k] * intent_factor_;
      rate += intent_rate_[static_cast<std::size_t>(i)][ki];
    }
    event_rate_[ki] = rate;
  }
}

void BuyingPlatform::on_change(std::uint32_t index) {
  const CustomerChange &change = ctx_.params.customers.changes[index];
  if (change.churn_factor)
    churn_factor_ = *change.churn_factor;
  if (change.intent_factor)
    intent_factor_ = *change.intent_factor;
  set_rates();
  // Every customer's pending event ran at the old rates: memoryless, so drawing it again at
  // the new ones makes the hazards follow at once.
  for (const AccountId id : customers_) {
    ++ctx_.accounts[id].stamp;
    schedule_customer_event(id);
  }
  ctx_.trace([&] {
    TraceEvent e;
    e.day = ctx_.now();
    e.platform = Platform::buying;
    e.kind = TraceKind::customers_changed;
    e.value = static_cast<double>(index);
    return e;
  });
}

void BuyingPlatform::connect(MarketPlatform &market, WorkPlatform &work) {
  market_ = &market;
  work_ = &work;
}

void BuyingPlatform::start() {
  const Parameters &p = ctx_.params;
  manager_hours_per_month_ =
      managers_.productivity_sum(0) * managers_.hours_per_day() * days_per_month;
  // Initial customers: segment drawn in proportion to suspects_per_week (equally likely when all
  // are 0), history of one purchase on day 0 worth its class's threshold, not counted.
  engine::RandomStream draw = ctx_.stream("customers.initial");
  std::vector<double> cumulative;
  double total = 0;
  for (const Segment &s : p.market.segments)
    cumulative.push_back(total += s.suspects_per_week);
  for (std::uint32_t i = 0; i < p.customers.changes.size(); ++i)
    ctx_.schedule(p.customers.changes[i].day, EventKind::customers_change, i);
  for (const CustomerClass k : all_classes) {
    for (int n = 0; n < p.customers.initial[static_cast<std::size_t>(k)]; ++n) {
      std::size_t segment;
      if (total > 0) {
        const double u = draw.uniform01() * total;
        segment = static_cast<std::size_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
        segment = std::min(segment, cumulative.size() - 1);
      } else {
        segment = draw.index(cumulative.size());
      }
      const AccountId id =
          ctx_.accounts.create(static_cast<std::uint16_t>(segment), draw.engine()());
      ctx_.recorder.add(Level::accounts_alive, 1, 0);
      Account &a = ctx_.accounts[id];
      a.ever_customer = true; // initial customers are not new customers
      if (k == CustomerClass::A)
        ctx_.accounts.purchase(id, 0, p.customers.class_a_threshold);
      else if (k == CustomerClass::B)
        ctx_.accounts.purchase(id, 0, p.customers.class_b_threshold);
      become_customer(id, k);
      ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::initial_customer); });
    }
  }
  update_coverage();
}

// ---------------------------------------------------------------------------------------------
// The shortlist

void BuyingPlatform::add_prospect(AccountId id) {
  Account &a = ctx_.accounts[id];
  a.state = AccountState::prospect;
  a.since = ctx_.now();
  ++a.stamp;
  ctx_.recorder.set(Level::prospects, ++prospects_, ctx_.now());
  // The need and drifting away compete; whichever comes first happens.
  const ShortlistParameters &s = ctx_.params.market.shortlist;
  const double need = s.time_to_need_days.sample(a.random);
  const double drift =
      s.drift_per_year > 0 ? a.random.exponential(days_per_year / s.drift_per_year) : infinity;
  if (need <= drift)
    ctx_.schedule(need, EventKind::buying_need, id, a.stamp);
  else
    ctx_.schedule(drift, EventKind::drift_away, id, a.stamp);
}

void BuyingPlatform::on_buying_need(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::prospect)
    return;
  ctx_.recorder.set(Level::prospects, --prospects_, ctx_.now());
  a.state = AccountState::in_funnel;
  a.since = ctx_.now();
  ++a.stamp;
  ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::buying_need); });
  const Segment &segment = ctx_.params.market.segments[a.segment];
  const double value = segment.deal_value.sample(a.random);
  work_->open(id, Source::new_business, value, segment.margin);
}

void BuyingPlatform::on_drift_away(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::prospect)
    return;
  ctx_.recorder.set(Level::prospects, --prospects_, ctx_.now());
  ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::drifted_away); });
  ctx_.leave(id);
}

// ---------------------------------------------------------------------------------------------
// Customers

void BuyingPlatform::on_deal_won(AccountId id, double value) {
  Account &a = ctx_.accounts[id];
  ctx_.accounts.purchase(id, ctx_.now(), value);
  if (a.state == AccountState::customer) { // an existing customer bought again
    change_class(id, class_of(id));
    return;
  }
  // A prospect's (or won-back account's) new business: a customer now.
  ctx_.recorder.count(a.ever_customer ? Counter::returning_customers : Counter::new_customers);
  const bool first_time = !a.ever_customer;
  a.ever_customer = true;
  become_customer(id, class_of(id));
  ctx_.trace([&] {
    TraceEvent e = ctx_.about(id, Platform::buying, TraceKind::became_customer);
    e.value = first_time ? 1 : 0;
    return e;
  });
}

void BuyingPlatform::on_new_business_lost(AccountId id) { ctx_.leave(id); }

void BuyingPlatform::become_customer(AccountId id, CustomerClass cls) {
  Account &a = ctx_.accounts[id];
  a.state = AccountState::customer;
  a.cls = cls;
  a.since = ctx_.now();
  ++a.stamp;
  a.customer_slot = static_cast<std::uint32_t>(customers_.size());
  customers_.push_back(id);
  ++counts_[static_cast<std::size_t>(cls)];
  ctx_.recorder.add(Level::customers, 1, ctx_.now());
  ctx_.recorder.add(customers_level(cls), 1, ctx_.now());
  update_coverage();
  schedule_customer_event(id);
}

CustomerClass BuyingPlatform::class_of(AccountId id) {
  const double revenue = ctx_.accounts.trim_history(id, ctx_.now() - days_per_year);
  const CustomerParameters &c = ctx_.params.customers;
  if (revenue >= c.class_a_threshold)
    return CustomerClass::A;
  if (revenue >= c.class_b_threshold)
    return CustomerClass::B;
  return CustomerClass::C;
}

void BuyingPlatform::change_class(AccountId id, CustomerClass to) {
  Account &a = ctx_.accounts[id];
  if (a.cls == to)
    return;
  --counts_[static_cast<std::size_t>(a.cls)];
  ++counts_[static_cast<std::size_t>(to)];
  ctx_.recorder.add(customers_level(a.cls), -1, ctx_.now());
  ctx_.recorder.add(customers_level(to), 1, ctx_.now());
  a.cls = to;
  ++a.stamp; // its pending event ran at the old class's rate
  ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::class_changed); });
  update_coverage();
  schedule_customer_event(id);
}

void BuyingPlatform::reclassify_all() {
  // change_class does not reorder customers_, so an index loop is safe.
  for (std::size_t i = 0; i < customers_.size(); ++i)
    change_class(customers_[i], class_of(customers_[i]));
}

// A customer's intents and its churn are competing Poisson processes: one pending event at the
// total rate, then a draw says which. Churn runs at its rate without brickwalling, and a
// candidate is kept with probability 1 - effect x coverage at that moment (thinning): exact for
// a hazard that follows coverage at once, however often coverage changes.
void BuyingPlatform::schedule_customer_event(AccountId id) {
  Account &a = ctx_.accounts[id];
  const double rate = event_rate_[static_cast<std::size_t>(a.cls)];
  if (rate > 0)
    ctx_.schedule(a.random.exponential(days_per_year / rate), EventKind::customer_event, id,
                  a.stamp);
}

void BuyingPlatform::on_customer_event(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::customer)
    return;
  const CustomerParameters &c = ctx_.params.customers;
  const auto k = a.cls;
  const auto ki = static_cast<std::size_t>(k);
  double pick = a.random.uniform01() * event_rate_[ki];
  if (pick < churn_rate_[ki]) {
    const double keep = 1 - c.brickwalling.effect * coverage(k);
    if (a.random.bernoulli(keep)) {
      churn(id);
      return;
    }
    ctx_.recorder.count(Counter::churn_averted);
    ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::churn_averted); });
  } else {
    pick -= churn_rate_[ki];
    Intent intent = Intent::cross_selling;
    for (const Intent i : all_intents) {
      if (pick < intent_rate_[static_cast<std::size_t>(i)][ki]) {
        intent = i;
        break;
      }
      pick -= intent_rate_[static_cast<std::size_t>(i)][ki];
    }
    // The filter: only this wish to buy makes an opportunity.
    const IntentParameters &wish = c[intent];
    const Segment &segment = ctx_.params.market.segments[a.segment];
    const double value = segment.deal_value.sample(a.random) * wish.value_factor;
    const double margin = std::clamp(segment.margin + wish.margin_delta, 0.0, 1.0);
    ctx_.trace([&] {
      TraceEvent e = ctx_.about(id, Platform::buying, TraceKind::wish_to_buy);
      e.source = source_of(intent);
      return e;
    });
    work_->open(id, source_of(intent), value, margin);
  }
  schedule_customer_event(id);
}

void BuyingPlatform::churn(AccountId id) {
  Account &a = ctx_.accounts[id];
  ctx_.recorder.count(Counter::churned);
  ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::churned); });
  remove_customer(id);
  work_->lose_all(id); // its open opportunities go to the competitor too
  a.state = AccountState::churned;
  a.since = ctx_.now();
  ++a.stamp;
  if (const auto &after = ctx_.params.customers.winback_after_days)
    ctx_.schedule(*after, EventKind::winback, id, a.stamp);
  else
    ctx_.leave(id);
}

void BuyingPlatform::remove_customer(AccountId id) {
  Account &a = ctx_.accounts[id];
  const std::uint32_t slot = a.customer_slot;
  customers_[slot] = customers_.back();
  ctx_.accounts[customers_[slot]].customer_slot = slot;
  customers_.pop_back();
  a.customer_slot = none;
  --counts_[static_cast<std::size_t>(a.cls)];
  ctx_.recorder.add(Level::customers, -1, ctx_.now());
  ctx_.recorder.add(customers_level(a.cls), -1, ctx_.now());
  update_coverage();
}

void BuyingPlatform::on_winback(AccountId id, std::uint32_t stamp) {
  Account &a = ctx_.accounts[id];
  if (a.stamp != stamp || a.state != AccountState::churned)
    return;
  ctx_.recorder.count(Counter::won_back);
  ctx_.trace([&] { return ctx_.about(id, Platform::buying, TraceKind::won_back); });
  market_->enter_again(id);
}

// ---------------------------------------------------------------------------------------------
// Account managers and brickwalling

void BuyingPlatform::set_account_managers(int headcount) {
  managers_.set_headcount(headcount, ctx_.now());
  capacity_changed();
}

void BuyingPlatform::on_attrition(const Event &e) {
  if (managers_.on_attrition(e, ctx_.now()))
    capacity_changed();
}

void BuyingPlatform::capacity_changed() {
  manager_hours_per_month_ =
      managers_.productivity_sum(ctx_.now()) * managers_.hours_per_day() * days_per_month;
  update_coverage();
  schedule_ramp_step();
}

void BuyingPlatform::on_manager_ramp_step() {
  ramp_step_pending_ = false;
  manager_hours_per_month_ =
      managers_.productivity_sum(ctx_.now()) * managers_.hours_per_day() * days_per_month;
  update_coverage();
  schedule_ramp_step();
}

// A new account manager's productivity rises in daily steps: coverage (and so the churn hazard)
// is a step function of time, which the thinning in on_customer_event follows exactly.
void BuyingPlatform::schedule_ramp_step() {
  if (!ramp_step_pending_ && managers_.ramping(ctx_.now())) {
    ramp_step_pending_ = true;
    ctx_.schedule(1.0, EventKind::manager_ramp_step, 0);
  }
}

void BuyingPlatform::update_coverage() {
  const BrickwallingParameters &b = ctx_.params.customers.brickwalling;
  std::array<double, class_count> need{};
  double total_need = 0;
  for (const CustomerClass k : all_classes) {
    const auto i = static_cast<std::size_t>(k);
    need[i] = counts_[i] * b.hours_per_customer_per_month[k];
    total_need += need[i];
  }
  const double capacity = manager_hours_per_month_;
  if (b.priority == BrickwallPriority::abc) { // A first, then B, then C
    double left = capacity;
    for (std::size_t i = 0; i < class_count; ++i) {
      coverage_[i] = need[i] > 0 ? std::min(1.0, left / need[i]) : 1.0;
      left = std::max(0.0, left - need[i]);
    }
  } else {
    const double share = total_need > 0 ? std::min(1.0, capacity / total_need) : 1.0;
    coverage_.fill(share);
  }
  const double covered = std::min(capacity, total_need);
  ctx_.recorder.set(Level::brickwall_coverage, total_need > 0 ? covered / total_need : 1.0,
                    ctx_.now());
  ctx_.recorder.set(Level::manager_hours_per_day, covered / days_per_month, ctx_.now());
}

} // namespace salesfab::model
