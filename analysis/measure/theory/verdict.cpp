#include "analysis/measure/theory/verdict.hpp"

#include <cmath>
#include <stdexcept>

namespace salesfab::analysis::theory {

std::string_view verdict_name(Verdict v) {
  switch (v) {
  case Verdict::agrees:
    return "agrees";
  case Verdict::close:
    return "close";
  case Verdict::differs:
    return "differs";
  case Verdict::not_applicable:
    return "theory not applicable";
  case Verdict::no_simulation:
    return "no simulated value";
  case Verdict::too_few:
    return "needs at least 2 replications";
  case Verdict::no_steady_state:
    return "no steady state";
  }
  return "?";
}

std::vector<Judgement>
judge(const std::vector<Expectation> &expectations,
      const std::function<std::optional<Summary>(const std::string &)> &simulated) {
  std::vector<Judgement> out;
  for (const Expectation &e : expectations) {
    Judgement j{e, simulated(e.metric), Verdict::not_applicable};
    if (e.reach == Reach::not_applicable || !e.value) {
      out.push_back(std::move(j));
      continue;
    }
    if (!j.simulated || !j.simulated->mean) {
      j.verdict = Verdict::no_simulation;
      out.push_back(std::move(j));
      continue;
    }
    if (j.simulated->n < 2 || !j.simulated->ci_high) { // one value has no interval
      j.verdict = Verdict::too_few;
      out.push_back(std::move(j));
      continue;
    }
    const double theory = *e.value;
    const double mean = *j.simulated->mean;
    const double half = j.simulated->ci_high ? (*j.simulated->ci_high - mean) : 0.0;
    // Many quantities are judged at once, so some fall outside a 95 % interval by chance alone:
    // "differs" needs the stronger evidence of lying outside the 99.9 % interval.
    double wide = half;
    if (j.simulated->sd && j.simulated->n > 1) {
      const double n = static_cast<double>(j.simulated->n);
      wide = std::max(half, student_t_quantile(0.9995, n - 1) * *j.simulated->sd / std::sqrt(n));
    }
    const double gap = std::abs(theory - mean);
    // A simulated value with no spread at all (every replication the same) agrees when it is
    // the same number up to rounding.
    const double rounding = 1e-9 * std::max(1.0, std::abs(theory));
    if (gap <= half + rounding)
      j.verdict = Verdict::agrees;
    else if (gap <= wide + rounding ||
             (e.reach == Reach::approximation && gap <= 0.05 * std::abs(theory)))
      j.verdict = Verdict::close;
    else
      j.verdict = Verdict::differs;
    out.push_back(std::move(j));
  }
  return out;
}

Verdict LittleCheck::verdict() const {
  if (unsettled)
    return Verdict::no_steady_state;
  if (difference.n < 2 || !difference.ci_high)
    return Verdict::too_few;
  return holds() ? Verdict::agrees : Verdict::differs;
}

std::vector<LittleCheck> little(const VariantResult &v) {
  struct Queue {
    const char *name;
    model::Level level;
    model::Counter waits;
  };
  const Queue queues[] = {
      {"qualifiers", model::queue_level(model::Role::qualifier),
       model::queue_counter(model::Role::qualifier, model::QueueFlow::wait_days_all)},
      {"account executives", model::queue_level(model::Role::account_executive),
       model::queue_counter(model::Role::account_executive, model::QueueFlow::wait_days_all)}};
  const double confidence = v.parameters.run.confidence;
  std::vector<LittleCheck> out;
  for (const Queue &q : queues) {
    std::vector<MetricValue> l, lw;
    for (const Replication &r : v.replications) {
      if (!r.record)
        throw std::logic_error("Little's law needs the replications' records");
      l.push_back(r.record->average(q.level));
      lw.push_back(r.record->counter(q.waits) / r.record->window_days());
    }
    LittleCheck check; // field by field: g++ 12 warns falsely on strings in brace lists
    check.queue = q.name;
    check.queue_length = summarize(l, confidence);
    check.arrivals_x_wait = summarize(lw, confidence);
    check.difference = summarize_difference(lw, l, confidence);
    out.push_back(std::move(check));
    for (const UnsettledQueue &u : unsettled_queues(v.parameters))
      if (u.queue == q.name)
        out.back().unsettled = u;
  }
  return out;
}

TheoryCheck check_theory(const VariantResult &v) {
  TheoryCheck c;
  c.variant = &v;
  c.judgements =
      judge(expectations(v.parameters), [&](const std::string &metric) -> std::optional<Summary> {
        const Summary *s = v.summary(metric);
        return s ? std::optional(*s) : std::nullopt;
      });
  c.little = little(v);
  return c;
}

} // namespace salesfab::analysis::theory
