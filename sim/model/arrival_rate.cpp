#include "model/arrival_rate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace salesfab::model {

namespace {

// The first day of month k counted from day 0 (month 12 is the first of the second year).
Time month_start(std::int64_t k) {
  const std::int64_t year = k / 12;
  return static_cast<double>(year) * days_per_year + static_cast<double>(k % 12) * days_per_month;
}

// The month count (from day 0) of day t.
std::int64_t month_count(Time t) {
  const auto year = static_cast<std::int64_t>(std::floor(t / days_per_year));
  std::int64_t k = year * 12 + month_of(t);
  while (month_start(k + 1) <= t) // rounding at a boundary: the later month
    ++k;
  while (k > 0 && month_start(k) > t)
    --k;
  return k;
}

} // namespace

int month_of(Time t) {
  const double within = t - std::floor(t / days_per_year) * days_per_year;
  return std::clamp(static_cast<int>(std::floor(within / days_per_month)), 0, 11);
}

ArrivalRate::ArrivalRate(const MarketParameters &market, std::size_t segment)
    : season_(market.seasonality) {
  double base = market.segments[segment].suspects_per_week / days_per_week;
  double factor = 1;
  pieces_.push_back(Piece{0, base});
  std::vector<const MarketChange *> changes;
  for (const MarketChange &c : market.changes)
    if ((!c.segment || *c.segment == segment) && (c.suspects_per_week || c.suspects_factor))
      changes.push_back(&c);
  std::stable_sort(changes.begin(), changes.end(),
                   [](const MarketChange *a, const MarketChange *b) { return a->day < b->day; });
  for (const MarketChange *c : changes) {
    if (c->suspects_per_week)
      base = *c->suspects_per_week / days_per_week;
    if (c->suspects_factor)
      factor = *c->suspects_factor;
    if (pieces_.back().from == c->day)
      pieces_.back().per_day = base * factor;
    else
      pieces_.push_back(Piece{c->day, base * factor});
  }
}

double ArrivalRate::per_day(Time t) const {
  const auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t,
                                   [](Time x, const Piece &p) { return x < p.from; });
  const double rate = std::prev(it)->per_day;
  return season_.empty() ? rate : rate * season_[static_cast<std::size_t>(month_of(t))];
}

template <class Visit> void ArrivalRate::walk(Time from, Time until, Visit visit) const {
  auto piece = std::upper_bound(pieces_.begin(), pieces_.end(), from,
                                [](Time x, const Piece &p) { return x < p.from; });
  --piece; // the piece that holds at `from`
  std::int64_t month = month_count(from);
  Time t = from;
  while (t < until) {
    Time end = until;
    if (std::next(piece) != pieces_.end())
      end = std::min(end, std::next(piece)->from);
    if (!season_.empty())
      end = std::min(end, month_start(month + 1));
    const double rate = season_.empty()
                            ? piece->per_day
                            : piece->per_day * season_[static_cast<std::size_t>(month % 12)];
    if (!visit(t, end, rate))
      return;
    t = end;
    while (std::next(piece) != pieces_.end() && std::next(piece)->from <= t)
      ++piece;
    if (!season_.empty() && month_start(month + 1) <= t)
      ++month;
  }
}

double ArrivalRate::integral(Time from, Time to) const {
  double sum = 0;
  walk(from, to, [&](Time a, Time b, double rate) {
    sum += rate * (b - a);
    return true;
  });
  return sum;
}

Time ArrivalRate::reach(Time from, double area, Time until) const {
  Time at = std::numeric_limits<Time>::infinity();
  double left = area;
  walk(from, until, [&](Time a, Time b, double rate) {
    if (rate > 0 && left <= rate * (b - a)) {
      at = a + left / rate;
      return false;
    }
    left -= rate * (b - a);
    return true;
  });
  return at;
}

} // namespace salesfab::model
