#pragma once
// Accounts: the organisations that pass through the factory — suspect, prospect, in the funnel,
// customer A/B/C, churned and perhaps won back — with their purchase history. Stored in a pool
// whose slots are reused, so memory follows the accounts alive, not the horizon.

#include "engine/random_stream.hpp"
#include "model/parameters.hpp"
#include "model/staff_pool.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace salesfab::model {

using engine::Time;

/// Index of an account's slot in the pool.
using AccountId = std::uint32_t;
/// Index of an opportunity's slot in the pool.
using OpportunityId = std::uint32_t;
inline constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

/// Where an account is in the factory.
enum class AccountState : std::uint8_t {
  waiting_for_qualifier, ///< market platform: a suspect in the qualification queue
  being_qualified,       ///< market platform: a qualifier is at work on it
  prospect,              ///< buying platform: on the shortlist, until a need or drift
  in_funnel,             ///< work platform: its new opportunity is in the funnel
  customer,              ///< buying platform: a customer of class A, B or C
  churned,               ///< lost to a competitor, waiting to be won back
};

/// One account.
struct Account {
  std::uint64_t number = 0; ///< its number, for the trace (never reused); 0: a free slot
  std::uint32_t stamp = 0;  ///< bumped at every change of state: older events are stale
  AccountState state = AccountState::waiting_for_qualifier;
  CustomerClass cls = CustomerClass::C;
  bool ever_customer = false; ///< won once: winning again makes it returning, not new
  std::uint16_t segment = 0;
  StaffPool::Person qualifier = StaffPool::nobody;
  Time since = 0;              ///< when it entered its current state
  double waited = 0;           ///< days it waited for the qualifier now at work on it (or last)
  engine::EntityRandom random; ///< its own random numbers
  std::uint32_t first_purchase = none; ///< purchase history, oldest first
  std::uint32_t last_purchase = none;
  double trailing_revenue = 0; ///< revenue in the history (the last 12 months once trimmed)
  OpportunityId first_opportunity = none; ///< its open opportunities, linked
  std::uint32_t customer_slot = none;     ///< place in the list of customers
};

/// One purchase of an account's history.
struct Purchase {
  Time day;
  double value;
  std::uint32_t next;
};

/// The pool of accounts, and their purchase histories.
class Accounts {
public:
  /// A new account with the next number, in a free slot.
  AccountId create(std::uint16_t segment, std::uint64_t seed);
  /// The account leaves the factory: its slot (and history) is freed.
  void remove(AccountId id);
  Account &operator[](AccountId id) { return slots_[id]; }
  const Account &operator[](AccountId id) const { return slots_[id]; }
  /// Accounts alive.
  [[nodiscard]] std::size_t alive() const { return slots_.size() - free_.size(); }
  /// Slots ever made (the peak of accounts alive).
  [[nodiscard]] std::size_t capacity() const { return slots_.size(); }
  /// Calls f(id) for every account alive.
  template <class F> void for_each_alive(F f) const {
    for (AccountId id = 0; id < slots_.size(); ++id)
      if (slots_[id].number != 0)
        f(id);
  }

  /// Adds a purchase to an account's history.
  void purchase(AccountId id, Time day, double value);
  /// Drops purchases made before `cutoff` and returns the revenue left.
  double trim_history(AccountId id, Time cutoff);

private:
  std::vector<Account> slots_;
  std::vector<AccountId> free_;
  std::vector<Purchase> purchases_;
  std::vector<std::uint32_t> free_purchases_;
  std::uint64_t next_number_ = 1;
};

/// Where an opportunity is in its current stage.
enum class OpportunityState : std::uint8_t {
  waiting,       ///< for a free account executive
  in_work,       ///< an account executive works on it (effort)
  customer_time, ///< the customer takes its time (duration), then decides
};

/// One opportunity (verkoopkans) in the sales funnel.
struct Opportunity {
  std::uint64_t number = 0; ///< its number, for the trace
  AccountId account = none;
  std::uint32_t stamp = 0;  ///< bumped at every change of state
  std::uint32_t serial = 0; ///< unique per opportunity (for the max-age event)
  Source source = Source::new_business;
  OpportunityState state = OpportunityState::waiting;
  std::uint16_t stage = 0;
  double value = 0;
  double margin = 0; ///< as a share of value
  Time created = 0;
  Time waiting_since = 0;
  double waited = 0; ///< days it waited for an account executive at its current stage
  StaffPool::Person executive = StaffPool::nobody;
  OpportunityId prev = none; ///< the account's list of open opportunities
  OpportunityId next = none;
  engine::EntityRandom random;
  [[nodiscard]] bool existing() const { return source != Source::new_business; }
};

/// The pool of open opportunities.
class Opportunities {
public:
  /// A new opportunity in a free slot, linked into its account's list.
  OpportunityId create(Accounts &accounts, AccountId account);
  /// The opportunity ended: unlinked and its slot freed.
  void remove(Accounts &accounts, OpportunityId id);
  Opportunity &operator[](OpportunityId id) { return slots_[id]; }
  const Opportunity &operator[](OpportunityId id) const { return slots_[id]; }
  /// Whether slot id holds an open opportunity.
  [[nodiscard]] bool open(OpportunityId id) const {
    return id < slots_.size() && slots_[id].account != none;
  }
  /// Calls f(id) for every open opportunity.
  template <class F> void for_each_open(F f) const {
    for (OpportunityId id = 0; id < slots_.size(); ++id)
      if (slots_[id].account != none)
        f(id);
  }
  [[nodiscard]] std::size_t capacity() const { return slots_.size(); }

private:
  std::vector<Opportunity> slots_;
  std::vector<OpportunityId> free_;
  std::uint64_t next_number_ = 1;
  std::uint32_t next_serial_ = 1;
};

} // namespace salesfab::model
