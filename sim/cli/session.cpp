#include "cli/session.hpp"

#include "analysis/output/csv.hpp"
#include "analysis/output/json.hpp"
#include "analysis/output/result_folder.hpp"
#include "analysis/output/sha256.hpp"
#include "analysis/output/shard_manifest.hpp"
#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress.hpp"
#include "experiment/cluster.hpp"
#include "scenario/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace salesfab::cli {

namespace {
// The source of an earlier file that has a variant of the same name as one of `file`'s.
const std::string *same_name(const scenario::ScenarioFile &file,
                             const std::vector<scenario::ScenarioFile> &earlier) {
  for (const auto &e : earlier)
    for (const auto &a : e.variants)
      for (const auto &b : file.variants)
        if (a.name == b.name)
          return &e.source;
  return nullptr;
}
} // namespace

Scenarios load_scenarios(const std::vector<std::string> &paths,
                         const std::vector<scenario::Override> &overrides, bool default_when_empty,
                         std::ostream &err) {
  Scenarios s;
  if (paths.empty() && default_when_empty)
    s.files.push_back(scenario::load_default(overrides));
  const auto warn = [&](const scenario::ScenarioFile &file) {
    for (const std::string &w : file.warnings)
      err << "salesfab: warning: " << w << '\n';
  };
  if (!s.files.empty())
    warn(s.files.front());
  for (const std::string &path : paths) {
    try {
      scenario::ScenarioFile file = scenario::load_file(path, overrides);
      // Result rows, tables and --resume know a variant by its name: two of one name in a batch
      // could not be told apart.
      if (const std::string *other = same_name(file, s.files)) {
        err << path << ": name: '" << file.variants.front().parameters.name
            << "' is also the name of " << *other
            << " (give each scenario of a batch its own name)\n"
            << path << ": skipped (invalid)\n";
        s.some_invalid = true;
        continue;
      }
      warn(file);
      s.files.push_back(std::move(file));
    } catch (const scenario::ScenarioError &e) {
      err << e.what() << '\n' << path << ": skipped (invalid)\n";
      s.some_invalid = true;
    }
  }
  return s;
}

namespace {
// The command line's --precision settings over the file's run section.
void apply_precision(const CommonOptions &common, model::RunParameters &run) {
  if (common.precision)
    run.precision = common.precision;
  if (!common.precision_metrics.empty())
    run.precision_metrics = common.precision_metrics;
  if (common.min_replications)
    run.min_replications = *common.min_replications;
  if (common.max_replications)
    run.max_replications = *common.max_replications;
  if (run.max_replications < run.min_replications)
    throw UsageError("max_replications " + std::to_string(run.max_replications) +
                     " is below min_replications " + std::to_string(run.min_replications));
}
} // namespace

std::vector<PlannedVariant> plan(const std::vector<scenario::ScenarioFile> &files,
                                 const CommonOptions &common) {
  std::vector<PlannedVariant> planned;
  for (std::size_t f = 0; f < files.size(); ++f)
    for (std::size_t i = 0; i < files[f].variants.size(); ++i) {
      const auto &variant = files[f].variants[i];
      PlannedVariant p{{variant.parameters.name, variant.name, variant.parameters}, f, i};
      if (common.replications)
        p.spec.parameters.run.replications = *common.replications;
      if (common.seed)
        p.spec.parameters.run.seed = *common.seed;
      apply_precision(common, p.spec.parameters.run);
      planned.push_back(std::move(p));
    }
  return planned;
}

std::vector<const analysis::VariantResult *> Outcome::finished() const {
  std::vector<const analysis::VariantResult *> out;
  for (const auto &r : results)
    if (r)
      out.push_back(&*r);
  return out;
}

