// salesfab validate FILE...: checks scenario files against the contract and runs nothing.

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/session.hpp"
#include "scenario/loader.hpp"
#include "scenario/writer.hpp"

#include <iostream>

namespace salesfab::cli {

int validate_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe("salesfab validate FILE... [OPTIONS]\n\n"
                                     "Checks scenario files against the scenario contract and "
                                     "prints every problem\n(FILE:LINE:COLUMN: key.path: what is "
                                     "wrong); runs nothing.\nExit status 0 when every file is "
                                     "valid, 2 otherwise",
                                     {Option::set, Option::example});
  bool print = false;
  description.add_options()("print", boost::program_options::bool_switch(&print),
                            "print each valid scenario complete, every default spelled out");
  const auto parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.files.empty())
    throw UsageError("validate needs at least one scenario file (see salesfab validate --help)");
  const auto overrides = common.overrides();
  bool all_ok = true;
  for (const std::string &file : common.files) {
    try {
      const auto loaded = scenario::load_file(file, overrides);
      // What only the analysis layer can check (the metrics a precision goal watches), too.
      check_precision_metrics(plan({loaded}, common), {loaded}, common);
      std::cout << file << ": ok";
      if (loaded.variants.size() > 1)
        std::cout << " (" << loaded.variants.size() << " variants)";
      std::cout << '\n';
      for (const std::string &w : loaded.warnings)
        std::cout << "warning: " << w << '\n';
      if (print)
        for (const auto &variant : loaded.variants) {
          if (loaded.variants.size() > 1)
            std::cout << "# variant " << variant.name << '\n';
          std::cout << scenario::to_yaml(variant.parameters);
        }
    } catch (const scenario::ScenarioError &e) {
      all_ok = false;
      std::cout << e.what() << '\n';
    }
  }
  return all_ok ? exit_ok : exit_invalid;
}

} // namespace salesfab::cli
