// salesfab run [FILE...]: simulates each scenario (each sweep variant) and prints its RKK table.

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/text_table.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

#include <iostream>

namespace salesfab::cli {

namespace {

void print_rkk_table(std::ostream &out, const experiment::VariantResult &v) {
  const auto &p = v.spec.parameters;
  out << v.spec.variant;
  if (!p.title.empty())
    out << " — " << p.title;
  out << "\n"
      << p.run.replications << " replications, " << p.time.horizon_days << " days (warm-up "
      << p.time.warmup_days << "), " << p.run.confidence * 100 << "% confidence intervals\n\n";
  TextTable table({"metric", "mean", "ci low", "ci high", "unit"});
  for (const analysis::Rkk rkk :
       {analysis::Rkk::kwantiteit, analysis::Rkk::kwaliteit, analysis::Rkk::richting}) {
    table.add_title(std::string(analysis::rkk_name(rkk)));
    for (std::size_t m = 0; m < v.metrics.size(); ++m) {
      if (v.metrics[m].rkk != rkk)
        continue;
      const auto s = v.summary(m);
      table.add({"  " + v.metrics[m].name, format_number(s.mean), format_number(s.ci_low),
                 format_number(s.ci_high), v.metrics[m].unit});
    }
  }
  out << table.render() << '\n';
}

} // namespace

int run_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab run [FILE...] [OPTIONS]\n\nSimulates each scenario (each sweep variant) with its "
      "replications and prints\nits RKK table; with no FILE, the built-in default scenario.",
      {Option::set, Option::replications, Option::seed, Option::threads});
  const auto parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  const auto overrides = common.overrides();
  std::vector<scenario::ScenarioFile> files;
  if (common.files.empty())
    files.push_back(scenario::load_default(overrides));
  for (const auto &f : common.files)
    files.push_back(scenario::load_file(f, overrides));
  std::vector<experiment::VariantSpec> specs;
  for (const auto &file : files)
    for (const auto &variant : file.variants) {
      experiment::VariantSpec spec{variant.parameters.name, variant.name, variant.parameters};
      if (common.replications)
        spec.parameters.run.replications = *common.replications;
      if (common.seed)
        spec.parameters.run.seed = *common.seed;
      specs.push_back(std::move(spec));
    }
  experiment::Options options;
  options.threads = common.threads.value_or(0);
  experiment::RunStats stats;
  const auto results = experiment::run(specs, options, &stats);
  for (const auto &v : results)
    print_rkk_table(std::cout, v);
  std::cerr << "{\"events\": " << stats.events << ", \"wall_seconds\": " << stats.wall_seconds
            << ", \"events_per_second\": "
            << (stats.wall_seconds > 0 ? static_cast<double>(stats.events) / stats.wall_seconds : 0)
            << ", \"threads\": " << stats.threads << "}\n";
  return exit_ok;
}

} // namespace salesfab::cli
