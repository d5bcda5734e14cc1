#pragma once
// Random streams: one Boost.Random engine per random decision of the model, each seeded from
// (scenario seed, replication, stream name) by a fixed, documented hash. A stream's numbers
// therefore depend on nothing else: adding a stream, or drawing more often from one, never
// shifts another. This is what makes what-if comparisons sharp (common random numbers).

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <cstdint>
#include <string_view>

namespace salesfab::engine {

/// The bit generator behind every stream.
using RandomEngine = boost::random::mt19937_64;

/// SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) {
  std::uint64_t z = x + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// 64-bit FNV-1a hash of a name.
[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

/// The seed of one replication: splitmix64(splitmix64(seed) ^ replication).
[[nodiscard]] constexpr std::uint64_t replication_seed(std::uint64_t seed,
                                                       std::uint64_t replication) {
  return splitmix64(splitmix64(seed) ^ replication);
}

/// The seed of a stream: splitmix64(replication_seed(seed, replication) ^ fnv1a64(name)).
/// Documented in the README; tests pin its values, so it never changes by accident.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t replication,
                                                  std::string_view name) {
  return splitmix64(replication_seed(seed, replication) ^ fnv1a64(name));
}

/// A small generator that one entity of the model (an account, an opportunity) carries with it:
/// SplitMix64, eight bytes of state. Seeded from a draw of a decision's stream when the entity
/// is created, it gives that entity's decisions the same numbers whatever happens to others, so
/// variants of a scenario stay in step (common random numbers) as far as the entity's own path
/// allows. A uniform random bit generator for Boost.Random's distributions.
class EntityRandom {
public:
  using result_type = std::uint64_t;
  EntityRandom() = default;
  explicit EntityRandom(std::uint64_t seed) : state_(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }
  result_type operator()() {
    const std::uint64_t s = state_;
    state_ += 0x9E3779B97F4A7C15ULL;
    return splitmix64(s); // = the SplitMix64 generator's next output
  }
  /// A uniform number in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  /// True with probability p.
  bool bernoulli(double p) { return uniform01() < p; }
  /// An exponential variate of mean `mean` (Boost's ziggurat sampler).
  double exponential(double mean) {
    boost::random::exponential_distribution<double> unit(1.0);
    return mean * unit(*this);
  }

private:
  std::uint64_t state_ = 0;
};

/// One stream of random numbers for one kind of decision.
class RandomStream {
public:
  /// The stream `name` of replication `replication` of a run seeded with `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name)
      : engine_(stream_seed(seed, replication, name)) {}

  /// A uniform number in [0, 1) with 53 random bits, defined bit for bit on every platform.
  double uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  /// True with probability p.
  bool bernoulli(double p) { return uniform01() < p; }

  /// An exponential variate of mean `mean` (Boost's ziggurat sampler).
  double exponential(double mean) {
    boost::random::exponential_distribution<double> unit(1.0);
    return mean * unit(engine_);
  }

  /// A uniform index in [0, n), n > 0.
  std::uint64_t index(std::uint64_t n);

  /// The engine itself, for Boost.Random distributions.
  RandomEngine &engine() { return engine_; }

private:
  RandomEngine engine_;
};

} // namespace salesfab::engine
