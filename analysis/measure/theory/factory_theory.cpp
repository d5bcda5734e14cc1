#include "analysis/measure/theory/factory_theory.hpp"

#include "analysis/measure/theory/absorbing_chain.hpp"
#include "analysis/measure/theory/queues.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace salesfab::analysis::theory {

using engine::Distribution;
using model::Parameters;
using model::Role;

std::string_view reach_name(Reach reach) {
  switch (reach) {
  case Reach::exact:
    return "exact";
  case Reach::approximation:
    return "approximation";
  case Reach::not_applicable:
    return "not applicable";
  }
  return "?";
}

double laplace(const Distribution &d, double s) {
  if (s <= 0)
    return 1;
  const double *p = d.parameters();
  using boost::math::quadrature::gauss_kronrod;
  switch (d.kind()) {
  case Distribution::Kind::constant:
    return std::exp(-s * p[0]);
  case Distribution::Kind::exponential:
    return 1 / (1 + s * p[0]);
  case Distribution::Kind::uniform:
    if (p[0] == p[1])
      return std::exp(-s * p[0]);
    return (std::exp(-s * p[0]) - std::exp(-s * p[1])) / (s * (p[1] - p[0]));
  case Distribution::Kind::gamma: {
    if (p[1] == 0)
      return std::exp(-s * p[0]);
    const double shape = (p[0] / p[1]) * (p[0] / p[1]), scale = p[1] * p[1] / p[0];
    return std::pow(1 + s * scale, -shape);
  }
  case Distribution::Kind::triangular: {
    const double a = p[0], c = p[1], b = p[2];
    if (a == b)
      return std::exp(-s * a);
    auto pdf = [&](double x) {
      if (x < c)
        return 2 * (x - a) / ((b - a) * (c - a));
      return c == b ? 0.0 : 2 * (b - x) / ((b - a) * (b - c));
    };
    double sum = 0;
    if (c > a)
      sum += gauss_kronrod<double, 31>::integrate(
          [&](double x) { return pdf(x) * std::exp(-s * x); }, a, c, 10, 1e-12);
    if (b > c)
      sum += gauss_kronrod<double, 31>::integrate(
          [&](double x) { return pdf(x) * std::exp(-s * x); }, c, b, 10, 1e-12);
    return sum;
  }
  case Distribution::Kind::lognormal: {
    if (p[1] == 0)
      return std::exp(-s * p[0]);
    const double sigma2 = std::log1p((p[1] / p[0]) * (p[1] / p[0]));
    const double mu = std::log(p[0]) - sigma2 / 2, sigma = std::sqrt(sigma2);
    auto integrand = [&](double z) {
      return std::exp(-z * z / 2 - s * std::exp(mu + sigma * z)) / std::sqrt(2 * std::numbers::pi);
    };
    return gauss_kronrod<double, 61>::integrate(integrand, -12.0, 12.0, 15, 1e-12);
  }
  case Distribution::Kind::empirical: {
    double sum = 0, total = 0;
    for (std::size_t i = 0; i < d.values().size(); ++i) {
      sum += d.weights()[i] * std::exp(-s * d.values()[i]);
      total += d.weights()[i];
    }
    return sum / total;
  }
  }
  return 1;
}

namespace {

struct Builder {
  std::vector<Expectation> out;
  void add(std::string metric, std::string part, std::optional<double> value, Reach reach,
           Phrases model) {
    out.push_back({std::move(metric), std::move(part), value, reach, std::move(model)});
  }
  void none(std::string metric, std::string part, Phrases why) {
    add(std::move(metric), std::move(part), std::nullopt, Reach::not_applicable, std::move(why));
  }
};

bool changes_role(const Parameters &p, Role role) {
  return std::any_of(p.staff.changes.begin(), p.staff.changes.end(),
                     [&](const model::StaffChange &c) { return c.role == role; });
}

bool same_for_all_classes(const model::PerClass &v) {
  return v[model::CustomerClass::A] == v[model::CustomerClass::B] &&
         v[model::CustomerClass::B] == v[model::CustomerClass::C];
}

double squared_cv(const Distribution &d) {
  return d.mean() > 0 ? d.variance() / (d.mean() * d.mean()) : 0;
}

} // namespace

