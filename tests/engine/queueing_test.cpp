// A textbook M/M/c queue written on the engine, checked against Erlang C and Little's law: the
// engine's ordering, clock and random streams together must give the theory's numbers.

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "support/stats.hpp"

#include <catch2/catch.hpp>

#include <deque>

using namespace salesfab::engine;
using salesfab::test::Moments;

namespace {

struct QueueEvent {
  enum Kind : std::uint8_t { arrival, departure } kind;
};

struct QueueResult {
  double mean_wait;     // of customers served after the warm-up
  double mean_in_queue; // time average over [warmup, horizon]
  double arrival_rate;  // arrivals per time unit in [warmup, horizon]
};

QueueResult simulate_mmc(double lambda, double mu, int servers, double warmup, double horizon,
                         std::uint64_t replication) {
  Simulator<QueueEvent> sim;
  RandomStream arrivals(11, replication, "arrivals"), service(11, replication, "service");
  std::deque<double> waiting; // arrival times, first come first served
  int busy = 0;
  double wait_sum = 0, area = 0, last = warmup;
  long served = 0, arrived = 0;
  auto track = [&] { // integrates the queue length over the measurement window
    if (sim.now() > warmup) {
      area += static_cast<double>(waiting.size()) * (sim.now() - last);
      last = sim.now();
    }
  };
  auto start_service = [&](double arrived_at) {
    ++busy;
    if (arrived_at >= warmup) {
      wait_sum += sim.now() - arrived_at;
      ++served;
    }
    sim.schedule_after(service.exponential(1 / mu), {QueueEvent::departure});
  };
  sim.schedule_after(arrivals.exponential(1 / lambda), {QueueEvent::arrival});
  sim.run_until(horizon, [&](const QueueEvent &e) {
    track();
    if (e.kind == QueueEvent::arrival) {
      if (sim.now() >= warmup)
        ++arrived;
      sim.schedule_after(arrivals.exponential(1 / lambda), {QueueEvent::arrival});
      if (busy < servers)
        start_service(sim.now());
      else
        waiting.push_back(sim.now());
    } else {
      --busy;
      if (!waiting.empty()) {
        const double t = waiting.front();
        waiting.pop_front();
        start_service(t);
      }
    }
  });
  track();
  const double window = horizon - warmup;
  return {wait_sum / static_cast<double>(served), area / window,
          static_cast<double>(arrived) / window};
}

void check_queue(double lambda, double mu, int c, double theory_wq) {
  const double a = lambda / mu;
  REQUIRE(salesfab::test::erlang_c(a, c) / (c * mu - lambda) == Approx(theory_wq).epsilon(1e-3));
  Moments wq, little;
  for (std::uint64_t r = 0; r < 30; ++r) {
    const QueueResult q = simulate_mmc(lambda, mu, c, 2000, 22000, r);
    wq.add(q.mean_wait);
    // Little's law, L = lambda W, holds per replication up to edge effects.
    little.add(q.mean_in_queue - q.arrival_rate * q.mean_wait);
  }
  INFO("Wq " << wq.mean() << " +- " << wq.half_width(0.999) << ", theory " << theory_wq);
  REQUIRE(salesfab::test::in_ci(wq, theory_wq, 0.999));
  INFO("L - lambda W: " << little.mean() << " +- " << little.half_width(0.999));
  REQUIRE(salesfab::test::in_ci(little, 0.0, 0.999));
}

} // namespace

TEST_CASE("an M/M/1 queue on the engine waits as theory says", "[engine][theory]") {
  check_queue(5, 8, 1, 5.0 / (8 * 3)); // Wq = lambda / (mu (mu - lambda)) = 0.2083
}

TEST_CASE("an M/M/3 queue on the engine matches Erlang C", "[engine][theory]") {
  check_queue(4, 1.5, 3, 1.5950);
}