namespace {
// A part is reused only for the same file, variant, seed and replications — or, replicating
// until precise enough, the same goal.
std::string key_of(const PlannedVariant &p, const std::vector<scenario::ScenarioFile> &files) {
  const model::RunParameters &run = p.spec.parameters.run;
  std::string variant = p.spec.variant;
  if (run.precision) {
    variant += "\nprecision " + output::csv_number(*run.precision) + " " +
               std::to_string(run.min_replications) + " " + std::to_string(run.max_replications);
    for (const auto &m : run.precision_metrics)
      variant += " " + m;
  }
  return output::ResultFolder::part_key(output::sha256_hex(files[p.file].text), variant, run.seed,
                                        run.replications, version());
}

// A shard's part of a variant has its own key: a part of another slice is never reused.
std::string key_of(const PlannedVariant &p, const std::vector<scenario::ScenarioFile> &files,
                   const std::vector<experiment::Slice> &slices, std::size_t v) {
  std::string key = key_of(p, files);
  if (!slices.empty())
    key = output::sha256_hex(key + "\nslice " + std::to_string(slices[v].from) + " " +
                             std::to_string(slices[v].to));
  return key;
}

std::vector<experiment::Slice> shard_slices(const std::vector<PlannedVariant> &planned,
                                            const CommonOptions &common) {
  if (!common.shard)
    return {};
  std::vector<std::size_t> replications;
  for (const auto &p : planned)
    replications.push_back(static_cast<std::size_t>(p.spec.parameters.run.replications));
  return experiment::shard_slices(replications, common.shard->index - 1, common.shard->count);
}
} // namespace

void check_shard(const std::vector<PlannedVariant> &planned, const CommonOptions &common) {
  if (!common.shard)
    return;
  if (!common.out)
    throw UsageError("shard " + std::to_string(common.shard->index) + "/" +
                     std::to_string(common.shard->count) +
                     ": a shard needs --out DIR (its part of the results is kept there, for "
                     "salesfab merge)");
  for (const auto &p : planned)
    if (p.spec.parameters.run.precision)
      throw UsageError(
          "a shard of a run replicated until precise enough (--precision or the file's "
          "run.precision, " +
          p.spec.variant +
          "): how many replications it needs is decided one by one, in order, as they come in, "
          "so it cannot be cut into parts in advance; run it on one machine or with mpirun (see "
          "the README)");
}

void check_precision_metrics(const std::vector<PlannedVariant> &planned,
                             const std::vector<scenario::ScenarioFile> &files,
                             const CommonOptions &common) {
  for (const PlannedVariant &p : planned) {
    const auto goal = experiment::precision_goal(p.spec.parameters.run);
    if (!goal)
      continue;
    const auto catalogue = analysis::metric_catalogue(p.spec.parameters);
    std::vector<std::string_view> known;
    for (const auto &m : catalogue)
      known.push_back(m.name);
    std::vector<scenario::Diagnostic> problems;
    for (std::size_t i = 0; i < goal->metrics.size(); ++i) {
      const std::string &name = goal->metrics[i];
      if (std::find(known.begin(), known.end(), name) != known.end())
        continue;
      std::string message = "'" + name + "' is not a metric of " + p.spec.variant;
      if (const auto guess = scenario::detail::nearest(name, known))
        message += " (did you mean '" + std::string(*guess) + "'?)";
      if (!common.precision_metrics.empty())
        throw UsageError("--precision-metrics: " + message);
      const std::string path = "run.precision_metrics[" + std::to_string(i) + "]";
      scenario::Diagnostic d{files[p.file].source, 0, 0, path, ""};
      for (const auto &v : files[p.file].variants)
        if (const auto at = v.positions.find(path); at != v.positions.end())
          d = at->second;
      d.message = message;
      problems.push_back(std::move(d));
    }
    if (!problems.empty())
      throw scenario::ScenarioError(std::move(problems));
  }
}

namespace {
// An MPI rank other than 0: simulates what rank 0 hands out, then has nothing to say.
Outcome serve(std::vector<PlannedVariant> planned, const CommonOptions &common,
              experiment::Cluster &cluster) {
  Outcome outcome;
  std::vector<experiment::VariantSpec> specs;
  for (const auto &p : planned)
    specs.push_back(p.spec);
  experiment::Options options;
  options.threads = common.threads.value_or(0);
  options.limits.max_events = common.max_events;
  options.stop = &install_interrupt_handlers();
  cluster.serve(specs, options);
  outcome.planned = std::move(planned);
  outcome.served = true;
  return outcome;
}
} // namespace

