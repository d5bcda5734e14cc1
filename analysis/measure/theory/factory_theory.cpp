#include "analysis/measure/theory/factory_theory.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/measure/theory/absorbing_chain.hpp"
#include "analysis/measure/theory/queues.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>

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
  void add(std::string_view metric, std::string part, std::optional<double> value, Reach reach,
           Phrases model) {
    out.push_back({std::string(metric), std::move(part), value, reach, std::move(model)});
  }
  void none(std::string_view metric, std::string part, Phrases why) {
    add(metric, std::move(part), std::nullopt, Reach::not_applicable, std::move(why));
  }
  /// The same reason for several metrics theory has no value for.
  void none_all(std::span<const std::string_view> metrics, const std::string &part,
                const Phrases &why) {
    for (const auto metric : metrics)
      none(metric, part, why);
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

// What theory expects of one factory, part by part in the order of the factory: each part
// adds its expectations and leaves what the parts downstream need to know.
class FactoryTheory {
public:
  explicit FactoryTheory(const Parameters &p)
      : p_(p), winback_(p.customers.winback_after_days.has_value()),
        any_intent_(std::any_of(p.customers.intents.begin(), p.customers.intents.end(),
                                [](const model::IntentParameters &i) {
                                  return i.per_year.value != std::array<double, 3>{0, 0, 0};
                                })),
        any_churn_(p.customers.churn_per_year.value != std::array<double, 3>{0, 0, 0}),
        fill_(3 * p.market.shortlist.time_to_need_days.mean()),
        steady_(p.time.warmup_days >= fill_), steady_note_{steady_ ? "steady"
                                                                   : "steady_approximation",
                                                           ""},
        pass_halflife_(p.market.qualification.pass_halflife_days),
        funnel_decays_(
            std::any_of(p.funnel.stages.begin(), p.funnel.stages.end(), [](const model::Stage &s) {
              return s.conversion_halflife_days.has_value();
            })) {}

  std::vector<Expectation> expectations() {
    arrivals();
    qualifiers();
    pass_decay();
    shortlist();
    funnel();
    conversions();
    account_executives();
    won_deals();
    customer_base();
    return std::move(b_.out);
  }

private:
  // ---- Market platform: arrivals and the qualifiers' queue.
  void arrivals() {
    for (const auto &s : p_.market.segments) {
      lambda_ += s.suspects_per_week / model::days_per_week;
      passing_ += s.suspects_per_week / model::days_per_week * s.qualification_pass;
    }
    if (winback_)
      b_.none(names::suspects_per_year, "market", {{"winback_suspects"}});
    else
      b_.add(names::suspects_per_year, "market", lambda_ * year, Reach::exact,
             {{"poisson_arrivals"}});
    if (lambda_ > 0 && !pass_halflife_) // with a half-life it waits for the queue's waits
      b_.add(names::qualification_pass_rate, "market", passing_ / lambda_, Reach::exact,
             {{"pass_weighted"}});
  }

  void qualifiers() {
    static constexpr std::string_view queue_metrics[] = {
        names::wait_qualification_days_mean, names::utilisation_qualifier, names::gone_cold_rate,
        names::queue_qualifier_mean};
    const auto &qualifier = p_.staff[Role::qualifier];
    const Distribution &effort = p_.market.qualification.effort_hours;
    if (changes_role(p_, Role::qualifier)) {
      b_.none_all(queue_metrics, queue_part, {{"qualifiers_change"}});
    } else if (winback_) {
      b_.none_all(queue_metrics, queue_part, {{"winback_arrivals"}});
    } else if (lambda_ == 0) {
      market_known_ = true; // nothing arrives: every flow from the market is exactly 0
    } else if (qualifier.headcount == 0) {
      b_.none_all(queue_metrics, queue_part, {{"no_qualifiers"}});
    } else if (effort.mean() == 0) {
      b_.add(names::wait_qualification_days_mean, queue_part, 0.0, Reach::exact, {{"no_effort"}});
      b_.add(names::gone_cold_rate, queue_part, 0.0, Reach::exact, {{"no_effort"}});
      market_known_ = true;
      pass_left_ = 1.0; // nobody waits
      pass_model_ = {{"no_effort"}};
    } else {
      qualifier_queue(qualifier, effort);
    }
  }

  // The qualifiers as a queue: M/M/c, M/M/c+D with patience, or Allen-Cunneen.
  void qualifier_queue(const model::RoleParameters &qualifier, const Distribution &effort) {
    const auto &patience = p_.market.qualification.patience_days;
    const double mean_service = effort.mean() / qualifier.hours_per_day();
    const double mu = 1 / mean_service;
    const bool exponential = effort.kind() == Distribution::Kind::exponential;
    const int c = qualifier.headcount;
    std::optional<QueueMeasures> q;
    Reach reach = Reach::exact;
    Phrases name;
    if (patience) {
      q = mmc_patience(lambda_, mu, c, Patience{Patience::Kind::deterministic, *patience});
      name = {{"mmc_d", std::to_string(c)}};
      if (!exponential) {
        reach = Reach::approximation;
        name.push_back({"mmc_d_mean_effort"});
      }
    } else if (exponential) {
      q = mmc(lambda_, mu, c);
      name = {{"erlang_c", std::to_string(c)}};
    } else {
      q = allen_cunneen(lambda_, mean_service, squared_cv(effort), c);
      reach = Reach::approximation;
      name = {{"allen_cunneen_qualifiers", std::to_string(c)}};
    }
    if (!q) {
      static constexpr std::string_view overloaded[] = {names::wait_qualification_days_mean,
                                                        names::utilisation_qualifier,
                                                        names::queue_qualifier_mean};
      b_.none_all(overloaded, queue_part, {{"qualifiers_overloaded"}});
      return;
    }
    b_.add(names::wait_qualification_days_mean, queue_part, q->wait_served, reach, name);
    b_.add(names::utilisation_qualifier, queue_part, q->utilisation, reach, name);
    b_.add(names::gone_cold_rate, queue_part, q->p_abandon, reach, name);
    b_.add(names::queue_qualifier_mean, queue_part, q->queue_length, reach, name);
    p_cold_ = q->p_abandon;
    market_known_ = reach == Reach::exact;
    if (pass_halflife_)
      pass_left_under_queue(*q, mu, c, reach, name);
  }

  // "Time kills deals": the mean share of the pass chance a served suspect's wait leaves,
  // E[2^(-W / halflife)], the Laplace transform of the wait at ln 2 / halflife.
  void pass_left_under_queue(const QueueMeasures &q, double mu, int c, Reach reach,
                             const Phrases &name) {
    const double theta = std::numbers::ln2 / *pass_halflife_;
    const auto &patience = p_.market.qualification.patience_days;
    if (patience)
      pass_left_ = mmc_d_wait_laplace(lambda_, mu, c, *patience, theta);
    else if (reach == Reach::exact)
      pass_left_ = mmc_wait_laplace(lambda_, mu, c, theta);
    else if (q.p_wait > 0) // Allen-Cunneen: a wait, when there is one, taken as exponential
      pass_left_ = (1 - q.p_wait) + q.p_wait / (1 + theta * q.wait_served / q.p_wait);
    else
      pass_left_ = 1.0;
    pass_reach_ = reach;
    pass_model_ = name;
    pass_model_.push_back({reach == Reach::exact ? "pass_decay" : "pass_decay_approximation"});
  }

  // The pass rate and the suspects lost to waiting, where a half-life makes waiting cost.
  void pass_decay() {
    if (!pass_halflife_ || lambda_ == 0)
      return;
    if (!pass_left_) {
      b_.none(names::qualification_pass_rate, "market", {{"pass_decay_no_wait"}});
      b_.none(names::suspects_lost_to_waiting_per_year, "market", {{"pass_decay_no_wait"}});
      market_known_ = false;
      return;
    }
    b_.add(names::qualification_pass_rate, "market", passing_ / lambda_ * *pass_left_, pass_reach_,
           pass_model_);
    if (winback_)
      b_.none(names::suspects_lost_to_waiting_per_year, "market", {{"winback_suspects"}});
    else
      b_.add(names::suspects_lost_to_waiting_per_year, "market",
             passing_ * (1 - p_cold_) * (1 - *pass_left_) * year, pass_reach_,
             {{"lost_to_waiting_flow"}});
  }

  // Qualified onto the shortlist, and the new opportunities its prospects' needs create.
  void shortlist() {
    const double qualified = passing_ * pass_left_.value_or(1.0) * (1 - p_cold_); // per day
    const double drift = p_.market.shortlist.drift_per_year / year;
    new_opportunities_ = qualified * laplace(p_.market.shortlist.time_to_need_days, drift);
    if (!winback_ && market_known_) {
      b_.add(names::qualified_per_year, "market", qualified * year, Reach::exact,
             pass_halflife_ ? Phrases{{"qualified_flow"}, {"qualified_flow_decay"}}
                            : Phrases{{"qualified_flow"}});
      // Flows downstream of the shortlist reach a steady state once the warm-up has let the
      // pipeline fill: a few times the time to need.
      b_.add(names::opportunities_new_per_year, "buying: shortlist", new_opportunities_ * year,
             steady_ ? Reach::exact : Reach::approximation, {{"opportunities_flow"}, steady_note_});
    } else {
      b_.none(names::qualified_per_year, "market", {{"no_qualifier_model"}});
      b_.none(names::opportunities_new_per_year, "buying: shortlist", {{"no_qualifier_model"}});
    }
  }

  // ---- Work platform: the funnel as an absorbing chain, per source.
  [[nodiscard]] ChainSolution chain_for(bool existing) const {
    const auto &stages = p_.funnel.stages;
    const auto n = static_cast<Eigen::Index>(stages.size());
    const auto &executive = p_.staff[Role::account_executive];
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
  }

  void funnel() {
    const auto &stages = p_.funnel.stages;
    new_chain_ = chain_for(false);
    const ChainSolution existing_chain = chain_for(true);
    const auto enter = static_cast<Eigen::Index>(p_.funnel.existing_enter_stage);
    win_new_ = new_chain_.absorption(0, 0);
    losses_by_time_ = p_.funnel.patience_days || p_.funnel.max_age_days;
    // No account executive ever: an opportunity waits at the first stage that takes effort,
    // and no deal is won or lost by conversion (only by patience or age, if at all).
    stalled_ = p_.staff[Role::account_executive].headcount == 0 &&
               !changes_role(p_, Role::account_executive) &&
               std::any_of(stages.begin(), stages.end(),
                           [](const model::Stage &st) { return st.effort_hours.mean() > 0; });
    if (stalled_) {
      b_.none(names::win_rate_new, "funnel", {{"funnel_stalled"}});
      if (any_intent_)
        b_.none(names::win_rate_existing, "funnel", {{"funnel_stalled"}});
      for (const auto &stage : stages)
        b_.none(names::conversion(stage.name), "funnel", {{"funnel_stalled"}});
      return;
    }
    if (funnel_decays_) {
      b_.none(names::win_rate_new, "funnel", {{"conversion_decay"}});
      if (any_intent_)
        b_.none(names::win_rate_existing, "funnel", {{"conversion_decay"}});
      b_.none(names::opportunities_lost_to_waiting_per_year, "funnel", {{"conversion_decay"}});
      return;
    }
    Phrases chain_new{{"chain"}};
    if (losses_by_time_)
      chain_new.push_back({"chain_time_losses"});
    b_.add(names::win_rate_new, "funnel", win_new_,
           losses_by_time_ ? Reach::approximation : Reach::exact, chain_new);
    if (any_intent_) {
      const bool extra = losses_by_time_ || any_churn_;
      Phrases chain_existing{{"chain"}, {"chain_existing"}};
      if (extra)
        chain_existing.push_back({"chain_churn_losses"});
      b_.add(names::win_rate_existing, "funnel", existing_chain.absorption(enter, 0),
             extra ? Reach::approximation : Reach::exact, chain_existing);
    }
  }

  void conversions() {
    const auto &stages = p_.funnel.stages;
    for (std::size_t s = 0; s < stages.size() && !stalled_; ++s) {
      const auto &stage = stages[s];
      const bool mixed = any_intent_ && s >= p_.funnel.existing_enter_stage &&
                         stage.conversion_new != stage.conversion_existing;
      const std::string metric = names::conversion(stage.name);
      if (stage.conversion_halflife_days)
        b_.none(metric, "funnel", {{"conversion_decay"}});
      else if (mixed)
        b_.none(metric, "funnel", {{"conversion_mixed"}});
      else
        b_.add(metric, "funnel", stage.conversion_new,
               losses_by_time_ ? Reach::approximation : Reach::exact,
               losses_by_time_ ? Phrases{{"stage_conversion"}, {"stage_time_losses"}}
                               : Phrases{{"stage_conversion"}});
    }
  }

  // The account executives' queue: stage visits arrive at the rates the chain gives.
  void account_executives() {
    static constexpr std::string_view queue_metrics[] = {names::utilisation_account_executive,
                                                         names::wait_account_executive_days_mean,
                                                         names::queue_account_executive_mean};
    const auto &executive = p_.staff[Role::account_executive];
    const bool changes = changes_role(p_, Role::account_executive);
    if (changes || executive.headcount == 0 || any_intent_ || winback_ || !market_known_ ||
        funnel_decays_) {
      const char *why = changes                    ? "executives_change"
                        : executive.headcount == 0 ? "no_executives"
                        : any_intent_ || winback_  ? "intents_add_opportunities"
                        : funnel_decays_           ? "conversion_decay"
                                                   : "no_opportunity_model";
      b_.none_all(queue_metrics, ae_part, {{why}});
      return;
    }
    double visits = 0, first_moment = 0, second_moment = 0;
    const auto &stages = p_.funnel.stages;
    for (std::size_t s = 0; s < stages.size(); ++s) {
      const double rate = new_opportunities_ * new_chain_.visits(0, static_cast<Eigen::Index>(s));
      const Distribution &e = stages[s].effort_hours;
      const double hours = executive.hours_per_day();
      visits += rate;
      first_moment += rate * e.mean() / hours;
      second_moment += rate * (e.variance() + e.mean() * e.mean()) / (hours * hours);
    }
    if (visits <= 0 || first_moment <= 0)
      return;
    const double mean_service = first_moment / visits;
    const double cs2 = second_moment / visits / (mean_service * mean_service) - 1;
    executives_ = allen_cunneen(visits, mean_service, cs2, executive.headcount);
    b_.add(names::utilisation_account_executive, ae_part,
           visits * mean_service / executive.headcount,
           (steady_ && !p_.funnel.patience_days) ? Reach::exact : Reach::approximation,
           {{"offered_load"}, steady_note_});
    if (!executives_) {
      b_.none(names::wait_account_executive_days_mean, ae_part, {{"executives_overloaded"}});
      return;
    }
    const Phrases name{{"allen_cunneen_executives", std::to_string(executive.headcount)}};
    b_.add(names::wait_account_executive_days_mean, ae_part, executives_->wait_served,
           Reach::approximation, name);
    b_.add(names::queue_account_executive_mean, ae_part, executives_->queue_length,
           Reach::approximation, name);
    executives_known_ = executives_->p_wait < 1e-6;
  }

  void won_deals() {
    if (any_intent_ || winback_ || !market_known_ || stalled_ || funnel_decays_) {
      static constexpr std::string_view flows[] = {names::won_new_per_year, names::revenue_per_year,
                                                   names::cycle_days_mean};
      b_.none_all(flows, "funnel",
                  {{stalled_                  ? "funnel_stalled"
                    : any_intent_ || winback_ ? "customer_deals_mix"
                    : funnel_decays_          ? "conversion_decay"
                                              : "no_opportunity_model"}});
      return;
    }
    const double won = new_opportunities_ * win_new_;
    const Reach reach = (steady_ && !losses_by_time_) ? Reach::exact : Reach::approximation;
    b_.add(names::won_new_per_year, "funnel", won * year, reach, {{"won_flow"}, steady_note_});
    double value = 0, weight = 0;
    for (const auto &s : p_.market.segments) {
      const double w = s.suspects_per_week * s.qualification_pass;
      value += w * s.deal_value.mean();
      weight += w;
    }
    if (weight > 0)
      b_.add(names::revenue_per_year, "funnel", won * year * value / weight, reach,
             {{"revenue_flow"}, steady_note_});
    // Won deals pass every stage; add the expected waits for an account executive.
    const double waits =
        executives_ ? executives_->wait_served * static_cast<double>(p_.funnel.stages.size()) : 0.0;
    b_.add(names::cycle_days_mean, "funnel", new_chain_.conditional_time(0) + waits,
           executives_known_ && !losses_by_time_ ? Reach::exact : Reach::approximation,
           {{executives_known_ ? "cycle_no_waiting" : "cycle_with_waiting"}});
  }

  // ---- Buying platform: the customer base.
  static constexpr std::string_view base_metrics[] = {names::churn_rate, names::brickwall_coverage,
                                                      names::customers_end};

  // Coverage at a base of n customers, and the effective churn (per day) it gives.
  [[nodiscard]] double coverage(double base) const {
    const double need =
        p_.customers.brickwalling.hours_per_customer_per_month[model::CustomerClass::A];
    return (need * base <= 0) ? 1.0 : std::min(1.0, capacity() / (need * base));
  }
  [[nodiscard]] double capacity() const {
    const auto &manager = p_.staff[Role::account_manager];
    return manager.headcount * manager.hours_per_day() * model::days_per_month;
  }
  [[nodiscard]] double churn() const {
    return p_.customers.churn_per_year[model::CustomerClass::A] / year;
  }
  [[nodiscard]] double effective(double base) const {
    return churn() * (1 - p_.customers.brickwalling.effect * coverage(base));
  }

  void customer_base() {
    const auto &customers = p_.customers;
    const bool class_free =
        same_for_all_classes(customers.churn_per_year) &&
        same_for_all_classes(customers.brickwalling.hours_per_customer_per_month);
    if (!class_free || changes_role(p_, Role::account_manager) || winback_) {
      b_.none_all(base_metrics, base_part,
                  {{!class_free ? "churn_by_class"
                    : winback_  ? "winback_funnel"
                                : "managers_change"}});
      return;
    }
    // Stalled, no deal is ever won: no acquisition at all, whatever the market does.
    const double acquisition =
        (!stalled_ && !any_intent_ && market_known_) ? new_opportunities_ * win_new_ : 0.0;
    const bool acquisition_known = stalled_ || (market_known_ && !any_intent_ && !funnel_decays_);
    int initial = 0;
    for (const int k : customers.initial)
      initial += k;
    if (acquisition_known && acquisition == 0 && initial > 0)
      survival(initial);
    else if (!acquisition_known || churn() == 0)
      b_.none_all(base_metrics, base_part, {{churn() == 0 ? "no_churn" : "no_customer_model"}});
    else
      balance(acquisition, initial);
  }

  // No new customers: the initial ones only leave. Exact while coverage cannot change, i.e.
  // full coverage from the start (it only grows as customers leave) or no effect at all.
  void survival(int initial) {
    const bool constant = coverage(initial) >= 1 || capacity() == 0 ||
                          p_.customers.brickwalling.effect == 0 || churn() == 0;
    const Reach reach = constant ? Reach::exact : Reach::approximation;
    const double d = effective(initial);
    b_.add(names::churn_rate, base_part, d * year, reach,
           {{constant ? "churn_constant" : "churn_at_start"}});
    b_.add(names::brickwall_coverage, base_part, coverage(initial), reach, {{"coverage"}});
    b_.add(names::customers_end, base_part, initial * std::exp(-d * p_.time.horizon_days), reach,
           {{"survival"}});
  }

  // M/G/infinity: a base of n customers is in balance when acquisition = effective churn x n.
  void balance(double acquisition, int initial) {
    double low = 0, high = 1;
    while (acquisition - effective(high) * high > 0 && high < 1e12)
      high *= 2;
    for (int i = 0; i < 200; ++i) {
      const double mid = (low + high) / 2;
      (acquisition - effective(mid) * mid > 0 ? low : high) = mid;
    }
    const double base = (low + high) / 2;
    const double d = effective(base);
    const bool constant =
        coverage(base) >= 1 || capacity() == 0 || p_.customers.brickwalling.effect == 0;
    // With the horizon's length, the base approaches its balance from the initial customers.
    const double t = p_.time.horizon_days;
    const double at_horizon = initial * std::exp(-d * t) + base * (1 - std::exp(-d * t));
    const bool settled = d * (t - fill_) > 10;
    b_.add(names::churn_rate, base_part, d * year,
           (constant && steady_) ? Reach::exact : Reach::approximation, {{"churn_at_balance"}});
    b_.add(names::brickwall_coverage, base_part, coverage(base),
           constant ? Reach::exact : Reach::approximation, {{"coverage_at_balance"}});
    b_.add(names::customers_end, base_part, at_horizon,
           (constant && settled) ? Reach::exact : Reach::approximation,
           settled ? Phrases{{"mg_infinity"}} : Phrases{{"mg_infinity"}, {"still_growing"}});
  }

  static constexpr double year = model::days_per_year;
  static constexpr const char *queue_part = "market: qualifiers";
  static constexpr const char *ae_part = "work: account executives";
  static constexpr const char *base_part = "buying: customers";

  const Parameters &p_;
  Builder b_;
  const bool winback_, any_intent_, any_churn_;
  const double fill_; // days for the pipeline to fill
  const bool steady_; // the warm-up lets it fill
  const Phrase steady_note_;
  double lambda_ = 0, passing_ = 0; // arrivals and passing qualification, per day
  double p_cold_ = 0;
  bool market_known_ = false;
  const std::optional<double> &pass_halflife_;
  std::optional<double> pass_left_; // E[2^(-wait / halflife)] of those served, where known
  Reach pass_reach_ = Reach::exact;
  Phrases pass_model_;
  const bool funnel_decays_;     // some stage's conversion decays while it waits
  double new_opportunities_ = 0; // per day
  ChainSolution new_chain_;
  double win_new_ = 0;
  bool losses_by_time_ = false, stalled_ = false;
  std::optional<QueueMeasures> executives_;
  bool executives_known_ = false;
};

} // namespace

