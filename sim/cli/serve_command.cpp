// salesfab serve [FILE...]: the what-if page and its JSON API on a local web server
// (sim/serve). Ctrl-C stops it: runs under way stop, the server closes, exit status 0.

#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "serve/api.hpp"
#include "serve/server.hpp"

#include <chrono>
#include <iostream>
#include <thread>

namespace salesfab::cli {

namespace po = boost::program_options;

namespace {

serve::Catalogue catalogue(const CommonOptions &common) {
  if (common.files.empty())
    return serve::Catalogue::built_in();
  bool some_invalid = false;
  serve::Catalogue c = serve::Catalogue::from_paths(common.files, std::cerr, some_invalid);
  if (c.entries().empty())
    throw UsageError("no valid scenario to serve");
  return c;
}

// Stops the server on Ctrl-C or SIGTERM; ends when the server has stopped.
void watch(std::atomic<bool> &interrupted, const std::atomic<bool> &finished, serve::Server &server,
           serve::Api &api) {
  while (!finished.load()) {
    if (interrupted.load()) { // again and again: a stop before the server listens is lost
      api.shutdown();
      server.stop();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

} // namespace

int serve_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab serve [FILE|FOLDER...] [OPTIONS]\n\n"
      "Starts a local web server with the what-if page: pick a scenario, move its levers\n"
      "(people, hours, suspects, qualification, conversions, churn, brickwalling), run, and\n"
      "see base and what-if side by side with the paired differences and their intervals.\n"
      "Without FILE: the built-in scenario and the class lessons. The page's JSON API\n"
      "(GET /api/scenarios, POST /api/compare, ...) is described in sim/serve/README.md.\n"
      "Ctrl-C stops the server.",
      {Option::threads, Option::lang});
  description.add_options()("port", po::value<int>()->default_value(8080),
                            "P: the port (0: any free port)")(
      "host", po::value<std::string>()->default_value("127.0.0.1"),
      "H: the address to listen on (default: this machine only)");
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  const int port = parsed.values["port"].as<int>();
  if (port < 0 || port > 65535)
    throw UsageError("--port: expected 0 to 65535, got " + std::to_string(port));
  const std::string host = parsed.values["host"].as<std::string>();

  serve::Settings settings;
  settings.threads = common.threads.value_or(0);
  settings.language = common.language;
  serve::Api api(catalogue(common), settings);
  serve::Server server(api, host, port);
  std::atomic<bool> &interrupted = install_interrupt_handlers();
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::cout << "salesfab serve: http://" << shown << ":" << server.port() << "/\n";
  if (host != "127.0.0.1" && host != "localhost" && host != "::1")
    std::cout << "salesfab serve: listening on " << host
              << ": the page is reachable by others on the network\n";
  std::cout << "salesfab serve: Ctrl-C stops the server" << std::endl;
  std::atomic<bool> finished{false};
  std::thread watcher([&] { watch(interrupted, finished, server, api); });
  server.run();
  finished.store(true);
  watcher.join();
  api.shutdown();
  std::cout << "salesfab serve: stopped" << std::endl;
  return exit_ok;
}

} // namespace salesfab::cli
