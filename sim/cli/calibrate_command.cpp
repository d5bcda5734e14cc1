// salesfab calibrate DIR: a scenario fitted to a CRM history (generic tables, or a Salesforce or
// HubSpot export), with a fit report; and `run FILE --export-crm DIR`, the history a simulated
// factory's CRM would hold. The work is in sim/crm; here options, files and exit codes.

#include "analysis/output/result_folder.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "crm/calibrate.hpp"
#include "crm/export.hpp"
#include "crm/fit_report.hpp"
#include "crm/fitted_yaml.hpp"
#include "crm/reader.hpp"
#include "crm/vendors.hpp"
#include "scenario/loader.hpp"

#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace salesfab::cli {

namespace {

namespace po = boost::program_options;

struct CalibrateOptions {
  std::string history;
  std::optional<std::string> base;
  std::string source = "generic";
  std::string out;
  std::optional<std::string> report;
  crm::CalibrateOptions fit;
  crm::ReadOptions read;
};

crm::Day date_option(const char *option, const std::string &text) {
  const auto d = crm::parse_date(text);
  if (!d)
    throw UsageError(std::string(option) + " '" + text + "': expected a date YYYY-MM-DD");
  return *d;
}

CalibrateOptions calibrate_options(const po::variables_map &v, const CommonOptions &common) {
  CalibrateOptions o;
  if (common.files.size() != 1)
    throw UsageError("calibrate takes one CRM history folder (see salesfab calibrate --help)");
  o.history = common.files[0];
  if (!v.count("out"))
    throw UsageError("calibrate needs --out FILE: where the fitted scenario goes");
  o.out = v["out"].as<std::string>();
  if (v.count("base"))
    o.base = v["base"].as<std::string>();
  if (v.count("report"))
    o.report = v["report"].as<std::string>();
  if (v.count("source"))
    o.source = v["source"].as<std::string>();
  if (o.source != "generic" && o.source != "salesforce" && o.source != "hubspot")
    throw UsageError("--source '" + o.source + "': expected generic, salesforce or hubspot");
  if (v.count("as-of"))
    o.fit.as_of = date_option("--as-of", v["as-of"].as<std::string>());
  if (v.count("from"))
    o.fit.from = date_option("--from", v["from"].as<std::string>());
  o.read.lenient = v.count("lenient") && v["lenient"].as<bool>();
  return o;
}

crm::ReadResult read_history(const CalibrateOptions &o) {
  if (o.source == "salesforce")
    return crm::read_salesforce(crm::salesforce_files(o.history), o.read);
  if (o.source == "hubspot") {
    const auto [text, name] = crm::hubspot_file(o.history);
    return crm::read_hubspot(text, name, o.read);
  }
  return crm::read_tables(crm::tables_in(o.history), o.read);
}

void say_skipped(const crm::ReadResult &r) {
  if (r.rows_skipped == 0)
    return;
  std::cerr << "salesfab: --lenient: skipped " << r.rows_skipped << " rows with "
            << r.skipped.size() << " problems:\n";
  for (const crm::Problem &p : r.skipped)
    std::cerr << "  " << p.to_string() << '\n';
}

int calibrate(const CalibrateOptions &o, const CommonOptions &common) {
  const scenario::ScenarioFile base =
      o.base ? scenario::load_file(*o.base) : scenario::load_default();
  const crm::ReadResult read = read_history(o);
  say_skipped(read);
  const crm::Calibration c = crm::calibrate(read.history, base.variants.front().parameters, o.fit);
  const crm::Provenance provenance{o.history, base.source, o.source};
  const std::string yaml = crm::fitted_yaml(c, provenance, o.fit.confidence);
  try {
    scenario::load_text(yaml, o.out);
  } catch (const scenario::ScenarioError &e) { // a fitted scenario that does not load is a bug
    throw std::logic_error(std::string("the fitted scenario does not load: ") + e.what());
  }
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  files.emplace_back(o.out, yaml);
  const auto csv = std::filesystem::path(o.out).parent_path() / "fit.csv";
  files.emplace_back(csv, crm::fit_csv(c));
  if (o.report)
    files.emplace_back(*o.report, crm::fit_html(c, provenance, common.language));
  output::write_all_atomically(files);
  std::cout << "salesfab: " << c.fitted.size() << " values fitted to " << o.history << " ("
            << crm::date_text(c.from) << " to " << crm::date_text(c.as_of) << "), "
            << c.from_base.size() << " fittable values from the base; written " << o.out << ", "
            << csv.string() << (o.report ? ", " + *o.report : std::string()) << '\n';
  return exit_ok;
}

} // namespace

