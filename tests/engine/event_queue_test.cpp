#include "engine/event_queue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <map>
#include <utility>
#include <vector>

using salesfab::engine::EventId;
using salesfab::engine::EventQueue;

TEST_CASE("events come out in time order", "[engine]") {
  EventQueue<int> q;
  const double times[] = {5, 1, 4, 2, 3, 0.5, 10, 7};
  for (int i = 0; i < 8; ++i)
    q.push(times[i], i);
  std::vector<double> out;
  while (!q.empty())
    out.push_back(q.pop().time);
  REQUIRE(std::is_sorted(out.begin(), out.end()));
  REQUIRE(out.size() == 8);
}

TEST_CASE("same-time events run in the order scheduled", "[engine]") {
  EventQueue<int> q;
  for (int i = 0; i < 100; ++i)
    q.push(i % 3 == 0 ? 1.0 : 2.0, i); // interleave two times
  std::vector<int> ones, twos;
  while (!q.empty()) {
    const auto e = q.pop();
    (e.time == 1.0 ? ones : twos).push_back(e.payload);
  }
  REQUIRE(std::is_sorted(ones.begin(), ones.end()));
  REQUIRE(std::is_sorted(twos.begin(), twos.end()));
  REQUIRE(ones.size() == 34);
}

TEST_CASE("a cancelled event never comes out", "[engine]") {
  EventQueue<int> q;
  q.push(1, 1);
  const EventId two = q.push(2, 2);
  q.push(3, 3);
  REQUIRE(q.cancel(two));
  REQUIRE(q.size() == 2);
  REQUIRE_FALSE(q.cancel(two)); // twice is harmless
  REQUIRE(q.size() == 2);
  REQUIRE(q.pop().payload == 1);
  REQUIRE(q.pop().payload == 3);
  REQUIRE(q.empty());
}

TEST_CASE("cancelling an event that already ran does nothing", "[engine]") {
  EventQueue<int> q;
  const EventId first = q.push(1, 1);
  q.push(2, 2);
  REQUIRE(q.pop().payload == 1);
  REQUIRE_FALSE(q.cancel(first));
  REQUIRE(q.size() == 1);
  REQUIRE(q.pop().payload == 2);
}

TEST_CASE("cancelling the next event leaves the later ones in order", "[engine]") {
  EventQueue<int> q;
  const EventId a = q.push(1, 1);
  q.push(1, 2);
  q.push(1, 3);
  REQUIRE(q.cancel(a));
  REQUIRE(q.next_time() == 1);
  REQUIRE(q.pop().payload == 2);
  REQUIRE(q.pop().payload == 3);
}

TEST_CASE("handles from before clear() are stale", "[engine]") {
  EventQueue<int> q;
  const EventId old = q.push(5, 1);
  q.clear();
  q.push(6, 2);
  REQUIRE_FALSE(q.cancel(old));
  REQUIRE(q.size() == 1);
}

// A model of the queue's contract: a sorted map from (time, order of pushing) to payload.
static void check_against_reference(EventQueue<int> &q, unsigned seed, int max_pending,
                                    int pushes = 5, int cancels = 2) {
  // Looks ahead now and then, as run_until does, so that pushes below the heap's reference key
  // are exercised too.
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_int_distribution<int> op(0, 9), when(0, 50);
  std::map<std::pair<double, int>, int> ref; // (time, push number) -> payload
  std::vector<std::pair<EventId, std::pair<double, int>>> handles;
  double now = 0;
  int next = 0;
  for (int step = 0; step < 20000; ++step) {
    const int o = op(rng);
    if (o < pushes && static_cast<int>(ref.size()) < max_pending) { // push, often at equal times
      const double t = now + when(rng);
      const EventId id = q.push(t, next);
      ref[{t, next}] = next;
      handles.push_back({id, {t, next}});
      ++next;
    } else if (o < pushes + cancels && !handles.empty()) { // cancel some handle, maybe a stale one
      boost::random::uniform_int_distribution<std::size_t> pick(0, handles.size() - 1);
      const auto &[id, key] = handles[pick(rng)];
      const bool pending = ref.erase(key) == 1;
      REQUIRE(q.cancel(id) == pending);
    } else if (o == pushes + cancels && !ref.empty()) { // look ahead
      REQUIRE(q.next_time() == ref.begin()->first.first);
    } else if (!ref.empty()) { // pop
      const auto e = q.pop();
      REQUIRE(e.payload == ref.begin()->second);
      REQUIRE(e.time == ref.begin()->first.first);
      now = e.time;
      ref.erase(ref.begin());
    }
    REQUIRE(q.size() == ref.size());
    REQUIRE(q.empty() == ref.empty());
  }
}

TEST_CASE("random pushes, pops and cancels match a sorted reference", "[engine]") {
  for (const unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    EventQueue<int> q;
    check_against_reference(q, seed, 1 << 20);
  }
}

TEST_CASE("heavy cancelling (bulk filtering included) matches a sorted reference", "[engine]") {
  for (const unsigned seed : {6u, 7u, 8u}) {
    EventQueue<int> q;
    check_against_reference(q, seed, 1 << 20, 4, 4); // cancels outnumber pops
  }
}

TEST_CASE("an event pushed before one already looked at comes out first", "[engine]") {
  EventQueue<int> q;
  q.push(10, 1);
  q.push(20, 2);
  REQUIRE(q.next_time() == 10); // looking ahead fixes the heap's reference key at 10
  q.push(5, 3);                 // still allowed: nothing has been popped yet
  q.push(5, 4);
  q.push(7, 5);
  REQUIRE(q.pop().payload == 3);
  REQUIRE(q.pop().payload == 4);
  q.push(6, 6);
  REQUIRE(q.pop().payload == 6);
  REQUIRE(q.pop().payload == 5);
  REQUIRE(q.pop().payload == 1);
  REQUIRE(q.pop().payload == 2);
}

TEST_CASE("times of every sign and size keep their order", "[engine]") {
  EventQueue<int> q;
  const double times[] = {1e300, -5, 0, -0.0, 1e-300, 3.5, -1e300, 2};
  for (int i = 0; i < 8; ++i)
    q.push(times[i], i);
  std::vector<int> order;
  while (!q.empty())
    order.push_back(q.pop().payload);
  REQUIRE(order == std::vector<int>{6, 1, 2, 3, 4, 7, 5, 0});
}

TEST_CASE("many cancellations are filtered out at once and memory stays bounded", "[engine]") {
  EventQueue<int> q;
  for (int round = 0; round < 20; ++round) {
    std::vector<EventId> ids;
    for (int i = 0; i < 3000; ++i)
      ids.push_back(q.push(1000.0 + round * 10000 + i, i));
    for (int i = 0; i < 2500; ++i) // cancelled ones soon outnumber live ones: filtered at once
      REQUIRE(q.cancel(ids[static_cast<std::size_t>(i)]));
    REQUIRE(q.held() < 3000);
    for (int i = 0; i < 2500; ++i) // a second cancel is still refused after filtering
      REQUIRE_FALSE(q.cancel(ids[static_cast<std::size_t>(i)]));
    REQUIRE(q.size() == 500);
    for (int i = 2500; i < 3000; ++i) {
      const auto e = q.pop();
      REQUIRE(e.payload == i);
      REQUIRE_FALSE(q.cancel(ids[static_cast<std::size_t>(i)])); // it ran
    }
    REQUIRE(q.empty());
  }
}
