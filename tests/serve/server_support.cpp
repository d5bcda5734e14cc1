#include "serve/server_support.hpp"

#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <thread>

namespace salesfab::test {

TestServer::TestServer(const std::vector<std::string> &extra_args) {
  std::vector<std::string> args{"serve", "--port", "0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  background_ = start_salesfab(args);
  const std::regex address(R"(http://127\.0\.0\.1:([0-9]+)/)");
  for (int i = 0; i < 600 && port_ == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(background_.out_path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::smatch m;
    if (std::regex_search(text, m, address))
      port_ = std::stoi(m[1]);
  }
  if (port_ == 0) {
    stop();
    throw std::runtime_error("salesfab serve did not say its address within 30 s");
  }
}

TestServer::~TestServer() {
  if (!stopped_)
    stop();
}

std::unique_ptr<httplib::Client> TestServer::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
  c->set_read_timeout(600, 0);
  c->set_write_timeout(60, 0);
  c->set_connection_timeout(30, 0);
  return c;
}

ProgramResult TestServer::stop() {
  stopped_ = true;
  send_signal(background_, SIGINT);
  return wait_for(background_);
}

long TestServer::resident_kb() const {
  std::ifstream in("/proc/" + std::to_string(background_.pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stol(line.substr(6));
  throw std::runtime_error("no VmRSS for the server");
}

} // namespace salesfab::test
