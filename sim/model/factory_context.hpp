#pragma once
// What the three platforms share: the parameters, the clock, the recorder, the accounts and
// opportunities, the random streams' seeds, and the tracer.

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "model/account.hpp"
#include "model/event.hpp"
#include "model/parameters.hpp"
#include "model/recorder.hpp"
#include "model/trace.hpp"

#include <string_view>

namespace salesfab::model {

/// The shared state of one replication of the factory.
struct FactoryContext {
  const Parameters &params;
  engine::Simulator<Event> &sim;
  Recorder &recorder;
  Accounts &accounts;
  Opportunities &opportunities;
  std::uint64_t replication;
  Tracer *tracer; ///< null: no tracing

  /// The stream for one kind of decision of this replication.
  [[nodiscard]] engine::RandomStream stream(std::string_view name) const {
    return engine::RandomStream(params.run.seed, replication, name);
  }
  [[nodiscard]] Time now() const { return sim.now(); }
  /// Schedules an event `delay` days from now (infinity: never).
  void schedule(Time delay, EventKind kind, std::uint32_t id, std::uint32_t stamp = 0) {
    sim.schedule_after(delay, Event{kind, id, stamp});
  }
  /// Tells the tracer, if there is one; `make` builds the event only then.
  template <class Make> void trace(Make make) {
    if (tracer != nullptr) [[unlikely]]
      tracer->on(make());
  }
  /// The account leaves the factory (disqualified, gone cold, drifted, lost, churned for good).
  void leave(AccountId id) {
    accounts.remove(id);
    recorder.add(Level::accounts_alive, -1, sim.now());
  }
  /// A trace event about an account, now.
  [[nodiscard]] TraceEvent about(AccountId id, Platform platform, TraceKind kind) const {
    TraceEvent e;
    e.day = sim.now();
    e.account = accounts[id].number;
    e.segment = accounts[id].segment;
    e.platform = platform;
    e.kind = kind;
    e.cls = accounts[id].cls;
    return e;
  }
};

} // namespace salesfab::model
