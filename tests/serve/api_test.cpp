// The what-if server over HTTP: every status of its API, the numbers of `salesfab compare`, runs
// followed, stopped and downloaded, and Ctrl-C.

#include "analysis/output/json.hpp"
#include "cli/support.hpp"
#include "scenario/loader.hpp"
#include "serve/server_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

using salesfab::output::Json;
using salesfab::test::TestServer;

namespace {

constexpr const char *json_type = "application/json";

// The status and the parsed body of a POST; the body must be JSON whatever the status.
std::pair<int, Json> post(httplib::Client &c, const std::string &path, const std::string &body) {
  const auto r = c.Post(path.c_str(), body, json_type);
  REQUIRE(r);
  INFO(r->body);
  return {r->status, Json::parse(r->body)};
}

std::pair<int, Json> get(httplib::Client &c, const std::string &path) {
  const auto r = c.Get(path.c_str());
  REQUIRE(r);
  INFO(r->body);
  return {r->status, Json::parse(r->body)};
}

// The error of a refused request: its status and that it says something.
void require_error(const std::pair<int, Json> &answer, int status, const std::string &words) {
  INFO(answer.second.dump());
  CHECK(answer.first == status);
  REQUIRE(answer.second.contains("error"));
  CHECK_THAT(answer.second["error"].get<std::string>(), Catch::Contains(words));
}

} // namespace

TEST_CASE("serve answers 200 for the page, the scenarios and their levers", "[serve]") {
  TestServer server;
  auto c = server.client();
  const auto page = c->Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  // Self-contained: nothing fetched from elsewhere.
  for (const char *external : {"http://", "https://", "src=", "<link", "@import", "url("})
    CHECK(page->body.find(external) == std::string::npos);

  const auto [status, scenarios] = get(*c, "/api/scenarios");
  CHECK(status == 200);
  REQUIRE(scenarios.is_array());
  CHECK(scenarios.size() == 8); // the built-in basis and the seven lessons
  CHECK(scenarios[0]["name"] == "basis");
  bool am = false;
  for (const auto &l : scenarios[0]["levers"]) {
    CHECK(l["min"].get<double>() <= l["value"].get<double>());
    CHECK(l["value"].get<double>() <= l["max"].get<double>());
    CHECK(l["step"].get<double>() > 0);
    CHECK(!l["label"].get<std::string>().empty());
    if (l["key"] == "staff.account_manager.headcount") {
      am = true;
      CHECK(l["value"].get<double>() == 1);
    }
  }
  CHECK(am);
  const auto [nl_status, nl] = get(*c, "/api/scenarios?lang=nl");
  CHECK(nl_status == 200);
  CHECK(nl[0]["levers"][0]["label"] == "kwalificeerders: aantal mensen");
  const auto [words_status, words] = get(*c, "/api/words?lang=nl");
  CHECK(words_status == 200);
  CHECK(words["serve.run"] == "Start");
}

