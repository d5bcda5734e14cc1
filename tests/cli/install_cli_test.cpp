// What makes salesfab an installed tool: --version with its commit, the shipped scenarios by
// name (--example), and the hidden commands behind completion and the man page. The installed
// files themselves are checked by tests/package.
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>

using salesfab::test::run_salesfab;

namespace {
// What a shell command prints, or "" when it fails.
std::string shell(const std::string &command) {
  std::string out;
  if (FILE *pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe))
      out += buffer;
    if (pclose(pipe) != 0)
      return "";
  }
  return out;
}
} // namespace

TEST_CASE("salesfab --version says the version, the commit and the build type", "[cli]") {
  const auto r = run_salesfab({"--version"});
  REQUIRE(r.exit_status == 0);
  std::smatch m;
  const std::regex line(R"(salesfab (\d+\.\d+\.\d+) \(commit ([0-9a-f]{12}(-dirty)?|unknown), )"
                        R"((\w+) build\)\n)");
  REQUIRE(std::regex_match(r.out, m, line));
  // Built from this checkout (ctest runs in the source folder): the commit is one of its
  // commits (HEAD when built since the last commit; the build may be older than HEAD).
  if (!shell("git rev-parse --short=12 HEAD 2>/dev/null").empty()) {
    REQUIRE(m[2] != "unknown");
    const std::string commit = m[2].str().substr(0, 12);
    REQUIRE(shell("git rev-parse --verify --quiet " + commit + "^{commit}").substr(0, 12) ==
            commit);
  }
}

TEST_CASE("a shipped scenario by name (--example) runs as its file", "[cli]") {
  const auto by_name = run_salesfab(
      {"run", "--example", "les/01-basis", "--replications", "2", "--format", "csv", "--quiet"});
  const auto by_file = run_salesfab(
      {"run", "scenarios/les/01-basis.yaml", "--replications", "2", "--format", "csv", "--quiet"});
  REQUIRE(by_name.exit_status == 0);
  REQUIRE(by_name.out == by_file.out);
  const auto with_suffix =
      run_salesfab({"validate", "--example", "les/01-basis.yaml", "--example", "basis"});
  REQUIRE(with_suffix.exit_status == 0);
  REQUIRE(with_suffix.out.find("les/01-basis.yaml: ok") != std::string::npos);
}

TEST_CASE("files and examples keep the order given", "[cli]") {
  const auto r = run_salesfab({"validate", "scenarios/minimal.yaml", "--example",
                               "les/02-kwalificeren", "scenarios/basis.yaml"});
  REQUIRE(r.exit_status == 0);
  const auto minimal = r.out.find("minimal.yaml: ok");
  const auto lesson = r.out.find("les/02-kwalificeren.yaml: ok");
  const auto basis = r.out.find("scenarios/basis.yaml: ok");
  REQUIRE(minimal < lesson);
  REQUIRE(lesson < basis);
  REQUIRE(basis != std::string::npos);
}

TEST_CASE("an unknown example is invalid input that lists the examples", "[cli]") {
  const auto r = run_salesfab({"run", "--example", "les/99-nothing"});
  REQUIRE(r.exit_status == 2);
  REQUIRE(r.err.find("--example les/99-nothing: no such example in") != std::string::npos);
  REQUIRE(r.err.find("les/01-basis") != std::string::npos);
  REQUIRE(r.err.find("validation/funnel-chain") != std::string::npos);
  const auto escape = run_salesfab({"run", "--example", "../CMakeLists"});
  REQUIRE(escape.exit_status == 2);
}

TEST_CASE("the hidden commands answer but --help does not list them", "[cli]") {
  const auto help = run_salesfab({"--help"});
  REQUIRE(help.out.find("complete") == std::string::npos);
  REQUIRE(help.out.find("manpage") == std::string::npos);
  const auto complete = run_salesfab({"complete", "salesfab comp"});
  REQUIRE(complete.exit_status == 0);
  REQUIRE(complete.out == "compare\n");
  const auto man = run_salesfab({"manpage"});
  REQUIRE(man.exit_status == 0);
  REQUIRE(man.out.find(".TH SALESFAB 1") != std::string::npos);
  REQUIRE(man.out.find(".SS optimize") != std::string::npos);
}
