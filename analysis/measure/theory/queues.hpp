#pragma once
// Queueing formulas for the staff pools: Erlang B and C (M/M/c), M/M/c with impatient customers
// (patience deterministic: M/M/c+D; or exponential: Erlang-A, M/M/c+M), both from the
// offered-wait density of the M/M/n+G queue, and the Allen-Cunneen approximation for
// non-exponential service.

#include <optional>

namespace salesfab::analysis::theory {

/// Erlang B: the probability that all c servers are busy in M/M/c/c, offered load a = lambda/mu.
double erlang_b(double a, int c);

/// Erlang C: the probability that an arrival waits in M/M/c (a < c).
double erlang_c(double a, int c);

/// What a multi-server queue does in steady state.
struct QueueMeasures {
  double p_wait = 0;       ///< an arrival finds every server busy
  double p_abandon = 0;    ///< an arrival leaves before service (impatience)
  double wait_served = 0;  ///< mean wait of those served (zero waits included)
  double wait_all = 0;     ///< mean wait of all arrivals (abandoned ones until they leave)
  double queue_length = 0; ///< time-average number waiting (Little: lambda x wait_all)
  double utilisation = 0;  ///< busy servers / servers
};

/// M/M/c: Poisson arrivals (rate lambda), exponential service (rate mu), c servers. Empty when
/// the queue is not stable (lambda >= c mu) or c == 0.
std::optional<QueueMeasures> mmc(double lambda, double mu, int c);

/// E[exp(-theta W)] for the wait W of M/M/c (Erlang C; theta >= 0): no wait with probability
/// 1 - C, else an exponential wait of rate c mu - lambda, so (1 - C) + C (c mu - lambda) /
/// (c mu - lambda + theta). With theta = ln 2 / halflife it is the mean of 2^(-W / halflife):
/// the share of a chance that waiting leaves ("Time kills deals"). Empty when not stable.
std::optional<double> mmc_wait_laplace(double lambda, double mu, int c, double theta);

/// The same for those served in M/M/c+D (deterministic patience d): the offered wait's density
/// on (0, d) is lambda pi_{c-1} e^{-(c mu - lambda) x}, so E[exp(-theta W) | served] =
/// (1 - P(wait) + lambda pi_{c-1} (1 - e^{-(c mu - lambda + theta) d}) / (c mu - lambda +
/// theta)) / (1 - P(abandon)). Stable for any load; empty when c == 0.
std::optional<double> mmc_d_wait_laplace(double lambda, double mu, int c, double patience,
                                         double theta);

/// How impatient waiting customers are.
struct Patience {
  enum class Kind { deterministic, exponential } kind = Kind::deterministic;
  double value = 0; ///< deterministic: the patience; exponential: the mean patience
};

/// M/M/c+G with deterministic (M/M/c+D) or exponential (Erlang-A) patience, from the density of
/// the offered wait V: f(x) = lambda pi_{c-1} exp(lambda H(x) - c mu x), H(x) = integral of
/// the patience's survival function (Baccelli and Hebuterne; Zeltyn and Mandelbaum). Stable for
/// any load. Empty when c == 0.
std::optional<QueueMeasures> mmc_patience(double lambda, double mu, int c, Patience patience);

/// Erlang-A by its birth-death chain (states truncated where their probability is negligible):
/// an independent check of mmc_patience with exponential patience.
QueueMeasures erlang_a_chain(double lambda, double mu, int c, double mean_patience);

/// Allen-Cunneen: M/G/c's mean wait ~ M/M/c's x (1 + cs2) / 2 for Poisson arrivals, where cs2
/// is the squared coefficient of variation of the service time. Empty when not stable.
std::optional<QueueMeasures> allen_cunneen(double lambda, double mean_service, double cs2, int c);

} // namespace salesfab::analysis::theory
