#include "cli/options.hpp"

#include "cli/command.hpp"
#include "cli/examples.hpp"

#include <charconv>

namespace po = boost::program_options;

namespace salesfab::cli {

po::options_description CommonOptions::describe(const std::string &usage,
                                                std::initializer_list<Option> which) {
  po::options_description d(usage + "\n\nOptions");
  d.add_options()("help,h", "this help");
  for (const Option o : which) {
    switch (o) {
    case Option::set:
      d.add_options()("set", po::value(&sets)->composing(),
                      "KEY=VALUE: override one scenario value by its dotted path, e.g. "
                      "--set funnel.stages[1].conversion.new=0.55 (repeatable)");
      break;
    case Option::replications:
      d.add_options()("replications", po::value<int>(),
                      "N: replications per variant (overrides run.replications)");
      break;
    case Option::seed:
      d.add_options()("seed", po::value<std::string>(), "S: the seed (overrides run.seed)");
      break;
    case Option::threads:
      d.add_options()("threads", po::value<int>(),
                      "T: worker threads (default: all cores); results do not depend on T");
      break;
    case Option::out:
      d.add_options()("out", po::value<std::string>(), "DIR: write the result files there");
      break;
    case Option::resume:
      d.add_options()("resume", po::bool_switch(&resume),
                      "with --out: reuse the variants an interrupted run finished there");
      break;
    case Option::max_events:
      d.add_options()("max-events", po::value<std::uint64_t>(&max_events),
                      "N: stop a replication that passes N events (default 1000000000)");
      break;
    case Option::format:
      d.add_options()("format", po::value<std::string>(), "table|csv|json: what goes to stdout");
      break;
    case Option::lang:
      d.add_options()("lang", po::value<std::string>(),
                      "en|nl: labels and stories in English or Dutch");
      break;
    case Option::quiet:
      d.add_options()("quiet,q", po::bool_switch(&quiet), "no progress bar");
      break;
    case Option::precision:
      d.add_options()("precision", po::value<std::string>(),
                      "R: replicate until each watched metric's confidence interval half-width "
                      "is at most R x |mean| (0 < R <= 1; 0.01 is 1 %), with a look-ahead")(
          "precision-metrics", po::value<std::string>(),
          "M,M,...: the metrics --precision watches (default: the key metrics; compare: "
          "their paired differences)")("min-replications", po::value<std::string>(),
                                       "N: with --precision, at least N replications (default 10)")(
          "max-replications", po::value<std::string>(),
          "N: with --precision, at most N replications (default 10000)");
      break;
    case Option::example:
      d.add_options()("example", po::value<std::vector<std::string>>()->composing(),
                      "NAME: a shipped scenario as FILE, e.g. les/01-basis (from "
                      "share/salesfab/scenarios; repeatable)");
      break;
    case Option::shard:
      d.add_options()("shard", po::value<std::string>(),
                      "K/N: run only the K-th of N equal parts of the replications (with --out; "
                      "join the shards with salesfab merge). Without it: read from "
                      "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX with "
                      "SALESFAB_SHARD_COUNT");
      break;
    }
  }
  return d;
}

std::vector<scenario::Override> CommonOptions::overrides() const {
  std::vector<scenario::Override> result;
  for (const std::string &s : sets)
    result.push_back(scenario::parse_override(s));
  return result;
}

std::uint64_t whole_number(std::string_view option, const std::string &text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw UsageError(std::string(option) + " " + text +
                     ": expected a whole number from 0 to 18446744073709551615");
  return value;
}

ShardChoice parse_shard(const std::string &text, const std::string &what) {
  const std::size_t slash = text.find('/');
  const auto fail = [&] {
    throw UsageError(what + " " + text + ": expected K/N, the K-th of N shards (1 <= K <= N <= " +
                     std::to_string(max_shards) + "), e.g. 2/8");
  };
  if (slash == std::string::npos)
    fail();
  std::uint64_t k = 0, n = 0;
  try {
    k = whole_number(what, text.substr(0, slash));
    n = whole_number(what, text.substr(slash + 1));
  } catch (const UsageError &) {
    fail();
  }
  if (k < 1 || n < k || n > max_shards)
    fail();
  ShardChoice c;
  c.index = static_cast<std::size_t>(k);
  c.count = static_cast<std::size_t>(n);
  c.source = "--shard";
  return c;
}

namespace {
// A variable that must hold a whole number; its value, or a UsageError naming it.
std::uint64_t variable(const std::function<const char *(const char *)> &getenv, const char *name,
                       std::optional<std::uint64_t> otherwise = std::nullopt) {
  const char *value = getenv(name);
  if (value == nullptr) {
    if (otherwise)
      return *otherwise;
    throw UsageError(std::string(name) + " is not set");
  }
  return whole_number(name, value);
}
} // namespace

void resolve_shard(CommonOptions &common, const std::function<const char *(const char *)> &getenv,
                   std::ostream &err) {
  if (common.shard)
    return;
  ShardChoice c;
  if (getenv("SLURM_ARRAY_TASK_ID") != nullptr) {
    // Array indices may start anywhere and step: K counts the tasks from the first.
    const std::uint64_t id = variable(getenv, "SLURM_ARRAY_TASK_ID");
    const std::uint64_t min = variable(getenv, "SLURM_ARRAY_TASK_MIN", 0);
    const std::uint64_t step =
        std::max<std::uint64_t>(variable(getenv, "SLURM_ARRAY_TASK_STEP", 1), 1);
    const std::uint64_t count = variable(getenv, "SLURM_ARRAY_TASK_COUNT");
    if (id < min || (id - min) % step != 0)
      throw UsageError("SLURM_ARRAY_TASK_ID " + std::to_string(id) +
                       " is not a task of an array from SLURM_ARRAY_TASK_MIN " +
                       std::to_string(min) + " in steps of " + std::to_string(step));
    c = parse_shard(std::to_string((id - min) / step + 1) + "/" + std::to_string(count),
                    "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
    c.source = "SLURM_ARRAY_TASK_ID=" + std::to_string(id) +
               " SLURM_ARRAY_TASK_COUNT=" + std::to_string(count);
  } else if (getenv("JOB_COMPLETION_INDEX") != nullptr) {
    const std::uint64_t index = variable(getenv, "JOB_COMPLETION_INDEX");
    if (getenv("SALESFAB_SHARD_COUNT") == nullptr)
      throw UsageError("JOB_COMPLETION_INDEX is set (a Kubernetes indexed Job) but "
                       "SALESFAB_SHARD_COUNT is not: set it to the Job's completions");
    const std::uint64_t count = variable(getenv, "SALESFAB_SHARD_COUNT");
    c = parse_shard(std::to_string(index + 1) + "/" + std::to_string(count),
                    "JOB_COMPLETION_INDEX/SALESFAB_SHARD_COUNT");
    c.source = "JOB_COMPLETION_INDEX=" + std::to_string(index) +
               " SALESFAB_SHARD_COUNT=" + std::to_string(count);
  } else {
    return;
  }
  err << "salesfab: shard " << c.index << "/" << c.count << " (from " << c.source
      << "; --shard K/N overrides)\n";
  common.shard = std::move(c);
}

namespace {

// --precision and its companions: checked here, applied to every variant by plan().
void parse_precision(const po::variables_map &vm, CommonOptions &common) {
  if (vm.count("precision")) {
    const auto &text = vm["precision"].as<std::string>();
    double r = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), r);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(r > 0) || r > 1)
      throw UsageError("--precision " + text +
                       ": expected a relative half-width above 0 and at most 1 (0.01 is 1 %)");
    common.precision = r;
  }
  if (vm.count("precision-metrics")) {
    std::string list = vm["precision-metrics"].as<std::string>();
    for (std::size_t at = 0; at <= list.size();) {
      const std::size_t comma = std::min(list.find(',', at), list.size());
      if (comma == at)
        throw UsageError("--precision-metrics " + list + ": expected metric names joined by ','");
      common.precision_metrics.push_back(list.substr(at, comma - at));
      at = comma + 1;
    }
  }
  auto count = [&](const char *option) -> std::optional<int> {
    if (!vm.count(option))
      return std::nullopt;
    const std::uint64_t n = whole_number(std::string("--") + option, vm[option].as<std::string>());
    if (n < 2 || n > static_cast<std::uint64_t>(scenario::max_replications))
      throw UsageError(std::string("--") + option + " " + std::to_string(n) +
                       ": expected a whole number from 2 to " +
                       std::to_string(scenario::max_replications));
    return static_cast<int>(n);
  };
  common.min_replications = count("min-replications");
  common.max_replications = count("max-replications");
  if (common.min_replications && common.max_replications &&
      *common.max_replications < *common.min_replications)
    throw UsageError("--max-replications " + std::to_string(*common.max_replications) +
                     " is below --min-replications " + std::to_string(*common.min_replications));
  if (common.precision && common.replications)
    throw UsageError("--precision and --replications: give one (with --precision the number of "
                     "replications is what the precision needs)");
}

} // namespace

