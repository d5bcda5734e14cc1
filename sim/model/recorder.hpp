#pragma once
// What one replication of the factory reports: counters of flows, time-weighted levels and a
// snapshot per report period, all over the measurement window (warm-up end to horizon). The
// model reports through a Recorder and never prints; analysis turns a Record into RKK metrics.

#include "engine/event_queue.hpp"
#include "model/parameters.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace salesfab::model {

using engine::Time;

/// Flows counted in the measurement window (a flow counts when its event happens in it).
enum class Counter : std::uint8_t {
  suspects,               ///< suspects arrived (win-back returns included)
  qualified,              ///< passed qualification onto the shortlist
  disqualified,           ///< failed qualification
  gone_cold,              ///< waited too long for a qualifier
  opportunities_new,      ///< opportunities created from prospects' needs
  opportunities_existing, ///< opportunities created from customers' intents
  won_new,
  won_rebuy,
  won_deep_selling,
  won_up_selling,
  won_cross_selling,
  lost_new,                      ///< lost opportunities from prospects
  lost_existing,                 ///< lost opportunities from customers
  lost_to_competitor,            ///< lost, by reason: to a competitor (conversion draw, churn)
  lost_no_decision,              ///< ... no decision (conversion draw, patience, max age)
  lost_patience,                 ///< of which: waited too long for an account executive
  lost_max_age,                  ///< of which: open longer than max_age_days
  lost_customer_churned,         ///< of which (to competitor): the customer churned
  revenue,                       ///< value of deals won
  revenue_existing,              ///< of which from existing customers
  margin,                        ///< gross margin of deals won
  new_customers,                 ///< accounts that became a customer for the first time
  returning_customers,           ///< churned customers won again
  churned,                       ///< customers lost to competitors
  churn_averted,                 ///< churn candidates brickwalling kept out
  won_back,                      ///< churned customers back on the market
  suspects_lost_to_waiting,      ///< failed qualification, would have passed without the wait
  opportunities_lost_to_waiting, ///< failed a stage's conversion, would have gone on without
                                 ///< the wait
  staff_queue_flows_, ///< the first of role_count x queue_flow_count: see queue_counter()
  count_ = staff_queue_flows_ + role_count * 4 // queue_flow_count, checked below
};
inline constexpr std::size_t counter_count = static_cast<std::size_t>(Counter::count_);

/// Levels whose time integral over the window is kept (value x days).
enum class Level : std::uint8_t {
  customers,
  customers_a,
  customers_b,
  customers_c,
  prospects,     ///< on the shortlist
  pipeline_open, ///< open opportunities
  staff_busy_,   ///< the first of role_count levels: people busy, see busy_level()
  staff_employed_ = staff_busy_ + role_count,  ///< people employed, see employed_level()
  staff_queue_ = staff_employed_ + role_count, ///< work waiting for the role, see queue_level()
  /// account-manager hours spent per day: min(capacity, need)
  manager_hours_per_day = staff_queue_ + role_count,
  brickwall_coverage, ///< covered hours / needed hours, all customers (1 when none needed)
  accounts_alive,     ///< accounts the model holds in memory
  count_
};
inline constexpr std::size_t level_count = static_cast<std::size_t>(Level::count_);

/// The flows of a queue for staff, counted per role (only roles that serve a queue count them:
/// the qualifiers and the account executives).
enum class QueueFlow : std::uint8_t {
  entries,       ///< began waiting for someone of the role (waits of 0 too)
  served,        ///< waits that ended in being served
  wait_days,     ///< their total length
  wait_days_all, ///< total length of all waits that ended (served or abandoned)
};
inline constexpr std::size_t queue_flow_count = 4;
static_assert(counter_count == static_cast<std::size_t>(Counter::staff_queue_flows_) +
                                   role_count * queue_flow_count);

/// The counter of a flow of `role`'s queue.
constexpr Counter queue_counter(Role role, QueueFlow flow) {
  return static_cast<Counter>(static_cast<std::size_t>(Counter::staff_queue_flows_) +
                              static_cast<std::size_t>(flow) * role_count +
                              static_cast<std::size_t>(role));
}
/// The level of `role`'s people busy (with a task; roles without tasks keep it at 0).
constexpr Level busy_level(Role role) {
  return static_cast<Level>(static_cast<std::size_t>(Level::staff_busy_) +
                            static_cast<std::size_t>(role));
}
/// The level of `role`'s people employed.
constexpr Level employed_level(Role role) {
  return static_cast<Level>(static_cast<std::size_t>(Level::staff_employed_) +
                            static_cast<std::size_t>(role));
}
/// The level of work waiting for `role` (roles without a queue keep it at 0).
constexpr Level queue_level(Role role) {
  return static_cast<Level>(static_cast<std::size_t>(Level::staff_queue_) +
                            static_cast<std::size_t>(role));
}

