// salesfab analyze FILE: what theory expects beside what the simulation gives, with a verdict
// for each quantity, Little's law on each queue, and plainly what theory cannot cover.

#include "analysis/measure/theory/verdict.hpp"
#include "analysis/output/writer.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/session.hpp"

#include <iostream>

namespace salesfab::cli {

int analyze_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab analyze FILE [OPTIONS]\n\n"
      "Sets what theory expects beside what the simulation gives: the funnel as an\n"
      "absorbing Markov chain, the staff pools as queues (Erlang C, M/M/c+D with patience,\n"
      "Allen-Cunneen), the flows and the customer base in steady state; with a verdict per\n"
      "quantity (agrees / close / differs), Little's law on each queue, and the quantities\n"
      "theory cannot cover, with the reason. Exit status 0 either way.",
      {Option::set, Option::example, Option::replications, Option::seed, Option::threads,
       Option::format, Option::lang, Option::quiet, Option::max_events});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.files.size() != 1)
    throw UsageError("analyze takes one scenario file (see salesfab analyze --help)");
  const std::vector<scenario::ScenarioFile> files{
      scenario::load_file(common.files[0], common.overrides())};
  for (const std::string &w : files.front().warnings)
    std::cerr << "salesfab: warning: " << w << '\n';
  // Little's law needs each replication's time-average queue and total wait: keep the records.
  const Outcome outcome = launch(plan(files, common), files, common, {.keep_records = true});
  if (outcome.interrupted) {
    std::cerr << "salesfab: interrupted: nothing was analysed\n";
    return exit_failure;
  }
  std::vector<analysis::theory::TheoryCheck> checks;
  for (const analysis::VariantResult *v : outcome.finished())
    checks.push_back(analysis::theory::check_theory(*v));
  std::cout << output::make_writer(common.format, common.language)->theory(checks);
  return exit_ok;
}

} // namespace salesfab::cli
