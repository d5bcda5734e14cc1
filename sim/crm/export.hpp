#pragma once
// What the simulated factory's CRM would hold at the horizon, in the generic format: every lead,
// every stage visit and every customer period of one replication, open ones left open. How the
// round trip with calibrate is tested, and how a teacher gives a class a data set to analyse.

#include "crm/history.hpp"
#include "model/factory.hpp"
#include "model/trace.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>

namespace salesfab::crm {

/// Day 0 of a simulation in an exported history: 2024-01-01.
Day export_epoch();

/// A tracer that keeps what a CRM records of the factory.
class CrmRecorder : public model::Tracer {
public:
  /// For a factory of `params`, its day 0 written as `epoch`.
  CrmRecorder(const model::Parameters &params, Day epoch);
  void on(const model::TraceEvent &event) override;
  /// The history so far.
  [[nodiscard]] const History &history() const { return history_; }

private:
  Day day(double t) const;
  void visit_ends(const model::TraceEvent &e, VisitResult result, LostTo lost_to);

  const model::Parameters &params_;
  Day epoch_;
  History history_;
  std::unordered_map<std::uint64_t, std::size_t> lead_of_account_;
  std::unordered_map<std::uint64_t, std::size_t> opportunity_;
  std::unordered_map<std::uint64_t, std::size_t> period_of_account_;
};

/// Simulates replication `replication` of `params` and returns its CRM history; the export
/// date (the last whole day before the horizon) in `as_of`.
History simulated_history(const model::Parameters &params, std::uint64_t replication,
                          model::RunLimits limits, Day &as_of);

/// The three tables' texts.
struct TableTexts {
  std::string leads, opportunities, customers;
};
/// The history as the generic format's CSV files.
TableTexts to_tables(const History &history);

} // namespace salesfab::crm
