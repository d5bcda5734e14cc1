#include "model/journeys.hpp"

namespace salesfab::model {

void Journeys::on(const TraceEvent &e) {
  if (factory_wide(e.kind)) {
    factory_.push_back(e);
    return;
  }
  if (account_) {
    if (e.account == *account_)
      events_.push_back(e);
    return;
  }
  if (!followed_.count(e.account)) {
    if (e.kind != TraceKind::suspect_arrived || followed_.size() >= first_)
      return;
    followed_.insert(e.account);
    order_.push_back(e.account);
  }
  events_.push_back(e);
}

std::vector<std::uint64_t> Journeys::accounts() const {
  if (account_)
    return events_.empty() ? std::vector<std::uint64_t>{} : std::vector{*account_};
  return order_;
}

} // namespace salesfab::model
