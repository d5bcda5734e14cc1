#include "model/staff_pool.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace salesfab::model;

namespace {
RoleParameters role(int headcount, double hours_per_week, double ramp_up_weeks = 0) {
  RoleParameters r;
  r.headcount = headcount;
  r.hours_per_week = hours_per_week;
  r.ramp_up_weeks = ramp_up_weeks;
  return r;
}

// Work done by a ramping hire between two times, integrated numerically (midpoint rule).
double work_done(double hours_per_day, double ramp_days, double hired, double from, double to) {
  const int n = 200000;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const double t = from + (to - from) * (i + 0.5) / n;
    sum += hours_per_day * std::min(1.0, (t - hired) / ramp_days);
  }
  return sum * (to - from) / n;
}
} // namespace

TEST_CASE("a task holds a person for effort / (hours_per_week / 7) days", "[model]") {
  Recorder rec(1, 0, 100);
  StaffPool pool(role(2, 35), rec, Role::qualifier);
  const auto p = pool.take(0);
  REQUIRE(pool.work_days(p, 0, 10) == Approx(2.0)); // 5 hours a day
  REQUIRE(pool.work_days(p, 0, 0) == 0);
}

TEST_CASE("a new hire's productivity ramps up linearly and the work time follows exactly",
          "[model]") {
  Recorder rec(1, 0, 100);
  StaffPool pool(role(0, 35, 1), rec, Role::qualifier);
  pool.set_headcount(1, 10); // hired on day 10, ramps up over 7 days
  const auto p = pool.take(10);
  // Starting at the hire: until fully ramped a person works 5 x 7 / 2 = 17.5 hours.
  REQUIRE(pool.work_days(p, 10, 17.5) == Approx(7.0));
  REQUIRE(pool.work_days(p, 10, 27.5) == Approx(9.0));
  REQUIRE(pool.work_days(p, 17, 10) == Approx(2.0)); // fully productive by then
  for (const double start : {10.0, 11.5, 14.0}) {
    for (const double effort : {0.3, 4.0, 12.0, 30.0}) {
      const double days = pool.work_days(p, start, effort);
      REQUIRE(work_done(5, 7, 10, start, start + days) == Approx(effort).epsilon(1e-6));
    }
  }
}

TEST_CASE("the most experienced idle person takes the next task", "[model]") {
  Recorder rec(1, 0, 100);
  StaffPool pool(role(1, 35, 2), rec, Role::qualifier);
  pool.set_headcount(2, 5);
  const auto first = pool.take(6);
  REQUIRE(pool.work_days(first, 6, 5) == Approx(1.0)); // the original person, fully productive
}

TEST_CASE("lowering headcount: idle people leave at once, busy ones after their task", "[model]") {
  Recorder rec(1, 0, 100);
  StaffPool pool(role(3, 35), rec, Role::qualifier);
  const auto a = pool.take(0);
  const auto b = pool.take(0);
  pool.set_headcount(1, 1); // one idle leaves now; one busy leaves when done
  REQUIRE(pool.employed() == 2);
  REQUIRE_FALSE(pool.has_idle());
  pool.release(a, 2);
  REQUIRE(pool.employed() + (pool.has_idle() ? 0 : 0) >= 1);
  pool.release(b, 3);
  REQUIRE(pool.employed() == 1);
  REQUIRE(pool.busy() == 0);
  REQUIRE(pool.has_idle());
}

TEST_CASE("raising headcount first cancels pending departures", "[model]") {
  Recorder rec(1, 0, 100);
  StaffPool pool(role(2, 35), rec, Role::qualifier);
  const auto a = pool.take(0);
  const auto b = pool.take(0);
  pool.set_headcount(0, 1); // both busy: both will leave
  REQUIRE(pool.employed() == 2);
  pool.set_headcount(1, 2); // one departure cancelled, nobody hired
  pool.release(a, 3);
  pool.release(b, 3);
  REQUIRE(pool.employed() == 1);
  pool.set_headcount(3, 4); // now two are hired
  REQUIRE(pool.employed() == 3);
}

TEST_CASE("the pool reports busy and employed people to the recorder", "[model]") {
  Recorder rec(1, 0, 10);
  rec.start_measuring(0);
  StaffPool pool(role(2, 35), rec, Role::qualifier);
  const auto p = pool.take(0);
  pool.release(p, 5);
  rec.finish(10, 0, 0);
  REQUIRE(rec.record().integral(busy_level(Role::qualifier)) == Approx(5));
  REQUIRE(rec.record().integral(employed_level(Role::qualifier)) == Approx(20));
}
