#include "engine/random_stream.hpp"

#include <boost/random/uniform_int_distribution.hpp>

namespace salesfab::engine {

std::uint64_t RandomStream::index(std::uint64_t n) {
  boost::random::uniform_int_distribution<std::uint64_t> pick(0, n - 1);
  return pick(engine_);
}

} // namespace salesfab::engine
