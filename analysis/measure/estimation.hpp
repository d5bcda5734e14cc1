#pragma once
// Estimation from observed histories (salesfab calibrate): exact binomial and Poisson intervals,
// the Kaplan-Meier curve, and maximum-likelihood fits of positive quantities (durations, deal
// values) over the exponential, gamma and lognormal families with right-censoring, chosen by
// AIC. Pure functions: Boost.Math for the special functions, NLopt for the maximisation.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace salesfab::analysis {

/// A confidence interval.
struct Interval {
  double low = 0;
  double high = 0;
  [[nodiscard]] bool covers(double x) const { return low <= x && x <= high; }
};

/// The exact (Clopper-Pearson) interval of a probability from `k` successes in `n` trials.
Interval binomial_interval(double k, double n, double confidence);

/// The exact (Garwood) interval of a Poisson rate from `count` events in `exposure` time.
Interval poisson_rate_interval(double count, double exposure, double confidence);

/// The normal quantile of a two-sided interval: 1.96 for 0.95.
double two_sided_z(double confidence);

/// The interval of mean(x) from its values (normal); low == high == mean for one value.
Interval mean_interval(std::span<const double> x, double confidence);

/// The families a positive quantity is fitted over. `constant` when every value is the same.
enum class Family { constant, exponential, gamma, lognormal };
/// "constant", "exponential", "gamma", "lognormal": the scenario format's names.
std::string_view family_name(Family family);

/// How values were measured: exactly, or as whole days (a CRM's dates: a visit entered on day
/// e and left on day l counts l - e days, which is the true time in stage rounded up or down).
enum class Resolution { exact, whole_days };

/// One observed value with its multiplicity; censored: the true value is greater than `value`
/// (for whole days: the visit was still open `value` days after it entered).
struct Observation {
  double value = 0;
  double count = 1;
  bool censored = false;
};

/// One family's maximum-likelihood fit: the mean and sd of the fitted distribution with their
/// intervals (delta method on the log scale from the observed information), its log-likelihood
/// and AIC. A constant's intervals are the value itself.
struct FamilyFit {
  Family family = Family::constant;
  double mean = 0;
  double sd = 0;
  Interval mean_ci;
  Interval sd_ci;
  double log_likelihood = 0;
  int parameters = 0;
  double aic = 0;
  std::vector<double> theta; ///< the fitted parameters on the optimiser's scale
};

/// A fit over the families: the one AIC chose and every candidate tried.
struct PositiveFit {
  FamilyFit chosen;
  std::vector<FamilyFit> candidates;
  double n = 0;      ///< observations
  double events = 0; ///< of which not censored
};

/// Fits `data` (values >= 0, at least one not censored; exact values > 0 for the gamma and
/// lognormal) by maximum likelihood with right-censoring over exponential, gamma and lognormal
/// and chooses by AIC; a constant when every value is the same and none is censored beyond it.
/// Throws std::invalid_argument when there is nothing to fit.
PositiveFit fit_positive(std::span<const Observation> data, Resolution resolution,
                         double confidence);

/// P(X > x) of a fitted distribution as it would be observed at `resolution` (whole days: the
/// probability that a visit is still open x days after entering, x whole).
double fitted_survival(const FamilyFit &fit, double x, Resolution resolution);

/// One step of the Kaplan-Meier curve: the survival just after `time`.
struct SurvivalStep {
  double time = 0;
  double survival = 1;
};

/// The Kaplan-Meier estimate of P(X > t) from censored data (a value censored at t counts as
/// at risk at t: it is known to exceed t).
std::vector<SurvivalStep> kaplan_meier(std::span<const Observation> data);

} // namespace salesfab::analysis
