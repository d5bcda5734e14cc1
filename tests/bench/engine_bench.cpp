// The classic hold model: N events pending; each pop schedules one new event at
// now + exponential(1). items_per_second is events per second.

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

using namespace salesfab::engine;

namespace {

struct HoldEvent {
  std::uint32_t id;
};

void BM_Hold(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, "hold");
  Simulator<HoldEvent> sim;
  sim.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i)
    sim.schedule_at(rng.exponential(1.0), {static_cast<std::uint32_t>(i)});
  auto hold = [&](const HoldEvent &e) { sim.schedule_after(rng.exponential(1.0), e); };
  for (auto _ : state)
    sim.step(hold);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// The baseline: the same loop on a plain std::priority_queue of (time, id) pairs.
void BM_HoldBaseline(benchmark::State &state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  RandomStream rng(1, 0, "hold");
  using Item = std::pair<double, std::uint64_t>;
  std::vector<Item> storage;
  storage.reserve(n + 1);
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue(std::greater<>{},
                                                                     std::move(storage));
  for (std::size_t i = 0; i < n; ++i)
    queue.emplace(rng.exponential(1.0), i);
  for (auto _ : state) {
    const Item top = queue.top();
    queue.pop();
    queue.emplace(top.first + rng.exponential(1.0), top.second);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

} // namespace

BENCHMARK(BM_Hold)->Arg(1000)->Arg(100000)->Arg(1000000);
BENCHMARK(BM_HoldBaseline)->Arg(1000)->Arg(100000)->Arg(1000000);