/// The levels of customers by class: customers_a, customers_b, customers_c.
constexpr Level customers_level(CustomerClass c) {
  return static_cast<Level>(static_cast<std::size_t>(Level::customers_a) +
                            static_cast<std::size_t>(c));
}

/// One report period.
struct PeriodRecord {
  double start_day = 0;
  double end_day = 0;
  bool complete = false;                       ///< as long as a full report period
  std::array<double, counter_count> flows{};   ///< counters within the period
  std::array<double, level_count> integrals{}; ///< level integrals within the period
  std::array<double, level_count> levels_end{};
  std::vector<double> pipeline_by_stage_end; ///< open opportunities per stage at the end
};

/// Everything one replication reports.
struct Record {
  double warmup_days = 0;
  double horizon_days = 0;
  std::array<double, counter_count> counters{};
  std::array<double, level_count> integrals{}; ///< over the window
  std::array<double, level_count> levels_at_warmup_end{};
  std::array<double, level_count> levels_at_horizon{};
  std::array<double, level_count> levels_max{}; ///< over the whole run, warm-up included
  std::vector<double> stage_went_on; ///< per stage: left the stage in the window and went on
  std::vector<double> stage_left;    ///< per stage: left the stage in the window, any way
  std::vector<double> cycle_days;    ///< creation to won, deals won in the window
  std::vector<double> pipeline_by_stage_end;
  double weighted_pipeline_end = 0;
  std::vector<PeriodRecord> periods;
  std::uint64_t events = 0; ///< events simulated (warm-up included)

  [[nodiscard]] double counter(Counter c) const { return counters[static_cast<std::size_t>(c)]; }
  [[nodiscard]] double integral(Level l) const { return integrals[static_cast<std::size_t>(l)]; }
  [[nodiscard]] double window_days() const { return horizon_days - warmup_days; }
  /// Time average of a level over the window.
  [[nodiscard]] double average(Level l) const { return integral(l) / window_days(); }
};

/// The model's reporting interface: counters, time-weighted levels, period snapshots.
class Recorder {
public:
  Recorder(std::size_t stages, double warmup_days, double horizon_days);

  /// Counts a flow (from the warm-up's end on).
  void count(Counter c, double amount = 1) {
    if (measuring_)
      record_.counters[static_cast<std::size_t>(c)] += amount;
  }
  /// Sets a level at time now.
  void set(Level l, double value, Time now) {
    const auto i = static_cast<std::size_t>(l);
    if (measuring_)
      record_.integrals[i] += value_[i] * (now - since_[i]);
    since_[i] = now;
    value_[i] = value;
    if (value > record_.levels_max[i])
      record_.levels_max[i] = value;
  }
  /// Changes a level by delta at time now.
  void add(Level l, double delta, Time now) { set(l, level(l) + delta, now); }
  /// The current value of a level.
  [[nodiscard]] double level(Level l) const { return value_[static_cast<std::size_t>(l)]; }

  /// A wait for someone of `role` ended in being served after `days`.
  void wait_served(Role role, double days) {
    count(queue_counter(role, QueueFlow::served));
    count(queue_counter(role, QueueFlow::wait_days), days);
    count(queue_counter(role, QueueFlow::wait_days_all), days);
  }
  /// A wait for someone of `role` ended without service (gone cold, patience, max age, churn).
  void wait_abandoned(Role role, double days) {
    count(queue_counter(role, QueueFlow::wait_days_all), days);
  }

  /// An opportunity left `stage`: went on, or not.
  void stage_left(std::size_t stage, bool went_on);
  /// A deal won after `days` from its creation.
  void cycle(double days);
  /// Pipeline per stage changes (a snapshot quantity, not integrated).
  void pipeline_stage(std::size_t stage, int delta) { pipeline_by_stage_[stage] += delta; }
  [[nodiscard]] const std::vector<double> &pipeline_by_stage() const { return pipeline_by_stage_; }

  /// The warm-up is over: counting and integrating start now.
  void start_measuring(Time now);
  /// Whether counting has started.
  [[nodiscard]] bool measuring() const { return measuring_; }
  /// A report period ends at now.
  void end_period(Time now, double period_days);
  /// The horizon: the last snapshot.
  void finish(Time now, double weighted_pipeline, std::uint64_t events);

  /// What was recorded.
  [[nodiscard]] const Record &record() const { return record_; }
  Record take() { return std::move(record_); }

private:
  void flush(Time now); // integrates every level up to now

  Record record_;
  std::array<double, level_count> value_{};
  std::array<Time, level_count> since_{};
  std::vector<double> pipeline_by_stage_;
  std::array<double, counter_count> counters_at_period_start_{};
  std::array<double, level_count> integrals_at_period_start_{};
  Time period_start_ = 0;
  bool measuring_ = false;
};

} // namespace salesfab::model
