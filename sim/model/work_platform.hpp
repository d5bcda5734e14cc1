#pragma once
// The work platform (werkplatform): the sales funnel. Each opportunity passes the stages in
// order: it waits for a free account executive (in the order of `priority`), holds one for the
// stage's effort, then the customer takes its time, then it goes on or is lost. Passing the last
// stage is the closing date: won.

#include "model/factory_context.hpp"
#include "model/staff_pool.hpp"
#include "model/staff_queue.hpp"

#include <array>
#include <vector>

namespace salesfab::model {

class BuyingPlatform;

/// The work platform.
class WorkPlatform {
public:
  WorkPlatform(FactoryContext &context, BuyingPlatform &buying);

  /// A new opportunity for `account` enters the funnel (at the first stage for new business, at
  /// existing_enter_stage for customers' intents).
  void open(AccountId account, Source source, double value, double margin);
  /// The account executive finished the stage's work.
  void on_effort_done(OpportunityId id, std::uint32_t stamp);
  /// The customer's time for the stage is over: it decides.
  void on_customer_time_done(OpportunityId id, std::uint32_t stamp);
  /// Waited too long for an account executive.
  void on_patience(OpportunityId id, std::uint32_t stamp);
  /// Open longer than max_age_days.
  void on_max_age(OpportunityId id, std::uint32_t serial);
  /// The account churned: all its open opportunities are lost to the competitor.
  void lose_all(AccountId account);
  /// Staffing what-if: from now on there are `headcount` account executives.
  void set_account_executives(int headcount);
  /// Attrition: an account executive leaves or a seat is filled again.
  void on_attrition(const Event &e);

  /// Sum over open opportunities of value x probability to win from the current stage.
  [[nodiscard]] double weighted_pipeline() const;
  /// Probability to win from `stage` on, for new (false) or existing (true) opportunities.
  [[nodiscard]] double win_probability(std::size_t stage, bool existing) const {
    return win_from_[stage][existing ? 1 : 0];
  }
  [[nodiscard]] const StaffPool &account_executives() const { return executives_; }

private:
  void enter_stage(OpportunityId id, std::size_t stage);
  void start_work(OpportunityId id);
  void serve_queue();
  void won(OpportunityId id);
  /// `waiting_cost`: it would have gone on had it not waited (for the trace).
  void lost(OpportunityId id, LossReason reason, bool waiting_cost = false);
  void close(OpportunityId id);
  TraceEvent about(OpportunityId id, TraceKind kind) const;

  // An opportunity waiting for an account executive, keyed 0 (fifo), -stage (closest_to_close)
  // or -value (highest_value); stale once it no longer waits (patience, max age, churn).
  struct Waiting {
    OpportunityId opportunity;
    std::uint32_t stamp;
  };
  [[nodiscard]] bool waits(const Waiting &w) const;

  FactoryContext &ctx_;
  BuyingPlatform &buying_;
  StaffPool executives_;
  StaffQueue<Waiting> queue_;
  std::vector<std::array<double, 2>> win_from_; // [stage][existing]
};

} // namespace salesfab::model
