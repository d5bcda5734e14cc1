// salesfab merge DIR... --out DIR: joins the folders of the shards of one run (--shard K/N) into
// the result files one machine would have written, byte for byte. Shards that do not belong
// together, or a shard missing or given twice, are refused (exit 2) with what is wrong.

#include "analysis/measure/comparison.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/result_folder.hpp"
#include "analysis/output/shard_manifest.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "scenario/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace salesfab::cli {

namespace {

// A shard folder and its manifest.
struct Shard {
  std::string folder;
  output::ShardManifest manifest;
};

// Reads DIR/shard.json; a folder without one is not a finished shard (exit 2).
Shard read_shard(const std::string &folder) {
  const std::filesystem::path file = std::filesystem::path(folder) / output::shard_manifest_name;
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw UsageError(folder + ": no " + output::shard_manifest_name +
                     ": not a finished shard (a shard writes it last; run an unfinished one "
                     "again with --resume)");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return Shard{folder, output::read_shard_json(text.str())};
  } catch (const std::exception &e) {
    throw UsageError(file.string() + ": not a shard manifest: " + e.what());
  }
}

// Why `b` is not a shard of the same run as `a`, or empty.
std::string difference(const output::ShardManifest &a, const output::ShardManifest &b) {
  if (a.version != b.version)
    return "made by salesfab " + b.version + ", the other by " + a.version;
  if (a.command != b.command)
    return "a shard of salesfab " + b.command + ", the other of salesfab " + a.command;
  if (a.count != b.count)
    return "one of " + std::to_string(b.count) + " shards, the other of " + std::to_string(a.count);
  if (a.scenarios.size() != b.scenarios.size())
    return std::to_string(b.scenarios.size()) + " scenario files, the other " +
           std::to_string(a.scenarios.size());
  for (std::size_t f = 0; f < a.scenarios.size(); ++f) {
    if (a.scenarios[f].sha256 != b.scenarios[f].sha256)
      return "scenario file " + b.scenarios[f].path + " has SHA-256 " + b.scenarios[f].sha256 +
             ", the other's " + a.scenarios[f].path + " " + a.scenarios[f].sha256;
    if (a.scenarios[f].overrides != b.scenarios[f].overrides)
      return "other --set settings on " + b.scenarios[f].path;
  }
  if (a.variants.size() != b.variants.size())
    return std::to_string(b.variants.size()) + " variants, the other " +
           std::to_string(a.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    const auto &x = a.variants[v], &y = b.variants[v];
    if (x.variant != y.variant || x.file != y.file || x.index_in_file != y.index_in_file)
      return "variant " + y.variant + " where the other has " + x.variant;
    if (x.seed != y.seed)
      return y.variant + " has seed " + std::to_string(y.seed) + ", the other " +
             std::to_string(x.seed);
    if (x.replications != y.replications)
      return y.variant + " has " + std::to_string(y.replications) + " replications, the other " +
             std::to_string(x.replications);
  }
  return {};
}

// Every shard of one run, each once; throws UsageError (exit 2) naming what is wrong.
void check_together(const std::vector<Shard> &shards) {
  const Shard &first = shards.front();
  for (const Shard &s : shards)
    if (const std::string why = difference(first.manifest, s.manifest); !why.empty())
      throw UsageError(s.folder + " is not a shard of the same run as " + first.folder + ": " +
                       why);
  const std::size_t n = first.manifest.count;
  std::vector<const Shard *> by_index(n + 1, nullptr);
  for (const Shard &s : shards) {
    const Shard *&seen = by_index[s.manifest.index];
    if (seen != nullptr)
      throw UsageError("shard " + std::to_string(s.manifest.index) + "/" + std::to_string(n) +
                       " is given twice: " + seen->folder + " and " + s.folder);
    seen = &s;
  }
  std::string missing;
  for (std::size_t k = 1; k <= n; ++k)
    if (by_index[k] == nullptr)
      missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(n);
  if (!missing.empty())
    throw UsageError("shards missing: " + missing + " (" + std::to_string(shards.size()) + " of " +
                     std::to_string(n) + " given)");
}

