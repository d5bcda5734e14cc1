#pragma once
// What the commands that run experiments share: reading the scenario files (reporting and
// skipping invalid ones), turning them into variants, and the one path that launches an
// experiment — with every guard the README promises, the progress bar, Ctrl-C, --out and
// --resume — and writing the result files.

#include "analysis/measure/result.hpp"
#include "cli/options.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <atomic>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace salesfab::cli {

/// The scenario files of a command, read and checked.
struct Scenarios {
  std::vector<scenario::ScenarioFile> files;
  bool some_invalid = false; ///< a file failed validation: reported and skipped
};

/// Reads the files (the built-in default when there are none and `default_when_empty`),
/// applying `overrides` to each. Invalid files are reported on `err` and skipped.
Scenarios load_scenarios(const std::vector<std::string> &paths,
                         const std::vector<scenario::Override> &overrides, bool default_when_empty,
                         std::ostream &err);

/// One variant to run and the file it comes from.
struct PlannedVariant {
  experiment::VariantSpec spec;
  std::size_t file;
  std::size_t index_in_file = 0; ///< which of the file's variants (its sweep point)
};

/// Every variant of every file, with --replications and --seed applied.
std::vector<PlannedVariant> plan(const std::vector<scenario::ScenarioFile> &files,
                                 const CommonOptions &common);

/// The results of a run from the command line.
struct Outcome {
  std::vector<PlannedVariant> planned;
  std::vector<std::optional<analysis::VariantResult>> results; ///< empty: not finished
  experiment::RunStats stats;
  int resumed = 0;
  bool interrupted = false;
  /// An MPI rank other than 0: it only simulated what rank 0 handed out; nothing to say or write.
  bool served = false;
  /// A shard (--shard K/N): each variant's replications it holds; empty otherwise.
  std::vector<experiment::Slice> slices;
  /// The finished variants, in order.
  [[nodiscard]] std::vector<const analysis::VariantResult *> finished() const;
};

/// Every metric a precision goal watches must be one of its variant's metrics (the analysis
/// layer's catalogue): throws ScenarioError with the file's line for a name from the file,
/// UsageError for one from --precision-metrics (both exit 2).
void check_precision_metrics(const std::vector<PlannedVariant> &planned,
                             const std::vector<scenario::ScenarioFile> &files,
                             const CommonOptions &common);

/// What a command asks of a launch beyond the common options.
struct LaunchOptions {
  bool keep_records = false; ///< keep each replication's raw record (analyze)
  bool paired = false;       ///< compare: with a precision goal, watch the paired differences
};

/// What a front end other than the command line (serve) follows a launch with.
struct LaunchHooks {
  /// The flag that stops the run; nullptr: Ctrl-C and SIGTERM (the command line's handlers).
  std::atomic<bool> *stop = nullptr;
  /// Told as replications finish, beside the progress bar (serve: a run's progress).
  std::function<void(const experiment::Progress &)> progress;
};

/// The one way the commands run experiments: --threads, --max-events and the accounts guard,
/// a progress bar unless --quiet, Ctrl-C; with --out, each variant is kept as soon as it
/// finishes, and with --resume the variants an earlier run finished there are taken as they are.
Outcome launch(std::vector<PlannedVariant> planned,
               const std::vector<scenario::ScenarioFile> &files, const CommonOptions &common,
               LaunchOptions options = {}, const LaunchHooks &hooks = {});

/// compare's scenarios: the base is the first variant of the first file, as written; the
/// alternatives are every other variant, or — with --set — the files' variants again with the
/// settings applied. Invalid files are reported on `err`.
Scenarios comparison_scenarios(const CommonOptions &common, std::ostream &err);

/// compare's check that the variants can be paired (the same replications or precision goal);
/// says on `err` why not. Other seeds are allowed, with a warning.
bool check_pairing(const std::vector<PlannedVariant> &planned, std::ostream &err);

/// The command line as run.json records it: "salesfab", the command, its arguments.
std::vector<std::string> command_line(std::string_view command, std::span<const std::string> args);

/// Writes the result files into --out, plus `extra` (name, content) files, all atomically.
void write_results(const Outcome &outcome, const std::vector<scenario::ScenarioFile> &files,
                   const CommonOptions &common, const std::vector<std::string> &command_line,
                   const std::vector<std::pair<std::string, std::string>> &extra = {});

/// A shard's end: keeps its parts and writes its manifest (shard.json) into --out; nothing when
/// interrupted.
void write_shard(const Outcome &outcome, const std::vector<scenario::ScenarioFile> &files,
                 const CommonOptions &common, const std::vector<std::string> &command_line);

/// A shard's whole ending for run and compare: its manifest written (or, interrupted, what was
/// kept said), a line on stderr; the exit status.
int finish_shard(const Scenarios &scenarios, const Outcome &outcome, const CommonOptions &common,
                 const std::vector<std::string> &command_line);

/// Refuses (UsageError) what a shard cannot do: no --out, a precision goal. `what` names the
/// command.
void check_shard(const std::vector<PlannedVariant> &planned, const CommonOptions &common);

/// Says on `err` what an interrupted run did not finish, and what was kept.
void report_interrupted(const Outcome &outcome, const CommonOptions &common, std::ostream &err);

/// One line of JSON on stderr: events simulated, wall time, events per second, threads.
void report_speed(const Outcome &outcome, std::ostream &err);

/// Exit status: 2 when a file was invalid, 1 when interrupted, else 0.
int exit_status(const Scenarios &scenarios, const Outcome &outcome);

} // namespace salesfab::cli
