#include "model/trace.hpp"

namespace salesfab::model {

std::string_view trace_kind_name(TraceKind k) {
  using K = TraceKind;
  switch (k) {
  case K::suspect_arrived:
    return "suspect_arrived";
  case K::qualification_started:
    return "qualification_started";
  case K::qualified:
    return "qualified";
  case K::disqualified:
    return "disqualified";
  case K::gone_cold:
    return "gone_cold";
  case K::buying_need:
    return "buying_need";
  case K::drifted_away:
    return "drifted_away";
  case K::became_customer:
    return "became_customer";
  case K::initial_customer:
    return "initial_customer";
  case K::class_changed:
    return "class_changed";
  case K::wish_to_buy:
    return "wish_to_buy";
  case K::churn_averted:
    return "churn_averted";
  case K::churned:
    return "churned";
  case K::won_back:
    return "won_back";
  case K::opportunity_opened:
    return "opportunity_opened";
  case K::work_started:
    return "work_started";
  case K::stage_passed:
    return "stage_passed";
  case K::opportunity_lost:
    return "opportunity_lost";
  case K::opportunity_won:
    return "opportunity_won";
  case K::person_left:
    return "person_left";
  case K::seat_filled:
    return "seat_filled";
  case K::market_changed:
    return "market_changed";
  case K::customers_changed:
    return "customers_changed";
  }
  return "?";
}

} // namespace salesfab::model
