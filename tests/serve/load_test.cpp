// Load on 127.0.0.1 only: rounds of 60 what-ifs sent at once by a bounded set of clients, every
// answer checked against the same what-if asked alone, and the server's resident memory flat
// once the finished runs it keeps are at their limit.

#include "analysis/output/json.hpp"
#include "serve/server_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

using salesfab::output::Json;

namespace {

constexpr int clients = 60; // what-ifs in flight at once, each on its own connection
constexpr int kinds = 5;

std::string body(int kind) {
  return R"({"scenario": "basis", "replications": 2, "seed": )" + std::to_string(7 + kind) +
         R"(, "set": {"staff.account_manager.headcount": )" + std::to_string(kind) + "}}";
}

// One round: every client asks at the same moment; the number answered exactly as expected.
int round(const salesfab::test::TestServer &server, const std::vector<std::string> &expected) {
  std::atomic<int> right{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t)
    threads.emplace_back([&, t] {
      auto c = server.client();
      while (!go.load())
        std::this_thread::yield();
      const auto r = c->Post("/api/compare", body(t % kinds), "application/json");
      if (r && r->status == 200 && r->body == expected[static_cast<std::size_t>(t % kinds)])
        ++right;
      else if (!r)
        std::fprintf(stderr, "client %d: no answer (%s)\n", t,
                     httplib::to_string(r.error()).c_str());
      else
        std::fprintf(stderr, "client %d: status %d: %.200s\n", t, r->status, r->body.c_str());
    });
  go.store(true);
  for (auto &t : threads)
    t.join();
  return right.load();
}

} // namespace

TEST_CASE("60 what-ifs at once are all answered right, and memory stays flat", "[serve][load]") {
  salesfab::test::TestServer server({"--threads", "2"});
  std::vector<std::string> expected;
  {
    auto c = server.client();
    for (int k = 0; k < kinds; ++k) {
      const auto r = c->Post("/api/compare", body(k), "application/json");
      REQUIRE(r);
      REQUIRE(r->status == 200);
      REQUIRE(Json::parse(r->body)["metrics"].size() > 40);
      expected.push_back(r->body);
    }
  }
  // Two rounds fill the finished runs the server keeps (64); then memory must stay where it is.
  for (int r = 0; r < 2; ++r)
    REQUIRE(round(server, expected) == clients);
  const long settled = server.resident_kb();
  for (int r = 0; r < 3; ++r)
    REQUIRE(round(server, expected) == clients);
  const long after = server.resident_kb();
  INFO("VmRSS after 2 rounds " << settled << " kB, after 5 rounds " << after << " kB");
  CHECK(after <= settled + std::max(8192L, settled / 10));
  const auto result = server.stop();
  CHECK(result.exit_status == 0);
}
