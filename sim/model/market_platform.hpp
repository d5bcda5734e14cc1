#pragma once
// The market platform (marktplatform): suspects arrive per segment, wait first come first
// served for a qualifier (going cold when their patience runs out), are qualified, and pass onto
// the shortlist or leave.

#include "engine/random_stream.hpp"
#include "model/factory_context.hpp"
#include "model/staff_pool.hpp"
#include "model/staff_queue.hpp"

#include "model/arrival_rate.hpp"

#include <vector>

namespace salesfab::model {

class BuyingPlatform;

/// The market platform.
class MarketPlatform {
public:
  MarketPlatform(FactoryContext &context, BuyingPlatform &buying);

  /// Schedules each segment's first arrival.
  void start();
  /// The next suspect of segment `segment` arrives (first contact).
  void on_suspect_arrival(std::uint32_t segment);
  /// A churned customer comes back to the market as a suspect of its segment.
  void enter_again(AccountId account);
  /// A qualifier finished qualifying `account`.
  void on_qualification_done(AccountId account, std::uint32_t stamp);
  /// `account` waited too long for a qualifier.
  void on_gone_cold(AccountId account, std::uint32_t stamp);
  /// Staffing what-if: from now on there are `headcount` qualifiers.
  void set_qualifiers(int headcount);
  /// Attrition: a qualifier leaves or a seat is filled again (staff_leaves, seat_filled).
  void on_attrition(const Event &e);
  /// market.changes[index] takes effect: the pass rates it sets (arrivals follow their rate
  /// without it).
  void on_change(std::uint32_t index);

  [[nodiscard]] const StaffPool &qualifiers() const { return qualifiers_; }

private:
  void enter(AccountId account);
  void start_qualification(AccountId account);
  void serve_queue();
  void schedule_arrival(std::uint32_t segment);

  // A suspect waiting for a qualifier: stale once the account's stamp moved on (gone cold).
  struct Waiting {
    AccountId account;
    std::uint32_t stamp;
  };

  FactoryContext &ctx_;
  BuyingPlatform &buying_;
  StaffPool qualifiers_;
  std::vector<engine::RandomStream> arrivals_; // per segment: times between arrivals
  std::vector<engine::RandomStream> suspects_; // per segment: each suspect's own seed
  std::vector<double> mean_gap_days_;          // per segment: 7 / suspects_per_week
  std::vector<ArrivalRate> rates_;             // per segment: the rate over time
  std::vector<double> pass_;                   // per segment: qualification_pass now
  StaffQueue<Waiting> queue_;                  // first come, first served
};

} // namespace salesfab::model
