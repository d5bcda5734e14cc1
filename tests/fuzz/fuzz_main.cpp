// The libFuzzer entry point (clang -fsanitize=fuzzer): see tests/fuzz/README.md.
#include "fuzz/fuzz_one.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  salesfab::test::fuzz_one(data, size);
  return 0;
}
