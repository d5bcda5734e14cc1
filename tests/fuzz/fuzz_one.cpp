#include "fuzz/fuzz_one.hpp"

#include "analysis/measure/metrics.hpp"
#include "crm/calibrate.hpp"
#include "crm/reader.hpp"
#include "crm/vendors.hpp"
#include "model/factory.hpp"
#include "scenario/loader.hpp"
#include "scenario/writer.hpp"
#include "serve/what_if.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace salesfab::test {

namespace {

[[noreturn]] void finding(const char *what, const std::string &detail) {
  std::fprintf(stderr, "fuzz finding: %s: %s\n", what, detail.c_str());
  std::abort();
}

// A what-if request body for `salesfab serve` (an input starting "#serve\n"): read and checked
// against the built-in scenarios, it is either a what-if within the limits or refused with 400
// or 413 and a message; never another exception, never a crash.
void fuzz_what_if(std::string_view body) {
  static const serve::Catalogue catalogue = serve::Catalogue::built_in();
  const serve::Limits limits;
  try {
    const serve::WhatIf w = serve::read_what_if(body, catalogue, limits);
    if (w.files.size() != 2 || w.replications < 1 || w.replications > limits.max_replications)
      finding("a what-if read wrong", std::string(body));
  } catch (const serve::RequestError &e) {
    if ((e.status() != 400 && e.status() != 413) || std::string(e.what()).empty())
      finding("a refusal without its status or message", e.what());
  } catch (const std::exception &e) {
    finding("a what-if body threw something else", e.what());
  }
}

// A first line "#crm": the rest is a CRM table, read as each of the generic tables and as the
// vendors' exports; what reads is calibrated. Bad input must end in a HistoryError.
void fuzz_crm(const std::string &text) {
  const auto attempt = [&](const auto &read) {
    try {
      const crm::ReadResult r = read();
      if (r.history.opportunities.empty() && r.history.leads.empty())
        return;
      crm::calibrate(r.history, scenario::load_default().variants.front().parameters, {});
    } catch (const crm::HistoryError &e) {
      if (e.problems().empty())
        finding("a HistoryError without a problem", text);
    } catch (const std::exception &e) {
      finding("the CRM reader or calibrate threw", e.what());
    }
  };
  crm::ReadOptions lenient;
  lenient.lenient = true;
  for (const auto &options : {crm::ReadOptions{}, lenient}) {
    crm::Tables t;
    t.opportunities = text;
    attempt([&] { return crm::read_tables(t, options); });
    crm::Tables l;
    l.leads = text;
    l.customers = text;
    attempt([&] { return crm::read_tables(l, options); });
    attempt([&] { return crm::read_hubspot(text, "deals.csv", options); });
    crm::SalesforceFiles f;
    f.opportunity = f.history = text;
    attempt([&] { return crm::read_salesforce(f, options); });
  }
}

} // namespace

void fuzz_one(const std::uint8_t *data, std::size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  if (text.rfind("#serve\n", 0) == 0)
    return fuzz_what_if(std::string_view(text).substr(7));
  if (text.rfind("#crm\n", 0) == 0)
    return fuzz_crm(text.substr(5));
  // A first line "#set KEY=VALUE" is an override, so overrides are fuzzed too.
  std::vector<scenario::Override> overrides;
  if (text.rfind("#set ", 0) == 0) {
    const std::size_t end = text.find('\n');
    try {
      overrides.push_back(scenario::parse_override(text.substr(5, end - 5)));
    } catch (const scenario::ScenarioError &) {
      return; // a malformed override is refused: fine
    }
  }
  scenario::ScenarioFile file;
  try {
    file = scenario::load_text(text, "fuzz.yaml", overrides);
  } catch (const scenario::ScenarioError &e) {
    if (e.diagnostics().empty())
      finding("a ScenarioError without a diagnostic", text);
    for (const auto &d : e.diagnostics())
      if (d.message.empty())
        finding("a diagnostic without a message", d.to_string());
    return;
  } catch (const std::exception &e) {
    finding("an exception other than ScenarioError", e.what());
  }
  if (file.variants.empty())
    finding("a valid file without variants", text);
  // What validates must survive the writer's round trip and a short run.
  const std::size_t variants = std::min<std::size_t>(file.variants.size(), 2);
  for (std::size_t v = 0; v < variants; ++v) {
    model::Parameters p = file.variants[v].parameters;
    try {
      const auto again = scenario::load_text(scenario::to_yaml(p), "written.yaml");
      if (!(again.variants.front().parameters == p))
        finding("the round trip changed the parameters", scenario::to_yaml(p));
    } catch (const scenario::ScenarioError &e) {
      finding("the writer wrote an invalid scenario", e.what());
    }
    // A short simulation: at most 60 days, bounded work.
    p.time.horizon_days = std::min(p.time.horizon_days, 60.0);
    p.time.warmup_days = std::min(p.time.warmup_days, p.time.horizon_days / 2);
    p.staff.changes.erase(
        std::remove_if(p.staff.changes.begin(), p.staff.changes.end(),
                       [&](const model::StaffChange &c) { return c.day > p.time.horizon_days; }),
        p.staff.changes.end());
    model::RunLimits limits;
    limits.max_events = 200000;
    limits.max_accounts_alive = 20000;
    try {
      const model::Record record = model::simulate(p, 0, nullptr, limits);
      const auto metrics = analysis::compute_metrics(record, p);
      if (metrics.size() != analysis::metric_catalogue(p).size())
        finding("metrics and catalogue differ in size", "");
    } catch (const model::RunawayError &) {
      // Refusing a runaway is the right answer.
    } catch (const std::exception &e) {
      finding("the simulation threw", e.what());
    }
  }
}

} // namespace salesfab::test
