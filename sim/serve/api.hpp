#pragma once
// The server's answers, without the network: a request (method, path, query, body) in, a
// response (status, type, body) out. The HTTP server (server.hpp), the tests and the fuzz target
// all go through here.
//
//   GET    /                          the page
//   GET    /api/scenarios             [{name, title, levers: [{key, value, min, max, step,
//   label}]}] GET    /api/words                 the page's words (?lang=en|nl) POST   /api/compare
//   a what-if, answered when done: compare --format json's object POST   /api/runs a what-if
//   queued: 202 {id, state, done, total} GET    /api/runs/ID               its state and progress;
//   when done its comparison and view DELETE /api/runs/ID               stops it GET
//   /api/runs/ID/scenario.yaml the what-if as a scenario file GET    /api/runs/ID/comparison.csv
//   its comparison as CSV
//
// Errors are {"error": "..."}: 400 bad request, 404 unknown path or run, 405 wrong method, 409 a
// download of a run not done, 413 a body over the limit, 503 the queue full.

#include "analysis/present/words.hpp"
#include "serve/catalogue.hpp"
#include "serve/run_queue.hpp"
#include "serve/what_if.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace salesfab::serve {

/// A request as the API sees it.
struct Request {
  std::string method; ///< GET, POST, ...
  std::string path;   ///< without the query
  std::multimap<std::string, std::string> query;
  std::string body;
};

/// An answer.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// How a server was started.
struct Settings {
  int threads = 0;                                    ///< worker threads of each run (0: all cores)
  present::Language language = present::Language::en; ///< without ?lang
  Limits limits;
};

/// The API of one server.
class Api {
public:
  Api(Catalogue catalogue, const Settings &settings);
  /// Answers a request; never throws (a bug becomes 500 with its message).
  Response handle(const Request &request);
  /// Stops every run; what-ifs are refused from then on (503).
  void shutdown() { runs_.shutdown(); }
  [[nodiscard]] const Limits &limits() const { return settings_.limits; }

private:
  Response route(const Request &request);
  Response scenarios(const Request &request) const;
  Response words(const Request &request) const;
  Response compare(const Request &request);
  Response submit(const Request &request);
  Response run(const Request &request, const std::string &rest);
  [[nodiscard]] present::Language language(const Request &request) const;

  Catalogue catalogue_;
  Settings settings_;
  RunQueue runs_;
};

/// {"error": message} with that status.
Response error_response(int status, const std::string &message);

} // namespace salesfab::serve