namespace {
// The variants that need no run: those a shard holds none of, and (--resume) those an earlier
// run kept in the folder. Gives every variant its part's key.
void settle(Outcome &outcome, const output::ResultFolder *out,
            const std::vector<scenario::ScenarioFile> &files, const CommonOptions &common,
            bool paired, std::vector<std::string> &keys, std::vector<bool> &skip) {
  for (std::size_t v = 0; v < outcome.planned.size(); ++v) {
    const experiment::VariantSpec &spec = outcome.planned[v].spec;
    keys.push_back(out ? key_of(outcome.planned[v], files, outcome.slices, v) : std::string());
    if (!outcome.slices.empty() && outcome.slices[v].from == outcome.slices[v].to) {
      // none of this variant's replications are the shard's
      outcome.results[v] =
          analysis::VariantResult::planned(spec.scenario, spec.variant, spec.parameters);
      skip[v] = true;
      continue;
    }
    if (out == nullptr || !common.resume)
      continue;
    auto resumed = analysis::VariantResult::planned(spec.scenario, spec.variant, spec.parameters);
    if (out->resume(keys[v], resumed)) {
      outcome.results[v] = std::move(resumed);
      skip[v] = true;
      ++outcome.resumed;
    }
  }
  // Variants that stop together (a paired precision goal) are resumed all or none.
  if (paired && outcome.resumed > 0 && outcome.resumed < static_cast<int>(outcome.planned.size()) &&
      outcome.planned.front().spec.parameters.run.precision) {
    std::fill(skip.begin(), skip.end(), false);
    for (auto &r : outcome.results)
      r.reset();
    outcome.resumed = 0;
  }
}
} // namespace

Outcome launch(std::vector<PlannedVariant> planned,
               const std::vector<scenario::ScenarioFile> &files, const CommonOptions &common,
               LaunchOptions launch_options, const LaunchHooks &hooks) {
  check_precision_metrics(planned, files, common);
  check_shard(planned, common);
  experiment::Cluster *cluster = experiment::cluster();
  if (cluster != nullptr && cluster->rank() != 0)
    return serve(std::move(planned), common, *cluster);
  // Whatever happens here, the other ranks of an MPI job hear when the run is over.
  const std::unique_ptr<experiment::Cluster, void (*)(experiment::Cluster *)> release(
      cluster, [](experiment::Cluster *c) {
        if (c != nullptr)
          c->release();
      });
  Outcome outcome;
  outcome.slices = shard_slices(planned, common);
  outcome.planned = std::move(planned);
  outcome.results.resize(outcome.planned.size());
  std::optional<output::ResultFolder> out;
  if (common.out)
    out.emplace(*common.out);
  if (out && common.shard) { // until it is finished again, the folder is no finished shard
    std::error_code ec;
    std::filesystem::remove(out->path() / output::shard_manifest_name, ec);
  }

  std::vector<experiment::VariantSpec> specs;
  for (const auto &p : outcome.planned)
    specs.push_back(p.spec);
  std::vector<bool> skip(outcome.planned.size(), false);
  std::vector<std::string> keys;
  settle(outcome, out ? &*out : nullptr, files, common, launch_options.paired, keys, skip);

  std::atomic<bool> &stop = hooks.stop ? *hooks.stop : install_interrupt_handlers();
  ProgressBar progress(!common.quiet);
  experiment::Options options; // its limits are the guards every experiment runs under
  options.threads = common.threads.value_or(0);
  options.limits.max_events = common.max_events;
  options.keep_records = launch_options.keep_records;
  options.paired = launch_options.paired;
  options.slices = outcome.slices;
  options.stop = &stop;
  if (cluster != nullptr)
    options.distributor = &cluster->distributor(specs);
  options.progress = [&](const experiment::Progress &p) {
    progress.update(p.done, p.total, p.precision, p.target);
    if (hooks.progress)
      hooks.progress(p);
  };
  if (out)
    options.variant_done = [&](std::size_t v, const analysis::VariantResult &result) {
      out->save_part(keys[v], result);
    };
  auto results = experiment::run(specs, options, &outcome.stats, skip);
  progress.finish();
  for (std::size_t v = 0; v < results.size(); ++v) {
    const bool complete =
        outcome.slices.empty()
            ? results[v].complete()
            : results[v].replications.size() == outcome.slices[v].to - outcome.slices[v].from;
    if (!skip[v] && complete)
      outcome.results[v] = std::move(results[v]);
  }
  outcome.interrupted = stop.load();
  return outcome;
}

