#include "scenario/loader.hpp"
#include "scenario/writer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace salesfab::scenario;

TEST_CASE("key paths name every key of the complete scenario, in order", "[scenario]") {
  const auto file = load_default();
  const auto paths = key_paths(file.variants.front().parameters);
  auto at = [&](const std::string &p) { return std::find(paths.begin(), paths.end(), p); };
  REQUIRE(at("staff") != paths.end());
  REQUIRE(at("staff.account_manager") != paths.end());
  REQUIRE(at("staff.account_manager.headcount") != paths.end());
  REQUIRE(at("funnel.stages[1].conversion.new") != paths.end());
  // Written order: a node comes before the keys below it.
  REQUIRE(at("staff.account_manager") < at("staff.account_manager.headcount"));
  REQUIRE(std::find(paths.begin(), paths.end(), "") == paths.end());
}

TEST_CASE("every key path completion offers is one --set accepts", "[scenario]") {
  // Each key, set to the value it has, gives the same scenario back: a key that --set refused,
  // or read as another, would change it or throw.
  for (const char *path : {"scenarios/basis.yaml", "scenarios/validation/funnel-chain.yaml"}) {
    const auto file = load_file(path);
    const std::string complete = to_yaml(file.variants.front().parameters);
    const auto complete_file = load_text(complete, "(complete)");
    const auto paths = key_paths(file.variants.front().parameters);
    REQUIRE(paths.size() > 50);
    for (const std::string &key : paths) {
      INFO(path << ": " << key);
      auto value = value_at(complete_file, key);
      REQUIRE(value);
      // Text that YAML would read as a map (a title with ": ") is written as a quoted scalar.
      if (value->find(": ") != std::string::npos && value->front() != '{' && value->front() != '[')
        value = "'" + *value + "'";
      const std::vector<Override> set{parse_override(key + "=" + *value)};
      const auto again = load_text(complete, "(complete)", set);
      REQUIRE(to_yaml(again.variants.front().parameters) == complete);
    }
  }
}
