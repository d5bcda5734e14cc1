// salesfab compare BASE ALT...: runs the variants with common random numbers and prints, per
// metric, the paired difference ALT - BASE with its confidence interval.

#include "analysis/measure/comparison.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/writer.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/session.hpp"

#include <cstdlib>
#include <iostream>

namespace salesfab::cli {

int compare_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab compare BASE [ALT...] [OPTIONS]\n\n"
      "Runs the scenarios with common random numbers (the same seeds, replication by\n"
      "replication) and prints per metric the paired difference ALT - BASE with its\n"
      "confidence interval, marking (*) the differences whose interval excludes 0.\n"
      "BASE is the first variant of the first file; every other variant (other files,\n"
      "a sweep's other points) is an alternative. With --set, the alternatives are the\n"
      "files' variants with the settings applied, e.g.\n"
      "  salesfab compare scenarios/basis.yaml --set staff.account_manager.headcount=2\n"
      "(--set here adds an alternative; in run and report it changes every file instead.)",
      {Option::set, Option::example, Option::replications, Option::seed, Option::threads,
       Option::out, Option::resume, Option::format, Option::lang, Option::quiet, Option::max_events,
       Option::precision, Option::shard});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  resolve_shard(common, std::getenv, std::cerr);
  if (common.files.empty())
    throw UsageError("compare needs a BASE scenario file (see salesfab compare --help)");
  const Scenarios scenarios = comparison_scenarios(common, std::cerr);
  if (scenarios.some_invalid)
    return exit_invalid; // a comparison with a file missing would answer another question
  auto planned = plan(scenarios.files, common);
  if (planned.size() < 2)
    throw UsageError("nothing to compare: give ALT files, a sweep, or --set KEY=VALUE");
  if (!check_pairing(planned, std::cerr))
    return exit_invalid;

  const Outcome outcome =
      launch(std::move(planned), scenarios.files, common, {.keep_records = false, .paired = true});
  if (outcome.served)
    return exit_ok; // an MPI rank that only simulated: rank 0 speaks
  if (common.shard)
    return finish_shard(scenarios, outcome, common, command_line("compare", args));
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
    return exit_failure;
  }
  const auto variants = outcome.finished();
  std::vector<analysis::Comparison> comparisons;
  for (std::size_t v = 1; v < variants.size(); ++v)
    comparisons.push_back(analysis::compare(*variants.front(), *variants[v]));
  std::cout << output::make_writer(common.format, common.language)->comparisons(comparisons);
  std::cout.flush();
  write_results(outcome, scenarios.files, common, command_line("compare", args),
                {{"comparison.csv", output::to_csv(output::comparison_records(comparisons))}});
  if (!common.quiet)
    report_speed(outcome, std::cerr);
  return exit_ok;
}

} // namespace salesfab::cli