// Each variant's replications, read from the shards' parts in order and summarized. Throws
// UsageError (exit 2) for a part missing, incomplete or not what the manifest says.
std::vector<analysis::VariantResult> join(const std::vector<Shard> &shards) {
  const output::ShardManifest &m = shards.front().manifest;
  std::vector<scenario::ScenarioFile> files;
  for (const auto &s : m.scenarios) {
    std::vector<scenario::Override> overrides;
    for (const auto &o : s.overrides)
      overrides.push_back(scenario::parse_override(o));
    files.push_back(scenario::load_text(s.text, s.path, overrides));
  }
  std::vector<analysis::VariantResult> results;
  for (std::size_t v = 0; v < m.variants.size(); ++v) {
    const output::ShardVariant &sv = m.variants[v];
    if (sv.index_in_file >= files[sv.file].variants.size())
      throw UsageError(shards.front().folder + ": variant " + sv.variant + " is not in its file");
    model::Parameters parameters = files[sv.file].variants[sv.index_in_file].parameters;
    parameters.run.seed = sv.seed;
    parameters.run.replications = sv.replications;
    auto planned = analysis::VariantResult::planned(sv.scenario, sv.variant, parameters);
    analysis::VariantResult joined = planned;
    for (const Shard &s : shards) {
      const output::ShardVariant &mine = s.manifest.variants[v];
      if (mine.from == mine.to)
        continue;
      const std::filesystem::path file =
          std::filesystem::path(s.folder) / output::ResultFolder::parts_folder() / mine.part;
      const std::string key = mine.part.substr(0, mine.part.find('.'));
      analysis::VariantResult part = planned;
      if (!output::ResultFolder::read_part(file, key, part) ||
          part.replications.size() != mine.to - mine.from ||
          part.replications.front().index != mine.from)
        throw UsageError(s.folder + ": the part of " + sv.variant + " (replications " +
                         std::to_string(mine.from) + " to " + std::to_string(mine.to - 1) +
                         ") is missing or incomplete: " + file.string());
      for (auto &r : part.replications)
        joined.replications.push_back(std::move(r));
    }
    for (std::size_t r = 0; r < joined.replications.size(); ++r)
      if (joined.replications[r].index != r)
        throw UsageError("the shards do not hold every replication of " + sv.variant +
                         " once (replication " + std::to_string(r) + ")");
    if (!joined.complete())
      throw UsageError("the shards hold " + std::to_string(joined.replications.size()) + " of " +
                       std::to_string(sv.replications) + " replications of " + sv.variant);
    joined.summarize();
    results.push_back(std::move(joined));
  }
  return results;
}

// The command line one machine would have run: the shard's, writing into `out`.
std::vector<std::string> merged_line(std::vector<std::string> line, const std::string &out) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == "--out" && i + 1 < line.size())
      line[i + 1] = out;
    else if (line[i].starts_with("--out="))
      line[i] = "--out=" + out;
  }
  return line;
}

void write_merged(const std::vector<analysis::VariantResult> &results,
                  const std::vector<Shard> &shards, const std::string &dir) {
  const output::ShardManifest &m = shards.front().manifest;
  output::RunInfo info;
  info.version = m.version;
  info.command_line = merged_line(m.command_line, dir);
  for (std::size_t f = 0; f < m.scenarios.size(); ++f) {
    output::ScenarioRun s;
    s.path = m.scenarios[f].path;
    s.sha256 = m.scenarios[f].sha256;
    for (const auto &v : m.variants)
      if (v.file == f) {
        s.seed = v.seed;
        s.replications = v.replications;
        s.variants.push_back(v.variant);
      }
    info.scenarios.push_back(std::move(s));
  }
  for (const Shard &s : shards) {
    info.threads = std::max(info.threads, s.manifest.threads);
    info.wall_seconds = std::max(info.wall_seconds, s.manifest.wall_seconds);
    info.events += s.manifest.events;
    info.shards.push_back(output::MergedShard{s.folder, s.manifest.index, s.manifest.count,
                                              s.manifest.threads, s.manifest.wall_seconds});
  }
  std::vector<const analysis::VariantResult *> variants;
  for (const auto &r : results)
    variants.push_back(&r);
  std::vector<std::pair<std::filesystem::path, std::string>> extra;
  if (m.command == "compare") {
    std::vector<analysis::Comparison> comparisons;
    for (std::size_t v = 1; v < variants.size(); ++v)
      comparisons.push_back(analysis::compare(*variants.front(), *variants[v]));
    extra.emplace_back(std::filesystem::path(dir) / "comparison.csv",
                       output::to_csv(output::comparison_records(comparisons)));
  }
  output::ResultFolder(dir).finish(variants, info, extra);
}

} // namespace

int merge_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab merge DIR... --out DIR\n\n"
      "Joins the folders of the shards of one run (salesfab run/compare --shard K/N)\n"
      "into the result files one machine would have written, byte for byte:\n"
      "summary.csv, replications.csv, timeseries.csv (compare: comparison.csv) and\n"
      "run.json. Refuses (exit 2) shards of different runs, and a shard missing or\n"
      "given twice.",
      {Option::out, Option::quiet});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.files.empty())
    throw UsageError("merge needs the shards' folders (see salesfab merge --help)");
  if (!common.out)
    throw UsageError("merge needs --out DIR: where to write the joined result files");
  std::vector<Shard> shards;
  for (const std::string &folder : common.files)
    shards.push_back(read_shard(folder));
  check_together(shards);
  if (shards.front().manifest.version != version())
    throw UsageError("the shards were made by salesfab " + shards.front().manifest.version +
                     ", this is " + std::string(version()) +
                     ": merge with the version that ran them");
  std::sort(shards.begin(), shards.end(),
            [](const Shard &a, const Shard &b) { return a.manifest.index < b.manifest.index; });
  write_merged(join(shards), shards, *common.out);
  if (!common.quiet)
    std::cerr << "salesfab: " << shards.size() << " shards merged into " << *common.out
              << "/ (summary.csv, replications.csv, timeseries.csv, run.json)\n";
  return exit_ok;
}

} // namespace salesfab::cli
