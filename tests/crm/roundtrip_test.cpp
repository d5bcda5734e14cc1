// The round trip: a scenario's simulated CRM history, exported and calibrated, gives back the
// scenario. Every fitted value's 95% interval must cover the true value, but for the few misses
// that 95% intervals imply; and durations must come out right when half the visits are open.

#include "analysis/measure/estimation.hpp"
#include "crm/calibrate.hpp"
#include "crm/export.hpp"
#include "crm/fitted_yaml.hpp"
#include "crm/reader.hpp"
#include "scenario/loader.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <string>

namespace crm = salesfab::crm;
namespace model = salesfab::model;
using salesfab::scenario::load_file;

namespace {

const model::Segment &segment_named(const model::Parameters &p, const std::string &name) {
  for (const auto &s : p.market.segments)
    if (s.name == name)
      return s;
  throw std::logic_error("no segment " + name);
}

const model::Stage &stage_named(const model::Parameters &p, const std::string &name) {
  for (const auto &s : p.funnel.stages)
    if (s.name == name)
      return s;
  throw std::logic_error("no stage " + name);
}

model::CustomerClass class_named(const std::string &c) {
  return c == "A"   ? model::CustomerClass::A
         : c == "B" ? model::CustomerClass::B
                    : model::CustomerClass::C;
}

model::Intent intent_named(const std::string &name) {
  for (const model::Intent i : model::all_intents)
    if (model::intent_name(i) == name)
      return i;
  throw std::logic_error("no intent " + name);
}

// The true value behind a fitted key (nullopt for keys without one, like the share of
// existing opportunities at their entry stage, which is checked apart).
std::optional<double> truth(const model::Parameters &truth, const crm::Calibration &c,
                            const std::string &key) {
  std::smatch m;
  static const std::regex segment(R"(market\.segments\[(\d+)\]\.(\w+)(?:\.(mean|sd))?)");
  static const std::regex stage(R"(funnel\.stages\[(\d+)\]\.(\w+)(?:\.(\w+))?)");
  static const std::regex intent(R"(customers\.intents\.(\w+)\.(per_year\.([ABC])|value_factor))");
  static const std::regex churn(R"(customers\.churn_per_year\.([ABC]))");
  const auto moment = [](const salesfab::engine::Distribution &d, const std::string &which) {
    return which == "mean" ? d.mean() : std::sqrt(d.variance());
  };
  if (std::regex_match(key, m, segment)) {
    const auto &s = segment_named(truth, c.parameters.market.segments[std::stoul(m[1])].name);
    if (m[2] == "suspects_per_week")
      return s.suspects_per_week;
    if (m[2] == "qualification_pass")
      return s.qualification_pass;
    return moment(s.deal_value, m[3]);
  }
  if (std::regex_match(key, m, stage)) {
    const auto &s = stage_named(truth, c.parameters.funnel.stages[std::stoul(m[1])].name);
    if (m[2] == "duration_days")
      return moment(s.duration_days, m[3]);
    return s.conversion(m[3] == "existing");
  }
  if (std::regex_match(key, m, intent)) {
    const auto &i = truth.customers[intent_named(m[1])];
    return m[2] == "value_factor" ? i.value_factor : i.per_year[class_named(m[3])];
  }
  if (std::regex_match(key, m, churn))
    return truth.customers.churn_per_year[class_named(m[1])];
  if (key == "funnel.lost_to_competitor")
    return truth.funnel.lost_to_competitor;
  return std::nullopt;
}

struct Tally {
  int checked = 0;
  int missed = 0;
};

Tally check_round_trip(const std::string &file) {
  const model::Parameters p = load_file(file).variants.front().parameters;
  crm::Day as_of = 0;
  const crm::History h = crm::simulated_history(p, 0, {}, as_of);
  crm::CalibrateOptions options;
  options.as_of = as_of;
  const crm::Calibration c = crm::calibrate(h, p, options);
  Tally t;
  for (const crm::Fitted &f : c.fitted) {
    const auto value = truth(p, c, f.key);
    if (!value)
      continue;
    ++t.checked;
    const bool covered = f.ci.covers(*value);
    t.missed += covered ? 0 : 1;
    INFO(file << ": " << f.key << " = " << f.estimate << ", CI " << f.ci.low << " - " << f.ci.high
              << ", n = " << f.n << ", truth " << *value);
    if (!covered)
      WARN(file << ": " << f.key << " missed: " << f.estimate << " [" << f.ci.low << ", "
                << f.ci.high << "], truth " << *value << ", n = " << f.n);
  }
  // Where existing customers' opportunities start: the file's stage, found in every one.
  REQUIRE(c.parameters.funnel.stages[c.parameters.funnel.existing_enter_stage].name ==
          p.funnel.stages[p.funnel.existing_enter_stage].name);
  REQUIRE(c.parameters.funnel.stages.size() == p.funnel.stages.size());
  // Only what the history cannot hold comes from the base: existing customers' conversion at
  // stages before the one where their opportunities start.
  for (const std::string &key : c.from_base)
    REQUIRE_THAT(key, Catch::EndsWith("conversion.existing"));
  return t;
}

} // namespace

