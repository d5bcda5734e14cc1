#pragma once
// The journey of accounts through the factory, told event by event to an optional Tracer.
// The factory builds a TraceEvent only when a tracer is attached: tracing costs one predictable
// branch when off. Turning these into sentences (Dutch or English) is analysis' business.

#include "model/parameters.hpp"

#include <cstdint>
#include <string_view>

namespace salesfab::model {

/// The three platforms of the factory.
enum class Platform : std::uint8_t {
  market, ///< marktplatform
  buying, ///< koopplatform
  work,   ///< werkplatform
};

/// Why an opportunity was lost.
enum class LossReason : std::uint8_t {
  competitor,       ///< the conversion draw failed and a competitor won the deal
  no_decision,      ///< the conversion draw failed and the customer decided nothing
  patience,         ///< waited too long for an account executive (no decision)
  max_age,          ///< open longer than max_age_days (no decision)
  customer_churned, ///< the customer left for a competitor
};

/// What happened to an account.
enum class TraceKind : std::uint8_t {
  suspect_arrived,       ///< market: first contact (or back after win-back)
  qualification_started, ///< market: a qualifier takes it up
  qualified,             ///< market: passed, onto the shortlist (buying platform)
  disqualified,          ///< market: no fit; leaves the factory
  gone_cold,             ///< market: waited too long for a qualifier; leaves
  buying_need,           ///< buying: the prospect states a need: a new opportunity
  drifted_away,          ///< buying: the prospect drifted away; leaves
  became_customer,       ///< buying: won; a customer of class `cls` (`value`: 1 when first time)
  initial_customer,      ///< buying: a customer of class `cls` from day 0 on
  class_changed,         ///< buying: now class `cls`
  wish_to_buy,           ///< buying: an intent (`source`) passes the filter: an opportunity
  churn_averted,         ///< buying: brickwalling kept a competitor out
  churned,               ///< buying: lost to a competitor
  won_back,              ///< buying: a churned customer returns to the market
  opportunity_opened,    ///< work: enters the funnel at `stage`, contract value `value`
  work_started,          ///< work: an account executive works on `stage`
  stage_passed,          ///< work: went on from `stage`
  opportunity_lost,      ///< work: lost at `stage` for `reason`
  opportunity_won,       ///< work: closing date: contract signed for `value`
  // the factory itself (no account): markets that change, staff who leave
  person_left,       ///< someone of role `value` left (attrition); the seat waits for a backfill
  seat_filled,       ///< a new hire of role `value` takes an empty seat and ramps up
  market_changed,    ///< market.changes[`value`] takes effect
  customers_changed, ///< customers.changes[`value`] takes effect
};
/// True for the events of the factory itself, not of an account.
constexpr bool factory_wide(TraceKind k) { return k >= TraceKind::person_left; }

/// The event's name in the event log: "suspect_arrived", "qualified", ...
std::string_view trace_kind_name(TraceKind kind);

/// One step of an account's journey.
struct TraceEvent {
  double day = 0;
  std::uint64_t account = 0;     ///< the account's number
  std::uint64_t opportunity = 0; ///< the opportunity's number, where one is concerned
  Platform platform = Platform::market;
  TraceKind kind = TraceKind::suspect_arrived;
  std::uint16_t segment = 0;
  std::uint16_t stage = 0;
  Source source = Source::new_business;
  CustomerClass cls = CustomerClass::C;
  LossReason reason = LossReason::competitor;
  double value = 0;
  /// qualification_started, work_started: days it waited, and the share of its chance (to
  /// pass, to go on) the wait left (`decays`: the scenario gives the step a half-life).
  double waited_days = 0;
  double chance_left = 1;
  bool decays = false;
  /// disqualified, opportunity_lost: it would have passed (gone on) had it not waited.
  bool lost_to_waiting = false;
};

/// Receives the journey. Attach one to a Factory to trace it.
class Tracer {
public:
  virtual ~Tracer() = default;
  /// Called for every step, in time order.
  virtual void on(const TraceEvent &event) = 0;
};

} // namespace salesfab::model
