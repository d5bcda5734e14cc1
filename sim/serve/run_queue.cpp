#include "serve/run_queue.hpp"

#include "cli/command.hpp"
#include "model/factory.hpp"

#include <stdexcept>

namespace salesfab::serve {

std::string_view state_name(RunState state) {
  switch (state) {
  case RunState::queued:
    return "queued";
  case RunState::running:
    return "running";
  case RunState::done:
    return "done";
  case RunState::stopped:
    return "stopped";
  case RunState::failed:
    return "failed";
  }
  return "failed";
}

Run::Snapshot Run::snapshot() const {
  std::lock_guard lock(mutex_);
  Snapshot s;
  s.state = state_;
  s.done = done_;
  s.total = total_;
  s.error = error_;
  s.error_status = error_status_;
  if (state_ == RunState::done && comparison_)
    s.comparison = &*comparison_;
  return s;
}

void Run::wait() const {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return state_ != RunState::queued && state_ != RunState::running; });
}

void Run::finish(RunState state, std::string error, int status) {
  {
    std::lock_guard lock(mutex_);
    state_ = state;
    error_ = std::move(error);
    error_status_ = status;
  }
  changed_.notify_all();
}

// The command line's path: plan() applies replications and seed, launch() runs both variants
// with common random numbers under every guard, analysis::compare pairs them.
void Run::execute(int threads, std::uint64_t max_events) {
  if (stop_.load())
    return finish(RunState::stopped);
  {
    std::lock_guard lock(mutex_);
    state_ = RunState::running;
    total_ = 2 * static_cast<std::size_t>(what_if_.replications);
  }
  changed_.notify_all();
  cli::CommonOptions common;
  common.replications = what_if_.replications;
  common.seed = what_if_.seed;
  common.threads = threads;
  common.quiet = true;
  common.max_events = max_events;
  cli::LaunchOptions options;
  options.paired = true;
  cli::LaunchHooks hooks;
  hooks.stop = &stop_;
  hooks.progress = [this](const experiment::Progress &p) {
    std::lock_guard lock(mutex_);
    done_ = p.done;
    total_ = p.total;
  };
  try {
    cli::Outcome outcome =
        cli::launch(cli::plan(what_if_.files, common), what_if_.files, common, options, hooks);
    if (outcome.interrupted || outcome.finished().size() != 2)
      return finish(RunState::stopped);
    std::lock_guard lock(mutex_);
    outcome_ = std::move(outcome);
    const auto variants = outcome_->finished();
    comparison_ = analysis::compare(*variants[0], *variants[1]);
    done_ = total_;
  } catch (const model::RunawayError &e) {
    return finish(RunState::failed, e.what(), 400);
  } catch (const Error &e) {
    return finish(RunState::failed, e.what(), 400);
  } catch (const std::exception &e) {
    return finish(RunState::failed, std::string("internal error: ") + e.what(), 500);
  }
  finish(RunState::done);
}

RunQueue::RunQueue(int threads, const Limits &limits)
    : threads_(threads), limits_(limits), worker_([this] { work(); }) {}

RunQueue::~RunQueue() { shutdown(); }

std::shared_ptr<Run> RunQueue::submit(WhatIf what_if) {
  std::lock_guard lock(mutex_);
  if (closing_)
    throw RequestError(503, "the server is stopping");
  if (waiting_.size() >= limits_.max_waiting)
    throw RequestError(503, std::to_string(waiting_.size()) +
                                " what-ifs are waiting already: try again in a moment");
  auto run = std::make_shared<Run>("r" + std::to_string(next_id_++), std::move(what_if));
  waiting_.push_back(run);
  kept_.push_back(run);
  // Keep the newest finished runs; older ones are forgotten (whoever still holds one, a waiting
  // POST /api/compare, keeps it alive until it has answered).
  std::size_t finished = 0;
  for (auto it = kept_.rbegin(); it != kept_.rend(); ++it)
    if (const auto st = (*it)->snapshot().state; st != RunState::queued && st != RunState::running)
      ++finished;
  for (auto it = kept_.begin(); it != kept_.end() && finished > limits_.max_kept;) {
    const auto st = (*it)->snapshot().state;
    if (st == RunState::queued || st == RunState::running) {
      ++it;
      continue;
    }
    it = kept_.erase(it);
    --finished;
  }
  wake_.notify_one();
  return run;
}

std::shared_ptr<Run> RunQueue::find(std::string_view id) const {
  std::lock_guard lock(mutex_);
  for (const auto &run : kept_)
    if (run->id() == id)
      return run;
  return nullptr;
}

void RunQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    for (const auto &run : kept_)
      run->stop();
  }
  wake_.notify_all();
  if (worker_.joinable())
    worker_.join();
}

void RunQueue::work() {
  for (;;) {
    std::shared_ptr<Run> run;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return closing_ || !waiting_.empty(); });
      if (waiting_.empty())
        return;
      run = std::move(waiting_.front());
      waiting_.pop_front();
      if (closing_)
        run->stop();
    }
    run->execute(threads_, limits_.max_events);
  }
}

} // namespace salesfab::serve
