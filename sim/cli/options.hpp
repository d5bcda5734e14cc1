#pragma once
// The options that mean the same in every subcommand (cli.md), parsed once, here.

#include "analysis/output/format.hpp"
#include "analysis/present/words.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <boost/program_options.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
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
  example    ///< --example NAME: a shipped scenario, taken as a file in the order given
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

/// Parses a subcommand's arguments: options of `description`, the rest are files.
/// Throws UsageError (exit 2) for anything malformed.
Parsed parse(std::span<const std::string> args,
             const boost::program_options::options_description &description, CommonOptions &common);

} // namespace salesfab::cli