TEST_CASE("serve refuses bad requests with 400, 404, 405 and 413 in JSON", "[serve]") {
  TestServer server;
  auto c = server.client();
  require_error(post(*c, "/api/compare", "{"), 400, "not JSON");
  require_error(post(*c, "/api/compare", "[1, 2]"), 400, "JSON object");
  require_error(post(*c, "/api/compare", R"({"scenario": "nope"})"), 400,
                "unknown scenario 'nope'");
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "colour": 1})"), 400,
                "unknown field 'colour'");
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "set": {"staff.nope": 1}})"), 400,
                "staff.nope: unknown key");
  // The validator's own message for a value the contract refuses.
  require_error(post(*c, "/api/compare",
                     R"({"scenario": "basis", "set": {"staff.account_manager.headcount": -1}})"),
                400, "staff.account_manager.headcount: -1 is not a headcount");
  require_error(
      post(*c, "/api/compare",
           R"({"scenario": "basis", "set": {"market.segments[0].qualification_pass": 2}})"),
      400, "qualification_pass");
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "set": {"x": [1]}})"), 400,
                "expected a number");
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "replications": 0})"), 400,
                "at least 1");
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "seed": -4})"), 400,
                "whole number");
  // Over the resource limits: refused before anything runs, at once.
  const auto before = std::chrono::steady_clock::now();
  require_error(post(*c, "/api/compare", R"({"scenario": "basis", "replications": 201})"), 400,
                "the most this server runs");
  require_error(
      post(*c, "/api/compare", R"({"scenario": "basis", "set": {"time.horizon_days": 20000}})"),
      400, "time.horizon_days");
  require_error(
      post(*c, "/api/compare",
           R"({"scenario": "basis", "set": {"market.segments[0].suspects_per_week": 20000}})"),
      400, "accounts a replication");
  require_error(
      post(
          *c, "/api/compare",
          R"({"scenario": "basis", "replications": 200, "set": {"market.segments[0].suspects_per_week": 3000}})"),
      400, "accounts in all");
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));

  require_error(get(*c, "/nope"), 404, "nothing at /nope");
  require_error(get(*c, "/../../etc/passwd"), 404, "nothing at");
  require_error(get(*c, "/scenarios/basis.yaml"), 404, "nothing at");
  require_error(get(*c, "/api/runs/r999999"), 404, "no run");
  require_error(get(*c, "/api/runs/r1/other"), 404, "nothing at");

  require_error(get(*c, "/api/compare"), 405, "allowed: POST");
  require_error(post(*c, "/", "{}"), 405, "allowed: GET, HEAD");
  require_error(post(*c, "/api/scenarios", "{}"), 405, "allowed: GET, HEAD");
  const auto del = c->Delete("/api/scenarios");
  REQUIRE(del);
  CHECK(del->status == 405);
  CHECK(del->get_header_value("Allow") == "GET, HEAD");

  const std::string big = R"({"scenario": "basis", "pad": ")" + std::string(70 * 1024, 'x') + "\"}";
  require_error(post(*c, "/api/compare", big), 413, "over the limit");
  // And still answering after all that.
  CHECK(get(*c, "/api/words").first == 200);
}

TEST_CASE("POST /api/compare answers the numbers of salesfab compare --format json", "[serve]") {
  TestServer server({"--threads", "2"});
  auto c = server.client();
  struct Case {
    std::string body;
    std::vector<std::string> args;
  };
  const std::vector<Case> cases{
      {R"({"scenario": "basis", "set": {"customers.brickwalling.effect": 0.7, "staff.account_manager.headcount": 2}, "replications": 6, "seed": 11})",
       {"compare", "scenarios/basis.yaml", "--set", "customers.brickwalling.effect=0.7", "--set",
        "staff.account_manager.headcount=2", "--replications", "6", "--seed", "11"}},
      {R"({"scenario": "les-04-knelpunt", "set": {"funnel.stages[1].conversion": 0.55}, "replications": 5})",
       {"compare", "scenarios/les/04-knelpunt.yaml", "--set", "funnel.stages[1].conversion=0.55",
        "--replications", "5"}},
  };
  for (const Case &k : cases) {
    INFO(k.body);
    const auto [status, answer] = post(*c, "/api/compare", k.body);
    REQUIRE(status == 200);
    auto args = k.args;
    args.insert(args.end(), {"--format", "json", "--quiet"});
    const auto cli = salesfab::test::run_salesfab(args);
    REQUIRE(cli.exit_status == 0);
    const Json expected = Json::parse(cli.out);
    REQUIRE(expected.is_array());
    // The same object, number for number, as the command line's first alternative.
    CHECK(answer == expected[0]);
    CHECK(answer["metrics"].size() > 40);
  }
}

