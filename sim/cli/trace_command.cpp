// salesfab trace FILE: the journey of accounts through the factory, one line per event, told in
// plain words (Dutch with --lang nl), or as an event log (--format csv).

#include "analysis/output/csv.hpp"
#include "analysis/present/words.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "model/factory.hpp"
#include "scenario/loader.hpp"

#include <boost/program_options.hpp>

#include <iostream>
#include <map>
#include <set>

namespace salesfab::cli {

namespace {

// Keeps the steps of the accounts followed: the first N to arrive as suspects, or one by number.
class JourneyRecorder : public model::Tracer {
public:
  JourneyRecorder(std::optional<std::uint64_t> account, std::size_t first)
      : account_(account), first_(first) {}

  void on(const model::TraceEvent &e) override {
    if (account_) {
      if (e.account == *account_)
        events_.push_back(e);
      return;
    }
    if (!followed_.count(e.account)) {
      if (e.kind != model::TraceKind::suspect_arrived || followed_.size() >= first_)
        return;
      followed_.insert(e.account);
      order_.push_back(e.account);
    }
    events_.push_back(e);
  }

  [[nodiscard]] const std::vector<model::TraceEvent> &events() const { return events_; }
  /// The accounts in the order they were first seen.
  [[nodiscard]] std::vector<std::uint64_t> accounts() const {
    if (account_)
      return events_.empty() ? std::vector<std::uint64_t>{} : std::vector{*account_};
    return order_;
  }

private:
  std::optional<std::uint64_t> account_;
  std::size_t first_;
  std::set<std::uint64_t> followed_;
  std::vector<std::uint64_t> order_;
  std::vector<model::TraceEvent> events_;
};

} // namespace

int trace_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab trace FILE [OPTIONS]\n\n"
      "Follows accounts through the factory and tells their journey, one line per event:\n"
      "the day, the platform and what happened, in plain words (--lang nl: in Dutch). By\n"
      "default the first 3 suspects to arrive, from first contact to customer and beyond.\n"
      "--format csv gives an event log instead (day, account, platform, event, detail).",
      {Option::set, Option::seed, Option::format, Option::lang, Option::max_events});
  std::size_t accounts = 3;
  std::optional<std::uint64_t> account;
  std::optional<double> until;
  std::uint64_t replication = 0;
  namespace po = boost::program_options;
  description.add_options()("accounts", po::value<std::string>(),
                            "N: follow the first N suspects to arrive (default 3)")(
      "account", po::value<std::string>(),
      "ID: follow the account with this number (initial customers too)")(
      "until", po::value<double>(), "DAY: stop the story at this day (default: the horizon)")(
      "replication", po::value<std::string>(), "R: which replication to follow (default 0)");
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  const auto &extra = parsed.values;
  if (extra.count("accounts"))
    accounts = whole_number("--accounts", extra["accounts"].as<std::string>());
  if (extra.count("account"))
    account = whole_number("--account", extra["account"].as<std::string>());
  if (extra.count("replication"))
    replication = whole_number("--replication", extra["replication"].as<std::string>());
  if (extra.count("until"))
    until = extra["until"].as<double>();
  if (common.files.size() != 1)
    throw UsageError("trace takes one scenario file (see salesfab trace --help)");
  if (common.format == "json")
    throw UsageError("--format json: trace writes table (the story) or csv (the event log)");
  if (accounts == 0 && !account)
    throw UsageError("--accounts 0: expected a whole number >= 1");
  if (until && !(*until > 0))
    throw UsageError("--until: expected a day > 0");

  const auto file = scenario::load_file(common.files[0], common.overrides());
  model::Parameters p = file.variants.front().parameters;
  if (common.seed)
    p.run.seed = *common.seed;
  if (until && *until < p.time.horizon_days) {
    p.time.horizon_days = *until;
    p.time.warmup_days = std::min(p.time.warmup_days, *until);
  }
  JourneyRecorder journeys(account, accounts);
  model::RunLimits limits;
  limits.max_events = common.max_events;
  model::simulate(p, replication, &journeys, limits);

  const present::Language language = common.language();
  present::StoryContext context;
  for (const auto &s : p.funnel.stages)
    context.stages.push_back(s.name);
  for (const auto &s : p.market.segments)
    context.segments.push_back(s.name);

  if (common.format == "csv") {
    using output::csv_field;
    std::cout << "day,account,platform,event,detail,opportunity,stage,source,class,value\n";
    for (const auto &e : journeys.events())
      std::cout << output::csv_line({output::csv_number(e.day), std::to_string(e.account),
                                     csv_field(present::platform_name(language, e.platform)),
                                     std::string(model::trace_kind_name(e.kind)),
                                     csv_field(present::story(language, e, context)),
                                     e.opportunity ? std::to_string(e.opportunity) : "",
                                     e.opportunity ? csv_field(context.stages.at(e.stage)) : "",
                                     std::string(model::source_name(e.source)),
                                     std::string(model::class_name(e.cls)),
                                     e.opportunity ? output::csv_number(e.value) : ""});
    return exit_ok;
  }
  const auto followed = journeys.accounts();
  if (followed.empty()) {
    std::string message(
        present::word(language, account ? "trace.no_such_account" : "trace.no_suspect"));
    if (account)
      message.replace(message.find("{account}"), 9, std::to_string(*account));
    message.replace(message.find("{day}"), 5,
                    present::format_amount(language, p.time.horizon_days));
    std::cerr << "salesfab: " << message << '\n';
    return exit_ok;
  }
  for (const std::uint64_t a : followed) {
    std::cout << present::word(language, "trace.account_heading") << ' ' << a << '\n';
    for (const auto &e : journeys.events())
      if (e.account == a)
        std::cout << "  " << present::story_line(language, e, context) << '\n';
    std::cout << '\n';
  }
  return exit_ok;
}

} // namespace salesfab::cli
