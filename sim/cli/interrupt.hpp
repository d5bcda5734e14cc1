#pragma once
// Ctrl-C and SIGTERM: the first asks the run to stop (replications under way stop within a few
// thousand events, no file is left half-written); a second one ends the program at once.

#include <atomic>

namespace salesfab::cli {

/// Installs the handlers and returns the flag they set.
std::atomic<bool> &install_interrupt_handlers();

} // namespace salesfab::cli
