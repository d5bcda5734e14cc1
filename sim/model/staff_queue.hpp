#pragma once
// Work waiting for one role's staff: suspects for a qualifier, opportunities for an account
// executive. Entries come out smallest key first, equal keys in the order they came in (so a
// queue of one key is first come, first served). An entry that stopped waiting (gone cold,
// patience, max age, churn) stays in, stale, and is skipped when it comes up: the queue counts
// the live entries and keeps the role's queue level (recorder.hpp) equal to that count.

#include "model/recorder.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace salesfab::model {

/// A queue of `Item`s waiting for someone of one role.
template <class Item> class StaffQueue {
public:
  StaffQueue(Recorder &recorder, Role role) : recorder_(recorder), level_(queue_level(role)) {}

  /// `item` begins waiting at `now`, in the order of `key` (smallest first).
  void push(const Item &item, double key, Time now) {
    entries_.push_back(Entry{key, arrivals_++, item});
    std::push_heap(entries_.begin(), entries_.end(), later);
    ++waiting_;
    report(now);
  }
  /// One live entry stopped waiting without being served: its entry is stale from now on.
  void abandon(Time now) {
    --waiting_;
    report(now);
  }
  /// Takes the next entry that still waits (`live(item)` says whether it does); none when no
  /// entry waits.
  template <class Live> std::optional<Item> pop(Live live, Time now) {
    while (waiting_ > 0) {
      std::pop_heap(entries_.begin(), entries_.end(), later);
      const Item item = entries_.back().item;
      entries_.pop_back();
      if (!live(item))
        continue; // stale
      --waiting_;
      report(now);
      return item;
    }
    return std::nullopt;
  }
  /// Entries still waiting.
  [[nodiscard]] std::size_t waiting() const { return waiting_; }

private:
  struct Entry {
    double key;
    std::uint64_t order; // of arrival
    Item item;
  };
  // Heap order: the smallest key on top, ties by arrival.
  static bool later(const Entry &a, const Entry &b) {
    return a.key > b.key || (a.key == b.key && a.order > b.order);
  }
  void report(Time now) { recorder_.set(level_, static_cast<double>(waiting_), now); }

  Recorder &recorder_;
  Level level_;
  std::vector<Entry> entries_; // binary heap, see later()
  std::uint64_t arrivals_ = 0;
  std::size_t waiting_ = 0; // live entries
};

} // namespace salesfab::model
