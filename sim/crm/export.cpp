#include "crm/export.hpp"

#include "analysis/output/csv.hpp"

#include <cmath>
#include <cstdio>

namespace salesfab::crm {

Day export_epoch() { return day_of(2024, 1, 1); }

CrmRecorder::CrmRecorder(const model::Parameters &params, Day epoch)
    : params_(params), epoch_(epoch) {
  history_.has_leads = history_.has_opportunities = history_.has_customers = true;
}

Day CrmRecorder::day(double t) const { return epoch_ + static_cast<Day>(std::floor(t)); }

namespace {
std::string account_id(std::uint64_t account) { return "A" + std::to_string(account); }
} // namespace

void CrmRecorder::visit_ends(const model::TraceEvent &e, VisitResult result, LostTo lost_to) {
  const auto it = opportunity_.find(e.opportunity);
  if (it == opportunity_.end())
    return;
  Visit &v = history_.opportunities[it->second].visits.back();
  v.left = day(e.day);
  v.result = result;
  v.lost_to = lost_to;
}

void CrmRecorder::on(const model::TraceEvent &e) {
  using K = model::TraceKind;
  const std::string &segment = params_.market.segments.at(e.segment).name;
  switch (e.kind) {
  case K::suspect_arrived: {
    Lead l;
    l.id = "L" + std::to_string(history_.leads.size() + 1);
    l.account_id = account_id(e.account);
    l.segment = segment;
    l.created = day(e.day);
    lead_of_account_[e.account] = history_.leads.size();
    history_.leads.push_back(std::move(l));
    break;
  }
  case K::qualified:
  case K::disqualified:
  case K::gone_cold: {
    const auto it = lead_of_account_.find(e.account);
    if (it == lead_of_account_.end())
      break;
    Lead &l = history_.leads[it->second];
    l.result = e.kind == K::qualified      ? LeadResult::qualified
               : e.kind == K::disqualified ? LeadResult::disqualified
                                           : LeadResult::cold;
    l.result_date = day(e.day);
    break;
  }
  case K::opportunity_opened: {
    Opportunity o;
    o.id = "O" + std::to_string(e.opportunity);
    o.account_id = account_id(e.account);
    o.segment = segment;
    o.source = std::string(model::source_name(e.source));
    o.amount = std::round(e.value * 100) / 100;
    Visit v;
    v.stage = params_.funnel.stages.at(e.stage).name;
    v.entered = day(e.day);
    o.visits.push_back(std::move(v));
    opportunity_[e.opportunity] = history_.opportunities.size();
    history_.opportunities.push_back(std::move(o));
    break;
  }
  case K::stage_passed: {
    visit_ends(e, VisitResult::advanced, LostTo::unknown);
    const auto it = opportunity_.find(e.opportunity);
    if (it != opportunity_.end() && e.stage + 1u < params_.funnel.stages.size()) {
      Visit v;
      v.stage = params_.funnel.stages[e.stage + 1u].name;
      v.entered = day(e.day);
      history_.opportunities[it->second].visits.push_back(std::move(v));
    }
    break;
  }
  case K::opportunity_won:
    visit_ends(e, VisitResult::won, LostTo::unknown);
    opportunity_.erase(e.opportunity);
    break;
  case K::opportunity_lost: {
    const bool competitor = e.reason == model::LossReason::competitor ||
                            e.reason == model::LossReason::customer_churned;
    visit_ends(e, VisitResult::lost, competitor ? LostTo::competitor : LostTo::no_decision);
    opportunity_.erase(e.opportunity);
    break;
  }
  case K::became_customer:
  case K::initial_customer: {
    CustomerPeriod p;
    p.account_id = account_id(e.account);
    p.segment = segment;
    p.since = day(e.day);
    period_of_account_[e.account] = history_.customers.size();
    history_.customers.push_back(std::move(p));
    break;
  }
  case K::churned: {
    const auto it = period_of_account_.find(e.account);
    if (it != period_of_account_.end())
      history_.customers[it->second].churned = day(e.day);
    period_of_account_.erase(e.account);
    break;
  }
  default:
    break;
  }
}

History simulated_history(const model::Parameters &params, std::uint64_t replication,
                          model::RunLimits limits, Day &as_of) {
  CrmRecorder recorder(params, export_epoch());
  model::simulate(params, replication, &recorder, limits);
  as_of = export_epoch() + static_cast<Day>(std::ceil(params.time.horizon_days)) - 1;
  History h = recorder.history();
  return h;
}

namespace {
std::string date_or_empty(const std::optional<Day> &d) { return d ? date_text(*d) : ""; }

std::string amount_text(const std::optional<double> &a) {
  if (!a)
    return "";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.2f", *a);
  return buffer;
}
} // namespace

TableTexts to_tables(const History &h) {
  using output::csv_field;
  using output::csv_line;
  TableTexts t;
  t.leads = csv_line({"lead_id", "account_id", "segment", "created", "result", "result_date"});
  for (const Lead &l : h.leads)
    t.leads += csv_line({csv_field(l.id), csv_field(l.account_id), csv_field(l.segment),
                         date_text(l.created), std::string(lead_result_name(l.result)),
                         date_or_empty(l.result_date)});
  t.opportunities = csv_line({"opportunity_id", "account_id", "segment", "source", "stage",
                              "entered", "left", "result", "lost_to", "amount"});
  for (const Opportunity &o : h.opportunities)
    for (const Visit &v : o.visits)
      t.opportunities += csv_line({csv_field(o.id), csv_field(o.account_id), csv_field(o.segment),
                                   o.source, csv_field(v.stage), date_text(v.entered),
                                   date_or_empty(v.left), std::string(visit_result_name(v.result)),
                                   std::string(lost_to_name(v.lost_to)), amount_text(o.amount)});
  t.customers = csv_line({"account_id", "segment", "since", "churned"});
  for (const CustomerPeriod &c : h.customers)
    t.customers += csv_line({csv_field(c.account_id), csv_field(c.segment), date_text(c.since),
                             date_or_empty(c.churned)});
  return t;
}

} // namespace salesfab::crm
