#include "model/staff_pool.hpp"

#include "model/factory_context.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace salesfab::model {

StaffPool::StaffPool(const RoleParameters &role, Recorder &recorder, Role who)
    : hours_per_day_(role.hours_per_day()), ramp_days_(role.ramp_up_weeks * days_per_week),
      recorder_(recorder), busy_level_(busy_level(who)), employed_level_(employed_level(who)) {
  for (int i = 0; i < role.headcount; ++i) {
    members_.push_back(Member{-std::numeric_limits<Time>::infinity(), true, false, false});
    make_idle(static_cast<Person>(members_.size() - 1));
  }
  employed_ = role.headcount;
  report(0);
}

StaffPool::StaffPool(FactoryContext &context, Role who)
    : StaffPool(context.params.staff[who], context.recorder, who) {
  const RoleParameters &role = context.params.staff[who];
  context_ = &context;
  role_ = who;
  backfill_days_ = role.backfill_days;
  if (role.attrition_per_year > 0) {
    mean_stay_days_ = days_per_year / role.attrition_per_year;
    attrition_.emplace(context.stream("staff." + std::string(role_name(who)) + ".attrition"));
    for (Person p = 0; p < members_.size(); ++p)
      book_departure(p);
  }
}

void StaffPool::book_departure(Person p) {
  if (mean_stay_days_ > 0)
    context_->schedule(attrition_->exponential(mean_stay_days_), EventKind::staff_leaves,
                       event_id(p, role_), members_[p].serial);
}

bool StaffPool::before(Person a, Person b) const {
  const Time ha = members_[a].hired, hb = members_[b].hired;
  return ha < hb || (ha == hb && a < b);
}

void StaffPool::make_idle(Person p) {
  idle_.push_back(p);
  std::push_heap(idle_.begin(), idle_.end(), [this](Person a, Person b) { return before(b, a); });
}

StaffPool::Person StaffPool::take(Time now) {
  if (idle_.empty())
    throw std::logic_error("StaffPool::take: nobody is idle");
  std::pop_heap(idle_.begin(), idle_.end(), [this](Person a, Person b) { return before(b, a); });
  const Person p = idle_.back();
  idle_.pop_back();
  members_[p].busy = true;
  ++busy_;
  report(now);
  return p;
}

double StaffPool::productivity(const Member &m, Time t) const {
  if (ramp_days_ <= 0)
    return 1;
  return std::clamp((t - m.hired) / ramp_days_, 0.0, 1.0);
}

double StaffPool::work_days(Person p, Time start, double effort_hours) const {
  if (effort_hours <= 0)
    return 0;
  const Member &m = members_[p];
  const double a = productivity(m, start); // where on the ramp the work starts
  if (a >= 1)
    return effort_hours / hours_per_day_;
  // While ramping, the work rate is hours_per_day x (t - hired) / ramp: work done from ramp
  // fraction a to b is hours_per_day x ramp x (b^2 - a^2) / 2.
  const double scale = hours_per_day_ * ramp_days_;
  const double until_ramped = scale * (1 - a * a) / 2;
  if (effort_hours <= until_ramped)
    return (std::sqrt(a * a + 2 * effort_hours / scale) - a) * ramp_days_;
  return (1 - a) * ramp_days_ + (effort_hours - until_ramped) / hours_per_day_;
}

void StaffPool::release(Person p, Time now) {
  Member &m = members_[p];
  m.busy = false;
  --busy_;
  if (m.leaving) {
    m.leaving = false;
    m.employed = false;
    --leaving_;
    --employed_;
    vacant_.push_back(p);
  } else if (m.quitting) {
    leave(p, now);
  } else {
    make_idle(p);
  }
  report(now);
}

void StaffPool::hire(Time now) {
  Person p;
  if (!vacant_.empty()) {
    p = vacant_.back();
    vacant_.pop_back();
  } else {
    p = static_cast<Person>(members_.size());
    members_.emplace_back();
  }
  const std::uint32_t serial = members_[p].serial + 1;
  members_[p] = Member{now, true, false, false, false, serial};
  ++employed_;
  make_idle(p);
  book_departure(p);
}

void StaffPool::leave(Person p, Time now) {
  Member &m = members_[p];
  m.quitting = false;
  m.employed = false;
  --employed_;
  vacant_.push_back(p);
  if (backfill_days_ <= 0) {
    hire(now);
    return;
  }
  backfills_.push_back(next_backfill_);
  context_->schedule(backfill_days_, EventKind::seat_filled, static_cast<std::uint32_t>(role_),
                     next_backfill_++);
}

