#include "model/work_platform.hpp"

#include "model/buying_platform.hpp"

#include <algorithm>

namespace salesfab::model {

WorkPlatform::WorkPlatform(FactoryContext &context, BuyingPlatform &buying)
    : ctx_(context), buying_(buying), executives_(context, Role::account_executive),
      queue_(context.recorder, Role::account_executive) {
  const auto &stages = ctx_.params.funnel.stages;
  win_from_.assign(stages.size() + 1, {1.0, 1.0});
  for (std::size_t s = stages.size(); s-- > 0;) {
    win_from_[s][0] = stages[s].conversion_new * win_from_[s + 1][0];
    win_from_[s][1] = stages[s].conversion_existing * win_from_[s + 1][1];
  }
}

TraceEvent WorkPlatform::about(OpportunityId id, TraceKind kind) const {
  const Opportunity &o = ctx_.opportunities[id];
  TraceEvent e = ctx_.about(o.account, Platform::work, kind);
  e.opportunity = o.number;
  e.stage = o.stage;
  e.source = o.source;
  e.value = o.value;
  return e;
}

void WorkPlatform::open(AccountId account, Source source, double value, double margin) {
  const OpportunityId id = ctx_.opportunities.create(ctx_.accounts, account);
  Opportunity &o = ctx_.opportunities[id];
  o.source = source;
  o.value = value;
  o.margin = margin;
  o.created = ctx_.now();
  o.random = engine::EntityRandom(ctx_.accounts[account].random());
  ctx_.recorder.count(o.existing() ? Counter::opportunities_existing : Counter::opportunities_new);
  ctx_.recorder.add(Level::pipeline_open, 1, ctx_.now());
  const FunnelParameters &f = ctx_.params.funnel;
  if (f.max_age_days)
    ctx_.schedule(*f.max_age_days, EventKind::max_age, id, o.serial);
  const std::size_t stage = o.existing() ? f.existing_enter_stage : 0;
  o.stage = static_cast<std::uint16_t>(stage);
  ctx_.trace([&] { return about(id, TraceKind::opportunity_opened); });
  enter_stage(id, stage);
}

void WorkPlatform::enter_stage(OpportunityId id, std::size_t stage) {
  Opportunity &o = ctx_.opportunities[id];
  o.stage = static_cast<std::uint16_t>(stage);
  o.state = OpportunityState::waiting;
  o.waiting_since = ctx_.now();
  ++o.stamp;
  ctx_.recorder.pipeline_stage(stage, 1);
  ctx_.recorder.count(queue_counter(Role::account_executive, QueueFlow::entries));
  if (executives_.has_idle()) {
    start_work(id);
    return;
  }
  double key = 0;
  switch (ctx_.params.funnel.priority) {
  case FunnelPriority::fifo:
    break;
  case FunnelPriority::closest_to_close:
    key = -static_cast<double>(stage);
    break;
  case FunnelPriority::highest_value:
    key = -o.value;
    break;
  }
  queue_.push(Waiting{id, o.stamp}, key, ctx_.now());
  if (const auto &patience = ctx_.params.funnel.patience_days)
    ctx_.schedule(*patience, EventKind::funnel_patience, id, o.stamp);
}

void WorkPlatform::start_work(OpportunityId id) {
  Opportunity &o = ctx_.opportunities[id];
  o.waited = ctx_.now() - o.waiting_since;
  ctx_.recorder.wait_served(Role::account_executive, o.waited);
  o.state = OpportunityState::in_work;
  ++o.stamp;
  o.executive = executives_.take(ctx_.now());
  const double effort = ctx_.params.funnel.stages[o.stage].effort_hours.sample(o.random);
  ctx_.schedule(executives_.work_days(o.executive, ctx_.now(), effort), EventKind::effort_done, id,
                o.stamp);
  ctx_.trace([&] {
    TraceEvent e = about(id, TraceKind::work_started);
    const auto &halflife = ctx_.params.funnel.stages[o.stage].conversion_halflife_days;
    e.decays = halflife.has_value();
    e.waited_days = o.waited;
    e.chance_left = decay_factor(o.waited, halflife);
    return e;
  });
}

bool WorkPlatform::waits(const Waiting &w) const {
  const Opportunity &o = ctx_.opportunities[w.opportunity];
  return ctx_.opportunities.open(w.opportunity) && o.stamp == w.stamp &&
         o.state == OpportunityState::waiting;
}

void WorkPlatform::serve_queue() {
  while (executives_.has_idle()) {
    const auto next = queue_.pop([this](const Waiting &w) { return waits(w); }, ctx_.now());
    if (!next)
      break;
    start_work(next->opportunity);
  }
}

void WorkPlatform::on_effort_done(OpportunityId id, std::uint32_t stamp) {
  if (!ctx_.opportunities.open(id))
    return;
  Opportunity &o = ctx_.opportunities[id];
  if (o.stamp != stamp || o.state != OpportunityState::in_work)
    return;
  executives_.release(o.executive, ctx_.now());
  o.executive = StaffPool::nobody;
  o.state = OpportunityState::customer_time;
  ++o.stamp;
  const double days = ctx_.params.funnel.stages[o.stage].duration_days.sample(o.random);
  ctx_.schedule(days, EventKind::customer_time_done, id, o.stamp);
  serve_queue();
}

void WorkPlatform::on_customer_time_done(OpportunityId id, std::uint32_t stamp) {
  if (!ctx_.opportunities.open(id))
    return;
  Opportunity &o = ctx_.opportunities[id];
  if (o.stamp != stamp || o.state != OpportunityState::customer_time)
    return;
  // One draw decides, with the chance the wait left (exactly the draw of old without a
  // half-life); a draw between the two chances is an opportunity lost to waiting.
  const auto &stages = ctx_.params.funnel.stages;
  const Stage &stage = stages[o.stage];
  const double conversion = stage.conversion(o.existing());
  const double u = o.random.uniform01();
  if (u < conversion * decay_factor(o.waited, stage.conversion_halflife_days)) {
    ctx_.recorder.stage_left(o.stage, true);
    ctx_.recorder.pipeline_stage(o.stage, -1);
    ctx_.trace([&] { return about(id, TraceKind::stage_passed); });
    if (o.stage + 1u == stages.size())
      won(id);
    else
      enter_stage(id, o.stage + 1u);
    return;
  }
  const bool waiting_cost = u < conversion;
  if (waiting_cost)
    ctx_.recorder.count(Counter::opportunities_lost_to_waiting);
  const bool competitor = o.random.bernoulli(ctx_.params.funnel.lost_to_competitor);
  lost(id, competitor ? LossReason::competitor : LossReason::no_decision, waiting_cost);
}

void WorkPlatform::on_patience(OpportunityId id, std::uint32_t stamp) {
  if (!ctx_.opportunities.open(id))
    return;
  const Opportunity &o = ctx_.opportunities[id];
  if (o.stamp != stamp || o.state != OpportunityState::waiting)
    return;
  lost(id, LossReason::patience);
}

void WorkPlatform::on_max_age(OpportunityId id, std::uint32_t serial) {
  if (!ctx_.opportunities.open(id) || ctx_.opportunities[id].serial != serial)
    return;
  lost(id, LossReason::max_age);
}

void WorkPlatform::lose_all(AccountId account) {
  while (ctx_.accounts[account].first_opportunity != none)
    lost(ctx_.accounts[account].first_opportunity, LossReason::customer_churned);
}

void WorkPlatform::won(OpportunityId id) {
  const Opportunity &o = ctx_.opportunities[id];
  static constexpr Counter by_source[source_count] = {
      Counter::won_new, Counter::won_rebuy, Counter::won_deep_selling, Counter::won_up_selling,
      Counter::won_cross_selling};
  ctx_.recorder.count(by_source[static_cast<std::size_t>(o.source)]);
  ctx_.recorder.count(Counter::revenue, o.value);
  ctx_.recorder.count(Counter::margin, o.value * o.margin);
  if (o.existing())
    ctx_.recorder.count(Counter::revenue_existing, o.value);
  ctx_.recorder.cycle(ctx_.now() - o.created);
  ctx_.trace([&] { return about(id, TraceKind::opportunity_won); });
  const AccountId account = o.account;
  const double value = o.value;
  close(id);
  buying_.on_deal_won(account, value);
}

void WorkPlatform::lost(OpportunityId id, LossReason reason, bool waiting_cost) {
  Opportunity &o = ctx_.opportunities[id];
  ctx_.recorder.stage_left(o.stage, false);
  ctx_.recorder.pipeline_stage(o.stage, -1);
  ctx_.recorder.count(o.existing() ? Counter::lost_existing : Counter::lost_new);
  const bool competitor =
      reason == LossReason::competitor || reason == LossReason::customer_churned;
  ctx_.recorder.count(competitor ? Counter::lost_to_competitor : Counter::lost_no_decision);
  if (reason == LossReason::patience)
    ctx_.recorder.count(Counter::lost_patience);
  else if (reason == LossReason::max_age)
    ctx_.recorder.count(Counter::lost_max_age);
  else if (reason == LossReason::customer_churned)
    ctx_.recorder.count(Counter::lost_customer_churned);
  ctx_.trace([&] {
    TraceEvent e = about(id, TraceKind::opportunity_lost);
    e.reason = reason;
    e.lost_to_waiting = waiting_cost;
    return e;
  });
  bool freed = false;
  if (o.state == OpportunityState::waiting) {
    queue_.abandon(ctx_.now()); // its queue entry is stale now
    ctx_.recorder.wait_abandoned(Role::account_executive, ctx_.now() - o.waiting_since);
  } else if (o.state == OpportunityState::in_work) {
    executives_.release(o.executive, ctx_.now());
    freed = true;
  }
  const AccountId account = o.account;
  const bool new_business = !o.existing();
  close(id);
  if (new_business && reason != LossReason::customer_churned)
    buying_.on_new_business_lost(account);
  if (freed)
    serve_queue();
}

void WorkPlatform::close(OpportunityId id) {
  ctx_.recorder.add(Level::pipeline_open, -1, ctx_.now());
  ctx_.opportunities.remove(ctx_.accounts, id);
}

void WorkPlatform::set_account_executives(int headcount) {
  executives_.set_headcount(headcount, ctx_.now());
  serve_queue();
}

void WorkPlatform::on_attrition(const Event &e) {
  if (executives_.on_attrition(e, ctx_.now()))
    serve_queue();
}

double WorkPlatform::weighted_pipeline() const {
  double sum = 0;
  ctx_.opportunities.for_each_open([&](OpportunityId id) {
    const Opportunity &o = ctx_.opportunities[id];
    sum += o.value * win_probability(o.stage, o.existing());
  });
  return sum;
}

} // namespace salesfab::model
