#pragma once
// The HTTP side of `salesfab serve`, on cpp-httplib: every request goes to the Api as it is;
// nothing but the Api's answers is served (no file of the disk, ever). Bodies over the limit are
// refused by the library before they are read whole (413).

#include "serve/api.hpp"

#include <memory>
#include <string>

namespace salesfab::serve {

/// A listening server.
class Server {
public:
  /// Binds `host`:`port` (0: a free port). Throws Error when it cannot.
  Server(Api &api, const std::string &host, int port);
  ~Server();
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;
  /// The port bound.
  [[nodiscard]] int port() const { return port_; }
  /// Answers requests until stop(); HTTP requests are answered on a pool of threads.
  void run();
  /// Makes run() return (from any thread).
  void stop();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

} // namespace salesfab::serve