TEST_CASE("a run is queued and followed and downloaded and stopped", "[serve]") {
  TestServer server({"--threads", "2", "--lang", "nl"});
  auto c = server.client();
  const auto [status, queued] = post(
      *c, "/api/runs",
      R"({"scenario": "basis", "set": {"staff.account_manager.headcount": 2}, "replications": 4})");
  REQUIRE(status == 202);
  const std::string id = queued["id"];
  Json run;
  for (int i = 0; i < 1200; ++i) {
    run = get(*c, "/api/runs/" + id).second;
    if (run["state"] != "queued" && run["state"] != "running")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(run["state"] == "done");
  CHECK(run["done"] == run["total"]);
  CHECK(run["comparison"]["alternative"] == "basis {staff.account_manager.headcount=2}");
  const Json &view = run["view"];
  CHECK(view["rows"].size() == run["comparison"]["metrics"].size());
  CHECK_THAT(view["changes"][0].get<std::string>(),
             Catch::Equals("account managers: aantal mensen 2 (basis 1)"));
  CHECK(view["diagrams"]["base"].get<std::string>().rfind("<svg", 0) == 0);
  CHECK(view["report"].get<std::string>().find("<!DOCTYPE html>") != std::string::npos);
  // A significant rise in revenue is better, a significant fall in churn too.
  for (const auto &row : view["rows"])
    if (row["significant"] == true && (row["metric"] == "revenue_per_year"))
      CHECK(row["judgement"] == "better");

  const auto csv = c->Get(("/api/runs/" + id + "/comparison.csv").c_str());
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.rfind("scenario,variant,base_variant,metric,", 0) == 0);
  CHECK_THAT(csv->get_header_value("Content-Disposition"), Catch::Contains("attachment"));
  const auto yaml = c->Get(("/api/runs/" + id + "/scenario.yaml").c_str());
  REQUIRE(yaml);
  CHECK(yaml->status == 200);
  const auto file = salesfab::scenario::load_text(yaml->body, "what-if.yaml");
  CHECK(file.variants.front().parameters.staff[salesfab::model::Role::account_manager].headcount ==
        2);
  CHECK(file.variants.front().parameters.run.replications == 4);

  // A long run, stopped: it says so, and its results are not there (409).
  const auto [long_status, long_run] =
      post(*c, "/api/runs", R"({"scenario": "basis", "replications": 200})");
  REQUIRE(long_status == 202);
  const std::string long_id = long_run["id"];
  const auto stopped = c->Delete(("/api/runs/" + long_id).c_str());
  REQUIRE(stopped);
  CHECK(stopped->status == 200);
  for (int i = 0; i < 600; ++i) {
    run = get(*c, "/api/runs/" + long_id).second;
    if (run["state"] != "queued" && run["state"] != "running")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(run["state"] == "stopped");
  require_error(get(*c, "/api/runs/" + long_id + "/comparison.csv"), 409, "stopped");
}

TEST_CASE("Ctrl-C stops the server cleanly also during a run", "[serve]") {
  TestServer server({"--threads", "1"});
  auto c = server.client();
  const auto [status, run] = post(*c, "/api/runs", R"({"scenario": "basis", "replications": 200})");
  REQUIRE(status == 202);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  const auto result = server.stop();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  CHECK(result.exit_status == 0);
  CHECK_THAT(result.out, Catch::Contains("salesfab serve: stopped"));
  CHECK(result.err.empty());
}

TEST_CASE("serve refuses a port it cannot have and files that are not scenarios", "[serve]") {
  const auto bad = salesfab::test::run_salesfab({"serve", "--port", "70000"});
  CHECK(bad.exit_status == 2);
  const auto invalid = salesfab::test::run_salesfab({"serve", "tests/cli/data/invalid.yaml"});
  CHECK(invalid.exit_status == 2);
  CHECK_THAT(invalid.err, Catch::Contains("no valid scenario to serve"));
}

TEST_CASE("serve says so when it listens beyond this machine's loopback", "[serve]") {
  // 127.0.0.2 is a loopback address too, so the test reaches nobody; any host but 127.0.0.1 is
  // said to be reachable by others.
  const auto b = salesfab::test::start_salesfab({"serve", "--host", "127.0.0.2", "--port", "0"});
  std::string out;
  for (int i = 0; i < 600 && out.find("Ctrl-C") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    out = salesfab::test::read_file(b.out_path);
  }
  salesfab::test::send_signal(b, SIGINT);
  const auto result = salesfab::test::wait_for(b);
  CHECK(result.exit_status == 0);
  CHECK_THAT(result.out, Catch::Contains("http://127.0.0.2:"));
  CHECK_THAT(result.out, Catch::Contains("reachable by others"));
}