bool StaffPool::on_attrition(const Event &e, Time now) {
  const bool leaves = e.kind == EventKind::staff_leaves;
  const bool changed =
      leaves ? on_leave(person_of(e.id), e.stamp, now) : on_seat_filled(e.stamp, now);
  if (changed)
    context_->trace([&] {
      TraceEvent t;
      t.day = now;
      t.kind = leaves ? TraceKind::person_left : TraceKind::seat_filled;
      t.platform = role_ == Role::qualifier           ? Platform::market
                   : role_ == Role::account_executive ? Platform::work
                                                      : Platform::buying;
      t.value = static_cast<double>(role_);
      return t;
    });
  return changed;
}

bool StaffPool::on_leave(Person p, std::uint32_t serial, Time now) {
  if (p >= members_.size())
    return false;
  Member &m = members_[p];
  if (!m.employed || m.serial != serial || m.leaving || m.quitting)
    return false;
  if (m.busy) { // finishes the task at hand first
    m.quitting = true;
    return false;
  }
  idle_.erase(std::find(idle_.begin(), idle_.end(), p));
  std::make_heap(idle_.begin(), idle_.end(), [this](Person a, Person b) { return before(b, a); });
  leave(p, now);
  report(now);
  return true;
}

bool StaffPool::on_seat_filled(std::uint32_t serial, Time now) {
  const auto it = std::find(backfills_.begin(), backfills_.end(), serial);
  if (it == backfills_.end())
    return false; // the seat went with a lower headcount
  backfills_.erase(it);
  hire(now);
  report(now);
  return true;
}

// Lowering the headcount: empty seats go first (newest first), then the seats of people who
// quit and are finishing a task (no backfill). Returns the seats that stay.
int StaffPool::shed_empty_seats(int staying, int target) {
  while (staying > target && !backfills_.empty()) {
    backfills_.pop_back();
    --staying;
  }
  for (Member &m : members_)
    if (staying > target && m.quitting) {
      m.quitting = false;
      m.leaving = true;
      ++leaving_;
      --staying;
    }
  return staying;
}

void StaffPool::set_headcount(int target, Time now) {
  // The seats that stay: everyone employed but those already leaving, and empty seats.
  int staying = employed_ - leaving_ + static_cast<int>(backfills_.size());
  if (target > staying) {
    // First cancel pending departures, newest first; then hire.
    std::vector<Person> leavers;
    for (Person p = 0; p < members_.size(); ++p)
      if (members_[p].leaving)
        leavers.push_back(p);
    std::sort(leavers.begin(), leavers.end(), [this](Person a, Person b) { return before(b, a); });
    for (const Person p : leavers) {
      if (staying == target)
        break;
      members_[p].leaving = false;
      --leaving_;
      ++staying;
    }
    while (staying < target) {
      hire(now);
      ++staying;
    }
  } else if (target < staying) {
    staying = shed_empty_seats(staying, target);
    // Idle people leave at once, newest first; then busy ones when their task ends.
    auto newest_first = [this](Person a, Person b) { return before(b, a); };
    std::sort(idle_.begin(), idle_.end(), newest_first);
    while (staying > target && !idle_.empty()) {
      const Person p = idle_.front();
      idle_.erase(idle_.begin());
      members_[p].employed = false;
      --employed_;
      --staying;
      vacant_.push_back(p);
    }
    std::make_heap(idle_.begin(), idle_.end(), [this](Person a, Person b) { return before(b, a); });
    std::vector<Person> busy;
    for (Person p = 0; p < members_.size(); ++p)
      if (members_[p].busy && !members_[p].leaving && !members_[p].quitting)
        busy.push_back(p);
    std::sort(busy.begin(), busy.end(), newest_first);
    for (std::size_t i = 0; staying > target && i < busy.size(); ++i) {
      members_[busy[i]].leaving = true;
      ++leaving_;
      --staying;
    }
  }
  report(now);
}

double StaffPool::productivity_sum(Time t) const {
  double sum = 0;
  for (const Member &m : members_)
    if (m.employed)
      sum += productivity(m, t);
  return sum;
}

bool StaffPool::ramping(Time t) const {
  if (ramp_days_ <= 0)
    return false;
  return std::any_of(members_.begin(), members_.end(),
                     [&](const Member &m) { return m.employed && t - m.hired < ramp_days_; });
}

void StaffPool::report(Time now) {
  recorder_.set(busy_level_, busy_, now);
  recorder_.set(employed_level_, employed_, now);
}

} // namespace salesfab::model
