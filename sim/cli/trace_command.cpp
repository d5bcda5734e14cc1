// salesfab trace FILE: the journey of accounts through the factory, one line per event, told in
// plain words (Dutch with --lang nl), or as an event log (--format csv).

#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/present/numbers.hpp"
#include "analysis/present/words.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "model/factory.hpp"
#include "model/journeys.hpp"
#include "scenario/loader.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <iostream>

namespace salesfab::cli {

namespace {

// What trace follows: which accounts, until when, in which replication.
struct TraceOptions {
  std::size_t accounts = 3;
  std::optional<std::uint64_t> account;
  std::optional<double> until;
  std::uint64_t replication = 0;
  std::optional<std::string> variant; ///< --variant NAME|INDEX: which variant of a sweep
};

void describe_trace_options(boost::program_options::options_description &description) {
  namespace po = boost::program_options;
  description.add_options()("accounts", po::value<std::string>(),
                            "N: follow the first N suspects to arrive (default 3)")(
      "account", po::value<std::string>(),
      "ID: follow the account with this number (initial customers too)")(
      "until", po::value<double>(), "DAY: stop the story at this day (default: the horizon)")(
      "replication", po::value<std::string>(), "R: which replication to follow (default 0)")(
      "variant", po::value<std::string>(),
      "NAME|INDEX: which variant of a sweep to follow, by its name (as run prints it, or only\n"
      "the part in brackets) or its index counted from 0 (default 0, the first)");
}

TraceOptions trace_options(const boost::program_options::variables_map &extra,
                           const CommonOptions &common) {
  TraceOptions t;
  if (extra.count("accounts"))
    t.accounts = whole_number("--accounts", extra["accounts"].as<std::string>());
  if (extra.count("account"))
    t.account = whole_number("--account", extra["account"].as<std::string>());
  if (extra.count("replication"))
    t.replication = whole_number("--replication", extra["replication"].as<std::string>());
  if (extra.count("until"))
    t.until = extra["until"].as<double>();
  if (extra.count("variant"))
    t.variant = extra["variant"].as<std::string>();
  if (common.files.size() != 1)
    throw UsageError("trace takes one scenario file (see salesfab trace --help)");
  if (common.format == output::Format::json)
    throw UsageError("--format json: trace writes table (the story) or csv (the event log)");
  if (t.accounts == 0 && !t.account)
    throw UsageError("--accounts 0: expected a whole number >= 1");
  if (t.until && !(*t.until > 0))
    throw UsageError("--until: expected a day > 0");
  return t;
}

// The variant --variant names (by its name, the settings in its brackets, or its index), or
// the first; a name or index the file lacks is a usage error that lists the variants.
std::size_t chosen_variant(const scenario::ScenarioFile &file, const TraceOptions &t) {
  if (!t.variant)
    return 0;
  const std::string &wanted = *t.variant;
  for (std::size_t i = 0; i < file.variants.size(); ++i) {
    const std::string &name = file.variants[i].name;
    const auto open = name.find('[');
    if (name == wanted ||
        (open != std::string::npos && name.substr(open + 1, name.size() - open - 2) == wanted))
      return i;
  }
  if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos &&
      wanted.size() < 10 && std::stoul(wanted) < file.variants.size())
    return std::stoul(wanted);
  std::string list;
  for (std::size_t i = 0; i < file.variants.size(); ++i)
    list += "\n  " + std::to_string(i) + "  " + file.variants[i].name;
  throw UsageError("--variant " + wanted + ": " + file.source + " has no such variant; it has " +
                   std::to_string(file.variants.size()) + " (give a name or an index):" + list);
}

// The variant to follow, with --seed, and its horizon cut at --until.
model::Parameters traced_parameters(const scenario::ScenarioFile &file, std::size_t variant,
                                    const CommonOptions &common, const TraceOptions &t) {
  model::Parameters p = file.variants.at(variant).parameters;
  if (common.seed)
    p.run.seed = *common.seed;
  if (t.until && *t.until < p.time.horizon_days) {
    p.time.horizon_days = *t.until;
    p.time.warmup_days = std::min(p.time.warmup_days, *t.until);
  }
  return p;
}

} // namespace

int trace_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab trace FILE [OPTIONS]\n\n"
      "Follows accounts through the factory and tells their journey, one line per event:\n"
      "the day, the platform and what happened, in plain words (--lang nl: in Dutch). By\n"
      "default the first 3 suspects to arrive, from first contact to customer and beyond.\n"
      "--format csv gives an event log instead (day, account, platform, event, detail).",
      {Option::set, Option::example, Option::seed, Option::format, Option::lang,
       Option::max_events});
  describe_trace_options(description);
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  const TraceOptions t = trace_options(parsed.values, common);
  const auto file = scenario::load_file(common.files[0], common.overrides());
  const std::size_t variant = chosen_variant(file, t);
  const model::Parameters p = traced_parameters(file, variant, common, t);
  model::Journeys journeys(t.account, t.accounts);
  model::RunLimits limits;
  limits.max_events = common.max_events;
  model::simulate(p, t.replication, &journeys, limits);

  const present::Language language = common.language;
  // A sweep: say which variant the story follows (on stderr beside an event log).
  if (file.variants.size() > 1)
    (common.format == output::Format::csv ? std::cerr : std::cout)
        << present::fill(present::word(language, "trace.variant_note"),
                         {{"i", std::to_string(variant)},
                          {"n", std::to_string(file.variants.size())},
                          {"name", file.variants[variant].name}})
        << "\n\n";
  present::StoryContext context;
  for (const auto &s : p.funnel.stages)
    context.stages.push_back(s.name);
  for (const auto &s : p.market.segments)
    context.segments.push_back(s.name);
  if (common.format == output::Format::csv) {
    // The factory's own events (staff who leave, market changes) among the accounts', by day.
    std::vector<model::TraceEvent> all = journeys.events();
    all.insert(all.end(), journeys.factory_events().begin(), journeys.factory_events().end());
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.day < b.day; });
    std::cout << output::to_csv(output::trace_records(all, language, context));
    return exit_ok;
  }
  if (journeys.accounts().empty()) {
    const auto key = t.account ? "trace.no_such_account" : "trace.no_suspect";
    std::cerr << "salesfab: "
              << present::fill(present::word(language, key),
                               {{"account", t.account ? std::to_string(*t.account) : ""},
                                {"day", present::format_amount(language, p.time.horizon_days)}})
              << '\n';
    return exit_ok;
  }
  std::cout << present::journeys_told(language, journeys, context);
  return exit_ok;
}

} // namespace salesfab::cli
