#include "cli/support.hpp"

#include <catch2/catch.hpp>

using salesfab::test::run_salesfab;

TEST_CASE("salesfab --version prints the version", "[cli]") {
  const auto r = run_salesfab({"--version"});
  REQUIRE(r.exit_status == 0);
  REQUIRE(r.out.rfind("salesfab ", 0) == 0);
}

TEST_CASE("salesfab --help lists the commands and exit statuses", "[cli]") {
  const auto r = run_salesfab({"--help"});
  REQUIRE(r.exit_status == 0);
  REQUIRE(r.out.find("Usage: salesfab COMMAND") != std::string::npos);
  REQUIRE(r.out.find("Exit status") != std::string::npos);
}

TEST_CASE("an unknown command is an invalid-input error", "[cli]") {
  const auto r = run_salesfab({"frobnicate"});
  REQUIRE(r.exit_status == 2);
  REQUIRE(r.err.find("unknown command 'frobnicate'") != std::string::npos);
  REQUIRE(r.out.empty());
}

TEST_CASE("an unknown option is an invalid-input error", "[cli]") {
  const auto r = run_salesfab({"--frobnicate"});
  REQUIRE(r.exit_status == 2);
  REQUIRE(r.err.find("frobnicate") != std::string::npos);
}

TEST_CASE("no arguments at all prints the usage and exits 2", "[cli]") {
  const auto r = run_salesfab({});
  REQUIRE(r.exit_status == 2);
  REQUIRE(r.err.find("Usage") != std::string::npos);
}
