#pragma once
// A shard's manifest, shard.json: what a shard of a run (`--shard K/N`) was part of and which
// part it holds, so that `salesfab merge` can check that shards belong together and join them
// into the files one machine would have written. It carries the scenario files' text, so the
// merge needs nothing but the shard folders.

#include "analysis/output/result_folder.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesfab::output {

/// A scenario file of a sharded run.
struct ShardScenario {
  std::string path;
  std::string sha256;
  std::string text;                   ///< the file's bytes, to rebuild its variants
  std::vector<std::string> overrides; ///< KEY=VALUE settings applied to each of its variants
};

/// One variant of a sharded run and the slice of its replications a shard holds.
struct ShardVariant {
  std::string scenario;
  std::string variant;
  std::size_t file = 0;          ///< into the manifest's scenarios
  std::size_t index_in_file = 0; ///< which of the file's variants (sweep point)
  std::uint64_t seed = 0;
  int replications = 0;
  std::size_t from = 0; ///< the shard's replications [from, to) (from == to: none)
  std::size_t to = 0;
  std::string part; ///< the part file in .salesfab-parts/ (empty: none)
};

/// The manifest of one shard.
struct ShardManifest {
  std::string version;
  std::string command;                   ///< run or compare
  std::vector<std::string> command_line; ///< without --shard and --resume
  std::size_t index = 0;                 ///< K, from 1
  std::size_t count = 0;                 ///< N
  std::string source;                    ///< where K/N came from: --shard or a variable's name
  std::size_t work_total = 0;            ///< replications of all variants together
  std::size_t work_from = 0;             ///< the shard's part of that work list: [from, to)
  std::size_t work_to = 0;
  std::vector<ShardScenario> scenarios;
  std::vector<ShardVariant> variants;
  int threads = 1;
  double wall_seconds = 0;
  std::uint64_t events = 0;
};

/// shard.json's text.
std::string shard_json(const ShardManifest &manifest);

/// Reads shard.json's text; throws std::runtime_error saying what is wrong with it.
ShardManifest read_shard_json(const std::string &text);

/// The file name of a shard's manifest.
inline constexpr const char *shard_manifest_name = "shard.json";

} // namespace salesfab::output
