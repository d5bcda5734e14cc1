#pragma once
// SHA-256 (FIPS 180-4), to fingerprint the scenario files of a run in run.json. Written here
// rather than taken from a crypto library: it is a checksum, ~100 lines tested against the
// standard's test vectors, and saves every user a dependency.

#include <string>
#include <string_view>

namespace salesfab::output {

/// The SHA-256 digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

} // namespace salesfab::output
