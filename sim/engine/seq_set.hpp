#pragma once
// A set of event sequence numbers for the event queue's lazy cancellation.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace salesfab::engine::detail {

/// An open-addressing set of 64-bit numbers. Linear probing with backward-shift deletion; it
/// grows geometrically, so inserting does not allocate once its capacity fits.
class SeqSet {
public:
  /// Adds s; false when it was there already.
  bool insert(std::uint64_t s) {
    if ((size_ + 1) * 2 > slots_.size())
      grow();
    std::size_t i = home(s);
    while (slots_[i] != empty_) {
      if (slots_[i] == s)
        return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = s;
    ++size_;
    return true;
  }

  /// Removes s; false when it was not there.
  bool erase(std::uint64_t s) {
    if (size_ == 0)
      return false;
    std::size_t i = home(s);
    while (slots_[i] != s) {
      if (slots_[i] == empty_)
        return false;
      i = (i + 1) & mask_;
    }
    // Backward-shift deletion keeps every probe chain unbroken without tombstones: an entry
    // after the hole moves into it unless its home lies cyclically in (hole, entry].
    std::size_t hole = i;
    for (std::size_t j = (i + 1) & mask_; slots_[j] != empty_; j = (j + 1) & mask_) {
      const std::size_t h = home(slots_[j]);
      const bool stays = (hole < j) ? (hole < h && h <= j) : (hole < h || h <= j);
      if (!stays) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = empty_;
    --size_;
    return true;
  }

  /// True when s is in the set.
  [[nodiscard]] bool contains(std::uint64_t s) const {
    if (size_ == 0)
      return false;
    for (std::size_t i = home(s); slots_[i] != empty_; i = (i + 1) & mask_)
      if (slots_[i] == s)
        return true;
    return false;
  }

  /// How many numbers the set holds.
  [[nodiscard]] std::size_t size() const { return size_; }

  /// Empties the set, keeping its capacity.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), empty_);
    size_ = 0;
  }

private:
  static constexpr std::uint64_t empty_ = ~std::uint64_t{0}; // never a sequence number

  [[nodiscard]] std::size_t home(std::uint64_t s) const {
    return static_cast<std::size_t>((s * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  void grow() {
    std::vector<std::uint64_t> old;
    old.swap(slots_);
    const std::size_t capacity = old.empty() ? 64 : old.size() * 2;
    slots_.assign(capacity, empty_);
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    size_ = 0;
    for (const std::uint64_t s : old)
      if (s != empty_)
        insert(s);
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

} // namespace salesfab::engine::detail
