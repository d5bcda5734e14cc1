// salesfab report FILE... --out report.html: runs the scenarios like `run` and writes one
// self-contained HTML page (the factory drawn with its flows, RKK tables, charts over time, the
// scenario files). The page is written whole or not at all.

#include "analysis/output/result_folder.hpp"
#include "analysis/output/sha256.hpp"
#include "analysis/present/report/html_report.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/session.hpp"

#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

namespace salesfab::cli {

namespace {

// The report's input: the finished variants as the run gave them, and the files they came from.
present::report::Input report_input(const Outcome &outcome,
                                    const std::vector<scenario::ScenarioFile> &files,
                                    const CommonOptions &common) {
  present::report::Input in;
  in.language = common.language;
  in.version = std::string(version());
  in.sets = common.sets;
  for (const auto &f : files)
    in.files.push_back({f.source, f.text, output::sha256_hex(f.text)});
  for (std::size_t v = 0; v < outcome.results.size(); ++v)
    if (outcome.results[v])
      in.variants.push_back({&*outcome.results[v], outcome.planned[v].file});
  return in;
}

// Says before any simulation when the page cannot be written there (exit status 1).
void check_writable(const std::filesystem::path &path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw output::OutputError("cannot write " + path.string() +
                              ": it is a folder; --out takes the HTML file's path");
  const std::filesystem::path parent =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, ec))
    throw output::OutputError("cannot write " + path.string() + ": there is no folder " +
                              parent.string());
  // A probe next to the page: a folder we may not write to is reported before the run.
  const std::filesystem::path probe = parent / (".salesfab-probe-" + path.filename().string());
  try {
    output::write_atomically(probe, "");
  } catch (const output::OutputError &) {
    throw output::OutputError("cannot write " + path.string() + ": the folder " + parent.string() +
                              " cannot be written to");
  }
  std::filesystem::remove(probe, ec);
}

} // namespace

int report_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab report [FILE...] --out report.html [OPTIONS]\n\n"
      "Runs each scenario (each sweep variant) like `salesfab run` and writes one\n"
      "self-contained HTML page: the factory's three platforms drawn with the flows of the\n"
      "run, the RKK tables with confidence intervals, several variants side by side, charts\n"
      "over time, and the scenario files. Nothing is fetched from the network: a page to\n"
      "show in class or send on. --lang nl writes it in Dutch. With no FILE: the built-in\n"
      "default scenario. The same command writes the same page, byte for byte.\n\n"
      "--set here works as in `salesfab run`: it changes every file and variant, and the page\n"
      "lists the settings under what was run. To see what a setting changes, compare: in\n"
      "`salesfab compare FILE --set KEY=VALUE` the settings make an alternative beside FILE.",
      {Option::set, Option::example, Option::replications, Option::seed, Option::threads,
       Option::lang, Option::quiet, Option::max_events, Option::precision});
  description.add_options()("out,o", boost::program_options::value<std::string>(),
                            "FILE: the HTML page to write (required)");
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  // parse() keeps --out as the result folder of run and compare; here it is the page's path.
  if (!common.out || common.out->empty())
    throw UsageError("report needs --out FILE, the HTML page to write (see --help)");
  const std::filesystem::path page = *common.out;
  common.out.reset();
  check_writable(page);

  const Scenarios scenarios =
      load_scenarios(common.files, common.overrides(), /*default_when_empty=*/true, std::cerr);
  if (scenarios.files.empty())
    return exit_invalid;
  const Outcome outcome = launch(plan(scenarios.files, common), scenarios.files, common);
  if (outcome.interrupted) {
    report_interrupted(outcome, common, std::cerr);
    return exit_status(scenarios, outcome);
  }
  output::write_atomically(
      page, present::report::html_report(report_input(outcome, scenarios.files, common)));
  if (!common.quiet) {
    std::cerr << "salesfab: report written to " << page.string() << '\n';
    report_speed(outcome, std::cerr);
  }
  return exit_status(scenarios, outcome);
}

} // namespace salesfab::cli
