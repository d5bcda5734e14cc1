#include "cli/interrupt.hpp"

#include <csignal>

namespace salesfab::cli {

namespace {
std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_signal(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL); // a second one ends the program at once
}
} // namespace

std::atomic<bool> &install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  return stop_requested;
}

} // namespace salesfab::cli