std::vector<UnsettledQueue> unsettled_queues(const Parameters &p) {
  std::vector<UnsettledQueue> out;
  // Qualifiers: Poisson arrivals of every segment; without patience none leaves unserved.
  const auto &qualifier = p.staff[Role::qualifier];
  double lambda = 0;
  for (const auto &s : p.market.segments)
    lambda += s.suspects_per_week / model::days_per_week;
  const double effort = p.market.qualification.effort_hours.mean();
  if (!p.market.qualification.patience_days && !changes_role(p, Role::qualifier) && lambda > 0 &&
      effort > 0) {
    const double offered = lambda * effort / qualifier.hours_per_day();
    if (offered >= qualifier.headcount)
      out.push_back(
          {"qualifiers",
           offered,
           qualifier.headcount,
           {std::string(names::wait_qualification_days_mean),
            std::string(names::queue_qualifier_mean), std::string(names::utilisation_qualifier)}});
  }
  // Account executives: their offered load where theory has it (the stage visits' work).
  const auto &executive = p.staff[Role::account_executive];
  if (!p.funnel.patience_days && !p.funnel.max_age_days)
    for (const Expectation &e : expectations(p))
      if (e.metric == names::utilisation_account_executive && e.value && *e.value >= 1)
        out.push_back({"account executives",
                       *e.value * executive.headcount,
                       executive.headcount,
                       {std::string(names::wait_account_executive_days_mean),
                        std::string(names::queue_account_executive_mean),
                        std::string(names::utilisation_account_executive)}});
  return out;
}

std::vector<Expectation> expectations(const Parameters &p) {
  return FactoryTheory(p).expectations();
}

} // namespace salesfab::analysis::theory
