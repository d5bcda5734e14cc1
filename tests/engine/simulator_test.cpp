#include "engine/simulator.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

using salesfab::engine::RunEnd;
using salesfab::engine::Simulator;

namespace {
struct Ev {
  int id;
};
} // namespace

TEST_CASE("the clock follows the events and counts them", "[engine]") {
  Simulator<Ev> sim;
  std::vector<double> seen;
  sim.schedule_at(2, {1});
  sim.schedule_at(1, {2});
  sim.run([&](const Ev &) { seen.push_back(sim.now()); });
  REQUIRE(seen == std::vector<double>{1, 2});
  REQUIRE(sim.events_processed() == 2);
  REQUIRE(sim.now() == 2);
}

TEST_CASE("run_until runs an event exactly at the end time and stops the clock there", "[engine]") {
  Simulator<Ev> sim;
  std::vector<int> ran;
  sim.schedule_at(5, {1});
  sim.schedule_at(10, {2});                       // exactly at the end: runs
  sim.schedule_at(std::nextafter(10.0, 11), {3}); // just after: does not
  const auto why = sim.run_until(10, [&](const Ev &e) {
    ran.push_back(e.id);
    if (e.id == 2)
      sim.schedule_after(0, {4}); // scheduled at the end itself: runs too
  });
  REQUIRE(why == RunEnd::reached_end);
  REQUIRE(ran == std::vector<int>{1, 2, 4});
  REQUIRE(sim.now() == 10);
  REQUIRE(sim.pending() == 1);
}

TEST_CASE("run_until with nothing left moves the clock to the end", "[engine]") {
  Simulator<Ev> sim;
  sim.schedule_at(1, {1});
  REQUIRE(sim.run_until(7, [](const Ev &) {}) == RunEnd::reached_end);
  REQUIRE(sim.now() == 7);
}

TEST_CASE("events scheduled for now run after those already due now", "[engine]") {
  Simulator<Ev> sim;
  std::vector<int> ran;
  sim.schedule_at(1, {1});
  sim.schedule_at(1, {2});
  sim.run([&](const Ev &e) {
    ran.push_back(e.id);
    if (e.id == 1)
      sim.schedule_after(0, {3});
  });
  REQUIRE(ran == std::vector<int>{1, 2, 3});
}

TEST_CASE("a handler can cancel a pending event", "[engine]") {
  Simulator<Ev> sim;
  std::vector<int> ran;
  const auto timeout = sim.schedule_at(5, {99});
  sim.schedule_at(1, {1});
  sim.run([&](const Ev &e) {
    ran.push_back(e.id);
    if (e.id == 1)
      REQUIRE(sim.cancel(timeout));
  });
  REQUIRE(ran == std::vector<int>{1});
  REQUIRE_FALSE(sim.cancel(timeout));
}

TEST_CASE("scheduling into the past is refused as a bug", "[engine]") {
  Simulator<Ev> sim;
  sim.schedule_at(3, {1});
  sim.run([](const Ev &) {});
  REQUIRE_THROWS_AS(sim.schedule_at(2, {1}), std::logic_error);
  REQUIRE_THROWS_AS(sim.schedule_after(-1, {1}), std::logic_error);
  REQUIRE_THROWS_AS(sim.schedule_at(std::nan(""), {1}), std::logic_error);
}

TEST_CASE("a delay of infinity schedules nothing", "[engine]") {
  Simulator<Ev> sim;
  const auto never = sim.schedule_after(INFINITY, {1});
  REQUIRE(sim.pending() == 0);
  REQUIRE_FALSE(sim.cancel(never));
}

TEST_CASE("stop() and the event limit end a run early", "[engine]") {
  Simulator<Ev> sim;
  for (int i = 0; i < 10; ++i)
    sim.schedule_at(i, {i});
  REQUIRE(sim.run_until(100, [&](const Ev &e) {
    if (e.id == 3)
      sim.stop();
  }) == RunEnd::stopped);
  REQUIRE(sim.now() == 3);
  sim.set_event_limit(6);
  REQUIRE(sim.run_until(100, [](const Ev &) {}) == RunEnd::event_limit);
  REQUIRE(sim.events_processed() == 6);
}