std::vector<Expectation> expectations(const Parameters &p) {
  Builder b;
  const auto &segments = p.market.segments;
  const auto &customers = p.customers;
  const double year = model::days_per_year;
  const bool winback = customers.winback_after_days.has_value();
  const bool any_intent = std::any_of(customers.intents.begin(), customers.intents.end(),
                                      [](const model::IntentParameters &i) {
                                        return i.per_year.value != std::array<double, 3>{0, 0, 0};
                                      });
  const bool any_churn = customers.churn_per_year.value != std::array<double, 3>{0, 0, 0};

  // ---- Market platform: arrivals and the qualifiers' queue.
  double lambda = 0, passing = 0; // per day
  for (const auto &s : segments) {
    lambda += s.suspects_per_week / model::days_per_week;
    passing += s.suspects_per_week / model::days_per_week * s.qualification_pass;
  }
  if (winback)
    b.none("suspects_per_year", "market", {{"winback_suspects"}});
  else
    b.add("suspects_per_year", "market", lambda * year, Reach::exact, {{"poisson_arrivals"}});
  if (lambda > 0)
    b.add("qualification_pass_rate", "market", passing / lambda, Reach::exact, {{"pass_weighted"}});

  const auto &qualifier = p.staff[Role::qualifier];
  const Distribution &effort = p.market.qualification.effort_hours;
  const auto &patience = p.market.qualification.patience_days;
  double p_cold = 0;
  bool market_known = false;
  const std::string queue_part = "market: qualifiers";
  if (changes_role(p, Role::qualifier)) {
    for (const char *m : {"wait_qualification_days_mean", "utilisation_qualifier", "gone_cold_rate",
                          "queue_qualifier_mean"})
      b.none(m, queue_part, {{"qualifiers_change"}});
  } else if (winback) {
    for (const char *m : {"wait_qualification_days_mean", "utilisation_qualifier", "gone_cold_rate",
                          "queue_qualifier_mean"})
      b.none(m, queue_part, {{"winback_arrivals"}});
  } else if (lambda == 0) {
    market_known = true; // nothing arrives: every flow from the market is exactly 0
  } else if (qualifier.headcount == 0) {
    for (const char *m : {"wait_qualification_days_mean", "utilisation_qualifier", "gone_cold_rate",
                          "queue_qualifier_mean"})
      b.none(m, queue_part, {{"no_qualifiers"}});
  } else if (effort.mean() == 0) {
    b.add("wait_qualification_days_mean", queue_part, 0.0, Reach::exact, {{"no_effort"}});
    b.add("gone_cold_rate", queue_part, 0.0, Reach::exact, {{"no_effort"}});
    market_known = true;
  } else {
    const double mean_service = effort.mean() / qualifier.hours_per_day();
    const double mu = 1 / mean_service;
    const bool exponential = effort.kind() == Distribution::Kind::exponential;
    const int c = qualifier.headcount;
    std::optional<QueueMeasures> q;
    Reach reach = Reach::exact;
    Phrases name;
    if (patience) {
      q = mmc_patience(lambda, mu, c, Patience{Patience::Kind::deterministic, *patience});
      name = {{"mmc_d", std::to_string(c)}};
      if (!exponential) {
        reach = Reach::approximation;
        name.push_back({"mmc_d_mean_effort"});
      }
    } else if (exponential) {
      q = mmc(lambda, mu, c);
      name = {{"erlang_c", std::to_string(c)}};
    } else {
      q = allen_cunneen(lambda, mean_service, squared_cv(effort), c);
      reach = Reach::approximation;
      name = {{"allen_cunneen_qualifiers", std::to_string(c)}};
    }
    if (!q) {
      for (const char *m :
           {"wait_qualification_days_mean", "utilisation_qualifier", "queue_qualifier_mean"})
        b.none(m, queue_part, {{"qualifiers_overloaded"}});
    } else {
      b.add("wait_qualification_days_mean", queue_part, q->wait_served, reach, name);
      b.add("utilisation_qualifier", queue_part, q->utilisation, reach, name);
      b.add("gone_cold_rate", queue_part, q->p_abandon, reach, name);
      b.add("queue_qualifier_mean", queue_part, q->queue_length, reach, name);
      p_cold = q->p_abandon;
      market_known = reach == Reach::exact;
    }
  }
  const double qualified = passing * (1 - p_cold); // per day
  const double drift = p.market.shortlist.drift_per_year / year;
  const double need_first = laplace(p.market.shortlist.time_to_need_days, drift);
  const double new_opportunities = qualified * need_first; // per day
  // Flows downstream of the shortlist reach a steady state once the warm-up has let the
  // pipeline fill: a few times the time to need.
  const double fill = 3 * p.market.shortlist.time_to_need_days.mean();
  const bool steady = p.time.warmup_days >= fill;
  const Phrase steady_note{steady ? "steady" : "steady_approximation", ""};
  if (!winback && market_known) {
    b.add("qualified_per_year", "market", qualified * year, Reach::exact, {{"qualified_flow"}});
    b.add("opportunities_new_per_year", "buying: shortlist", new_opportunities * year,
          steady ? Reach::exact : Reach::approximation, {{"opportunities_flow"}, steady_note});
  } else {
    b.none("qualified_per_year", "market", {{"no_qualifier_model"}});
    b.none("opportunities_new_per_year", "buying: shortlist", {{"no_qualifier_model"}});
  }

  // ---- Work platform: the funnel as an absorbing chain, per source.
  const auto &stages = p.funnel.stages;
  const auto n = static_cast<Eigen::Index>(stages.size());
  const auto &executive = p.staff[Role::account_executive];
  auto chain_for = [&](bool existing) {
    AbsorbingChain chain;
    chain.q = Eigen::MatrixXd::Zero(n, n);
    chain.r = Eigen::MatrixXd::Zero(n, 2); // won, lost
    chain.tau = Eigen::VectorXd::Zero(n);
    for (Eigen::Index s = 0; s < n; ++s) {
      const auto &stage = stages[static_cast<std::size_t>(s)];
      const double go_on = stage.conversion(existing);
      if (s + 1 < n)
        chain.q(s, s + 1) = go_on;
      else
        chain.r(s, 0) = go_on;
      chain.r(s, 1) = 1 - go_on;
      chain.tau(s) =
          stage.effort_hours.mean() / executive.hours_per_day() + stage.duration_days.mean();
    }
    return solve(chain, 0);
  };
  const ChainSolution new_chain = chain_for(false);
  const ChainSolution existing_chain = chain_for(true);
  const auto enter = static_cast<Eigen::Index>(p.funnel.existing_enter_stage);
  const double win_new = new_chain.absorption(0, 0);
  const double win_existing = existing_chain.absorption(enter, 0);
  const bool losses_by_time = p.funnel.patience_days || p.funnel.max_age_days;
  // No account executive ever: an opportunity waits at the first stage that takes effort, and
  // no deal is won or lost by conversion (only by patience or age, if at all).
  const bool stalled = executive.headcount == 0 && !changes_role(p, Role::account_executive) &&
                       std::any_of(stages.begin(), stages.end(), [](const model::Stage &st) {
                         return st.effort_hours.mean() > 0;
                       });
  if (stalled) {
    b.none("win_rate_new", "funnel", {{"funnel_stalled"}});
    if (any_intent)
      b.none("win_rate_existing", "funnel", {{"funnel_stalled"}});
    for (const auto &stage : stages)
      b.none("conversion_" + stage.name, "funnel", {{"funnel_stalled"}});
  }
  Phrases chain_new{{"chain"}};
  if (losses_by_time)
    chain_new.push_back({"chain_time_losses"});
  if (!stalled)
    b.add("win_rate_new", "funnel", win_new, losses_by_time ? Reach::approximation : Reach::exact,
          chain_new);
  if (any_intent && !stalled) {
    const bool extra = losses_by_time || any_churn;
    Phrases chain_existing{{"chain"}, {"chain_existing"}};
    if (extra)
      chain_existing.push_back({"chain_churn_losses"});
    b.add("win_rate_existing", "funnel", win_existing, extra ? Reach::approximation : Reach::exact,
          chain_existing);
  }
  for (Eigen::Index s = 0; s < n && !stalled; ++s) {
    const auto &stage = stages[static_cast<std::size_t>(s)];
    const bool mixed =
        any_intent && s >= enter && stage.conversion_new != stage.conversion_existing;
    const std::string metric = "conversion_" + stage.name;
    if (mixed)
      b.none(metric, "funnel", {{"conversion_mixed"}});
    else
      b.add(metric, "funnel", stage.conversion_new,
            losses_by_time ? Reach::approximation : Reach::exact,
            losses_by_time ? Phrases{{"stage_conversion"}, {"stage_time_losses"}}
                           : Phrases{{"stage_conversion"}});
  }

  // The account executives' queue: stage visits arrive at the rates the chain gives.
  std::optional<QueueMeasures> executives;
  bool executives_known = false;
  const std::string ae_part = "work: account executives";
  if (changes_role(p, Role::account_executive) || executive.headcount == 0 || any_intent ||
      winback || !market_known) {
    const char *why = changes_role(p, Role::account_executive) ? "executives_change"
                      : executive.headcount == 0               ? "no_executives"
                      : any_intent || winback                  ? "intents_add_opportunities"
                                                               : "no_opportunity_model";
    for (const char *m : {"utilisation_account_executive", "wait_account_executive_days_mean",
                          "queue_account_executive_mean"})
      b.none(m, ae_part, {{why}});
  } else {
    double visits = 0, first_moment = 0, second_moment = 0;
    for (Eigen::Index s = 0; s < n; ++s) {
      const double rate = new_opportunities * new_chain.visits(0, s);
      const Distribution &e = stages[static_cast<std::size_t>(s)].effort_hours;
      const double mean = e.mean() / executive.hours_per_day();
      const double second = (e.variance() + e.mean() * e.mean()) /
                            (executive.hours_per_day() * executive.hours_per_day());
      visits += rate;
      first_moment += rate * mean;
      second_moment += rate * second;
    }
    if (visits > 0 && first_moment > 0) {
      const double mean_service = first_moment / visits;
      const double cs2 = second_moment / visits / (mean_service * mean_service) - 1;
      executives = allen_cunneen(visits, mean_service, cs2, executive.headcount);
      const double utilisation = visits * mean_service / executive.headcount;
      b.add("utilisation_account_executive", ae_part, utilisation,
            (steady && !p.funnel.patience_days) ? Reach::exact : Reach::approximation,
            {{"offered_load"}, steady_note});
      if (executives) {
        const Phrases name{{"allen_cunneen_executives", std::to_string(executive.headcount)}};
        b.add("wait_account_executive_days_mean", ae_part, executives->wait_served,
              Reach::approximation, name);
        b.add("queue_account_executive_mean", ae_part, executives->queue_length,
              Reach::approximation, name);
        executives_known = executives->p_wait < 1e-6;
      } else {
        b.none("wait_account_executive_days_mean", ae_part, {{"executives_overloaded"}});
      }
    }
  }

  if (!any_intent && !winback && market_known && !stalled) {
    const double won = new_opportunities * win_new;
    const Reach reach = (steady && !losses_by_time) ? Reach::exact : Reach::approximation;
    b.add("won_new_per_year", "funnel", won * year, reach, {{"won_flow"}, steady_note});
    double value = 0, weight = 0;
    for (const auto &s : segments) {
      const double w = s.suspects_per_week * s.qualification_pass;
      value += w * s.deal_value.mean();
      weight += w;
    }
    if (weight > 0)
      b.add("revenue_per_year", "funnel", won * year * value / weight, reach,
            {{"revenue_flow"}, steady_note});
    // Won deals pass every stage; add the expected waits for an account executive.
    const double waits = executives ? executives->wait_served * static_cast<double>(n) : 0.0;
    b.add("cycle_days_mean", "funnel", new_chain.conditional_time(0) + waits,
          executives_known && !losses_by_time ? Reach::exact : Reach::approximation,
          {{executives_known ? "cycle_no_waiting" : "cycle_with_waiting"}});
  } else {
    for (const char *m : {"won_new_per_year", "revenue_per_year", "cycle_days_mean"})
      b.none(m, "funnel",
             {{stalled                 ? "funnel_stalled"
               : any_intent || winback ? "customer_deals_mix"
                                       : "no_opportunity_model"}});
  }

  // ---- Buying platform: the customer base.
  const auto &manager = p.staff[Role::account_manager];
  const std::string base_part = "buying: customers";
  const auto &brick = customers.brickwalling;
  const bool class_free = same_for_all_classes(customers.churn_per_year) &&
                          same_for_all_classes(brick.hours_per_customer_per_month);
  if (!class_free || changes_role(p, Role::account_manager) || winback) {
    const char *why = !class_free ? "churn_by_class"
                      : winback   ? "winback_funnel"
                                  : "managers_change";
    for (const char *m : {"churn_rate", "brickwall_coverage", "customers_end"})
      b.none(m, base_part, {{why}});
    return b.out;
  }
  const double churn = customers.churn_per_year[model::CustomerClass::A] / year;   // per day
  const double need = brick.hours_per_customer_per_month[model::CustomerClass::A]; // per customer
  const double capacity = manager.headcount * manager.hours_per_day() * model::days_per_month;
  // Stalled, no deal is ever won: no acquisition at all, whatever the market does.
  const double acquisition =
      (!stalled && !any_intent && market_known) ? new_opportunities * win_new : 0.0;
  const bool acquisition_known = stalled || (market_known && !any_intent);
  // Coverage at a base of n customers, and the effective churn it gives.
  auto coverage = [&](double base) {
    return (need * base <= 0) ? 1.0 : std::min(1.0, capacity / (need * base));
  };
  auto effective = [&](double base) { return churn * (1 - brick.effect * coverage(base)); };
  int initial = 0;
  for (const int k : customers.initial)
    initial += k;
  if (acquisition_known && acquisition == 0 && initial > 0) {
    // No new customers: the initial ones only leave. Exact while coverage cannot change, i.e.
    // full coverage from the start (it only grows as customers leave) or no effect at all.
    const bool constant =
        coverage(initial) >= 1 || capacity == 0 || brick.effect == 0 || churn == 0;
    const double d = effective(initial);
    b.add("churn_rate", base_part, d * year, constant ? Reach::exact : Reach::approximation,
          {{constant ? "churn_constant" : "churn_at_start"}});
    b.add("brickwall_coverage", base_part, coverage(initial),
          constant ? Reach::exact : Reach::approximation, {{"coverage"}});
    b.add("customers_end", base_part, initial * std::exp(-d * p.time.horizon_days),
          constant ? Reach::exact : Reach::approximation, {{"survival"}});
    return b.out;
  }
  if (!acquisition_known || churn == 0) {
    for (const char *m : {"churn_rate", "brickwall_coverage", "customers_end"})
      b.none(m, base_part, {{churn == 0 ? "no_churn" : "no_customer_model"}});
    return b.out;
  }
  // M/G/infinity: a base of n customers is in balance when acquisition = effective churn x n.
  double low = 0, high = 1;
  while (acquisition - effective(high) * high > 0 && high < 1e12)
    high *= 2;
  for (int i = 0; i < 200; ++i) {
    const double mid = (low + high) / 2;
    (acquisition - effective(mid) * mid > 0 ? low : high) = mid;
  }
  const double base = (low + high) / 2;
  const double d = effective(base);
  const bool constant = coverage(base) >= 1 || capacity == 0 || brick.effect == 0;
  // With the horizon's length, the base approaches its balance from the initial customers.
  const double t = p.time.horizon_days;
  const double at_horizon = initial * std::exp(-d * t) + base * (1 - std::exp(-d * t));
  const bool settled = d * (t - fill) > 10;
  b.add("churn_rate", base_part, d * year,
        (constant && steady) ? Reach::exact : Reach::approximation, {{"churn_at_balance"}});
  b.add("brickwall_coverage", base_part, coverage(base),
        constant ? Reach::exact : Reach::approximation, {{"coverage_at_balance"}});
  b.add("customers_end", base_part, at_horizon,
        (constant && settled) ? Reach::exact : Reach::approximation,
        settled ? Phrases{{"mg_infinity"}} : Phrases{{"mg_infinity"}, {"still_growing"}});
  return b.out;
}

} // namespace salesfab::analysis::theory
