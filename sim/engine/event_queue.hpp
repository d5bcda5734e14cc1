#pragma once
// The pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990), the priority queue
// made for keys that never go below the last one taken out, which is exactly a discrete-event
// clock. Keys are (time, sequence number) as one 128-bit number, so equal times come out in the
// order they were scheduled. Kept behind this one small interface so that another structure
// could replace it without touching the model; the benchmark in tests/bench compares it with a
// plain binary heap.

#include "engine/seq_set.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace salesfab::engine {

/// Simulation time. The engine gives it no unit; the model counts in days.
using Time = double;

/// Handle of a scheduled event: its place in the total order of events, so that the queue can
/// tell a pending event from one that has already run. Stale handles are harmless.
struct EventId {
  Time time = INFINITY;                  ///< when the event is due
  std::uint64_t seq = ~std::uint64_t{0}; ///< order of scheduling; breaks ties of equal times
  friend bool operator==(const EventId &, const EventId &) = default;
};

/// The pending events of one simulation, earliest first; equal times come out in the order they
/// were pushed. Payload is the model's small plain event type (a kind and an id, say).
///
/// How it works: bucket b > 0 holds the events whose key first differs from the key of the last
/// minimum found (`last`) at bit b-1; bucket 0 holds that minimum itself. Pushing is one bit
/// scan and an append. Taking the minimum from an empty bucket 0 finds the lowest non-empty
/// bucket, its smallest key becomes `last`, and its events move to lower buckets; an event moves
/// at most 128 times in its life and in practice a handful. All of it streams through plain
/// vectors: no allocation per event once they have grown, few cache misses.
///
/// Keys below `last` (possible only after next_time() looked ahead and the caller then scheduled
/// something earlier than the event it saw) go to a small binary heap that is served first.
///
/// Cancellation is lazy: a cancelled event's number is remembered and the event is dropped when
/// it comes out, or when cancelled events outnumber live ones and all are filtered at once.
template <class Payload> class EventQueue {
  static_assert(std::is_trivially_copyable_v<Payload>, "events must be small plain values");

public:
  /// One pending event.
  struct Entry {
    Time time;
    Payload payload;
  };

  /// Schedules payload at time t and returns its handle. t must not be NaN, and no event may be
  /// pushed before the last one popped (the Simulator guarantees both).
  EventId push(Time t, const Payload &payload) {
    if (std::isnan(t))
      throw std::logic_error("EventQueue::push: time is NaN");
    const Item item{to_bits(t), next_seq_++, payload};
    if (item.time_bits < last_time_ || (item.time_bits == last_time_ && item.seq < last_seq_)) {
      early_.push_back(item);
      std::push_heap(early_.begin(), early_.end(), later);
    } else {
      put(item);
    }
    ++live_;
    return EventId{t + 0.0, item.seq};
  }

  /// Marks a pending event as cancelled. Returns false (and does nothing) when the event has
  /// already been popped or cancelled.
  bool cancel(EventId id) {
    if (id.seq >= next_seq_ || id.seq < first_seq_ || std::isnan(id.time))
      return false;
    const std::uint64_t t = to_bits(id.time);
    if (t < done_time_ || (t == done_time_ && id.seq <= done_seq_))
      return false; // it ran (or was dropped) already
    if (dropped_head_ < dropped_.size() &&
        std::binary_search(dropped_.begin() + static_cast<std::ptrdiff_t>(dropped_head_),
                           dropped_.end(), Key{t, id.seq}))
      return false; // cancelled before, and filtered out with others since
    if (!cancelled_.insert(id.seq))
      return false;
    --live_;
    if (cancelled_.size() > 1024 && cancelled_.size() > live_)
      drop_cancelled();
    return true;
  }

  /// True when no live event is pending.
  [[nodiscard]] bool empty() const { return live_ == 0; }
  /// Number of live (not cancelled) pending events.
  [[nodiscard]] std::size_t size() const { return live_; }
  /// Number of events physically held, cancelled ones not yet dropped included.
  [[nodiscard]] std::size_t held() const { return live_ + cancelled_.size(); }

  /// Time of the earliest live event. Precondition: !empty().
  Time next_time() { return from_bits(front().time_bits); }

  /// Removes and returns the earliest live event. Precondition: !empty().
  Entry pop() {
    const Item item = front();
    remove_front();
    --live_;
    done_time_ = item.time_bits;
    done_seq_ = item.seq;
    if (dropped_head_ < dropped_.size())
      forget_dropped_before_done();
    return Entry{from_bits(item.time_bits), item.payload};
  }

  /// Reserves room for about n pending events.
  void reserve(std::size_t n) { buckets_.back().reserve(n); }

  /// Forgets every pending event; handles given out before stay harmless.
  void clear() {
    for (auto &b : buckets_)
      b.clear();
    mask_ = {};
    early_.clear();
    cancelled_.clear();
    dropped_.clear();
    dropped_head_ = 0;
    live_ = 0;
    last_time_ = last_seq_ = done_time_ = done_seq_ = 0;
    first_seq_ = next_seq_;
  }

private:
  struct Item {
    std::uint64_t time_bits;
    std::uint64_t seq;
    Payload payload;
  };
  struct Key { // an event's place in the order: time, then sequence number
    std::uint64_t time_bits;
    std::uint64_t seq;
    friend auto operator<=>(const Key &, const Key &) = default;
  };
  static constexpr unsigned bucket_count = 129;

  // Maps a time to 64 bits whose unsigned order is the order of the times (IEEE 754: flip all
  // bits of negatives, set the sign bit of the rest); -0 is taken as +0.
  static std::uint64_t to_bits(Time t) {
    const auto b = std::bit_cast<std::uint64_t>(t + 0.0);
    return (b >> 63) ? ~b : b | (std::uint64_t{1} << 63);
  }
  static Time from_bits(std::uint64_t b) {
    return std::bit_cast<Time>((b >> 63) ? b & ~(std::uint64_t{1} << 63) : ~b);
  }
  static bool later(const Item &a, const Item &b) { // heap order for early_: min at front
    return a.time_bits > b.time_bits || (a.time_bits == b.time_bits && a.seq > b.seq);
  }

  // Position of the highest bit in which the item's key differs from `last`, plus one.
  [[nodiscard]] unsigned bucket_of(const Item &item) const {
    if (const std::uint64_t dt = item.time_bits ^ last_time_)
      return 128 - static_cast<unsigned>(std::countl_zero(dt));
    if (const std::uint64_t ds = item.seq ^ last_seq_)
      return 64 - static_cast<unsigned>(std::countl_zero(ds));
    return 0;
  }

  void put(const Item &item) {
    const unsigned b = bucket_of(item);
    buckets_[b].push_back(item);
    mask_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }

  // Brings the smallest held key into bucket 0 (bucket 0 is empty, some bucket is not).
  void refill() {
    unsigned b = 0;
    for (unsigned w = 0; w < mask_.size(); ++w)
      if (mask_[w] != 0) {
        b = w * 64 + static_cast<unsigned>(std::countr_zero(mask_[w]));
        break;
      }
    std::vector<Item> &source = buckets_[b];
    auto min = source.begin();
    for (auto i = source.begin() + 1; i < source.end(); ++i)
      if (later(*min, *i))
        min = i;
    last_time_ = min->time_bits;
    last_seq_ = min->seq;
    mask_[b >> 6] &= ~(std::uint64_t{1} << (b & 63));
    for (const Item &item : source) // every one lands in a bucket below b
      put(item);
    source.clear();
  }

  // The earliest live event, dropping cancelled ones on the way.
  const Item &front() {
    for (;;) {
      const Item *item;
      if (!early_.empty()) {
        item = &early_.front();
      } else {
        if (buckets_[0].empty())
          refill();
        item = &buckets_[0].back();
      }
      if (cancelled_.size() == 0 || !cancelled_.erase(item->seq))
        return *item;
      remember_dropped(Key{item->time_bits, item->seq});
      remove_front();
    }
  }

  void remove_front() {
    if (!early_.empty()) {
      std::pop_heap(early_.begin(), early_.end(), later);
      early_.pop_back();
    } else {
      buckets_[0].pop_back(); // bucket 0 holds one event at most: keys are unique
      mask_[0] &= ~std::uint64_t{1};
    }
  }

  // Filters every cancelled event out at once. Their keys are kept (sorted) until the clock
  // passes them, so that cancelling one of them again is still answered correctly.
  void drop_cancelled() {
    std::vector<Key> keys(dropped_.begin() + static_cast<std::ptrdiff_t>(dropped_head_),
                          dropped_.end());
    auto is_cancelled = [&](const Item &item) {
      if (!cancelled_.contains(item.seq))
        return false;
      keys.push_back(Key{item.time_bits, item.seq});
      return true;
    };
    for (unsigned b = 0; b < bucket_count; ++b) {
      std::erase_if(buckets_[b], is_cancelled);
      if (buckets_[b].empty())
        mask_[b >> 6] &= ~(std::uint64_t{1} << (b & 63));
    }
    std::erase_if(early_, is_cancelled);
    std::make_heap(early_.begin(), early_.end(), later);
    cancelled_.clear();
    std::sort(keys.begin(), keys.end());
    dropped_ = std::move(keys);
    dropped_head_ = 0;
  }

  // A cancelled event dropped as it surfaced (the clock may not have reached it yet:
  // next_time() drops too). Usually the list is empty and this is one push_back.
  void remember_dropped(Key key) {
    const auto begin = dropped_.begin() + static_cast<std::ptrdiff_t>(dropped_head_);
    dropped_.insert(std::lower_bound(begin, dropped_.end(), key), key);
  }

  void forget_dropped_before_done() {
    const Key done{done_time_, done_seq_};
    while (dropped_head_ < dropped_.size() && !(done < dropped_[dropped_head_]))
      ++dropped_head_;
    if (dropped_head_ == dropped_.size()) {
      dropped_.clear();
      dropped_head_ = 0;
    }
  }

  std::array<std::vector<Item>, bucket_count> buckets_;
  std::array<std::uint64_t, 3> mask_{}; // bit b set: bucket b is not empty
  std::vector<Item> early_;             // keys below `last`, as a min-heap
  detail::SeqSet cancelled_;
  std::vector<Key> dropped_; // cancelled and filtered out, not yet passed by the clock; sorted
  std::size_t dropped_head_ = 0;
  std::uint64_t last_time_ = 0, last_seq_ = 0; // the key the buckets are relative to
  std::uint64_t done_time_ = 0, done_seq_ = 0; // the last key popped
  std::uint64_t next_seq_ = 0;
  std::uint64_t first_seq_ = 0; // handles older than the last clear() are stale
  std::size_t live_ = 0;
};

} // namespace salesfab::engine
