#pragma once
// The factory's events: a kind, the id of what it concerns and a stamp. The engine keeps them in
// its queue as plain values; the factory switches on the kind.

#include <cstdint>

namespace salesfab::model {

/// What an event means; the comment says which id it carries and which platform handles it.
enum class EventKind : std::uint8_t {
  // market platform
  suspect_arrival,    ///< segment: the next suspect of the segment arrives
  qualification_done, ///< account: a qualifier finished qualifying it
  gone_cold,          ///< account: its patience waiting for a qualifier ran out
  // buying platform
  buying_need,       ///< account: a shortlisted prospect states a buying need
  drift_away,        ///< account: a shortlisted prospect drifts away
  customer_event,    ///< account: a wish to buy (an intent) or a churn candidate
  winback,           ///< account: a churned customer comes back to the market
  manager_ramp_step, ///< -: account managers ramping up gain productivity (daily)
  // work platform
  effort_done,        ///< opportunity: the account executive finished the stage's work
  customer_time_done, ///< opportunity: the customer's time for the stage is over: decision
  funnel_patience,    ///< opportunity: waiting for an account executive took too long
  max_age,            ///< opportunity: open longer than max_age_days
  // the factory
  staff_change, ///< change index: a staffing what-if takes effect
  reclassify,   ///< -: customers' classes recomputed (a period boundary in the warm-up)
  warmup_end,   ///< -: measuring starts
  period_end,   ///< period index: a report period ends
  // markets that change, staff who leave
  staff_leaves,     ///< StaffPool::event_id(person, role), stamp the hire's serial: attrition
  seat_filled,      ///< role, stamp the backfill's serial: a seat left empty is filled again
  market_change,    ///< index of market.changes: it takes effect (pass rates; trace)
  customers_change, ///< index of customers.changes: churn and intents change
};

/// One event. `stamp` makes stale events harmless: an entity bumps its stamp whenever its state
/// changes, and an event whose stamp no longer matches is ignored (lazy cancellation).
struct Event {
  EventKind kind;
  std::uint32_t id;
  std::uint32_t stamp;
};

} // namespace salesfab::model
