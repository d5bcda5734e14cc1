// The engine's hot path allocates nothing per event: counted here by replacing the global
// allocator for this test program. Pools and queues grow by doubling, so a run three times as
// long may allocate a little more (larger pools, more report periods), never in proportion to
// its events.

#include "model/factory.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::uint64_t> allocations{0};
}

void *operator new(std::size_t size) {
  ++allocations;
  if (void *p = std::malloc(size == 0 ? 1 : size))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

using namespace salesfab;

namespace {
struct Counted {
  std::uint64_t allocations;
  std::uint64_t events;
};

Counted run(const char *horizon) {
  const auto params =
      scenario::load_file("scenarios/basis.yaml", std::vector{scenario::parse_override(
                                                      std::string("time.horizon_days=") + horizon)})
          .variants[0]
          .parameters;
  model::Factory factory(params, 0);
  const auto before = allocations.load();
  const auto record = factory.run();
  return {allocations.load() - before, record.events};
}
} // namespace

TEST_CASE("a run allocates per report period and pool growth, not per event", "[model][perf]") {
  const Counted short_run = run("1095");
  const Counted long_run = run("3285");
  INFO("allocations " << short_run.allocations << " for " << short_run.events << " events; "
                      << long_run.allocations << " for " << long_run.events);
  REQUIRE(long_run.events > 2 * short_run.events);
  REQUIRE(short_run.allocations * 50 < short_run.events);
  // The extra events of the longer run cost almost no allocations: 72 more report periods
  // (2 allocations each) and a few doublings.
  REQUIRE(long_run.allocations - short_run.allocations < 300);
}
