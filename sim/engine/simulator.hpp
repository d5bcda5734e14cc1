#pragma once
// The event loop: a clock, the pending events and the dispatch to one handler. The engine is a
// template over the model's event type, so dispatch is a plain call the compiler can inline:
// no std::function and no allocation per event.

#include "engine/event_queue.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace salesfab::engine {

/// Why a run returned.
enum class RunEnd {
  reached_end, ///< every event due by the end time has run; the clock stands at the end time
  no_events,   ///< nothing was pending any more (run() without an end time)
  stopped,     ///< the handler called stop()
  event_limit, ///< the event limit was reached before the end
};

/// Runs the events of one simulation in time order. Event is the model's small plain event
/// type; a handler is any callable taking `const Event&`.
template <class Event> class Simulator {
public:
  /// The current simulation time: the time of the event being handled, or where a run ended.
  [[nodiscard]] Time now() const { return now_; }
  /// Events handled so far.
  [[nodiscard]] std::uint64_t events_processed() const { return processed_; }
  /// Live events pending.
  [[nodiscard]] std::size_t pending() const { return queue_.size(); }
  /// Entries held by the pending-event set, cancelled ones not yet purged included.
  [[nodiscard]] std::size_t pending_held() const { return queue_.held(); }

  /// Schedules an event at absolute time t >= now(). Scheduling into the past is a bug.
  EventId schedule_at(Time t, const Event &event) {
    if (!(t >= now_)) // also refuses NaN
      throw std::logic_error("Simulator::schedule_at: time before now or NaN");
    return queue_.push(t, event);
  }

  /// Schedules an event after a delay >= 0 (infinity is allowed and means never: the event is
  /// not scheduled and the returned handle is harmless).
  EventId schedule_after(Time delay, const Event &event) {
    if (!(delay >= 0))
      throw std::logic_error("Simulator::schedule_after: negative or NaN delay");
    if (std::isinf(delay))
      return EventId{};
    return queue_.push(now_ + delay, event);
  }

  /// Cancels a pending event; false when it already ran or was cancelled before.
  bool cancel(EventId id) { return queue_.cancel(id); }

  /// Stops the current run after the event being handled.
  void stop() { stop_requested_ = true; }

  /// Stops any run once this many events have been handled in all (a guard against runaways).
  void set_event_limit(std::uint64_t limit) { event_limit_ = limit; }

  /// Runs every event due at or before `end`, in order, then sets the clock to `end`. An event
  /// scheduled exactly at `end` runs (so does one it schedules at `end` itself).
  template <class Handler> RunEnd run_until(Time end, Handler &&handler) {
    if (!(end >= now_))
      throw std::logic_error("Simulator::run_until: end before now or NaN");
    const RunEnd why = loop(end, handler);
    if (why == RunEnd::reached_end || why == RunEnd::no_events) {
      now_ = end;
      return RunEnd::reached_end;
    }
    return why;
  }

  /// Runs until no event is pending (or the handler stops it).
  template <class Handler> RunEnd run(Handler &&handler) {
    return loop(std::numeric_limits<Time>::infinity(), handler);
  }

  /// Handles the next event, if any; false when none was pending.
  template <class Handler> bool step(Handler &&handler) {
    if (queue_.empty())
      return false;
    const auto entry = queue_.pop();
    now_ = entry.time;
    ++processed_;
    handler(entry.payload);
    return true;
  }

  /// Forgets all pending events and resets the clock to zero.
  void reset() {
    queue_.clear();
    now_ = 0;
    processed_ = 0;
    stop_requested_ = false;
  }

  /// Reserves room for n pending events.
  void reserve(std::size_t n) { queue_.reserve(n); }

private:
  template <class Handler> RunEnd loop(Time end, Handler &handler) {
    stop_requested_ = false;
    for (;;) {
      if (queue_.empty())
        return RunEnd::no_events;
      if (queue_.next_time() > end)
        return RunEnd::reached_end;
      if (processed_ >= event_limit_)
        return RunEnd::event_limit;
      const auto entry = queue_.pop();
      now_ = entry.time;
      ++processed_;
      handler(entry.payload);
      if (stop_requested_)
        return RunEnd::stopped;
    }
  }

  EventQueue<Event> queue_;
  Time now_ = 0;
  std::uint64_t processed_ = 0;
  std::uint64_t event_limit_ = std::numeric_limits<std::uint64_t>::max();
  bool stop_requested_ = false;
};

} // namespace salesfab::engine