TEST_CASE("round trip: every fitted interval covers the truth but for the misses 95% implies",
          "[crm][roundtrip]") {
  Tally all;
  for (const char *file : {"tests/crm/data/roundtrip-a.yaml", "tests/crm/data/roundtrip-b.yaml"}) {
    const Tally t = check_round_trip(file);
    all.checked += t.checked;
    all.missed += t.missed;
  }
  // Each interval misses with probability about 0.05 (the exact binomial and Poisson ones with
  // at most that): with m quantities, 0.05 m misses are expected, and more than the binomial's
  // 99.9% quantile would say the intervals are too narrow (or the fit is biased).
  const double expected = 0.05 * all.checked;
  const auto allowed =
      static_cast<int>(boost::math::quantile(boost::math::binomial(all.checked, 0.05), 0.999));
  WARN("round trip: " << all.checked << " fitted values checked, " << all.missed
                      << " intervals missed the truth; expected " << expected << ", at most "
                      << allowed << " allowed");
  REQUIRE(all.checked >= 60);
  REQUIRE(all.missed <= allowed);
}

TEST_CASE("round trip: durations are right with half the visits still open at the export",
          "[crm][roundtrip][censoring]") {
  const model::Parameters p = load_file("tests/crm/data/censored.yaml").variants.front().parameters;
  crm::Day as_of = 0;
  const crm::History h = crm::simulated_history(p, 0, {}, as_of);
  double open = 0, visits = 0, closed_days = 0;
  for (const auto &o : h.opportunities)
    for (const auto &v : o.visits)
      if (v.stage == "long") {
        ++visits;
        if (v.left)
          closed_days += static_cast<double>(*v.left - v.entered);
        else
          ++open;
      }
  INFO(open << " of " << visits << " visits open");
  REQUIRE(open / visits >= 0.45);
  crm::CalibrateOptions options;
  options.as_of = as_of;
  const crm::Calibration c = crm::calibrate(h, p, options);
  const auto *mean = c.find("funnel.stages[0].duration_days.mean");
  REQUIRE(mean != nullptr);
  const double truth = p.funnel.stages[0].duration_days.mean();
  INFO("fitted " << mean->estimate << " [" << mean->ci.low << ", " << mean->ci.high << "], truth "
                 << truth);
  REQUIRE(mean->ci.covers(truth));
  // The closed visits alone are the short ones: their mean lies far below the interval.
  REQUIRE(closed_days / (visits - open) < mean->ci.low);
  const auto *sd = c.find("funnel.stages[0].duration_days.sd");
  REQUIRE(sd != nullptr);
  REQUIRE(sd->ci.covers(std::sqrt(p.funnel.stages[0].duration_days.variance())));
}

TEST_CASE("an exported history reads back as it was written", "[crm][export]") {
  const model::Parameters p =
      load_file("tests/crm/data/roundtrip-b.yaml").variants.front().parameters;
  crm::Day as_of = 0;
  const crm::History h = crm::simulated_history(p, 0, {}, as_of);
  const crm::TableTexts t = crm::to_tables(h);
  crm::Tables tables;
  tables.leads = t.leads;
  tables.opportunities = t.opportunities;
  tables.customers = t.customers;
  const crm::ReadResult r = crm::read_tables(tables, {});
  REQUIRE(r.rows_skipped == 0);
  REQUIRE(r.history.leads.size() == h.leads.size());
  REQUIRE(r.history.opportunities.size() == h.opportunities.size());
  REQUIRE(r.history.customers.size() == h.customers.size());
  REQUIRE(crm::to_tables(r.history).opportunities == t.opportunities);
  REQUIRE(crm::to_tables(r.history).leads == t.leads);
  REQUIRE(crm::to_tables(r.history).customers == t.customers);
}

TEST_CASE("the fitted scenario's file loads back to exactly the fitted parameters", "[crm][yaml]") {
  const model::Parameters p =
      load_file("tests/crm/data/roundtrip-a.yaml").variants.front().parameters;
  crm::Day as_of = 0;
  const crm::Calibration c = crm::calibrate(crm::simulated_history(p, 0, {}, as_of), p, {});
  const std::string yaml = crm::fitted_yaml(c, {"crm/", "roundtrip-a.yaml", "generic"}, 0.95);
  // Every key the writer would drop (or round) shows here: the file must say all of it.
  REQUIRE(salesfab::scenario::load_text(yaml, "fitted.yaml").variants.front().parameters ==
          c.parameters);
}