// The base is the first variant of the first file, as written; the alternatives are every other
// variant, or — with --set — the files' variants again with the settings applied.
Scenarios comparison_scenarios(const CommonOptions &common, std::ostream &err) {
  Scenarios scenarios = load_scenarios(common.files, {}, false, err);
  if (common.sets.empty())
    return scenarios;
  Scenarios alternatives = load_scenarios(common.files, common.overrides(), false, err);
  Scenarios combined;
  combined.some_invalid = scenarios.some_invalid || alternatives.some_invalid;
  if (!scenarios.files.empty()) {
    combined.files.push_back(std::move(scenarios.files.front()));
    combined.files.back().variants.resize(1);
  }
  std::string settings;
  for (const auto &s : common.sets)
    settings += (settings.empty() ? "" : ",") + s;
  for (auto &file : alternatives.files) {
    for (auto &variant : file.variants)
      variant.name += " {" + settings + "}";
    combined.files.push_back(std::move(file));
  }
  return combined;
}

// A paired comparison needs the same number of replications (or one precision goal, which
// then watches the paired differences); other seeds are allowed but said.
bool check_pairing(const std::vector<PlannedVariant> &planned, std::ostream &err) {
  const auto &base = planned.front().spec.parameters.run;
  for (const auto &p : planned) {
    const auto &run = p.spec.parameters.run;
    if (run.precision != base.precision || run.precision_metrics != base.precision_metrics ||
        run.min_replications != base.min_replications ||
        run.max_replications != base.max_replications) {
      err << "salesfab: " << p.spec.variant
          << " has another precision goal than the base: a paired comparison needs one "
             "(use --precision, --precision-metrics, --min-replications and "
             "--max-replications to give all the same)\n";
      return false;
    }
  }
  for (const auto &p : planned)
    if (!base.precision && p.spec.parameters.run.replications != base.replications) {
      err << "salesfab: " << p.spec.variant << " has " << p.spec.parameters.run.replications
          << " replications, the base " << base.replications
          << ": a paired comparison needs the same number (use --replications N to give "
             "all the same)\n";
      return false;
    }
  for (const auto &p : planned)
    if (p.spec.parameters.run.seed != base.seed)
      err << "salesfab: warning: " << p.spec.variant << " has seed " << p.spec.parameters.run.seed
          << ", the base " << base.seed
          << ": the differences include luck (use --seed to give all the same)\n";
  return true;
}

std::vector<std::string> command_line(std::string_view command, std::span<const std::string> args) {
  std::vector<std::string> line{"salesfab", std::string(command)};
  line.insert(line.end(), args.begin(), args.end());
  return line;
}

void write_results(const Outcome &outcome, const std::vector<scenario::ScenarioFile> &files,
                   const CommonOptions &common, const std::vector<std::string> &command_line,
                   const std::vector<std::pair<std::string, std::string>> &extra) {
  if (!common.out || outcome.interrupted)
    return;
  output::ResultFolder out(*common.out);
  output::RunInfo info;
  info.version = std::string(version());
  info.command_line = command_line;
  for (std::size_t f = 0; f < files.size(); ++f) {
    output::ScenarioRun s;
    s.path = files[f].source;
    s.sha256 = output::sha256_hex(files[f].text);
    for (const auto &p : outcome.planned)
      if (p.file == f) {
        s.seed = p.spec.parameters.run.seed;
        s.replications = p.spec.parameters.run.replications;
        s.variants.push_back(p.spec.variant);
      }
    info.scenarios.push_back(std::move(s));
  }
  info.threads = outcome.stats.threads;
  info.wall_seconds = outcome.stats.wall_seconds;
  info.events = outcome.stats.events;
  info.variants_resumed = outcome.resumed;
  for (const analysis::VariantResult *v : outcome.finished())
    if (v->precision)
      info.precision.emplace_back(v->variant, *v->precision);
  std::vector<std::pair<std::filesystem::path, std::string>> extra_files;
  for (const auto &[name, content] : extra)
    extra_files.emplace_back(out.path() / name, content);
  out.finish(outcome.finished(), info, extra_files);
}

namespace {
// The command line of the whole run: without --shard (and --resume, which changes nothing).
std::vector<std::string> whole_run_line(const std::vector<std::string> &line) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == "--shard") {
      ++i;
      continue;
    }
    if (line[i].starts_with("--shard=") || line[i] == "--resume")
      continue;
    out.push_back(line[i]);
  }
  return out;
}
} // namespace

