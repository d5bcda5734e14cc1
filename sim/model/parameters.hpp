#pragma once
// The parameters of one sales factory: plain structs with the defaults of the scenario format
// (../shared/design/scenario-format.md), section by section as a scenario file has them. They
// know nothing of YAML; sim/scenario fills them in and checks them.

#include "engine/distribution.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::model {

using engine::Distribution;

/// Days in a year, a month and a week: the calendar of the scenario format.
inline constexpr double days_per_year = 365.0;
inline constexpr double days_per_month = 365.0 / 12.0;
inline constexpr double days_per_week = 7.0;

// ---------------------------------------------------------------------------------------------
// The vocabulary: roles, customer classes, where opportunities come from.

/// The roles of the factory's staff: the one table of roles. Everything per role — the recorder's
/// levels and counters (recorder.hpp), the `staff` section's keys, the staff cost — is indexed
/// by it; a new role adds a line here, a name below, its parameters and its words.
enum class Role : std::uint8_t {
  qualifier,         ///< qualifies suspects on the market platform (kwalificeren)
  account_executive, ///< works opportunities through the funnel on the work platform
  account_manager,   ///< looks after customers on the buying platform (brickwalling)
};
inline constexpr std::size_t role_count = 3;
inline constexpr std::array<Role, role_count> all_roles = {Role::qualifier, Role::account_executive,
                                                           Role::account_manager};
/// The roles' names as the scenario format writes them, in the order of Role.
inline constexpr std::array<std::string_view, role_count> role_names = {
    "qualifier", "account_executive", "account_manager"};
/// The role's name as the scenario format writes it.
constexpr std::string_view role_name(Role role) {
  return role_names[static_cast<std::size_t>(role)];
}

/// A customer's class on the buying platform, by trailing-12-month revenue.
enum class CustomerClass : std::uint8_t { A, B, C };
inline constexpr std::size_t class_count = 3;
inline constexpr std::array<CustomerClass, class_count> all_classes = {
    CustomerClass::A, CustomerClass::B, CustomerClass::C};
/// "A", "B" or "C".
std::string_view class_name(CustomerClass c);

/// A value per customer class (the A-B-C maps of the scenario format).
struct PerClass {
  std::array<double, class_count> value{0, 0, 0};
  /// The same value for A, B and C.
  static PerClass all(double v) { return PerClass{{v, v, v}}; }
  double &operator[](CustomerClass c) { return value[static_cast<std::size_t>(c)]; }
  double operator[](CustomerClass c) const { return value[static_cast<std::size_t>(c)]; }
  friend bool operator==(const PerClass &, const PerClass &) = default;
};

/// A customer's wish to buy that passes the filter of the buying platform.
enum class Intent : std::uint8_t { rebuy, deep_selling, up_selling, cross_selling };
inline constexpr std::size_t intent_count = 4;
inline constexpr std::array<Intent, intent_count> all_intents = {
    Intent::rebuy, Intent::deep_selling, Intent::up_selling, Intent::cross_selling};
/// The intent's name as the scenario format writes it.
std::string_view intent_name(Intent intent);

/// Where an opportunity comes from: a prospect's need (new) or a customer's intent (existing).
enum class Source : std::uint8_t { new_business, rebuy, deep_selling, up_selling, cross_selling };
inline constexpr std::size_t source_count = 5;
/// The source of an opportunity made by an intent.
constexpr Source source_of(Intent intent) {
  return static_cast<Source>(static_cast<std::uint8_t>(intent) + 1);
}
/// "new", "rebuy", "deep_selling", ...
std::string_view source_name(Source source);

/// What waiting `wait_days` leaves of a chance whose half-life is `halflife_days`:
/// 2^(-wait / halflife), exactly 1 without a half-life ("Time kills deals").
double decay_factor(double wait_days, const std::optional<double> &halflife_days);

/// Which waiting opportunity a free account executive takes next.
enum class FunnelPriority : std::uint8_t { fifo, closest_to_close, highest_value };
std::string_view priority_name(FunnelPriority p);

/// How account-manager hours are shared between the classes.
enum class BrickwallPriority : std::uint8_t { abc, proportional };
std::string_view priority_name(BrickwallPriority p);

// ---------------------------------------------------------------------------------------------
// The sections of a scenario.

