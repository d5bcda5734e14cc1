#pragma once
// The root of salesfab's own exceptions. Lives in the lowest layer so that every layer can
// throw and catch it; it names nothing of sales.

#include <stdexcept>
#include <string>

namespace salesfab {

/// Root of every error salesfab reports to its user (bad input, environment failures).
/// A broken precondition inside the code is a bug and throws std::logic_error instead.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace salesfab
