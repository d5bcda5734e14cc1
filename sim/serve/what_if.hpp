#pragma once
// A what-if as the API receives it — {"scenario": NAME, "set": {KEY: VALUE, ...},
// "replications": N, "seed": S} — read, checked against the scenario contract and the server's
// resource limits, and turned into the two scenario files `salesfab compare FILE --set ...`
// would run: the base (the scenario's first variant) and the alternative (the same with the
// settings, named "NAME {KEY=VALUE,...}").

#include "engine/error.hpp"
#include "scenario/loader.hpp"
#include "serve/catalogue.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::serve {

/// What one server allows a request: anything more is refused before it runs.
struct Limits {
  std::size_t max_body = 64 * 1024; ///< bytes of a request body (413 above)
  int max_replications = 200;       ///< per variant
  double max_horizon_days = 3650;   ///< ten years
  /// Accounts one replication may create (suspects over the horizon and the initial
  /// customers): the experiment's guard on accounts alive, checked before the run.
  double max_accounts = 2'000'000;
  /// Accounts a whole what-if may create, both variants and every replication together.
  double max_work = 40'000'000;
  std::uint64_t max_events = 200'000'000; ///< per replication (the runaway guard)
  std::size_t max_waiting = 256;          ///< runs queued at once (503 above)
  std::size_t max_kept = 64;              ///< finished runs kept for the page
};

/// A request the server refuses: its HTTP status and the message for {"error": ...}.
class RequestError : public Error {
public:
  RequestError(int status, const std::string &message) : Error(message), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

private:
  int status_;
};

/// A what-if, ready to run.
struct WhatIf {
  std::string scenario;              ///< the scenario's name
  std::vector<std::string> settings; ///< KEY=VALUE, as --set would take them
  int replications = 0;
  std::uint64_t seed = 0;
  /// The base and the alternative, one variant each, with replications and seed applied.
  std::vector<scenario::ScenarioFile> files;
};

/// Reads a request body. Throws RequestError: 400 for JSON that is not such an object, an
/// unknown scenario or field, a key or value the scenario contract refuses (the validator's
/// message) or a what-if over the limits; 413 for a body over Limits::max_body.
WhatIf read_what_if(std::string_view body, const Catalogue &catalogue, const Limits &limits);

} // namespace salesfab::serve
