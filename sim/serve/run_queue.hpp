#pragma once
// The runs of a server: what-ifs queued and run one after the other on the worker threads
// (each run's replications spread over all of them, as the command line does), through the one
// launch path of the command line (cli::launch): the same guards, the same numbers. Each run
// can be followed (replications done), stopped, and read when finished; the last few finished
// runs are kept for the page, older ones are dropped, so memory stays flat however long the
// server runs.

#include "analysis/measure/comparison.hpp"
#include "cli/session.hpp"
#include "serve/what_if.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace salesfab::serve {

/// Where a run is.
enum class RunState { queued, running, done, stopped, failed };
/// "queued", "running", "done", "stopped" or "failed".
std::string_view state_name(RunState state);

/// One what-if run.
class Run {
public:
  Run(std::string id, WhatIf what_if) : id_(std::move(id)), what_if_(std::move(what_if)) {}
  [[nodiscard]] const std::string &id() const { return id_; }
  [[nodiscard]] const WhatIf &what_if() const { return what_if_; }

  /// A consistent look at the run: state, progress and (when done) its outcome.
  struct Snapshot {
    RunState state = RunState::queued;
    std::size_t done = 0;  ///< replications finished (both variants)
    std::size_t total = 0; ///< replications planned
    std::string error;     ///< why it failed
    int error_status = 0;  ///< the HTTP status of the failure (400: the input, 500: a bug)
    /// When done: the comparison (pointing into the run's outcome, kept as long as the run).
    const analysis::Comparison *comparison = nullptr;
  };
  [[nodiscard]] Snapshot snapshot() const;
  /// Asks the run to stop (a queued run will not start).
  void stop() { stop_.store(true); }
  /// Waits until the run is done, stopped or failed.
  void wait() const;

private:
  friend class RunQueue;
  void execute(int threads, std::uint64_t max_events);
  void finish(RunState state, std::string error = {}, int status = 0);

  std::string id_;
  WhatIf what_if_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  RunState state_ = RunState::queued;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
  std::string error_;
  int error_status_ = 0;
  std::optional<cli::Outcome> outcome_;
  std::optional<analysis::Comparison> comparison_;
};

/// The queue of runs and the thread that works it.
class RunQueue {
public:
  /// `threads`: the worker threads of each run (0: all cores).
  RunQueue(int threads, const Limits &limits);
  ~RunQueue();
  RunQueue(const RunQueue &) = delete;
  RunQueue &operator=(const RunQueue &) = delete;

  /// Queues a what-if. Throws RequestError (503) when Limits::max_waiting runs wait already.
  std::shared_ptr<Run> submit(WhatIf what_if);
  /// The run of that id, while it is kept; nullptr otherwise.
  [[nodiscard]] std::shared_ptr<Run> find(std::string_view id) const;
  /// Stops every run and the queue's thread; submit refuses from then on.
  void shutdown();

private:
  void work();
  int threads_;
  Limits limits_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Run>> waiting_;
  std::deque<std::shared_ptr<Run>> kept_; ///< running and finished, newest last
  std::uint64_t next_id_ = 1;
  bool closing_ = false;
  std::thread worker_;
};

} // namespace salesfab::serve
