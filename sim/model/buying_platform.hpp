#pragma once
// The buying platform (koopplatform): the shortlist of prospects waiting for a buying need, and
// the customers A/B/C. The filter lets through only a wish to buy (rebuy, deep-, up-,
// cross-selling) as an opportunity; account managers' brickwalling lowers churn to competitors.

#include "model/factory_context.hpp"
#include "model/staff_pool.hpp"

#include <array>
#include <vector>

namespace salesfab::model {

class MarketPlatform;
class WorkPlatform;

/// The buying platform.
class BuyingPlatform {
public:
  BuyingPlatform(FactoryContext &context);
  /// Connects the platforms it hands accounts to.
  void connect(MarketPlatform &market, WorkPlatform &work);

  /// Places the initial customers (day 0).
  void start();

  // --- the shortlist
  /// A qualified suspect joins the shortlist as a prospect.
  void add_prospect(AccountId account);
  /// A prospect states its buying need: a new opportunity.
  void on_buying_need(AccountId account, std::uint32_t stamp);
  /// A prospect drifts away.
  void on_drift_away(AccountId account, std::uint32_t stamp);

  // --- customers
  /// A deal was won: the account is a customer (again), its class recomputed.
  void on_deal_won(AccountId account, double value);
  /// A prospect's (new) opportunity was lost: the account leaves the factory.
  void on_new_business_lost(AccountId account);
  /// A customer's next wish to buy or churn candidate.
  void on_customer_event(AccountId account, std::uint32_t stamp);
  /// A churned customer comes back to the market.
  void on_winback(AccountId account, std::uint32_t stamp);
  /// Recomputes every customer's class from its trailing-12-month revenue.
  void reclassify_all();

  // --- account managers (brickwalling)
  /// Staffing what-if: from now on there are `headcount` account managers.
  void set_account_managers(int headcount);
  /// Ramping account managers gain productivity (a daily step).
  void on_manager_ramp_step();
  /// Attrition: an account manager leaves or a seat is filled again.
  void on_attrition(const Event &e);
  /// customers.changes[index] takes effect: churn and intents run at its factors from now on.
  void on_change(std::uint32_t index);

  /// Coverage of each class's needed account-manager hours now, 0..1.
  [[nodiscard]] double coverage(CustomerClass c) const {
    return coverage_[static_cast<std::size_t>(c)];
  }
  [[nodiscard]] const StaffPool &account_managers() const { return managers_; }
  /// Customers of each class now.
  [[nodiscard]] int customers(CustomerClass c) const {
    return counts_[static_cast<std::size_t>(c)];
  }

private:
  void become_customer(AccountId id, CustomerClass cls);
  [[nodiscard]] CustomerClass class_of(AccountId id);
  void change_class(AccountId id, CustomerClass to);
  void schedule_customer_event(AccountId id);
  void churn(AccountId id);
  void remove_customer(AccountId id);
  void update_coverage();
  void schedule_ramp_step();
  void capacity_changed();
  void set_rates();

  FactoryContext &ctx_;
  MarketPlatform *market_ = nullptr;
  WorkPlatform *work_ = nullptr;
  StaffPool managers_;
  std::vector<AccountId> customers_; // every customer, in no order
  std::array<int, class_count> counts_{};
  std::array<double, class_count> coverage_{1, 1, 1};
  std::array<double, class_count> event_rate_{}; // per year: churn + all intents
  std::array<double, class_count> churn_rate_{}; // per year, x churn_factor
  std::array<std::array<double, class_count>, intent_count> intent_rate_{}; // x intent_factor
  double churn_factor_ = 1;
  double intent_factor_ = 1;
  double manager_hours_per_month_ = 0; // capacity now
  bool ramp_step_pending_ = false;
  int prospects_ = 0;
};

} // namespace salesfab::model