int calibrate_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab calibrate DIR --out fitted.yaml [OPTIONS]\n\n"
      "Fits a scenario to a CRM history: the generic tables in DIR (leads.csv,\n"
      "opportunities.csv, customers.csv), or a Salesforce (--source salesforce:\n"
      "OpportunityHistory.csv and Opportunity.csv) or HubSpot (--source hubspot: a deals\n"
      "export) export. Writes the fitted scenario, every fitted key with its n, 95% interval\n"
      "and method, and fit.csv beside it; --report adds an HTML page with the fitted curves\n"
      "against the data. Exit status 2 for a history that cannot be read, every problem\n"
      "listed as FILE:LINE: column: problem, nothing written.",
      {Option::lang});
  description.add_options()("out", po::value<std::string>(), "FILE: the fitted scenario (YAML)")(
      "base", po::value<std::string>(),
      "FILE: the scenario for what the CRM cannot tell (default: the built-in basis)")(
      "as-of", po::value<std::string>(),
      "DATE: the export date; later events are unknown (default: the latest date)")(
      "from", po::value<std::string>(),
      "DATE: start of the observed window for rates (default: the earliest date)")(
      "source", po::value<std::string>(), "generic|salesforce|hubspot (default generic)")(
      "report", po::value<std::string>(), "FILE: the fit report as one HTML page")(
      "lenient", po::bool_switch(), "skip rows with problems (and say which) instead of refusing");
  const Parsed parsed = parse(args, description, common);
  if (parsed.help) {
    std::cout << description;
    return exit_ok;
  }
  const CalibrateOptions o = calibrate_options(parsed.values, common);
  try {
    return calibrate(o, common);
  } catch (const crm::HistoryError &e) {
    std::cerr << e.what() << '\n';
    return exit_invalid;
  }
}

void describe_export_crm(po::options_description &description) {
  description.add_options()("export-crm", po::value<std::string>(),
                            "DIR: instead of the replications, write the CRM history of one "
                            "replication (leads.csv, opportunities.csv, customers.csv)")(
      "replication", po::value<std::string>(),
      "R: the replication --export-crm writes (default 0)");
}

std::optional<int> export_crm(const po::variables_map &values, const CommonOptions &common) {
  if (!values.count("export-crm")) {
    if (values.count("replication"))
      throw UsageError("--replication goes with --export-crm");
    return std::nullopt;
  }
  if (common.files.size() > 1)
    throw UsageError("--export-crm takes one scenario file");
  const auto file = common.files.empty() ? scenario::load_default(common.overrides())
                                         : scenario::load_file(common.files[0], common.overrides());
  model::Parameters p = file.variants.front().parameters;
  if (common.seed)
    p.run.seed = *common.seed;
  const std::uint64_t r =
      values.count("replication")
          ? whole_number("--replication", values["replication"].as<std::string>())
          : 0;
  model::RunLimits limits;
  limits.max_events = common.max_events;
  crm::Day as_of = 0;
  const crm::History h = crm::simulated_history(p, r, limits, as_of);
  const crm::TableTexts t = crm::to_tables(h);
  const std::filesystem::path dir = values["export-crm"].as<std::string>();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  output::write_all_atomically({{dir / "leads.csv", t.leads},
                                {dir / "opportunities.csv", t.opportunities},
                                {dir / "customers.csv", t.customers}});
  if (!common.quiet)
    std::cerr << "salesfab: CRM history of replication " << r << " written to " << dir.string()
              << "/ (" << h.leads.size() << " leads, " << h.opportunities.size()
              << " opportunities, " << h.customers.size() << " customer periods; day 0 is "
              << crm::date_text(crm::export_epoch()) << ", export date " << crm::date_text(as_of)
              << ")\n";
  return exit_ok;
}

} // namespace salesfab::cli
