#include "mpi/wire.hpp"

namespace salesfab::mpi {

void Writer::replication(const analysis::Replication &r) {
  u64(r.index);
  u64(r.seed);
  u64(r.events);
  u64(r.metrics.size());
  for (const auto &m : r.metrics)
    value(m);
  u64(r.periods.size());
  for (std::size_t p = 0; p < r.periods.size(); ++p) {
    f64(r.period_start_days.at(p));
    u64(r.periods[p].size());
    for (const auto &m : r.periods[p])
      value(m);
  }
}

analysis::Replication Reader::replication() {
  analysis::Replication r;
  r.index = u64();
  r.seed = u64();
  r.events = u64();
  r.metrics.resize(static_cast<std::size_t>(u64()));
  for (auto &m : r.metrics)
    m = value();
  r.periods.resize(static_cast<std::size_t>(u64()));
  for (auto &period : r.periods) {
    r.period_start_days.push_back(f64());
    period.resize(static_cast<std::size_t>(u64()));
    for (auto &m : period)
      m = value();
  }
  return r;
}

} // namespace salesfab::mpi
