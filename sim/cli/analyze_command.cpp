// salesfab analyze FILE: what theory expects beside what the simulation gives, with a verdict
// for each quantity, Little's law on each queue, and plainly what theory cannot cover.

#include "analysis/measure/theory/verdict.hpp"
#include "analysis/output/csv.hpp"
#include "analysis/output/json.hpp"
#include "analysis/present/text_table.hpp"
#include "cli/command.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/session.hpp"

#include <iostream>

namespace salesfab::cli {

using present::format_number;
using present::TextTable;

namespace {

using analysis::theory::Judgement;
using analysis::theory::LittleCheck;
using analysis::theory::Reach;
using analysis::theory::Verdict;

std::string_view reach_name(Reach r) {
  switch (r) {
  case Reach::exact:
    return "exact";
  case Reach::approximation:
    return "approximation";
  case Reach::not_applicable:
    return "not applicable";
  }
  return "?";
}

std::vector<LittleCheck> little(const experiment::VariantResult &v) {
  struct Queue {
    const char *name;
    model::Level level;
    model::Counter waits;
  };
  const Queue queues[] = {
      {"qualifiers", model::Level::qualifier_queue, model::Counter::qualifier_wait_days_all},
      {"account executives", model::Level::executive_queue,
       model::Counter::executive_wait_days_all}};
  const double confidence = v.spec.parameters.run.confidence;
  std::vector<LittleCheck> out;
  for (const Queue &q : queues) {
    std::vector<analysis::MetricValue> l, lw;
    for (const auto &r : v.replications) {
      l.push_back(r.record->average(q.level));
      lw.push_back(r.record->counter(q.waits) / r.record->window_days());
    }
    out.push_back({q.name, analysis::summarize(l, confidence), analysis::summarize(lw, confidence),
                   analysis::summarize_difference(lw, l, confidence)});
  }
  return out;
}

std::string_view verdict_key(Verdict v) {
  switch (v) {
  case Verdict::agrees:
    return "analyze.agrees";
  case Verdict::close:
    return "analyze.close";
  case Verdict::differs:
    return "analyze.differs";
  case Verdict::not_applicable:
    return "analyze.not_applicable";
  case Verdict::no_simulation:
    return "analyze.no_simulation";
  }
  return "?";
}

void print_table(std::ostream &out, const experiment::VariantResult &v,
                 const std::vector<Judgement> &judgements, const std::vector<LittleCheck> &checks,
                 present::Language language) {
  using present::word;
  auto w = [&](std::string_view key) { return std::string(word(language, key)); };
  auto number = [&](const std::optional<double> &x) { return format_number(x, language); };
  const auto &p = v.spec.parameters;
  std::string note = w("analyze.note");
  note.replace(note.find("{n}"), 3, std::to_string(p.run.replications));
  note.replace(note.find("{c}"), 3, output::csv_number(p.run.confidence * 100));
  out << v.spec.variant << " — " << w("analyze.title") << '\n' << note << "\n\n";
  TextTable t({w("analyze.where"), w("metric"), w("analyze.theory"), w("analyze.simulation"),
               w("ci_low"), w("ci_high"), w("analyze.verdict")});
  for (const auto &j : judgements) {
    if (j.expectation.reach == Reach::not_applicable)
      continue;
    const auto sim = j.simulated.value_or(analysis::Summary{});
    std::string verdict = w(verdict_key(j.verdict));
    if (j.expectation.reach == Reach::approximation)
      verdict += " (" + w("analyze.approximation") + ")";
    t.add({w("analyze.part." + j.expectation.part),
           present::metric_label(language, j.expectation.metric), number(j.expectation.value),
           number(sim.mean), number(sim.ci_low), number(sim.ci_high), verdict});
  }
  out << t.render() << '\n';

  out << w("analyze.little") << "\n\n";
  TextTable l({w("analyze.queue"), "L", "lambda W", w("difference"), w("ci_low"), w("ci_high"),
               w("analyze.verdict")});
  for (const auto &c : checks)
    l.add({w("analyze." + c.queue), number(c.queue_length.mean), number(c.arrivals_x_wait.mean),
           number(c.difference.mean), number(c.difference.ci_low), number(c.difference.ci_high),
           w(c.holds() ? "analyze.holds" : "analyze.differs")});
  out << l.render() << '\n';

  out << w("analyze.how") << '\n';
  for (const auto &j : judgements)
    if (j.expectation.reach != Reach::not_applicable)
      out << "  " << present::metric_label(language, j.expectation.metric) << " ("
          << w(j.expectation.reach == Reach::exact ? "analyze.exact" : "analyze.approximation")
          << "): " << present::phrase_text(language, j.expectation.model) << '\n';
  out << '\n' << w("analyze.cannot") << '\n';
  bool any = false;
  for (const auto &j : judgements)
    if (j.expectation.reach == Reach::not_applicable) {
      out << "  " << present::metric_label(language, j.expectation.metric) << ": "
          << present::phrase_text(language, j.expectation.model) << '\n';
      any = true;
    }
  if (!any)
    out << "  " << w("analyze.nothing") << '\n';
  out << "  " << w("analyze.rest") << "\n\n";
}

std::string csv_rows(const experiment::VariantResult &v, const std::vector<Judgement> &judgements,
                     const std::vector<LittleCheck> &checks) {
  using output::csv_field;
  using output::csv_number;
  std::string s;
  for (const auto &j : judgements) {
    const auto sim = j.simulated.value_or(analysis::Summary{});
    s += output::csv_line(
        {csv_field(v.spec.variant), csv_field(j.expectation.part), csv_field(j.expectation.metric),
         std::string(reach_name(j.expectation.reach)), csv_number(j.expectation.value),
         csv_number(sim.mean), csv_number(sim.ci_low), csv_number(sim.ci_high),
         std::string(analysis::theory::verdict_name(j.verdict)),
         csv_field(present::phrase_text(present::Language::en, j.expectation.model))});
  }
  for (const auto &c : checks)
    s += output::csv_line({csv_field(v.spec.variant), "little's law", csv_field("L of " + c.queue),
                           "exact", csv_number(c.arrivals_x_wait.mean),
                           csv_number(c.queue_length.mean), csv_number(c.queue_length.ci_low),
                           csv_number(c.queue_length.ci_high), c.holds() ? "agrees" : "differs",
                           "L = lambda W"});
  return s;
}

} // namespace

int analyze_main(std::span<const std::string> args) {
  CommonOptions common;
  auto description = common.describe(
      "salesfab analyze FILE [OPTIONS]\n\n"
      "Sets what theory expects beside what the simulation gives: the funnel as an\n"
      "absorbing Markov chain, the staff pools as queues (Erlang C, M/M/c+D with patience,\n"
      "Allen-Cunneen), the flows and the customer base in steady state; with a verdict per\n"
      "quantity (agrees / close / differs), Little's law on each queue, and the quantities\n"
      "theory cannot cover, with the reason. Exit status 0 either way.",
      {Option::set, Option::replications, Option::seed, Option::threads, Option::format,
       Option::lang, Option::quiet, Option::max_events});
  if (parse(args, description, common).help) {
    std::cout << description;
    return exit_ok;
  }
  if (common.files.size() != 1)
    throw UsageError("analyze takes one scenario file (see salesfab analyze --help)");
  const scenario::ScenarioFile file = scenario::load_file(common.files[0], common.overrides());
  std::vector<experiment::VariantSpec> specs;
  for (const auto &p : plan({file}, common))
    specs.push_back(p.spec);

  std::atomic<bool> &stop = install_interrupt_handlers();
  ProgressBar progress(!common.quiet);
  experiment::Options options;
  options.threads = common.threads.value_or(0);
  options.limits.max_events = common.max_events;
  options.stop = &stop;
  options.keep_records = true;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  const auto results = experiment::run(specs, options);
  progress.finish();
  if (stop.load()) {
    std::cerr << "salesfab: interrupted: nothing was analysed\n";
    return exit_failure;
  }

  std::string csv = "variant,part,metric,reach,theory,mean,ci_low,ci_high,verdict,model\n";
  std::string json = "[";
  for (const auto &v : results) {
    const auto judgements =
        analysis::theory::judge(analysis::theory::expectations(v.spec.parameters),
                                [&](const std::string &metric) -> std::optional<analysis::Summary> {
                                  const int m = v.metric_index(metric);
                                  if (m < 0)
                                    return std::nullopt;
                                  return v.summary(static_cast<std::size_t>(m));
                                });
    const auto checks = little(v);
    if (common.format == "table")
      print_table(std::cout, v, judgements, checks, common.language());
    csv += csv_rows(v, judgements, checks);
    for (const auto &j : judgements) {
      using output::json_number;
      using output::json_string;
      const auto sim = j.simulated.value_or(analysis::Summary{});
      json += std::string(json.size() > 1 ? "," : "") +
              "\n  {\"variant\": " + json_string(v.spec.variant) +
              ", \"part\": " + json_string(j.expectation.part) +
              ", \"metric\": " + json_string(j.expectation.metric) +
              ", \"reach\": " + json_string(reach_name(j.expectation.reach)) +
              ", \"theory\": " + json_number(j.expectation.value) +
              ", \"mean\": " + json_number(sim.mean) + ", \"ci_low\": " + json_number(sim.ci_low) +
              ", \"ci_high\": " + json_number(sim.ci_high) +
              ", \"verdict\": " + json_string(analysis::theory::verdict_name(j.verdict)) +
              ", \"model\": " +
              json_string(present::phrase_text(present::Language::en, j.expectation.model)) + "}";
    }
  }
  json += "\n]\n";
  if (common.format == "csv")
    std::cout << csv;
  else if (common.format == "json")
    std::cout << json;
  return exit_ok;
}

} // namespace salesfab::cli
