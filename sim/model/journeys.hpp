#pragma once
// The journeys `salesfab trace` follows: a Tracer that keeps the steps of the first N suspects
// to arrive, or of one account by its number.

#include "model/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace salesfab::model {

/// Keeps the journeys of the accounts followed.
class Journeys : public Tracer {
public:
  /// Follows account `account` when given, else the first `first` suspects to arrive.
  Journeys(std::optional<std::uint64_t> account, std::size_t first)
      : account_(account), first_(first) {}

  void on(const TraceEvent &e) override;

  /// Every step kept, in time order.
  [[nodiscard]] const std::vector<TraceEvent> &events() const { return events_; }
  /// The factory's own events (staff who leave, seats filled, market changes), in time order.
  [[nodiscard]] const std::vector<TraceEvent> &factory_events() const { return factory_; }
  /// The accounts followed, in the order they were first seen (none when nobody came).
  [[nodiscard]] std::vector<std::uint64_t> accounts() const;

private:
  std::optional<std::uint64_t> account_;
  std::size_t first_;
  std::set<std::uint64_t> followed_;
  std::vector<std::uint64_t> order_;
  std::vector<TraceEvent> events_;
  std::vector<TraceEvent> factory_;
};

} // namespace salesfab::model
