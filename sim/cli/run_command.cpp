// salesfab run [FILE...]: simulates each scenario (each sweep variant) with its replications and
// prints its RKK table; several variants also side by side. --out DIR writes the result files.

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/result_views.hpp"
#include "cli/session.hpp"
#include "experiment/result_files.hpp"

#include <iostream>

namespace salesfab::cli {

int run_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab run [FILE...] [OPTIONS]\n\n"
      "Simulates each scenario (each sweep variant) with its replications and prints\n"
      "its RKK table (richting, kwaliteit, kwantiteit: mean and confidence interval);\n"
      "several variants are also shown side by side. With no FILE: the built-in default\n"
      "scenario (scenarios/basis.yaml). Invalid files are reported and skipped; the rest\n"
      "run, and the exit status is then 2.",
      {Option::set, Option::replications, Option::seed, Option::threads, Option::out,
       Option::resume, Option::format, Option::lang, Option::quiet, Option::max_events});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  const Scenarios scenarios =
      load_scenarios(common.files, common.overrides(), /*default_when_empty=*/true, std::cerr);
  if (scenarios.files.empty())
    return exit_invalid; // every file was refused, and said why: nothing to run or write
  const Outcome outcome = execute(plan(scenarios.files, common), scenarios.files, common);

  std::vector<experiment::VariantTable> finished;
  std::vector<const model::Parameters *> params;
  const auto tables = outcome.tables();
  for (std::size_t v = 0; v < tables.size(); ++v)
    if (tables[v]) {
      finished.push_back(*tables[v]);
      params.push_back(&outcome.planned[v].spec.parameters);
    }
  if (common.format == "csv") {
    std::cout << experiment::summary_header;
    for (const auto &rows : outcome.rows)
      if (rows)
        std::cout << rows->summary;
  } else if (common.format == "json") {
    print_summary_json(std::cout, finished);
  } else {
    for (std::size_t i = 0; i < finished.size(); ++i)
      print_rkk_table(std::cout, finished[i], *params[i], common.language());
    if (finished.size() > 1)
      print_side_by_side(std::cout, finished, common.language());
  }
  std::cout.flush();
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
  } else {
    std::vector<std::string> command_line{"salesfab", "run"};
    command_line.insert(command_line.end(), args.begin(), args.end());
    write_results(outcome, scenarios.files, common, command_line);
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
