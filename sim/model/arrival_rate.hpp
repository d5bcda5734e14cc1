#pragma once
// A segment's arrival rate over time: the base rate (suspects_per_week, changed by
// market.changes) x the factor of market.changes x the month's seasonality. The rate is
// piecewise constant, so its integral is piecewise linear and arrivals follow the rate exactly
// as a non-homogeneous Poisson process by inversion: the next arrival after t is where the
// integral from t reaches a unit exponential draw.

#include "engine/event_queue.hpp"
#include "model/parameters.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace salesfab::model {

using engine::Time;

/// The month (0..11) of day `t` in the scenario's calendar: floor((t mod 365) / (365/12)).
int month_of(Time t);

/// One segment's arrival rate over time.
class ArrivalRate {
public:
  ArrivalRate(const MarketParameters &market, std::size_t segment);

  /// True when the rate is the same on every day (no seasonality, no change of this segment's
  /// rate): arrivals are then a plain Poisson process.
  [[nodiscard]] bool constant() const { return season_.empty() && pieces_.size() == 1; }
  /// Suspects per day at time t.
  [[nodiscard]] double per_day(Time t) const;
  /// The expected number of arrivals in [from, to].
  [[nodiscard]] double integral(Time from, Time to) const;
  /// The time at which the integral from `from` reaches `area`; infinity when not before
  /// `until`.
  [[nodiscard]] Time reach(Time from, double area, Time until) const;

private:
  struct Piece {
    Time from;
    double per_day; // base x factor, without the season
  };
  // Walks the pieces of constant rate from `from` on: visit(start, end, rate) until it says
  // stop (returns false) or `until` is reached.
  template <class Visit> void walk(Time from, Time until, Visit visit) const;

  std::vector<Piece> pieces_;  // by day; the first from day 0
  std::vector<double> season_; // 12 factors, or none
};

} // namespace salesfab::model
