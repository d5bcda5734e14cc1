#pragma once
// A role's pool of people: who is employed, who is busy, how fast a new hire works while ramping
// up, and what happens when headcount changes. People work hours_per_week spread evenly over
// the calendar, one task at a time.

#include "engine/random_stream.hpp"
#include "model/event.hpp"
#include "model/parameters.hpp"
#include "model/recorder.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace salesfab::model {

struct FactoryContext;

/// The people of one role.
class StaffPool {
public:
  /// A person's index in the pool.
  using Person = std::uint32_t;
  static constexpr Person nobody = std::numeric_limits<Person>::max();

  /// A pool with the role's initial headcount, all fully productive from day 0. Reports its
  /// busy and employed counts to the recorder's levels of role `who`.
  StaffPool(const RoleParameters &role, Recorder &recorder, Role who);
  /// The same, with the role's attrition: each person leaves with hazard attrition_per_year
  /// (booked as staff_leaves events on the context's clock) and the seat is filled again
  /// backfill_days later (a seat_filled event), by a new hire who ramps up.
  StaffPool(FactoryContext &context, Role who);

  /// True when someone employed is free.
  [[nodiscard]] bool has_idle() const { return !idle_.empty(); }
  /// Takes the idle person furthest along their ramp-up (the longest employed). Precondition:
  /// has_idle().
  Person take(Time now);
  /// Calendar days person `p` needs for `effort_hours` of work started at `start`, with the
  /// productivity of a new hire rising linearly from 0 to 1 over the ramp-up.
  [[nodiscard]] double work_days(Person p, Time start, double effort_hours) const;
  /// Person `p` finished (or dropped) their task: free again, or gone when they were leaving.
  void release(Person p, Time now);
  /// From now on the role has `target` seats (see the scenario format's fine points).
  void set_headcount(int target, Time now);
  /// Attrition's events (staff_leaves, seat_filled) for this pool: true when the people
  /// present changed now (someone left idle, or a seat was filled).
  bool on_attrition(const Event &e, Time now);
  /// Attrition: person `p` (hired as `serial`) leaves, now when idle, else when the task at hand
  /// ends. True when someone left now.
  bool on_leave(Person p, std::uint32_t serial, Time now);
  /// A seat left empty is filled again (backfill `serial`). True when someone was hired.
  bool on_seat_filled(std::uint32_t serial, Time now);
  /// The event id of person `p` of role `who` (staff_leaves), and back.
  static std::uint32_t event_id(Person p, Role who) {
    return p * static_cast<std::uint32_t>(role_count) + static_cast<std::uint32_t>(who);
  }
  static Role role_of(std::uint32_t id) { return static_cast<Role>(id % role_count); }
  static Person person_of(std::uint32_t id) { return id / static_cast<std::uint32_t>(role_count); }

  /// People employed now (busy people who are leaving included, until they leave).
  [[nodiscard]] int employed() const { return employed_; }
  /// People busy now.
  [[nodiscard]] int busy() const { return busy_; }
  /// The sum of employed people's productivity (0..1 each) at time t.
  [[nodiscard]] double productivity_sum(Time t) const;
  /// True while someone employed is still ramping up at time t.
  [[nodiscard]] bool ramping(Time t) const;
  /// Hours a fully productive person works per calendar day.
  [[nodiscard]] double hours_per_day() const { return hours_per_day_; }

private:
  struct Member {
    Time hired = -std::numeric_limits<Time>::infinity();
    bool employed = false;
    bool busy = false;
    bool leaving = false;     // busy, and leaves when the task ends (seat gone)
    bool quitting = false;    // busy, and leaves when the task ends (attrition: seat refilled)
    std::uint32_t serial = 0; // which hire of this index (stale departures are ignored)
  };

  [[nodiscard]] double productivity(const Member &m, Time t) const;
  void hire(Time now);
  void leave(Person p, Time now); // attrition: gone; the seat waits for a backfill
  void book_departure(Person p);
  int shed_empty_seats(int staying, int target);
  void make_idle(Person p);
  void report(Time now);
  // Idle people as a min-heap: earliest hire (most productive) first, then lowest index.
  [[nodiscard]] bool before(Person a, Person b) const;

  std::vector<Member> members_;
  std::vector<Person> idle_;   // heap, see before()
  std::vector<Person> vacant_; // indices of people who left, reused for new hires
  int employed_ = 0;
  int busy_ = 0;
  int leaving_ = 0;
  double hours_per_day_;
  double ramp_days_;
  Recorder &recorder_;
  Level busy_level_;
  Level employed_level_;
  // Attrition (none without a context or a rate).
  FactoryContext *context_ = nullptr;
  Role role_ = Role::qualifier;
  double mean_stay_days_ = 0; // 365 / attrition_per_year; 0: nobody leaves
  double backfill_days_ = 0;
  std::optional<engine::RandomStream> attrition_;
  std::vector<std::uint32_t> backfills_; // seats waiting to be filled: their serials
  std::uint32_t next_backfill_ = 0;
};

} // namespace salesfab::model
