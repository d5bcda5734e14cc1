// BM_Calibrate: salesfab calibrate's work on a 100 000-opportunity history on one core: reading
// and checking the three generic tables, then every fit. The history is a simulated factory's
// CRM (tests/crm/data/roundtrip-a.yaml with twenty times the arrivals, five years), exported once
// before timing starts.

#include "crm/calibrate.hpp"
#include "crm/export.hpp"
#include "crm/reader.hpp"
#include "scenario/loader.hpp"

#include <benchmark/benchmark.h>

using namespace salesfab;

namespace {

void BM_Calibrate(benchmark::State &state) {
  const auto opportunities = static_cast<std::size_t>(state.range(0));
  const std::vector overrides = {
      scenario::parse_override("market.segments[0].suspects_per_week=800"),
      scenario::parse_override("market.segments[1].suspects_per_week=100")};
  const model::Parameters p =
      scenario::load_file("tests/crm/data/roundtrip-a.yaml", overrides).variants.at(0).parameters;
  crm::Day as_of = 0;
  crm::History h = crm::simulated_history(p, 0, {}, as_of);
  if (h.opportunities.size() < opportunities) {
    state.SkipWithError("the simulated history holds too few opportunities");
    return;
  }
  h.opportunities.resize(opportunities);
  const crm::TableTexts texts = crm::to_tables(h);
  crm::Tables tables;
  tables.leads = texts.leads;
  tables.opportunities = texts.opportunities;
  tables.customers = texts.customers;
  crm::CalibrateOptions options;
  options.as_of = as_of;
  std::size_t visits = 0;
  for (const auto &o : h.opportunities)
    visits += o.visits.size();
  for (auto _ : state) {
    const crm::ReadResult read = crm::read_tables(tables, {});
    const crm::Calibration c = crm::calibrate(read.history, p, options);
    benchmark::DoNotOptimize(c.fitted.data());
  }
  state.counters["opportunities"] = static_cast<double>(opportunities);
  state.counters["visits"] = static_cast<double>(visits);
  state.counters["leads"] = static_cast<double>(h.leads.size());
  state.counters["csv_MB"] = static_cast<double>(texts.leads.size() + texts.opportunities.size() +
                                                 texts.customers.size()) /
                             1e6;
}

} // namespace

BENCHMARK(BM_Calibrate)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
