#include "model/account.hpp"

namespace salesfab::model {

AccountId Accounts::create(std::uint16_t segment, std::uint64_t seed) {
  AccountId id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else {
    id = static_cast<AccountId>(slots_.size());
    slots_.emplace_back();
  }
  const std::uint32_t stamp = slots_[id].stamp + 1; // stale events of the slot's last use stay so
  slots_[id] = Account{};
  slots_[id].stamp = stamp;
  slots_[id].number = next_number_++;
  slots_[id].segment = segment;
  slots_[id].random = engine::EntityRandom(seed);
  return id;
}

void Accounts::remove(AccountId id) {
  Account &a = slots_[id];
  for (std::uint32_t p = a.first_purchase; p != none;) {
    const std::uint32_t next = purchases_[p].next;
    free_purchases_.push_back(p);
    p = next;
  }
  a.first_purchase = a.last_purchase = none;
  a.number = 0;
  ++a.stamp;
  free_.push_back(id);
}

void Accounts::purchase(AccountId id, Time day, double value) {
  std::uint32_t p;
  if (!free_purchases_.empty()) {
    p = free_purchases_.back();
    free_purchases_.pop_back();
  } else {
    p = static_cast<std::uint32_t>(purchases_.size());
    purchases_.emplace_back();
  }
  purchases_[p] = Purchase{day, value, none};
  Account &a = slots_[id];
  if (a.last_purchase == none)
    a.first_purchase = p;
  else
    purchases_[a.last_purchase].next = p;
  a.last_purchase = p;
  a.trailing_revenue += value;
}

double Accounts::trim_history(AccountId id, Time cutoff) {
  Account &a = slots_[id];
  while (a.first_purchase != none && purchases_[a.first_purchase].day < cutoff) {
    const std::uint32_t p = a.first_purchase;
    a.trailing_revenue -= purchases_[p].value;
    a.first_purchase = purchases_[p].next;
    free_purchases_.push_back(p);
  }
  if (a.first_purchase == none) {
    a.last_purchase = none;
    a.trailing_revenue = 0; // no rounding residue once the history is empty
  }
  return a.trailing_revenue;
}

OpportunityId Opportunities::create(Accounts &accounts, AccountId account) {
  OpportunityId id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else {
    id = static_cast<OpportunityId>(slots_.size());
    slots_.emplace_back();
  }
  const std::uint32_t stamp = slots_[id].stamp + 1;
  Opportunity &o = slots_[id];
  o = Opportunity{};
  o.stamp = stamp;
  o.number = next_number_++;
  o.serial = next_serial_++;
  o.account = account;
  Account &a = accounts[account];
  o.next = a.first_opportunity;
  if (a.first_opportunity != none)
    slots_[a.first_opportunity].prev = id;
  a.first_opportunity = id;
  return id;
}

void Opportunities::remove(Accounts &accounts, OpportunityId id) {
  Opportunity &o = slots_[id];
  if (o.prev != none)
    slots_[o.prev].next = o.next;
  else
    accounts[o.account].first_opportunity = o.next;
  if (o.next != none)
    slots_[o.next].prev = o.prev;
  o.account = none;
  o.prev = o.next = none;
  ++o.stamp;
  free_.push_back(id);
}

} // namespace salesfab::model
