#pragma once
// A `salesfab serve` started for a test on a free port of 127.0.0.1, and a client for it.

#include "cli/support.hpp"

#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

namespace salesfab::test {

/// A running server; stopped (SIGINT) and waited for when it goes out of scope.
class TestServer {
public:
  explicit TestServer(const std::vector<std::string> &extra_args = {});
  ~TestServer();
  TestServer(const TestServer &) = delete;
  TestServer &operator=(const TestServer &) = delete;
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] int pid() const { return background_.pid; }
  /// A client of the server (a long read timeout: a what-if may wait in the queue).
  [[nodiscard]] std::unique_ptr<httplib::Client> client() const;
  /// Sends SIGINT and waits: the program's result.
  ProgramResult stop();
  /// The server's resident memory now, in kB (VmRSS).
  [[nodiscard]] long resident_kb() const;

private:
  Background background_;
  int port_ = 0;
  bool stopped_ = false;
};

} // namespace salesfab::test
