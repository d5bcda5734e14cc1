#pragma once
// One fuzz input through salesfab: the scenario loader and validator, the writer's round trip,
// and a very short simulation of whatever validates. Shared by the libFuzzer target and the
// regression test that replays every input the fuzzer ever broke salesfab with.

#include <cstddef>
#include <cstdint>

namespace salesfab::test {

/// Runs one input. Bad input must end in a ScenarioError, never a crash, a hang or another
/// exception: anything else is a finding (the function aborts so the fuzzer keeps it).
void fuzz_one(const std::uint8_t *data, std::size_t size);

} // namespace salesfab::test
