#pragma once
// The result files of metrics.md: summary.csv, replications.csv, timeseries.csv and run.json,
// tidy and long. Every file is written whole or not at all: to a temporary name, then renamed.
// While a run goes on, each finished variant is kept as a part file under
// DIR/.salesfab-parts/, so a batch that was interrupted (even by kill -9) can be resumed: the
// variants whose parts are complete are read back instead of being computed again, and the
// final files come out the same as those of an uninterrupted run.

#include "analysis/measure/result.hpp"
#include "engine/error.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salesfab::output {

/// A problem with the output folder or the disk: an environment error (exit status 1).
class OutputError : public Error {
public:
  using Error::Error;
};

/// One scenario file of a run, for run.json.
struct ScenarioRun {
  std::string path;
  std::string sha256;
  std::uint64_t seed = 0;
  int replications = 0;
  std::vector<std::string> variants;
};

/// What run.json says of one shard of a merged run.
struct MergedShard {
  std::string folder;
  std::size_t index = 0; ///< K of K/N, from 1
  std::size_t count = 0;
  int threads = 1;
  double wall_seconds = 0;
};

/// What run.json says about the run.
struct RunInfo {
  std::string version;
  std::vector<std::string> command_line;
  std::vector<ScenarioRun> scenarios;
  int threads = 1;
  double wall_seconds = 0;
  std::uint64_t events = 0;
  int variants_resumed = 0; ///< taken from an interrupted run's parts (--resume)
  /// With --precision: what each variant reached, by variant name.
  std::vector<std::pair<std::string, analysis::PrecisionReport>> precision;
  /// A merged run: its shards (the wall time is then the longest shard's).
  std::vector<MergedShard> shards;
};

/// run.json's text.
std::string run_json(const RunInfo &info);

/// Writes `content` to `path` whole or not at all (a temporary file in the same folder, flushed,
/// then renamed over `path`). Throws OutputError, leaving no file behind, when it cannot.
void write_atomically(const std::filesystem::path &path, std::string_view content);

/// Writes several files all or none: every one is written to its temporary name first, and only
/// when all are on disk are they renamed into place.
void write_all_atomically(const std::vector<std::pair<std::filesystem::path, std::string>> &files);

/// The output folder of a run.
class ResultFolder {
public:
  /// Creates the folder when missing. Throws OutputError when it cannot be made or written to.
  explicit ResultFolder(std::filesystem::path dir);

  /// The identity of a variant's results: the scenario file's SHA-256, the variant, its seed
  /// and replications, and salesfab's version. Parts of another identity are never reused.
  static std::string part_key(const std::string &scenario_sha256, const std::string &variant,
                              std::uint64_t seed, int replications, std::string_view version);

  /// Reads the replications of an earlier run's complete part with this key into `variant`
  /// (planned: its catalogue set, no replications) and summarizes it; false when there is none.
  bool resume(const std::string &key, analysis::VariantResult &variant) const;
  /// Keeps a finished variant (a part file, written atomically).
  void save_part(const std::string &key, const analysis::VariantResult &variant) const;
  /// Reads the part file `file` as resume() does; false when it is missing, incomplete, of
  /// another key or unreadable.
  static bool read_part(const std::filesystem::path &file, const std::string &key,
                        analysis::VariantResult &variant);
  /// The name of the part file of this key, inside parts_folder().
  static std::string part_name(const std::string &key);
  /// The folder of the parts, inside a result folder.
  static std::filesystem::path parts_folder();
  /// A shard's end: writes its manifest (shard.json) atomically and keeps the parts.
  void finish_shard(const std::string &manifest) const;
  /// Writes the four result files of the variants, in order, with `extra` files (full paths),
  /// all or none; then removes the parts.
  void finish(std::span<const analysis::VariantResult *const> variants, const RunInfo &info,
              const std::vector<std::pair<std::filesystem::path, std::string>> &extra = {}) const;

  [[nodiscard]] const std::filesystem::path &path() const { return dir_; }

private:
  [[nodiscard]] std::filesystem::path part_path(const std::string &key) const;
  std::filesystem::path dir_;
};

} // namespace salesfab::output
