#pragma once
// What run and compare share: reading the scenario files (reporting and skipping invalid ones),
// turning them into variants, running the experiment with a progress bar, Ctrl-C, --out and
// --resume, and writing the result files.

#include "cli/options.hpp"
#include "experiment/experiment.hpp"
#include "experiment/result_files.hpp"
#include "experiment/variant_table.hpp"
#include "scenario/loader.hpp"

#include <optional>
#include <ostream>
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
};

/// Every variant of every file, with --replications and --seed applied.
std::vector<PlannedVariant> plan(const std::vector<scenario::ScenarioFile> &files,
                                 const CommonOptions &common);

/// The results of a run from the command line.
struct Outcome {
  std::vector<PlannedVariant> planned;
  std::vector<std::optional<experiment::VariantRows>> rows; ///< empty: not finished
  experiment::RunStats stats;
  int resumed = 0;
  bool interrupted = false;
  /// The finished variants' tables, in order (empty entries for unfinished ones).
  [[nodiscard]] std::vector<std::optional<experiment::VariantTable>> tables() const;
};

/// Runs the planned variants (--threads, --max-events, progress bar unless --quiet, Ctrl-C).
/// With --out, each variant's rows are kept as soon as it finishes, and with --resume the
/// variants an earlier run finished there are taken as they are.
Outcome execute(std::vector<PlannedVariant> planned,
                const std::vector<scenario::ScenarioFile> &files, const CommonOptions &common);

/// Writes the result files into --out, plus `extra` (name, content) files, all atomically.
void write_results(const Outcome &outcome, const std::vector<scenario::ScenarioFile> &files,
                   const CommonOptions &common, const std::vector<std::string> &command_line,
                   const std::vector<std::pair<std::string, std::string>> &extra = {});

/// Says on `err` what an interrupted run did not finish, and what was kept.
void report_interrupted(const Outcome &outcome, const CommonOptions &common, std::ostream &err);

/// The run.json-style line on stderr: events simulated and events per second.
void report_speed(const Outcome &outcome, std::ostream &err);

/// Exit status: 2 when a file was invalid, 1 when interrupted, else 0.
int exit_status(const Scenarios &scenarios, const Outcome &outcome);

} // namespace salesfab::cli
