#pragma once
// One replication of de salesfabriek: the three platforms on one clock, the staffing what-ifs,
// the warm-up and the report periods. Give it parameters and a replication index; it runs to
// the horizon and hands back what its recorder saw.

#include "engine/error.hpp"
#include "engine/simulator.hpp"
#include "model/account.hpp"
#include "model/buying_platform.hpp"
#include "model/factory_context.hpp"
#include "model/market_platform.hpp"
#include "model/parameters.hpp"
#include "model/recorder.hpp"
#include "model/trace.hpp"
#include "model/work_platform.hpp"

#include <atomic>
#include <cstdint>
#include <limits>

namespace salesfab::model {

/// Limits on one replication (guards against runaways).
struct RunLimits {
  std::uint64_t max_events = std::numeric_limits<std::uint64_t>::max();
  std::size_t max_accounts_alive = std::numeric_limits<std::size_t>::max();
  /// Checked every few thousand events: when it becomes true the replication stops (Ctrl-C).
  const std::atomic<bool> *stop = nullptr;
};

/// A replication stopped by one of its limits.
class RunawayError : public Error {
public:
  using Error::Error;
};

/// A replication stopped because RunLimits::stop was set.
class Interrupted : public std::exception {
public:
  [[nodiscard]] const char *what() const noexcept override { return "interrupted"; }
};

/// One replication of the factory.
class Factory {
public:
  /// A factory for `params` (valid ones: sim/scenario checks them), replication `replication`
  /// of the run seeded with params.run.seed. `tracer` may be null.
  Factory(const Parameters &params, std::uint64_t replication, Tracer *tracer = nullptr,
          RunLimits limits = {});
  Factory(const Factory &) = delete;
  Factory &operator=(const Factory &) = delete;

  /// Runs to the horizon and returns the record. Throws RunawayError past a limit, Interrupted
  /// when asked to stop.
  Record run();

  /// Events handled so far.
  [[nodiscard]] std::uint64_t events() const { return sim_.events_processed(); }
  /// The accounts and opportunities (for checks of consistency).
  [[nodiscard]] const Accounts &accounts() const { return accounts_; }
  [[nodiscard]] const Opportunities &opportunities() const { return opportunities_; }
  [[nodiscard]] const BuyingPlatform &buying() const { return buying_; }

private:
  void handle(const Event &e);
  void schedule_calendar();
  void on_staff_change(std::uint32_t index);
  void on_period_end(std::uint32_t index);
  void on_attrition(const Event &e);

  const Parameters &params_;
  RunLimits limits_;
  engine::Simulator<Event> sim_;
  Recorder recorder_;
  Accounts accounts_;
  Opportunities opportunities_;
  FactoryContext context_;
  BuyingPlatform buying_;
  MarketPlatform market_;
  WorkPlatform work_;
  std::uint32_t periods_ = 0; // report periods in the window
  bool interrupted_ = false;
};

/// Runs one replication: Factory(params, replication, tracer).run().
Record simulate(const Parameters &params, std::uint64_t replication, Tracer *tracer = nullptr,
                RunLimits limits = {});

} // namespace salesfab::model
