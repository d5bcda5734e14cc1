#include "crm/calibrate.hpp"

#include "crm/reader.hpp"
#include "scenario/diagnostic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace salesfab::crm {

namespace {

using analysis::Interval;
using analysis::Observation;
using analysis::Resolution;

constexpr double year_days = 365.0;

// Four significant digits: what a scenario file says, and what the fitted scenario holds.
double round4(double x) {
  if (x == 0 || !std::isfinite(x))
    return x;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", x);
  return std::strtod(buffer, nullptr);
}

// Observations merged by value: 100 000 opportunities make a few hundred distinct day counts.
class Tally {
public:
  void add(double value, bool censored) { ++counts_[{value, censored}]; }
  [[nodiscard]] std::vector<Observation> observations() const {
    std::vector<Observation> out;
    for (const auto &[key, count] : counts_) {
      Observation o;
      o.value = key.first;
      o.censored = key.second;
      o.count = count;
      out.push_back(o);
    }
    return out;
  }
  [[nodiscard]] bool has_event() const {
    return std::any_of(counts_.begin(), counts_.end(),
                       [](const auto &e) { return !e.first.second; });
  }

private:
  std::map<std::pair<double, bool>, double> counts_;
};

// What every step of the calibration shares.
struct Context {
  const History &h;
  const model::Parameters &base;
  double confidence;
  Day from, as_of;
  Calibration &out;