void write_shard(const Outcome &outcome, const std::vector<scenario::ScenarioFile> &files,
                 const CommonOptions &common, const std::vector<std::string> &command_line) {
  if (!common.out || !common.shard || outcome.interrupted)
    return;
  output::ShardManifest m;
  m.version = std::string(version());
  m.command = command_line.at(1);
  m.command_line = whole_run_line(command_line);
  m.index = common.shard->index;
  m.count = common.shard->count;
  m.source = common.shard->source;
  for (const auto &f : files) {
    output::ShardScenario s;
    s.path = f.source;
    s.sha256 = output::sha256_hex(f.text);
    s.text = f.text;
    for (const auto &o : f.overrides)
      s.overrides.push_back(o.text());
    m.scenarios.push_back(std::move(s));
  }
  for (std::size_t v = 0; v < outcome.planned.size(); ++v) {
    const PlannedVariant &p = outcome.planned[v];
    const experiment::Slice &slice = outcome.slices.at(v);
    output::ShardVariant sv;
    sv.scenario = p.spec.scenario;
    sv.variant = p.spec.variant;
    sv.file = p.file;
    sv.index_in_file = p.index_in_file;
    sv.seed = p.spec.parameters.run.seed;
    sv.replications = p.spec.parameters.run.replications;
    sv.from = slice.from;
    sv.to = slice.to;
    if (slice.from < slice.to)
      sv.part = output::ResultFolder::part_name(key_of(p, files, outcome.slices, v));
    if (m.work_to == 0 && slice.from < slice.to)
      m.work_from = m.work_total + slice.from;
    m.work_total += static_cast<std::size_t>(sv.replications);
    if (slice.from < slice.to)
      m.work_to = m.work_total - static_cast<std::size_t>(sv.replications) + slice.to;
    m.variants.push_back(std::move(sv));
  }
  if (m.work_to == 0)
    m.work_from = m.work_to = m.work_total * (m.index - 1) / m.count; // an empty shard
  m.threads = outcome.stats.threads;
  m.wall_seconds = outcome.stats.wall_seconds;
  m.events = outcome.stats.events;
  output::ResultFolder(*common.out).finish_shard(output::shard_json(m));
}

int finish_shard(const Scenarios &scenarios, const Outcome &outcome, const CommonOptions &common,
                 const std::vector<std::string> &command_line) {
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
  } else {
    write_shard(outcome, scenarios.files, common, command_line);
    std::size_t held = 0, total = 0;
    for (std::size_t v = 0; v < outcome.slices.size(); ++v) {
      held += outcome.slices[v].to - outcome.slices[v].from;
      total += static_cast<std::size_t>(outcome.planned[v].spec.parameters.run.replications);
    }
    if (!common.quiet)
      std::cerr << "salesfab: shard " << common.shard->index << "/" << common.shard->count << ": "
                << held << " of " << total << " replications kept in " << *common.out
                << "/ (shard.json); join the shards with salesfab merge DIR... --out DIR\n";
  }
  if (!common.quiet)
    report_speed(outcome, std::cerr);
  return exit_status(scenarios, outcome);
}

void report_interrupted(const Outcome &outcome, const CommonOptions &common, std::ostream &err) {
  std::size_t finished = 0;
  for (const auto &r : outcome.results)
    finished += r ? 1 : 0;
  err << "salesfab: interrupted: " << finished << " of " << outcome.results.size()
      << " variants finished; not finished:";
  for (std::size_t v = 0; v < outcome.results.size(); ++v)
    if (!outcome.results[v])
      err << ' ' << outcome.planned[v].spec.variant;
  err << '\n';
  if (common.out)
    err << "salesfab: no result files were written; the finished variants are kept in "
        << *common.out << "/.salesfab-parts: run the same command with --resume to finish\n";
  else
    err << "salesfab: nothing was written\n";
  if (experiment::cluster() != nullptr)
    err << "salesfab: in an MPI job this stop usually means that a rank died or the job was "
           "cancelled (mpirun names the rank)\n";
}

void report_speed(const Outcome &outcome, std::ostream &err) {
  const auto &s = outcome.stats;
  const double rate = s.wall_seconds > 0 ? static_cast<double>(s.events) / s.wall_seconds : 0.0;
  output::Json line = output::Json::object();
  line["events_simulated"] = s.events;
  line["wall_seconds"] = s.wall_seconds;
  line["events_per_second"] = static_cast<std::uint64_t>(rate);
  line["threads"] = s.threads;
  err << output::dump_line(line);
}

int exit_status(const Scenarios &scenarios, const Outcome &outcome) {
  if (scenarios.some_invalid)
    return exit_invalid;
  if (outcome.interrupted)
    return exit_failure;
  return exit_ok;
}

} // namespace salesfab::cli
