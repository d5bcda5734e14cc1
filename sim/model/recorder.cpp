#include "model/recorder.hpp"

#include <cmath>

namespace salesfab::model {

Recorder::Recorder(std::size_t stages, double warmup_days, double horizon_days)
    : pipeline_by_stage_(stages, 0.0) {
  record_.warmup_days = warmup_days;
  record_.horizon_days = horizon_days;
  record_.stage_went_on.assign(stages, 0.0);
  record_.stage_left.assign(stages, 0.0);
}

void Recorder::stage_left(std::size_t stage, bool went_on) {
  if (!measuring_)
    return;
  record_.stage_left[stage] += 1;
  if (went_on)
    record_.stage_went_on[stage] += 1;
}

void Recorder::cycle(double days) {
  if (measuring_)
    record_.cycle_days.push_back(days);
}

void Recorder::flush(Time now) {
  for (std::size_t i = 0; i < level_count; ++i) {
    if (measuring_)
      record_.integrals[i] += value_[i] * (now - since_[i]);
    since_[i] = now;
  }
}

void Recorder::start_measuring(Time now) {
  flush(now); // not measuring yet: only moves every level's clock to now
  measuring_ = true;
  record_.levels_at_warmup_end = value_;
  period_start_ = now;
}

void Recorder::end_period(Time now, double period_days) {
  flush(now);
  PeriodRecord p;
  p.start_day = period_start_;
  p.end_day = now;
  p.complete = std::abs((now - period_start_) - period_days) <= 1e-9 * period_days;
  for (std::size_t i = 0; i < counter_count; ++i)
    p.flows[i] = record_.counters[i] - counters_at_period_start_[i];
  for (std::size_t i = 0; i < level_count; ++i)
    p.integrals[i] = record_.integrals[i] - integrals_at_period_start_[i];
  p.levels_end = value_;
  p.pipeline_by_stage_end = pipeline_by_stage_;
  record_.periods.push_back(std::move(p));
  counters_at_period_start_ = record_.counters;
  integrals_at_period_start_ = record_.integrals;
  period_start_ = now;
}

void Recorder::finish(Time now, double weighted_pipeline, std::uint64_t events) {
  flush(now);
  record_.levels_at_horizon = value_;
  record_.pipeline_by_stage_end = pipeline_by_stage_;
  record_.weighted_pipeline_end = weighted_pipeline;
  record_.events = events;
}

} // namespace salesfab::model
