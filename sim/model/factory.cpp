#include "model/factory.hpp"

#include <cmath>
#include <string>

namespace salesfab::model {

Factory::Factory(const Parameters &params, std::uint64_t replication, Tracer *tracer,
                 RunLimits limits)
    : params_(params), limits_(limits),
      recorder_(params.funnel.stages.size(), params.time.warmup_days, params.time.horizon_days),
      context_{params, sim_, recorder_, accounts_, opportunities_, replication, tracer},
      buying_(context_), market_(context_, buying_), work_(context_, buying_) {
  buying_.connect(market_, work_);
  sim_.set_event_limit(limits_.max_events);
}

void Factory::schedule_calendar() {
  const TimeParameters &t = params_.time;
  for (std::uint32_t i = 0; i < params_.staff.changes.size(); ++i)
    context_.schedule(params_.staff.changes[i].day, EventKind::staff_change, i);
  // Classes are recomputed at every period boundary, the warm-up's included (counted back from
  // its end); the window's boundaries also close a report period.
  const double p = t.report_period_days;
  for (double day = t.warmup_days - p; day > 0; day -= p)
    context_.schedule(day, EventKind::reclassify, 0);
  context_.schedule(t.warmup_days, EventKind::warmup_end, 0);
  std::uint32_t index = 0;
  for (double end = t.warmup_days + p;; end = t.warmup_days + p * ++index + p) {
    const bool last = end >= t.horizon_days - 1e-9 * p;
    context_.schedule(last ? t.horizon_days : end, EventKind::period_end, index);
    if (last)
      break;
  }
  periods_ = index + 1;
}

Record Factory::run() {
  schedule_calendar();
  buying_.start();
  market_.start();
  const auto why = sim_.run_until(params_.time.horizon_days, [this](const Event &e) { handle(e); });
  if (why == engine::RunEnd::event_limit)
    throw RunawayError("the replication passed " + std::to_string(limits_.max_events) +
                       " events before the horizon (see --max-events)");
  if (why == engine::RunEnd::stopped && interrupted_)
    throw Interrupted();
  if (why == engine::RunEnd::stopped)
    throw RunawayError("the replication held more than " +
                       std::to_string(limits_.max_accounts_alive) +
                       " accounts at once; is the factory stuck, with suspects piling up?");
  recorder_.finish(params_.time.horizon_days, work_.weighted_pipeline(), sim_.events_processed());
  return recorder_.take();
}

void Factory::handle(const Event &e) {
  if ((sim_.events_processed() & 4095) == 0 && limits_.stop != nullptr &&
      limits_.stop->load(std::memory_order_relaxed)) {
    interrupted_ = true;
    sim_.stop();
  }
  switch (e.kind) {
  case EventKind::suspect_arrival:
    market_.on_suspect_arrival(e.id);
    if (accounts_.alive() > limits_.max_accounts_alive)
      sim_.stop();
    break;
  case EventKind::qualification_done:
    market_.on_qualification_done(e.id, e.stamp);
    break;
  case EventKind::gone_cold:
    market_.on_gone_cold(e.id, e.stamp);
    break;
  case EventKind::buying_need:
    buying_.on_buying_need(e.id, e.stamp);
    break;
  case EventKind::drift_away:
    buying_.on_drift_away(e.id, e.stamp);
    break;
  case EventKind::customer_event:
    buying_.on_customer_event(e.id, e.stamp);
    break;
  case EventKind::winback:
    buying_.on_winback(e.id, e.stamp);
    break;
  case EventKind::manager_ramp_step:
    buying_.on_manager_ramp_step();
    break;
  case EventKind::effort_done:
    work_.on_effort_done(e.id, e.stamp);
    break;
  case EventKind::customer_time_done:
    work_.on_customer_time_done(e.id, e.stamp);
    break;
  case EventKind::funnel_patience:
    work_.on_patience(e.id, e.stamp);
    break;
  case EventKind::max_age:
    work_.on_max_age(e.id, e.stamp);
    break;
  case EventKind::staff_change:
    on_staff_change(e.id);
    break;
  case EventKind::reclassify:
    buying_.reclassify_all();
    break;
  case EventKind::warmup_end:
    buying_.reclassify_all();
    recorder_.start_measuring(sim_.now());
    break;
  case EventKind::period_end:
    on_period_end(e.id);
    break;
  case EventKind::staff_leaves:
  case EventKind::seat_filled:
    on_attrition(e);
    break;
  case EventKind::market_change:
    market_.on_change(e.id);
    break;
  case EventKind::customers_change:
    buying_.on_change(e.id);
    break;
  }
}

void Factory::on_staff_change(std::uint32_t index) {
  const StaffChange &c = params_.staff.changes[index];
  switch (c.role) {
  case Role::qualifier:
    market_.set_qualifiers(c.headcount);
    break;
  case Role::account_executive:
    work_.set_account_executives(c.headcount);
    break;
  case Role::account_manager:
    buying_.set_account_managers(c.headcount);
    break;
  }
}

void Factory::on_attrition(const Event &e) {
  const Role role =
      e.kind == EventKind::staff_leaves ? StaffPool::role_of(e.id) : static_cast<Role>(e.id);
  switch (role) {
  case Role::qualifier:
    market_.on_attrition(e);
    break;
  case Role::account_executive:
    work_.on_attrition(e);
    break;
  case Role::account_manager:
    buying_.on_attrition(e);
    break;
  }
}

void Factory::on_period_end(std::uint32_t) {
  buying_.reclassify_all();
  recorder_.end_period(sim_.now(), params_.time.report_period_days);
}

Record simulate(const Parameters &params, std::uint64_t replication, Tracer *tracer,
                RunLimits limits) {
  Factory factory(params, replication, tracer, limits);
  return factory.run();
}

} // namespace salesfab::model
