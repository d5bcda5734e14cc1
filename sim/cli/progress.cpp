#include "cli/progress.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace salesfab::cli {

namespace {
std::string clock(double seconds) {
  const auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  return buffer;
}
} // namespace

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(std::size_t done, std::size_t total, std::optional<double> precision,
                         double target) {
  if (!enabled_ || total == 0)
    return;
  const std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(250))
    return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::string eta = done > 0 ? clock(elapsed / fraction - elapsed) : std::string("?");
  // With a precision goal the total is an estimate: say so, and how precise it is now.
  std::string goal;
  if (target > 0) {
    char buffer[96];
    if (precision)
      std::snprintf(buffer, sizeof buffer, " (~%zu), precision %.2f%% of %.2f%%", total - done,
                    *precision * 100, target * 100);
    else
      std::snprintf(buffer, sizeof buffer, " (~%zu), precision ? of %.2f%%", total - done,
                    target * 100);
    goal = buffer;
  }
  std::fprintf(stderr, "\r[%s] %zu/%s%zu replications%s, %s elapsed, ETA %s  ", bar.c_str(), done,
               target > 0 ? "~" : "", total, goal.c_str(), clock(elapsed).c_str(), eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  const std::lock_guard lock(mutex_);
  if (drawn_) {
    std::fprintf(stderr, "\r%*s\r", 79, "");
    std::fflush(stderr);
    drawn_ = false;
  }
}

} // namespace salesfab::cli
