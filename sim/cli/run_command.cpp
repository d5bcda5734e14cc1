// salesfab run [FILE...]: simulates each scenario (each sweep variant) with its replications and
// prints its RKK table; several variants also side by side. --out DIR writes the result files.

#include "analysis/output/writer.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/session.hpp"

#include <boost/program_options.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>

namespace salesfab::cli {

void describe_export_crm(boost::program_options::options_description &description);
std::optional<int> export_crm(const boost::program_options::variables_map &values,
                              const CommonOptions &common);

int run_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab run [FILE...] [OPTIONS]\n\n"
      "Simulates each scenario (each sweep variant) with its replications and prints\n"
      "its RKK table (richting, kwaliteit, kwantiteit: mean and confidence interval);\n"
      "several variants are also shown side by side. With no FILE: the built-in default\n"
      "scenario (scenarios/basis.yaml). Invalid files are reported and skipped; the rest\n"
      "run, and the exit status is then 2.",
      {Option::set, Option::example, Option::replications, Option::seed, Option::threads,
       Option::out, Option::resume, Option::format, Option::lang, Option::quiet, Option::max_events,
       Option::precision, Option::shard});
  describe_export_crm(description);
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  if (const auto status = export_crm(parsed.values, common))
    return *status;
  resolve_shard(common, std::getenv, std::cerr);
  const Scenarios scenarios =
      load_scenarios(common.files, common.overrides(), /*default_when_empty=*/true, std::cerr);
  if (scenarios.files.empty())
    return exit_invalid; // every file was refused, and said why: nothing to run or write
  const Outcome outcome = launch(plan(scenarios.files, common), scenarios.files, common);
  if (outcome.served)
    return exit_ok; // an MPI rank that only simulated: rank 0 speaks
  if (common.shard)
    return finish_shard(scenarios, outcome, common, command_line("run", args));
  std::cout << output::make_writer(common.format, common.language)->variants(outcome.finished());
  std::cout.flush();
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
  } else {
    write_results(outcome, scenarios.files, common, command_line("run", args));
    if (common.out && !common.quiet)
      std::cerr << "salesfab: results written to " << *common.out << "/ (summary.csv, "
                << "replications.csv, timeseries.csv, run.json)"
                << (outcome.resumed ? "; " + std::to_string(outcome.resumed) +
                                          " variants taken from the interrupted run"
                                    : std::string())
                << '\n';
  }
  if (!common.quiet)
    report_speed(outcome, std::cerr);
  return exit_status(scenarios, outcome);
}

} // namespace salesfab::cli
