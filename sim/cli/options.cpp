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
