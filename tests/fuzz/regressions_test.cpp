// Every input that once broke salesfab (found by the fuzzer or by hand) goes through the same
// path as the fuzzer's: load, validate, write back, simulate briefly.

#include "cli/support.hpp"
#include "fuzz/fuzz_one.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("every fuzz regression input is handled without a crash", "[fuzz]") {
  int inputs = 0;
  for (const auto &dir : {"tests/fuzz/regressions", "tests/scenario/broken", "scenarios"}) {
    for (const auto &entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().extension() == ".md")
        continue;
      INFO(entry.path());
      const std::string bytes = salesfab::test::read_file(entry.path().string());
      salesfab::test::fuzz_one(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
      ++inputs;
    }
  }
  REQUIRE(inputs > 100);
}
