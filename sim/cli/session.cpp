#include "cli/session.hpp"

#include "analysis/output/json.hpp"
#include "analysis/output/result_folder.hpp"
#include "analysis/output/sha256.hpp"
#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress.hpp"

#include <iostream>

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
      s.files.push_back(std::move(file));
    } catch (const scenario::ScenarioError &e) {
      err << e.what() << '\n' << path << ": skipped (invalid)\n";
      s.some_invalid = true;
    }
  }
  return s;
}

std::vector<PlannedVariant> plan(const std::vector<scenario::ScenarioFile> &files,
                                 const CommonOptions &common) {
  std::vector<PlannedVariant> planned;
  for (std::size_t f = 0; f < files.size(); ++f)
    for (const auto &variant : files[f].variants) {
      PlannedVariant p{{variant.parameters.name, variant.name, variant.parameters}, f};
      if (common.replications)
        p.spec.parameters.run.replications = *common.replications;
      if (common.seed)
        p.spec.parameters.run.seed = *common.seed;
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
std::string key_of(const PlannedVariant &p, const std::vector<scenario::ScenarioFile> &files) {
  return output::ResultFolder::part_key(output::sha256_hex(files[p.file].text), p.spec.variant,
                                        p.spec.parameters.run.seed,
                                        p.spec.parameters.run.replications, version());
}
} // namespace

Outcome launch(std::vector<PlannedVariant> planned,
               const std::vector<scenario::ScenarioFile> &files, const CommonOptions &common,
               LaunchOptions launch_options) {
  Outcome outcome;
  outcome.planned = std::move(planned);
  outcome.results.resize(outcome.planned.size());
  std::optional<output::ResultFolder> out;
  if (common.out)
    out.emplace(*common.out);

  std::vector<experiment::VariantSpec> specs;
  std::vector<bool> skip(outcome.planned.size(), false);
  std::vector<std::string> keys;
  for (std::size_t v = 0; v < outcome.planned.size(); ++v) {
    const experiment::VariantSpec &spec = outcome.planned[v].spec;
    specs.push_back(spec);
    keys.push_back(out ? key_of(outcome.planned[v], files) : std::string());
    if (!out || !common.resume)
      continue;
    auto resumed = analysis::VariantResult::planned(spec.scenario, spec.variant, spec.parameters);
    if (out->resume(keys[v], resumed)) {
      outcome.results[v] = std::move(resumed);
      skip[v] = true;
      ++outcome.resumed;
    }
  }

  std::atomic<bool> &stop = install_interrupt_handlers();
  ProgressBar progress(!common.quiet);
  experiment::Options options; // its limits are the guards every experiment runs under
  options.threads = common.threads.value_or(0);
  options.limits.max_events = common.max_events;
  options.keep_records = launch_options.keep_records;
  options.stop = &stop;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  if (out)
    options.variant_done = [&](std::size_t v, const analysis::VariantResult &result) {
      out->save_part(keys[v], result);
    };
  auto results = experiment::run(specs, options, &outcome.stats, skip);
  progress.finish();
  for (std::size_t v = 0; v < results.size(); ++v)
    if (!skip[v] && results[v].complete())
      outcome.results[v] = std::move(results[v]);
  outcome.interrupted = stop.load();
  return outcome;
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
  std::vector<std::pair<std::filesystem::path, std::string>> extra_files;
  for (const auto &[name, content] : extra)
    extra_files.emplace_back(out.path() / name, content);
  out.finish(outcome.finished(), info, extra_files);
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
