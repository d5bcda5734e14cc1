#include "serve/server.hpp"

#include <httplib.h>

#include <sys/socket.h>

namespace salesfab::serve {

struct Server::Impl {
  httplib::Server http;
};

namespace {

void answer(Api &api, const httplib::Request &req, httplib::Response &res) {
  Request request;
  request.method = req.method;
  request.path = req.path;
  for (const auto &[key, value] : req.params)
    request.query.emplace(key, value);
  request.body = req.body;
  const Response response = api.handle(request);
  res.status = response.status;
  for (const auto &[name, value] : response.headers)
    res.set_header(name, value);
  res.set_content(response.body, response.content_type);
}

} // namespace

Server::Server(Api &api, const std::string &host, int port) : impl_(std::make_unique<Impl>()) {
  auto &http = impl_->http;
  http.set_payload_max_length(api.limits().max_body);
  // Nothing of the page comes from elsewhere, and nothing may: the browser is told so.
  http.set_default_headers(
      {{"Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src "
                                   "'unsafe-inline'; img-src data:; frame-src 'self' data:"},
       {"X-Content-Type-Options", "nosniff"},
       {"Cache-Control", "no-store"}});
  const auto handler = [&api](const httplib::Request &req, httplib::Response &res) {
    answer(api, req, res);
  };
  const std::string any = R"(/.*)";
  http.Get(any, handler);
  http.Post(any, handler);
  http.Put(any, handler);
  http.Patch(any, handler);
  http.Delete(any, handler);
  http.Options(any, handler);
  // What the library refuses itself (413, a malformed request line) is said in JSON too.
  http.set_error_handler([](const httplib::Request &, httplib::Response &res) {
    if (!res.body.empty())
      return;
    const Response e =
        error_response(res.status, res.status == 413 ? "the request body is over the limit"
                                                     : "the request could not be read");
    res.set_content(e.body, e.content_type);
  });
  // cpp-httplib 0.11 listens with a backlog of 5: a burst of browsers (or the load test's 60
  // what-ifs at once) would overflow it and see connections reset. The socket is noted as it is
  // made, and listened on again with the system's backlog once bound (Linux updates it).
  socket_t listening = -1;
  http.set_socket_options([&listening](socket_t fd) {
    httplib::default_socket_options(fd);
    listening = fd;
  });
  port_ = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (port_ < 0)
    throw Error("cannot listen on " + host + ":" + std::to_string(port) +
                " (in use, or not an address of this machine)");
  if (listening >= 0)
    ::listen(listening, SOMAXCONN);
}

Server::~Server() = default;

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

} // namespace salesfab::serve
