#pragma once
// The options that mean the same in every subcommand (cli.md), parsed once, here.

#include "analysis/output/format.hpp"
#include "analysis/present/words.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <boost/program_options.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::cli {

/// The shared options a subcommand may take.
enum class Option {
  set,
  replications,
  seed,
  threads,
  out,
  resume,
  max_events,
  format,
  lang,
  quiet,
  precision, ///< --precision, --precision-metrics, --min-replications, --max-replications
  example,   ///< --example NAME: a shipped scenario, taken as a file in the order given
  shard      ///< --shard K/N
};

/// Which shard of a run this process runs: the K-th of N parts of the work.
struct ShardChoice {
  std::size_t index = 1; ///< K, from 1
  std::size_t count = 1; ///< N
  std::string source;    ///< "--shard", or the environment variables it was read from
};

/// Values of the shared options, and the positional files.
struct CommonOptions {
  std::vector<std::string> files;
  std::vector<std::string> sets;
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  std::optional<int> threads;
  std::optional<std::string> out;
  bool resume = false;
  std::uint64_t max_events = experiment::default_max_events; ///< per replication
  output::Format format = output::Format::table;
  present::Language language = present::Language::en;
  bool quiet = false;
  std::optional<double> precision;            ///< replicate until precise enough
  std::vector<std::string> precision_metrics; ///< watched (empty: the file's, or the key metrics)
  std::optional<int> min_replications;
  std::optional<int> max_replications;
  std::optional<ShardChoice> shard; ///< --shard K/N, or from the environment (resolve_shard)

  /// The options description for `--help`, with the chosen shared options.
  boost::program_options::options_description describe(const std::string &usage,
                                                       std::initializer_list<Option> which);
  /// The --set values, parsed (throws ScenarioError for a malformed one).
  [[nodiscard]] std::vector<scenario::Override> overrides() const;
};

/// The outcome of parsing.
struct Parsed {
  bool help = false;
  boost::program_options::variables_map values; ///< for a command's own options
};

/// The text given to `option` as a whole number >= 0: digits only, no sign (Boost's own
/// conversion takes "-1" for 2^64 - 1). Throws UsageError (exit 2) for anything else.
std::uint64_t whole_number(std::string_view option, const std::string &text);

/// The most shards a run may be cut into.
inline constexpr std::size_t max_shards = 1'000'000;

/// Parses "K/N" (1 <= K <= N <= max_shards); throws UsageError naming `what` otherwise.
ShardChoice parse_shard(const std::string &text, const std::string &what);

/// Without --shard: the shard of a Slurm job array (SLURM_ARRAY_TASK_ID, _MIN, _STEP and
/// _COUNT) or of a Kubernetes indexed Job (JOB_COMPLETION_INDEX, with the count in
/// SALESFAB_SHARD_COUNT), said on `err`. `getenv` reads a variable (nullptr: not set). Throws
/// UsageError for values that do not make a shard.
void resolve_shard(CommonOptions &common, const std::function<const char *(const char *)> &getenv,
                   std::ostream &err);

/// Parses a subcommand's arguments: options of `description`, the rest are files.
/// Throws UsageError (exit 2) for anything malformed.
Parsed parse(std::span<const std::string> args,
             const boost::program_options::options_description &description, CommonOptions &common);

} // namespace salesfab::cli