/// `time`: the horizon, the warm-up and the report period.
struct TimeParameters {
  double horizon_days = 0; ///< required, > 0
  double warmup_days = 0;  ///< 0 <= warmup < horizon
  double report_period_days = days_per_month;
  std::string report_period = "month"; ///< as written: week, month, quarter, year or days
  /// The measurement window's length in years.
  [[nodiscard]] double window_years() const { return (horizon_days - warmup_days) / days_per_year; }
  friend bool operator==(const TimeParameters &, const TimeParameters &) = default;
};

/// `run`: replications, seed and confidence level; or replicate until precise enough.
struct RunParameters {
  int replications = 20;
  std::uint64_t seed = 1;
  double confidence = 0.95;
  /// Replicate until every watched metric's interval half-width is at most this share of
  /// |mean| (unset: run `replications`); analysis/measure/precision.hpp.
  std::optional<double> precision;
  std::vector<std::string> precision_metrics; ///< watched; empty: the key metrics
  int min_replications = 10;
  int max_replications = 10'000;
  friend bool operator==(const RunParameters &, const RunParameters &) = default;
};

/// One role's pool of people.
struct RoleParameters {
  int headcount = 0;
  double hours_per_week = 0;     ///< in (0, 168]
  double cost_per_year = 0;      ///< per person
  double ramp_up_weeks = 0;      ///< a new hire's productivity rises linearly from 0 to 1
  double attrition_per_year = 0; ///< hazard that a person leaves (their seat is filled again)
  double backfill_days = 0;      ///< a seat left by attrition stays empty this long
  /// Hours of work a person does per calendar day.
  [[nodiscard]] double hours_per_day() const { return hours_per_week / days_per_week; }
  friend bool operator==(const RoleParameters &, const RoleParameters &) = default;
};

/// A staffing what-if over time: from `day` on, `role` has `headcount` people.
struct StaffChange {
  double day = 0;
  Role role = Role::qualifier;
  int headcount = 0;
  friend bool operator==(const StaffChange &, const StaffChange &) = default;
};

/// `staff`: the three roles and their changes over time.
struct StaffParameters {
  std::array<RoleParameters, role_count> roles{};
  std::vector<StaffChange> changes; ///< in the order of the file
  RoleParameters &operator[](Role r) { return roles[static_cast<std::size_t>(r)]; }
  const RoleParameters &operator[](Role r) const { return roles[static_cast<std::size_t>(r)]; }
  friend bool operator==(const StaffParameters &, const StaffParameters &) = default;
};

/// A market segment: where suspects come from and what their deals are worth.
struct Segment {
  std::string name;
  double suspects_per_week = 0;  ///< Poisson arrivals
  double qualification_pass = 0; ///< probability that qualification finds a fit
  Distribution deal_value;       ///< drawn when an opportunity is created
  double margin = 0;             ///< gross margin as a fraction of deal value
  friend bool operator==(const Segment &, const Segment &) = default;
};

/// One entry of `market.changes`: from `day` on, the segment (or every segment) has a new base
/// rate, rate factor or pass rate (unset: unchanged).
struct MarketChange {
  double day = 0;
  std::optional<std::size_t> segment; ///< unset: every segment
  std::optional<double> suspects_per_week;
  std::optional<double> suspects_factor; ///< on the base rate; replaces an earlier factor
  std::optional<double> qualification_pass;
  friend bool operator==(const MarketChange &, const MarketChange &) = default;
};

/// `market.qualification`.
struct QualificationParameters {
  Distribution effort_hours;
  std::optional<double> patience_days; ///< unset: suspects wait as long as it takes
  /// The chance to pass halves with every this many days a suspect waited for a qualifier
  /// (unset: waiting costs nothing).
  std::optional<double> pass_halflife_days;
  friend bool operator==(const QualificationParameters &,
                         const QualificationParameters &) = default;
};

/// `market.shortlist`.
struct ShortlistParameters {
  Distribution time_to_need_days;
  double drift_per_year = 0; ///< hazard that a prospect drifts away before its need arises
  friend bool operator==(const ShortlistParameters &, const ShortlistParameters &) = default;
};

