// BM_Factory: one replication of the default scenario (scenarios/basis.yaml, built in), as events
// per second on one core; and the memory the model holds per live account.

#include "model/factory.hpp"
#include "scenario/loader.hpp"

#include <benchmark/benchmark.h>

#include <malloc.h>

using namespace salesfab;

namespace {

void BM_Factory(benchmark::State &state) {
  const model::Parameters params = scenario::load_default().variants.at(0).parameters;
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    model::Factory factory(params, replication++);
    const model::Record record = factory.run();
    events += record.events;
    benchmark::DoNotOptimize(record.counters.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_replication"] =
      static_cast<double>(events) / static_cast<double>(state.iterations());
}

// A large factory: 20x the default's arrivals and initial customers, with churn high enough that
// the customer base levels off within the first year; the argument is the horizon in days. It
// shows the event rate with thousands of accounts alive, and that memory follows the accounts
// alive, not the horizon.
void BM_FactoryLarge(benchmark::State &state) {
  const std::string horizon = "time.horizon_days=" + std::to_string(state.range(0));
  const std::vector overrides = {
      scenario::parse_override("market.segments[0].suspects_per_week=600"),
      scenario::parse_override("market.segments[1].suspects_per_week=60"),
      scenario::parse_override("customers.initial={A: 100, B: 300, C: 800}"),
      scenario::parse_override("staff.qualifier.headcount=40"),
      scenario::parse_override("staff.account_executive.headcount=100"),
      scenario::parse_override("staff.changes=[]"),
      scenario::parse_override("staff.account_manager.headcount=40"),
      scenario::parse_override("customers.churn_per_year=1.5"),
      scenario::parse_override(horizon)};
  const model::Parameters params = scenario::load_default(overrides).variants.at(0).parameters;
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  double peak_accounts = 0;
  double heap_bytes = 0;
  for (auto _ : state) {
    const auto before = mallinfo2().uordblks;
    model::Factory factory(params, replication++);
    const model::Record record = factory.run();
    // The factory is still alive here: its pools hold the capacity of their peak.
    heap_bytes = static_cast<double>(mallinfo2().uordblks - before);
    events += record.events;
    peak_accounts = record.levels_max[static_cast<std::size_t>(model::Level::accounts_alive)];
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["peak_accounts_alive"] = peak_accounts;
  state.counters["heap_bytes"] = heap_bytes;
  state.counters["heap_bytes_per_peak_account"] = heap_bytes / peak_accounts;
}

} // namespace

BENCHMARK(BM_Factory)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactoryLarge)->Arg(1095)->Arg(3650)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
