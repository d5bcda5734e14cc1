// salesfab optimize FILE --vary KEY=LO..HI[:STEP] ... --minimize|--maximize METRIC
// --require "METRIC<=X" ...: the best design of a grid (the cheapest staffing, say) that meets
// every requirement with the stated confidence, found with common random numbers.

#include "analysis/output/csv.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/result_folder.hpp"
#include "analysis/output/sha256.hpp"
#include "analysis/output/writer.hpp"
#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/session.hpp"
#include "experiment/optimization.hpp"
#include "scenario/reader.hpp"

#include <boost/program_options.hpp>

#include <charconv>
#include <cmath>
#include <iostream>

namespace salesfab::cli {

namespace {

namespace po = boost::program_options;

// One --vary: a key and the values it takes.
struct Axis {
  std::string key;
  std::vector<double> values;
  std::vector<std::string> texts; // as --set writes them
};

double number_in(const std::string &option, std::string_view text) {
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x))
    throw UsageError(option + ": '" + std::string(text) + "' is not a number");
  return x;
}

// Decimals a number is written with ("0.25" has 2), so grid values print without noise.
int decimals(std::string_view text) {
  const auto point = text.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

// KEY=LO..HI[:STEP], STEP 1 by default.
Axis parse_axis(const std::string &text) {
  const std::string option = "--vary " + text;
  const auto eq = text.find('='), dots = text.find("..");
  if (eq == std::string::npos || dots == std::string::npos || dots < eq)
    throw UsageError(option + ": expected KEY=LO..HI or KEY=LO..HI:STEP, e.g. "
                              "staff.account_executive.headcount=2..6");
  Axis a;
  a.key = text.substr(0, eq);
  const auto colon = text.find(':', dots);
  const std::string lo = text.substr(eq + 1, dots - eq - 1);
  const std::string hi =
      text.substr(dots + 2, colon == std::string::npos ? std::string::npos : colon - dots - 2);
  const std::string step = colon == std::string::npos ? "1" : text.substr(colon + 1);
  const double l = number_in(option, lo), h = number_in(option, hi), s = number_in(option, step);
  if (l > h)
    throw UsageError(option + ": LO " + lo + " is above HI " + hi);
  if (!(s > 0))
    throw UsageError(option + ": STEP " + step + " must be above 0");
  const double count = std::floor((h - l) / s + 1e-9) + 1;
  if (count > 100'000)
    throw UsageError(option + ": more than 100000 values");
  const int places = std::max({decimals(lo), decimals(step), 0});
  for (int i = 0; i < static_cast<int>(count); ++i) {
    char buffer[64];
    const auto r =
        std::to_chars(buffer, buffer + sizeof buffer, l + i * s, std::chars_format::fixed, places);
    a.texts.emplace_back(buffer, r.ptr);
    a.values.push_back(number_in(option, a.texts.back()));
  }
  return a;
}

// "METRIC<=X" or "METRIC>=X".
analysis::Requirement parse_requirement(const std::string &text, double tolerance) {
  analysis::Requirement r;
  auto at = text.find("<=");
  r.at_most = at != std::string::npos;
  if (!r.at_most)
    at = text.find(">=");
  if (at == std::string::npos)
    throw UsageError("--require " + text +
                     ": expected METRIC<=X or METRIC>=X, e.g. "
                     "\"churn_rate<=0.15\"");
  r.metric = text.substr(0, at);
  r.threshold = number_in("--require " + text, text.substr(at + 2));
  // Within the tolerance either decision is acceptable (a share of the threshold).
  r.tolerance = r.threshold != 0 ? tolerance * std::abs(r.threshold) : tolerance;
  return r;
}

void check_metric(const std::string &option, const std::string &metric,
                  const model::Parameters &p) {
  const auto catalogue = analysis::metric_catalogue(p);
  std::vector<std::string_view> known;
  for (const auto &m : catalogue) {
    if (m.name == metric)
      return;
    known.push_back(m.name);
  }
  std::string message = option + ": '" + metric + "' is not a metric";
  if (const auto guess = scenario::detail::nearest(metric, known))
    message += " (did you mean '" + std::string(*guess) + "'?)";
  throw UsageError(message);
}

struct Request {
  std::vector<Axis> axes;
  std::string objective;
  bool maximize = false;
  std::vector<analysis::Requirement> requirements;
  double confidence = 0.95;
  std::optional<double> delta;
  int first_stage = 10;
  int max_replications = 1000;
  std::optional<double> precision;
};

void describe_optimize(po::options_description &d) {
  d.add_options()("vary", po::value<std::vector<std::string>>()->composing(),
                  "KEY=LO..HI[:STEP]: a key and its values (repeatable; STEP 1 by default)")(
      "minimize", po::value<std::string>(), "METRIC: the objective, the lower the better")(
      "maximize", po::value<std::string>(), "METRIC: the objective, the higher the better")(
      "require", po::value<std::vector<std::string>>()->composing(),
      "\"METRIC<=X\" or \"METRIC>=X\": a requirement (repeatable)")(
      "confidence", po::value<std::string>(),
      "C: the confidence of the whole answer (default 0.95)")(
      "delta", po::value<std::string>(),
      "D: objectives closer than D count as equally good (default 1 % of the best)")(
      "tolerance", po::value<std::string>(),
      "T: a requirement within T x |X| of X may be judged either way (default 0.01)")(
      "first-stage", po::value<std::string>(),
      "N: replications of every design before any decision (default 10)")(
      "max-replications", po::value<std::string>(),
      "N: at most N replications of one design (default 1000)")(
      "precision", po::value<std::string>(),
      "R: replicate the chosen design until its objective and requirements are within R x "
      "|mean| (see run --precision)");
}

Request read_request(const po::variables_map &vm) {
  Request q;
  if (!vm.count("vary"))
    throw UsageError("optimize needs at least one --vary KEY=LO..HI (see --help)");
  for (const auto &v : vm["vary"].as<std::vector<std::string>>())
    q.axes.push_back(parse_axis(v));
  if (vm.count("minimize") == vm.count("maximize"))
    throw UsageError("optimize needs one of --minimize METRIC and --maximize METRIC");
  q.maximize = vm.count("maximize") > 0;
  q.objective = vm[q.maximize ? "maximize" : "minimize"].as<std::string>();
  auto fraction = [&](const char *name, double low, double high) -> std::optional<double> {
    if (!vm.count(name))
      return std::nullopt;
    const std::string option = std::string("--") + name;
    const double x = number_in(option, vm[name].as<std::string>());
    if (!(x > low && x < high))
      throw UsageError(option + " " + vm[name].as<std::string>() + ": expected a number above " +
                       output::csv_number(low) + " and below " + output::csv_number(high));
    return x;
  };
  q.confidence = fraction("confidence", 0, 1).value_or(0.95);
  q.delta = fraction("delta", 0, 1e300);
  const double tolerance = fraction("tolerance", 0, 1).value_or(0.01);
  q.precision = fraction("precision", 0, 1.0000001);
  if (vm.count("require"))
    for (const auto &r : vm["require"].as<std::vector<std::string>>())
      q.requirements.push_back(parse_requirement(r, tolerance));
  if (vm.count("first-stage"))
    q.first_stage = static_cast<int>(std::min<std::uint64_t>(
        whole_number("--first-stage", vm["first-stage"].as<std::string>()), 100'000));
  if (vm.count("max-replications"))
    q.max_replications = static_cast<int>(std::min<std::uint64_t>(
        whole_number("--max-replications", vm["max-replications"].as<std::string>()), 100'000));
  if (q.first_stage < 2)
    throw UsageError("--first-stage: expected at least 2 (the procedures need a variance)");
  if (q.max_replications < q.first_stage)
    throw UsageError("--max-replications " + std::to_string(q.max_replications) +
                     " is below --first-stage " + std::to_string(q.first_stage));
  return q;
}

// Every point of the grid, the last key varying fastest, each its scenario with the values set.
experiment::OptimizationProblem grid(const Request &q, const scenario::ScenarioFile &file,
                                     const CommonOptions &common) {
  experiment::OptimizationProblem p;
  std::size_t total = 1;
  for (const Axis &a : q.axes) {
    p.keys.push_back(a.key);
    total *= a.values.size();
    if (total > 100'000)
      throw UsageError("the grid has more than 100000 designs: narrow a --vary or take a larger "
                       "STEP");
  }
  for (std::size_t k = 0; k < total; ++k) {
    std::vector<std::size_t> point(q.axes.size());
    for (std::size_t a = q.axes.size(), rest = k; a-- > 0; rest /= q.axes[a].values.size())
      point[a] = rest % q.axes[a].values.size();
    std::vector<scenario::Override> overrides = common.overrides();
    std::vector<double> values;
    std::string name;
    for (std::size_t a = 0; a < q.axes.size(); ++a) {
      overrides.push_back({q.axes[a].key, q.axes[a].texts[point[a]]});
      values.push_back(q.axes[a].values[point[a]]);
      name += (a ? "," : "") + q.axes[a].key + "=" + q.axes[a].texts[point[a]];
    }
    model::Parameters params;
    try {
      params = scenario::load_text(file.text, file.source, overrides).variants.front().parameters;
    } catch (const scenario::ScenarioError &e) {
      const scenario::Diagnostic &d = e.diagnostics().front();
      throw UsageError("--vary: the design " + name + " is not a valid scenario: " + d.path + ": " +
                       d.message);
    }
    if (common.seed)
      params.run.seed = *common.seed;
    p.designs.push_back({params.name, params.name + "[" + name + "]", std::move(params)});
    p.values.push_back(std::move(values));
  }
  p.objective = q.objective;
  p.maximize = q.maximize;
  p.requirements = q.requirements;
  p.confidence = q.confidence;
  p.delta = q.delta;
  p.first_stage = q.first_stage;
  p.max_replications = q.max_replications;
  return p;
}

// The file, without a sweep (the grid is the sweep), each varied key a number in it.
scenario::ScenarioFile read_file(const CommonOptions &common, const Request &q) {
  if (common.files.size() != 1)
    throw UsageError("optimize takes one scenario file (see salesfab optimize --help)");
  scenario::ScenarioFile file = scenario::load_file(common.files[0], common.overrides());
  if (file.variants.size() > 1)
    throw UsageError(file.source + " has a sweep: optimize's grid is its --vary keys (take the "
                                   "sweep out, or --vary what it sweeps)");
  for (const Axis &a : q.axes) {
    const auto value = scenario::value_at(file, a.key);
    double x = 0;
    if (value &&
        (std::from_chars(value->data(), value->data() + value->size(), x).ec != std::errc() ||
         value->find_first_not_of("0123456789+-.eE") != std::string::npos))
      throw UsageError("--vary " + a.key + ": the file's value '" + *value +
                       "' is not a number (--vary takes a numeric key: a headcount, hours, a "
                       "rate)");
  }
  const model::Parameters &p = file.variants.front().parameters;
  check_metric(q.maximize ? "--maximize" : "--minimize", q.objective, p);
  for (const auto &r : q.requirements)
    check_metric("--require", r.metric, p);
  return file;
}

} // namespace

int optimize_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab optimize FILE --vary KEY=LO..HI[:STEP] ... (--minimize|--maximize) METRIC\n"
      "                  [--require \"METRIC<=X\" ...] [OPTIONS]\n\n"
      "The best design of a grid that meets every requirement with the stated confidence,\n"
      "e.g. the cheapest staffing for a revenue and a churn target. Every design runs with\n"
      "common random numbers; a feasibility check (Batur and Kim) decides the requirements,\n"
      "then Kim and Nelson's KN selects among the feasible designs, spending replications\n"
      "only where designs are close; designs within --delta of the best count as equally good\n"
      "and the cheapest staffing among them wins. Theory screens out designs judged on a\n"
      "queue that cannot settle. --out DIR writes designs.csv and the chosen design's result\n"
      "files. The same --seed gives the same answer for any --threads.",
      {Option::set, Option::example, Option::seed, Option::threads, Option::out, Option::format,
       Option::lang, Option::quiet, Option::max_events, Option::shard});
  describe_optimize(description);
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.shard)
    throw UsageError("optimize cannot be cut into shards: which design gets its next replication "
                     "is decided replication by replication (feasibility check and KN), so its "
                     "work is not known in advance; run it on one machine");
  const Request request = read_request(parsed.values);
  const scenario::ScenarioFile file = read_file(common, request);
  const experiment::OptimizationProblem problem = grid(request, file, common);
  std::optional<output::ResultFolder> out;
  if (common.out)
    out.emplace(*common.out); // reported before hours of work when it cannot be written

  std::atomic<bool> &stop = install_interrupt_handlers();
  ProgressBar progress(!common.quiet);
  experiment::Options options;
  options.threads = common.threads.value_or(0);
  options.limits.max_events = common.max_events;
  options.stop = &stop;
  options.progress = [&](const experiment::Progress &p) { progress.update(p.done, p.total); };
  experiment::RunStats stats;
  analysis::Optimization result = experiment::optimize(problem, options, &stats);
  progress.finish();
  if (stop.load()) {
    std::cerr << "salesfab: interrupted: nothing was decided or written\n";
    return exit_failure;
  }
  // With --precision, the chosen design is run again until its metrics are precise enough.
  if (request.precision && result.best) {
    auto &chosen = result.designs[*result.best];
    experiment::VariantSpec spec = problem.designs[*result.best];
    spec.parameters.run.precision = request.precision;
    spec.parameters.run.precision_metrics = {problem.objective};
    for (const auto &r : problem.requirements)
      spec.parameters.run.precision_metrics.push_back(r.metric);
    spec.parameters.run.max_replications = problem.max_replications;
    spec.parameters.run.min_replications = problem.first_stage;
    experiment::RunStats more;
    chosen.result = experiment::run({spec}, options, &more).front();
    stats.events += more.events;
  }
  std::cout << output::make_writer(common.format, common.language)->optimization(result);
  std::cout.flush();
  if (out) {
    output::RunInfo info;
    info.version = std::string(version());
    info.command_line = command_line("optimize", args);
    info.threads = stats.threads;
    info.wall_seconds = stats.wall_seconds;
    info.events = stats.events;
    std::vector<const analysis::VariantResult *> best;
    if (result.best) {
      const auto &chosen = result.designs[*result.best].result;
      best.push_back(&chosen);
      info.scenarios.push_back({file.source,
                                output::sha256_hex(file.text),
                                chosen.parameters.run.seed,
                                chosen.parameters.run.replications,
                                {chosen.variant}});
    }
    out->finish(best, info,
                {{out->path() / "designs.csv", output::to_csv(output::design_records(result))}});
    if (!common.quiet)
      std::cerr << "salesfab: results written to " << *common.out
                << "/ (designs.csv, and the chosen design's summary.csv, replications.csv, "
                   "timeseries.csv, run.json)\n";
  }
  return exit_ok;
}

} // namespace salesfab::cli