/// `market`: the market platform (marktplatform).
struct MarketParameters {
  std::vector<Segment> segments;
  QualificationParameters qualification;
  ShortlistParameters shortlist;
  std::vector<double> seasonality;   ///< 12 monthly factors on every arrival rate, or none
  std::vector<MarketChange> changes; ///< in the order of the file
  friend bool operator==(const MarketParameters &, const MarketParameters &) = default;
};

/// One stage of the sales funnel.
struct Stage {
  std::string name;
  Distribution effort_hours;      ///< account-executive work
  Distribution duration_days;     ///< the customer's time, after the work
  double conversion_new = 0;      ///< probability to go on, opportunities from prospects
  double conversion_existing = 0; ///< probability to go on, opportunities from customers
  /// The conversion halves with every this many days the opportunity waited for an account
  /// executive at this stage (unset: waiting costs nothing).
  std::optional<double> conversion_halflife_days;
  [[nodiscard]] double conversion(bool existing) const {
    return existing ? conversion_existing : conversion_new;
  }
  friend bool operator==(const Stage &, const Stage &) = default;
};

/// `funnel`: the work platform (werkplatform).
struct FunnelParameters {
  std::vector<Stage> stages;
  std::size_t existing_enter_stage = 0; ///< index of the stage where existing opportunities start
  double lost_to_competitor = 0.5;      ///< share of lost deals that go to a competitor
  std::optional<double> patience_days;  ///< per stage wait for an account executive
  std::optional<double> max_age_days;   ///< from creation
  FunnelPriority priority = FunnelPriority::fifo;
  friend bool operator==(const FunnelParameters &, const FunnelParameters &) = default;
};

/// One intent of the filter.
struct IntentParameters {
  PerClass per_year;         ///< occurrences per customer per year, by class
  double value_factor = 1.0; ///< times the segment's deal value
  double margin_delta = 0;   ///< added to the segment's margin (kept within 0..1)
  friend bool operator==(const IntentParameters &, const IntentParameters &) = default;
};

/// `customers.brickwalling`.
struct BrickwallingParameters {
  PerClass hours_per_customer_per_month; ///< account-manager hours each customer needs
  double effect = 0;                     ///< churn hazard x (1 - effect x coverage)
  BrickwallPriority priority = BrickwallPriority::abc;
  friend bool operator==(const BrickwallingParameters &, const BrickwallingParameters &) = default;
};

/// One entry of `customers.changes`: from `day` on, churn and intents run at these factors
/// (unset: unchanged; a later factor replaces an earlier one).
struct CustomerChange {
  double day = 0;
  std::optional<double> churn_factor;
  std::optional<double> intent_factor;
  friend bool operator==(const CustomerChange &, const CustomerChange &) = default;
};

/// `customers`: the buying platform (koopplatform).
struct CustomerParameters {
  std::array<int, class_count> initial{0, 0, 0}; ///< customers at day 0, by class
  double class_a_threshold = 50000;              ///< trailing-12-month revenue >= this: class A
  double class_b_threshold = 10000;              ///< >= this: class B; else C
  std::array<IntentParameters, intent_count> intents{};
  PerClass churn_per_year; ///< churn to competitors with no brickwalling at all
  BrickwallingParameters brickwalling;
  std::optional<double> winback_after_days; ///< a churned customer returns as a suspect
  std::vector<CustomerChange> changes;      ///< in the order of the file
  IntentParameters &operator[](Intent i) { return intents[static_cast<std::size_t>(i)]; }
  const IntentParameters &operator[](Intent i) const {
    return intents[static_cast<std::size_t>(i)];
  }
  friend bool operator==(const CustomerParameters &, const CustomerParameters &) = default;
};

/// `targets`: what direction metrics measure progress toward.
struct TargetParameters {
  std::optional<double> revenue_per_year;
  std::optional<double> new_customers_per_year;
  std::optional<double> max_churn_per_year;
  friend bool operator==(const TargetParameters &, const TargetParameters &) = default;
};

/// A whole scenario: everything one replication of the factory needs, but its seed.
struct Parameters {
  std::string name;  ///< [a-z0-9_-]+
  std::string title; ///< free text
  TimeParameters time;
  RunParameters run;
  StaffParameters staff;
  MarketParameters market;
  FunnelParameters funnel;
  CustomerParameters customers;
  TargetParameters targets;
  friend bool operator==(const Parameters &, const Parameters &) = default;
};

} // namespace salesfab::model