Parsed parse(std::span<const std::string> args, const po::options_description &description,
             CommonOptions &common) {
  po::options_description all;
  all.add(description);
  all.add_options()("files", po::value(&common.files)->composing());
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  po::parsed_options parsed_args(&all);
  try {
    parsed_args = po::command_line_parser(std::vector<std::string>(args.begin(), args.end()))
                      .options(all)
                      .positional(positional)
                      .run();
    po::store(parsed_args, vm);
    po::notify(vm);
  } catch (const po::error &e) {
    throw UsageError(std::string(e.what()) + " (see --help)");
  }
  if (vm.count("example")) {
    // Files and examples in the order given: for compare, the first is the base.
    common.files.clear();
    for (const po::option &o : parsed_args.options)
      if (o.string_key == "files" || o.string_key == "example")
        for (const std::string &value : o.value)
          common.files.push_back(o.string_key == "files" ? value : example_file(value));
  }
  Parsed parsed;
  parsed.help = vm.count("help") > 0;
  parsed.values = vm;
  if (vm.count("replications")) {
    const int n = vm["replications"].as<int>();
    if (n < 1 || n > scenario::max_replications)
      throw UsageError("--replications " + std::to_string(n) +
                       ": expected a whole number from 1 to " +
                       std::to_string(scenario::max_replications));
    common.replications = n;
  }
  if (vm.count("seed"))
    common.seed = whole_number("--seed", vm["seed"].as<std::string>());
  if (vm.count("threads")) {
    const int t = vm["threads"].as<int>();
    if (t < 1)
      throw UsageError("--threads " + std::to_string(t) + ": expected a whole number >= 1");
    common.threads = t;
  }
  if (vm.count("out"))
    common.out = vm["out"].as<std::string>();
  if (common.resume && !common.out)
    throw UsageError("--resume needs --out DIR (the folder of the run to resume)");
  if (common.max_events == 0)
    throw UsageError("--max-events 0: expected a whole number >= 1");
  parse_precision(vm, common);
  if (vm.count("shard"))
    common.shard = parse_shard(vm["shard"].as<std::string>(), "--shard");
  if (vm.count("format")) {
    const auto &text = vm["format"].as<std::string>();
    const auto format = output::parse_format(text);
    if (!format)
      throw UsageError("--format " + text + ": expected table, csv or json");
    common.format = *format;
  }
  if (vm.count("lang")) {
    const auto &text = vm["lang"].as<std::string>();
    const auto language = present::parse_language(text);
    if (!language)
      throw UsageError("--lang " + text + ": expected en or nl");
    common.language = *language;
  }
  return parsed;
}

} // namespace salesfab::cli
