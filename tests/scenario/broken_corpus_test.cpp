// The broken-file corpus: every file in tests/scenario/broken/ says in comments at its top what
// salesfab must report, as `# expect: LINE:COLUMN PATH: MESSAGE` (PATH `-` for the whole file;
// MESSAGE a part of the message). Each must be refused by the loader with those problems, and
// by the program with exit status 2 and the same lines.

#include "cli/support.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace salesfab;

namespace {

struct Expectation {
  int line = 0;
  int column = 0;
  std::string path;
  std::string message;
};

std::vector<Expectation> expectations(const std::string &text) {
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  const std::string tag = "# expect: ";
  while (std::getline(in, line)) {
    if (line.rfind(tag, 0) != 0)
      continue;
    Expectation e;
    std::istringstream fields(line.substr(tag.size()));
    char colon = 0;
    fields >> e.line >> colon >> e.column;
    fields >> std::ws;
    std::string rest;
    std::getline(fields, rest);
    const auto sep = rest.find(": ");
    e.path = rest.substr(0, sep);
    if (e.path == "-")
      e.path.clear();
    e.message = rest.substr(sep + 2);
    out.push_back(e);
  }
  return out;
}

std::vector<std::filesystem::path> corpus() {
  std::vector<std::filesystem::path> files;
  for (const auto &entry : std::filesystem::directory_iterator("tests/scenario/broken"))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

TEST_CASE("every broken file is refused with the expected file, line, column and path",
          "[scenario]") {
  const auto files = corpus();
  REQUIRE(files.size() >= 30);
  for (const auto &file : files) {
    INFO(file.string());
    const auto expected = expectations(test::read_file(file.string()));
    REQUIRE_FALSE(expected.empty());
    std::vector<scenario::Diagnostic> found;
    try {
      scenario::load_file(file.string());
    } catch (const scenario::ScenarioError &e) {
      found = e.diagnostics();
    }
    REQUIRE_FALSE(found.empty());
    for (const auto &want : expected) {
      INFO("expected " << want.line << ":" << want.column << " " << want.path << ": "
                       << want.message);
      const bool match = std::any_of(found.begin(), found.end(), [&](const auto &d) {
        return d.source == file.string() && d.line == want.line && d.column == want.column &&
               d.path == want.path && d.message.find(want.message) != std::string::npos;
      });
      if (!match)
        for (const auto &d : found)
          UNSCOPED_INFO("found: " << d.to_string());
      REQUIRE(match);
    }
    REQUIRE(found.size() == expected.size()); // nothing reported that the file does not expect
  }
}

TEST_CASE("salesfab validate refuses every broken file with exit status 2", "[scenario][cli]") {
  for (const auto &file : corpus()) {
    INFO(file.string());
    const auto r = test::run_salesfab({"validate", file.string()});
    REQUIRE(r.exit_status == 2);
    for (const auto &want : expectations(test::read_file(file.string()))) {
      const std::string place = file.string() + ":" + std::to_string(want.line) + ":" +
                                std::to_string(want.column) + ": " +
                                (want.path.empty() ? "" : want.path + ": ");
      REQUIRE_THAT(r.out, Catch::Contains(place));
    }
  }
}
