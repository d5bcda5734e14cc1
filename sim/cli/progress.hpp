#pragma once
// A progress bar on stderr, drawn only when stderr is a terminal and not --quiet: replications
// done of total, time elapsed, estimated time left; redrawn at most four times a second.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>

namespace salesfab::cli {

/// The progress of a run.
class ProgressBar {
public:
  /// Draws only when `enabled` and stderr is a terminal.
  explicit ProgressBar(bool enabled);
  ProgressBar(const ProgressBar &) = delete;
  ProgressBar &operator=(const ProgressBar &) = delete;
  ~ProgressBar() { finish(); }

  /// `done` of `total` replications are finished (safe to call from any thread); with a
  /// precision goal also the precision reached so far.
  void update(std::size_t done, std::size_t total, std::optional<double> precision = {},
              double target = 0);
  /// Clears the bar's line.
  void finish();

private:
  bool enabled_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

} // namespace salesfab::cli
