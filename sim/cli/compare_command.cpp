// salesfab compare BASE ALT...: runs the variants with common random numbers and prints, per
// metric, the paired difference ALT - BASE with its confidence interval.

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/result_views.hpp"
#include "cli/session.hpp"

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
      "  salesfab compare scenarios/basis.yaml --set staff.account_manager.headcount=2",
      {Option::set, Option::replications, Option::seed, Option::threads, Option::out,
       Option::resume, Option::format, Option::lang, Option::quiet, Option::max_events});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.files.empty())
    throw UsageError("compare needs a BASE scenario file (see salesfab compare --help)");
  // The base never takes the --set settings; with them, the alternatives are the files again.
  Scenarios scenarios = load_scenarios(common.files, {}, false, std::cerr);
  if (!common.sets.empty()) {
    Scenarios alternatives = load_scenarios(common.files, common.overrides(), false, std::cerr);
    Scenarios combined;
    combined.some_invalid = scenarios.some_invalid || alternatives.some_invalid;
    if (!scenarios.files.empty()) { // the base: the first file's first variant, as written
      combined.files.push_back(std::move(scenarios.files.front()));
      combined.files.back().variants.resize(1);
    }
    std::string settings;
    for (const auto &s : common.sets)
      settings += (settings.empty() ? "" : ",") + s;
    for (auto &file : alternatives.files) {
      for (auto &variant : file.variants)
        variant.name += " {" + settings + "}";
      combined.files.push_back(std::move(file));
    }
    scenarios = std::move(combined);
  }
  if (scenarios.some_invalid)
    return exit_invalid; // a comparison with a file missing would answer another question
  auto planned = plan(scenarios.files, common);
  if (planned.size() < 2)
    throw UsageError("nothing to compare: give ALT files, a sweep, or --set KEY=VALUE");
  const auto &base_params = planned.front().spec.parameters;
  for (const auto &p : planned)
    if (p.spec.parameters.run.replications != base_params.run.replications) {
      std::cerr << "salesfab: " << p.spec.variant << " has " << p.spec.parameters.run.replications
                << " replications, the base " << base_params.run.replications
                << ": a paired comparison needs the same number (use --replications N to give "
                   "all the same)\n";
      return exit_invalid;
    }
  bool same_seeds = true;
  for (const auto &p : planned)
    if (p.spec.parameters.run.seed != base_params.run.seed) {
      same_seeds = false;
      std::cerr << "salesfab: warning: " << p.spec.variant << " has seed "
                << p.spec.parameters.run.seed << ", the base " << base_params.run.seed
                << ": the differences include luck (use --seed to give all the same)\n";
    }

  const Outcome outcome = execute(std::move(planned), scenarios.files, common);
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
    return exit_failure;
  }
  const auto tables = outcome.tables();
  const experiment::VariantTable &base = *tables.front();
  const double confidence = base_params.run.confidence;
  std::vector<const experiment::VariantTable *> alternatives;
  std::vector<std::vector<Difference>> differences;
  std::string csv;
  for (std::size_t v = 1; v < tables.size(); ++v) {
    alternatives.push_back(&*tables[v]);
    differences.push_back(compare(base, *tables[v], confidence));
    csv += comparison_csv(base, *tables[v], differences.back(), v == 1);
  }
  if (common.format == "csv") {
    std::cout << csv;
  } else if (common.format == "json") {
    print_comparison_json(std::cout, base, alternatives, differences);
  } else {
    for (std::size_t a = 0; a < alternatives.size(); ++a)
      print_comparison(std::cout, base, *alternatives[a], differences[a], confidence, same_seeds,
                       common.language());
  }
  std::cout.flush();
  std::vector<std::string> command_line{"salesfab", "compare"};
  command_line.insert(command_line.end(), args.begin(), args.end());
  write_results(outcome, scenarios.files, common, command_line, {{"comparison.csv", csv}});
  if (!common.quiet)
    report_speed(outcome, std::cerr);
  return exit_ok;
}

} // namespace salesfab::cli
