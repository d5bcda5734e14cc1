#pragma once
// The scenario layer's door: a scenario file (or the built-in default) in, its variants out —
// each a name and a complete model::Parameters — or a ScenarioError listing every problem with
// file:line:column, key path and what was expected. The only code that reads YAML.

#include "model/parameters.hpp"
#include "scenario/diagnostic.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salesfab::scenario {

/// The most replications one variant may have, from the file or the command line: more would
/// run for days (see the README's resource limits).
inline constexpr int max_replications = 100000;

/// One `--set KEY=VALUE`: a dotted key path (with [i] for list items) and a YAML value. A
/// value `+N`, `-N` or `*F` changes the file's number relative to what it is (for a role's
/// headcount: its whole plan, staff.changes included); the same holds for a sweep's values.
struct Override {
  std::string path;  ///< e.g. funnel.stages[1].conversion.new
  std::string value; ///< e.g. 0.55, or {dist: exponential, mean: 3}
  /// "KEY=VALUE" as the user wrote it.
  [[nodiscard]] std::string text() const { return path + "=" + value; }
};

/// Parses "KEY=VALUE". Throws ScenarioError when there is no '=' or the key is not a path.
Override parse_override(std::string_view text);

/// One variant of a scenario: the whole file, or one point of its sweep.
struct Variant {
  std::string name; ///< the scenario's name, or e.g. basis[staff.account_executive.headcount=4]
  std::vector<std::pair<std::string, std::string>> settings; ///< the sweep's key=value pairs
  model::Parameters parameters;
  /// Where values that only later layers can check were read (run.precision_metrics[i]): a
  /// diagnostic without its message, keyed by path.
  std::map<std::string, Diagnostic> positions;
};

/// A scenario file, read and checked.
struct ScenarioFile {
  std::string source;            ///< the path, or "(built-in basis)"
  std::string text;              ///< the file's bytes, as read
  std::vector<Variant> variants; ///< one, or one per point of the sweep
  /// What is allowed but probably not meant (a change beyond the horizon, an absolute headcount
  /// the plan overrides later): each `FILE:LINE:COLUMN: key.path: message`, for stderr.
  std::vector<std::string> warnings;
  std::vector<Override> overrides; ///< the settings applied to every variant (--set)
};

/// Reads and checks a scenario file; `overrides` apply to every variant after the sweep.
/// Throws ScenarioError (also for a missing or unreadable file).
ScenarioFile load_file(const std::string &path, std::span<const Override> overrides = {});

/// Reads and checks scenario text; `source` names it in messages.
ScenarioFile load_text(std::string text, const std::string &source,
                       std::span<const Override> overrides = {});

/// The built-in default scenario (scenarios/basis.yaml, compiled into the program).
ScenarioFile load_default(std::span<const Override> overrides = {});

/// The text of the built-in default scenario.
std::string_view default_scenario_text();

/// The text of the value at a key path in the file as written (a scalar as it stands, anything
/// else in flow style); empty when the file does not write that key. Throws ScenarioError for a
/// path that is not one.
std::optional<std::string> value_at(const ScenarioFile &file, std::string_view path);

/// Every key path of a scenario complete with its defaults (as `validate --print` writes it), in
/// the order written: each map key and list item, the leaves and the nodes above them, e.g.
/// "funnel.stages[1].conversion.new". What `--set` may name; shell completion offers them.
std::vector<std::string> key_paths(const model::Parameters &parameters);

/// How many variants a file may have at most.
inline constexpr std::size_t max_variants = 1000;

} // namespace salesfab::scenario