  void fitted(std::string key, double estimate, Interval ci, double n, std::string method,
              std::string detail = {}) const {
    Fitted f;
    f.key = std::move(key);
    f.estimate = estimate;
    f.ci = ci;
    f.n = n;
    f.method = std::move(method);
    f.detail = std::move(detail);
    out.fitted.push_back(std::move(f));
  }
  void proportion(const std::string &key, double k, double n) const {
    fitted(key, k / n, analysis::binomial_interval(k, n, confidence), n,
           "binomial, exact (Clopper-Pearson) interval");
  }
  void rate(const std::string &key, double count, double exposure, double per,
            std::string detail) const {
    const Interval i = analysis::poisson_rate_interval(count, exposure, confidence);
    fitted(key, count / exposure * per, {i.low * per, i.high * per}, count,
           "Poisson, exact (Garwood) interval", std::move(detail));
  }
  [[nodiscard]] double window_days() const { return static_cast<double>(as_of - from + 1); }
};

// ---------------------------------------------------------------------------------------------
// Names: segments in order of first appearance, stages in the order opportunities visit them.

std::vector<std::string> segments_of(const History &h, const model::Parameters &base) {
  std::vector<std::string> names;
  const auto add = [&](const std::string &s) {
    if (std::find(names.begin(), names.end(), s) == names.end())
      names.push_back(s);
  };
  for (const Lead &l : h.leads)
    add(l.segment);
  for (const Opportunity &o : h.opportunities)
    add(o.segment);
  if (names.empty())
    for (const auto &s : base.market.segments)
      add(s.name);
  return names;
}

// A topological order of the stages by "visited right before", ties (and cycles) broken by
// first appearance.
std::vector<std::string> stage_order(const History &h) {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> index;
  std::set<std::pair<std::size_t, std::size_t>> edges;
  for (const Opportunity &o : h.opportunities)
    for (std::size_t i = 0; i < o.visits.size(); ++i) {
      const auto [it, fresh] = index.emplace(o.visits[i].stage, names.size());
      if (fresh)
        names.push_back(o.visits[i].stage);
      if (i > 0 && index[o.visits[i - 1].stage] != it->second)
        edges.emplace(index[o.visits[i - 1].stage], it->second);
    }
  std::vector<int> incoming(names.size(), 0);
  for (const auto &[a, b] : edges)
    ++incoming[b];
  std::vector<bool> done(names.size(), false);
  std::vector<std::string> order;
  while (order.size() < names.size()) {
    std::size_t pick = names.size();
    for (std::size_t i = 0; i < names.size() && pick == names.size(); ++i)
      if (!done[i] && incoming[i] == 0)
        pick = i;
    for (std::size_t i = 0; i < names.size() && pick == names.size(); ++i)
      if (!done[i]) // a cycle: the earliest seen goes first
        pick = i;
    done[pick] = true;
    order.push_back(names[pick]);
    for (const auto &[a, b] : edges)
      if (a == pick)
        --incoming[b];
  }
  return order;
}

std::string segment_key(std::size_t i, const char *field) {
  return "market.segments[" + std::to_string(i) + "]." + field;
}
std::string stage_key(std::size_t i, const char *field) {
  return "funnel.stages[" + std::to_string(i) + "]." + field;
}

// ---------------------------------------------------------------------------------------------
// The market platform: arrivals and qualification per segment.

// Accounts' churn days, to tell a won-back lead from a first contact.
std::unordered_map<std::string, std::vector<Day>> churn_days(const History &h) {
  std::unordered_map<std::string, std::vector<Day>> days;
  for (const CustomerPeriod &c : h.customers)
    if (c.churned)
      days[c.account_id].push_back(*c.churned);
  return days;
}

void fit_market(const Context &c, const std::vector<std::string> &segments) {
  auto &segs = c.out.parameters.market.segments;
  const auto churned = churn_days(c.h);
  for (std::size_t s = 0; s < segments.size(); ++s) {
    double arrivals = 0, won_back = 0, qualified = 0, disqualified = 0;
    for (const Lead &l : c.h.leads) {
      if (l.segment != segments[s])
        continue;
      if (l.result == LeadResult::qualified)
        ++qualified;
      else if (l.result == LeadResult::disqualified)
        ++disqualified;
      if (l.created < c.from || l.created > c.as_of)
        continue;
      const auto it = churned.find(l.account_id);
      const bool back =
          !l.account_id.empty() && it != churned.end() &&
          std::any_of(it->second.begin(), it->second.end(), [&](Day d) { return d <= l.created; });
      (back ? won_back : arrivals) += 1;
    }
    if (c.h.has_leads) {
      c.rate(segment_key(s, "suspects_per_week"), arrivals, c.window_days(), 7.0,
             "over " + std::to_string(static_cast<long long>(c.window_days())) + " days" +
                 (won_back > 0 ? ", " + std::to_string(static_cast<long long>(won_back)) +
                                     " won-back leads left out"
                               : std::string()));
      segs[s].suspects_per_week = round4(c.out.fitted.back().estimate);
    } else {
      c.out.from_base.push_back(segment_key(s, "suspects_per_week"));
    }
    if (qualified + disqualified > 0) {
      c.proportion(segment_key(s, "qualification_pass"), qualified, qualified + disqualified);
      segs[s].qualification_pass = round4(c.out.fitted.back().estimate);
    } else {
      c.out.from_base.push_back(segment_key(s, "qualification_pass"));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Distributions.

engine::Distribution distribution_of(const analysis::FamilyFit &f) {
  using analysis::Family;
  switch (f.family) {
  case Family::constant:
    return engine::Distribution::constant(round4(f.mean));
  case Family::exponential:
    return engine::Distribution::exponential(round4(f.mean));
  case Family::gamma:
    return engine::Distribution::gamma(round4(f.mean), round4(f.sd));
  case Family::lognormal:
    return engine::Distribution::lognormal(round4(f.mean), round4(f.sd));
  }
  return engine::Distribution::constant(f.mean);
}

// Fits a distribution and records its mean and sd; false when there is no value to fit.
bool fit_distribution(const Context &c, const std::string &key, const Tally &tally,
                      Resolution resolution, engine::Distribution &target) {
  if (!tally.has_event())
    return false;
  FittedCurve curve;
  curve.key = key;
  curve.resolution = resolution;
  curve.data = tally.observations();
  curve.fit = analysis::fit_positive(curve.data, resolution, c.confidence);
  const auto &f = curve.fit.chosen;
  std::string method = resolution == Resolution::whole_days ? "censored MLE" : "MLE";
  if (f.family == analysis::Family::constant)
    method = "every value the same";
  else
    method += ", " + std::string(analysis::family_name(f.family)) + " chosen by AIC";
  const double open = curve.fit.n - curve.fit.events;
  const std::string detail =
      open > 0 ? "(" + std::to_string(static_cast<long long>(open)) + " open)" : "";
  c.fitted(key + ".mean", f.mean, f.mean_ci, curve.fit.n, method, detail);
  if (f.family == analysis::Family::gamma || f.family == analysis::Family::lognormal)
    c.fitted(key + ".sd", f.sd, f.sd_ci, curve.fit.n, method, detail);
  target = distribution_of(f);
  c.out.curves.push_back(std::move(curve));
  return true;
}

// ---------------------------------------------------------------------------------------------
// The work platform: per stage conversions and durations; where existing opportunities start;
// why deals are lost.

struct StageCounts {
  Tally durations;
  double went_on[2] = {0, 0}; // [new, existing]
  double lost[2] = {0, 0};
};

const model::Stage *base_stage(const model::Parameters &base, const std::string &name) {
  for (const auto &s : base.funnel.stages)
    if (s.name == name)
      return &s;
  return nullptr;
}

// Lost on the day its account churned: the customer left, the stage did not decide it.
bool lost_by_churn(const Opportunity &o, const Visit &v,
                   const std::unordered_map<std::string, std::vector<Day>> &churned) {
  if (o.source == "new" || v.result != VisitResult::lost || v.lost_to == LostTo::no_decision)
    return false;
  const auto it = churned.find(o.account_id);
  return it != churned.end() &&
         std::find(it->second.begin(), it->second.end(), *v.left) != it->second.end();
}

// Durations and outcomes per stage. A visit still open is censored at the export; one of an
// existing customer's opportunities lost the day the customer churned is censored there too,
// and counts neither as gone on nor as lost: the simulation's churn will end it again.
std::vector<StageCounts> count_stages(const Context &c, const std::vector<std::string> &stages) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < stages.size(); ++i)
    index[stages[i]] = i;
  const auto churned = churn_days(c.h);
  std::vector<StageCounts> counts(stages.size());
  for (const Opportunity &o : c.h.opportunities) {
    const int existing = o.source == "new" ? 0 : 1;
    for (const Visit &v : o.visits) {
      StageCounts &s = counts[index.at(v.stage)];
      if (lost_by_churn(o, v, churned)) {
        if (*v.left > v.entered) // open for at least the whole days before the churn
          s.durations.add(static_cast<double>(*v.left - v.entered - 1), true);
        continue;
      }
      if (v.left)
        s.durations.add(static_cast<double>(*v.left - v.entered), false);
      else
        s.durations.add(static_cast<double>(std::max<Day>(c.as_of - v.entered, 0)), true);
      if (v.result == VisitResult::advanced || v.result == VisitResult::won)
        ++s.went_on[existing];
      else if (v.result == VisitResult::lost)
        ++s.lost[existing];
    }
  }
  return counts;
}

void fit_stage(const Context &c, std::size_t i, const StageCounts &s, model::Stage &stage) {
  const model::Stage *b = base_stage(c.base, stage.name);
  const char *which[2] = {"conversion.new", "conversion.existing"};
  for (int e = 0; e < 2; ++e) {
    double &target = e == 0 ? stage.conversion_new : stage.conversion_existing;
    if (s.went_on[e] + s.lost[e] > 0) {
      c.proportion(stage_key(i, which[e]), s.went_on[e], s.went_on[e] + s.lost[e]);
      target = round4(c.out.fitted.back().estimate);
    } else {
      target = b ? b->conversion(e == 1) : 0.5;
      c.out.from_base.push_back(stage_key(i, which[e]));
    }
  }
  if (!fit_distribution(c, stage_key(i, "duration_days"), s.durations, Resolution::whole_days,
                        stage.duration_days)) {
    stage.duration_days = b ? b->duration_days : engine::Distribution::exponential(1);
    c.out.from_base.push_back(stage_key(i, "duration_days"));
  }
}

void fit_funnel(const Context &c, const std::vector<std::string> &stages) {
  auto &f = c.out.parameters.funnel;
  f.stages.clear();
  const auto counts = count_stages(c, stages);
  for (std::size_t i = 0; i < stages.size(); ++i) {
    model::Stage stage;
    stage.name = stages[i];
    const model::Stage *b = base_stage(c.base, stage.name);
    stage.effort_hours = b ? b->effort_hours : engine::Distribution::constant(0);
    if (b)
      stage.conversion_halflife_days = b->conversion_halflife_days;
    fit_stage(c, i, counts[i], stage);
    f.stages.push_back(std::move(stage));
  }
  // Where existing customers' opportunities start: the most common first stage.
  std::vector<double> starts(stages.size(), 0);
  double existing = 0, to_competitor = 0, reasons = 0;
  const auto churned = churn_days(c.h);
  for (const Opportunity &o : c.h.opportunities) {
    const Visit &last = o.visits.back();
    if (last.result == VisitResult::lost && last.lost_to != LostTo::unknown &&
        !lost_by_churn(o, last, churned)) {
      ++reasons;
      to_competitor += last.lost_to == LostTo::competitor ? 1 : 0;
    }
    if (o.source == "new")
      continue;
    ++existing;
    starts[static_cast<std::size_t>(std::find(stages.begin(), stages.end(), o.visits[0].stage) -
                                    stages.begin())] += 1;
  }
  if (existing > 0) {
    const auto mode =
        static_cast<std::size_t>(std::max_element(starts.begin(), starts.end()) - starts.begin());
    f.existing_enter_stage = mode;
    c.proportion("funnel.existing_enter_stage", starts[mode], existing);
  } else {
    const auto &old = c.base.funnel.stages[c.base.funnel.existing_enter_stage].name;
    const auto it = std::find(stages.begin(), stages.end(), old);
    f.existing_enter_stage = it == stages.end() ? 0 : static_cast<std::size_t>(it - stages.begin());
    c.out.from_base.push_back("funnel.existing_enter_stage");
  }
  if (reasons > 0) {
    c.proportion("funnel.lost_to_competitor", to_competitor, reasons);
    f.lost_to_competitor = round4(c.out.fitted.back().estimate);
  } else {
    c.out.from_base.push_back("funnel.lost_to_competitor");
  }
}

// ---------------------------------------------------------------------------------------------
// Deal values and value factors.

// Mean and variance of the won new amounts per segment (for the value factors).
struct AmountStats {
  double n = 0, mean = 0, var = 0;
};

std::vector<AmountStats> fit_deal_values(const Context &c, const std::vector<std::string> &segs) {
  std::vector<AmountStats> stats(segs.size());
  for (std::size_t s = 0; s < segs.size(); ++s) {
    Tally amounts;
    double n = 0, sum = 0, sum2 = 0;
    for (const Opportunity &o : c.h.opportunities)
      if (o.segment == segs[s] && o.source == "new" && o.outcome() == VisitResult::won &&
          o.amount && *o.amount > 0) {
        amounts.add(*o.amount, false);
        ++n;
        sum += *o.amount;
        sum2 += *o.amount * *o.amount;
      }
    if (n > 0)
      stats[s] = {n, sum / n, n > 1 ? (sum2 - sum * sum / n) / (n - 1) : 0};
    auto &target = c.out.parameters.market.segments[s].deal_value;
    if (!fit_distribution(c, segment_key(s, "deal_value"), amounts, Resolution::exact, target))
      c.out.from_base.push_back(segment_key(s, "deal_value"));
  }
  return stats;
}

// value_factor = the mean of amount / (its segment's mean new amount) over an intent's won
// deals; the interval adds the segments' means' own uncertainty (delta method).
void fit_value_factors(const Context &c, const std::vector<std::string> &segs,
                       const std::vector<AmountStats> &stats) {
  for (const model::Intent intent : model::all_intents) {
    const std::string name(model::intent_name(intent));
    const std::string key = "customers.intents." + name + ".value_factor";
    std::vector<double> ratios;
    std::vector<double> share(segs.size(), 0);
    for (const Opportunity &o : c.h.opportunities) {
      if (o.source != name || o.outcome() != VisitResult::won || !o.amount)
        continue;
      const auto s =
          static_cast<std::size_t>(std::find(segs.begin(), segs.end(), o.segment) - segs.begin());
      if (s < segs.size() && stats[s].n > 0 && stats[s].mean > 0) {
        ratios.push_back(*o.amount / stats[s].mean);
        share[s] += 1;
      }
    }
    if (ratios.empty()) {
      c.out.from_base.push_back(key);
      continue;
    }
    const Interval plain = analysis::mean_interval(ratios, c.confidence);
    const double factor = (plain.low + plain.high) / 2;
    const double z = analysis::two_sided_z(c.confidence);
    double extra = 0; // relative variance of the segments' means, weighted by the deals' mix
    for (std::size_t s = 0; s < segs.size(); ++s) {
      const double w = share[s] / static_cast<double>(ratios.size());
      if (w > 0 && stats[s].n > 0)
        extra += w * w * stats[s].var / (stats[s].n * stats[s].mean * stats[s].mean);
    }
    const double spread = (plain.high - plain.low) / 2;
    const double half = std::sqrt(spread * spread + z * z * factor * factor * extra);
    c.fitted(key, factor, {factor - half, factor + half}, static_cast<double>(ratios.size()),
             "mean amount / segment's mean new amount, normal interval");
    c.out.parameters.customers[intent].value_factor = round4(factor);
  }
}

// ---------------------------------------------------------------------------------------------
// The buying platform: customer periods, classes over the trailing 12 months, intents and churn
// per customer-year by class.

using Wins = std::unordered_map<std::string, std::vector<std::pair<Day, double>>>;

Wins wins_of(const History &h) {
  Wins wins;
  for (const Opportunity &o : h.opportunities)
    if (o.outcome() == VisitResult::won)
      wins[o.account_id].emplace_back(*o.visits.back().left, o.amount.value_or(0));
  for (auto &[account, list] : wins)
    std::sort(list.begin(), list.end());
  return wins;
}

// The periods an account was a customer: customers.csv, or else from its first win on.
std::vector<CustomerPeriod> periods_of(const History &h, const Wins &wins) {
  if (h.has_customers)
    return h.customers;
  std::vector<CustomerPeriod> periods;
  for (const auto &[account, list] : wins) {
    CustomerPeriod p;
    p.account_id = account;
    p.since = list.front().first;
    periods.push_back(p);
  }
  std::sort(periods.begin(), periods.end(), [](const CustomerPeriod &a, const CustomerPeriod &b) {
    return a.account_id < b.account_id;
  });
  return periods;
}

model::CustomerClass class_at(const model::Parameters &p,
                              const std::vector<std::pair<Day, double>> &wins, Day t) {
  double revenue = 0;
  for (const auto &[day, amount] : wins)
    if (day <= t && day > t - static_cast<Day>(year_days))
      revenue += amount;
  if (revenue >= p.customers.class_a_threshold)
    return model::CustomerClass::A;
  return revenue >= p.customers.class_b_threshold ? model::CustomerClass::B
                                                  : model::CustomerClass::C;
}

struct ClassCounts {
  std::array<double, model::class_count> exposure_days{};
  std::array<double, model::class_count> churned{};
  std::array<std::array<double, model::class_count>, model::intent_count> intents{};
};

// Days per class of one customer period within the window: the class changes only where a
// win enters or leaves the trailing 12 months.
void expose(const Context &c, const CustomerPeriod &period,
            const std::vector<std::pair<Day, double>> &wins, ClassCounts &k) {
  const Day a = std::max(period.since, c.from);
  const Day b = std::min(period.churned.value_or(c.as_of + 1), c.as_of + 1);
  if (b <= a)
    return;
  std::vector<Day> cuts{a, b};
  for (const auto &[day, amount] : wins)
    for (const Day d : {day, day + static_cast<Day>(year_days)})
      if (d > a && d < b)
        cuts.push_back(d);
  std::sort(cuts.begin(), cuts.end());
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
    k.exposure_days[static_cast<std::size_t>(class_at(c.out.parameters, wins, cuts[i]))] +=
        static_cast<double>(cuts[i + 1] - cuts[i]);
  if (period.churned && *period.churned <= c.as_of && *period.churned >= c.from)
    ++k.churned[static_cast<std::size_t>(class_at(c.out.parameters, wins, *period.churned))];
}

ClassCounts count_classes(const Context &c) {
  const Wins wins = wins_of(c.h);
  const std::vector<CustomerPeriod> periods = periods_of(c.h, wins);
  static const std::vector<std::pair<Day, double>> none;
  const auto wins_of_account = [&](const std::string &id) -> const auto & {
    const auto it = wins.find(id);
    return it == wins.end() ? none : it->second;
  };
  ClassCounts k;
  std::unordered_map<std::string, std::vector<const CustomerPeriod *>> by_account;
  for (const CustomerPeriod &p : periods) {
    expose(c, p, wins_of_account(p.account_id), k);
    by_account[p.account_id].push_back(&p);
  }
  for (const Opportunity &o : c.h.opportunities) {
    const Day created = o.visits.front().entered;
    if (o.source == "new" || created < c.from || created > c.as_of)
      continue;
    const auto it = by_account.find(o.account_id);
    if (it == by_account.end())
      continue;
    for (const CustomerPeriod *p : it->second)
      if (p->since <= created && (!p->churned || created < *p->churned)) {
        const auto intent = static_cast<std::size_t>(
            std::find_if(model::all_intents.begin(), model::all_intents.end(),
                         [&](model::Intent i) { return model::intent_name(i) == o.source; }) -
            model::all_intents.begin());
        const auto cls = class_at(c.out.parameters, wins_of_account(o.account_id), created);
        ++k.intents[intent][static_cast<std::size_t>(cls)];
        break;
      }
  }
  return k;
}

void fit_customers(const Context &c) {
  const ClassCounts k = count_classes(c);
  auto &customers = c.out.parameters.customers;
  for (const model::CustomerClass cls : model::all_classes) {
    const auto i = static_cast<std::size_t>(cls);
    const double years = k.exposure_days[i] / year_days;
    const std::string name(model::class_name(cls));
    char detail[512];
    std::snprintf(detail, sizeof detail, "over %.1f customer-years", years);
    for (const model::Intent intent : model::all_intents) {
      const std::string key =
          "customers.intents." + std::string(model::intent_name(intent)) + ".per_year." + name;
      if (!(years > 0)) {
        c.out.from_base.push_back(key);
        continue;
      }
      c.rate(key, k.intents[static_cast<std::size_t>(intent)][i], years, 1.0, detail);
      customers[intent].per_year[cls] = round4(c.out.fitted.back().estimate);
    }
    const std::string key = "customers.churn_per_year." + name;
    if (!(years > 0) || !c.h.has_customers) {
      c.out.from_base.push_back(key);
      continue;
    }
    c.rate(key, k.churned[i], years, 1.0, detail);
    customers.churn_per_year[cls] = round4(c.out.fitted.back().estimate);
  }
}

void fit_segments_frame(const Context &c, const std::vector<std::string> &names) {
  auto &segs = c.out.parameters.market.segments;
  std::vector<model::Segment> fitted;
  for (const std::string &name : names) {
    const auto it = std::find_if(c.base.market.segments.begin(), c.base.market.segments.end(),
                                 [&](const model::Segment &s) { return s.name == name; });
    model::Segment s = it != c.base.market.segments.end() ? *it : c.base.market.segments.front();
    s.name = name;
    fitted.push_back(std::move(s));
  }
  segs = std::move(fitted);
}

// Stage and segment names become scenario names: printable, at most 80 characters.
void check_names(const std::vector<std::string> &names, const char *what) {
  std::vector<Problem> problems;
  for (const std::string &name : names) {
    const std::string shown = scenario::printable(name);
    if (const auto bad = scenario::first_unprintable(name))
      problems.push_back({"history", 0, what,
                          "'" + shown + "' holds " + bad->describe() +
                              " (expected printable text: it becomes a name in the scenario)"});
    else if (const std::size_t n = scenario::character_count(name); n > 80)
      problems.push_back({"history", 0, what,
                          "'" + shown + "' is " + std::to_string(n) +
                              " characters long (expected at most 80: it becomes a name in the "
                              "scenario)"});
  }
  if (!problems.empty())
    throw HistoryError(std::move(problems));
}

// The fitted scenario's own name and title, within the scenario format's lengths.
void name_fitted(model::Parameters &p, const model::Parameters &base, Day from, Day as_of) {
  p.name = base.name.substr(0, std::min<std::size_t>(base.name.size(), 73)) + "-fitted";
  p.title = "Fitted to a CRM history, " + date_text(from) + " to " + date_text(as_of);
  if (!base.title.empty() && p.title.size() + base.title.size() + 9 <= 200)
    p.title += " (base: " + base.title + ")";
}

} // namespace

const Fitted *Calibration::find(std::string_view key) const {
  for (const Fitted &f : fitted)
    if (f.key == key)
      return &f;
  return nullptr;
}

Calibration calibrate(History history, const model::Parameters &base,
                      const CalibrateOptions &options) {
  if (options.as_of)
    cut_at(history, *options.as_of);
  if (history.opportunities.empty() && history.leads.empty())
    throw HistoryError({{"history", 0, "",
                         "holds no lead and no opportunity up to the export date (nothing to "
                         "fit)"}});
  Calibration out;
  out.as_of = options.as_of.value_or(*history.latest());
  out.from = options.from.value_or(*history.earliest());
  if (out.from > out.as_of)
    throw HistoryError({{"--from", 0, "",
                         date_text(out.from) + " is after the export date " + date_text(out.as_of) +
                             " (expected an earlier date)"}});
  out.parameters = base;
  // Its own name, so that `compare BASE FITTED` can run the two side by side.
  name_fitted(out.parameters, base, out.from, out.as_of);
  const Context c{history, base, options.confidence, out.from, out.as_of, out};
  const auto segments = segments_of(history, base);
  check_names(segments, "segment");
  const auto stages = stage_order(history);
  check_names(stages, "stage");
  fit_segments_frame(c, segments);
  fit_market(c, segments);
  if (!history.opportunities.empty())
    fit_funnel(c, stages);
  const auto stats = fit_deal_values(c, segments);
  fit_value_factors(c, segments, stats);
  fit_customers(c);
  return out;
}

} // namespace salesfab::crm
