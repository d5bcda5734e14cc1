#include "analysis/measure/theory/queues.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <cmath>
#include <limits>
#include <vector>

namespace salesfab::analysis::theory {

double erlang_b(double a, int c) {
  double b = 1; // B(0) = 1; B(k) = a B(k-1) / (k + a B(k-1)): stable for any c
  for (int k = 1; k <= c; ++k)
    b = a * b / (k + a * b);
  return b;
}

double erlang_c(double a, int c) {
  const double b = erlang_b(a, c);
  return c * b / (c - a * (1 - b));
}

std::optional<QueueMeasures> mmc(double lambda, double mu, int c) {
  const double a = lambda / mu;
  if (c <= 0 || a >= c)
    return std::nullopt;
  QueueMeasures q;
  q.p_wait = erlang_c(a, c);
  q.wait_served = q.p_wait / (c * mu - lambda);
  q.wait_all = q.wait_served;
  q.queue_length = lambda * q.wait_all;
  q.utilisation = a / c;
  return q;
}

namespace {

// pi_{c-1} relative to nothing: 1 / (sum_{j<c} (a^j/j!)/(a^(c-1)/(c-1)!) + lambda J).
double pi_before_full(double a, int c, double lambda_j) {
  double ratio = 1, sum = 0; // terms (a^j/j!) / (a^(c-1)/(c-1)!), from j = c-1 down
  for (int j = c - 1; j >= 0; --j) {
    sum += ratio;
    ratio *= j / a;
  }
  return 1 / (sum + lambda_j);
}

} // namespace

std::optional<double> mmc_wait_laplace(double lambda, double mu, int c, double theta) {
  const auto q = mmc(lambda, mu, c);
  if (!q)
    return std::nullopt;
  const double rate = c * mu - lambda; // of the wait, given a wait
  return (1 - q->p_wait) + q->p_wait * rate / (rate + theta);
}

std::optional<double> mmc_d_wait_laplace(double lambda, double mu, int c, double patience,
                                         double theta) {
  const auto q = mmc_patience(lambda, mu, c, Patience{Patience::Kind::deterministic, patience});
  if (!q)
    return std::nullopt;
  const double a = lambda / mu, cmu = c * mu, delta = cmu - lambda, d = patience;
  const double e = std::exp(-delta * d);
  const double j = (std::abs(delta) * d < 1e-12 ? d : (1 - e) / delta) + e / cmu;
  const double density0 = lambda * pi_before_full(a, c, lambda * j);
  const double k = delta + theta;
  const double served_waiting = std::abs(k) * d < 1e-12 ? d : -std::expm1(-k * d) / k;
  return (1 - q->p_wait + density0 * served_waiting) / (1 - q->p_abandon);
}

std::optional<QueueMeasures> mmc_patience(double lambda, double mu, int c, Patience patience) {
  if (c <= 0)
    return std::nullopt;
  const double a = lambda / mu;
  const double cmu = c * mu;
  QueueMeasures q;
  if (patience.kind == Patience::Kind::deterministic) {
    const double d = patience.value;
    const double delta = cmu - lambda;
    // J = integral_0^d e^{-delta x} dx + integral_d^inf e^{lambda d - c mu x} dx
    const double e = std::exp(-delta * d);
    const double first = std::abs(delta) * d < 1e-12 ? d : (1 - e) / delta;
    const double j = first + e / cmu;
    const double pi = pi_before_full(a, c, lambda * j);
    const double density0 = lambda * pi; // f(x) = density0 x e^{-delta x} on (0, d)
    q.p_wait = density0 * j;
    q.p_abandon = density0 * e / cmu;
    // E[V; V < d] = density0 x integral_0^d x e^{-delta x} dx
    const double waited_served = std::abs(delta) * d < 1e-9
                                     ? density0 * d * d / 2
                                     : density0 * (1 - e * (1 + delta * d)) / (delta * delta);
    q.wait_served = waited_served / (1 - q.p_abandon);
    q.wait_all = waited_served + d * q.p_abandon;
  } else {
    const double theta = 1 / patience.value;
    auto h = [&](double x) { return (1 - std::exp(-theta * x)) / theta; };
    auto f = [&](double x) { return std::exp(lambda * h(x) - cmu * x); };
    using boost::math::quadrature::gauss_kronrod;
    const double inf = std::numeric_limits<double>::infinity();
    const double j = gauss_kronrod<double, 61>::integrate(f, 0.0, inf, 15, 1e-12);
    const double pi = pi_before_full(a, c, lambda * j);
    const double density0 = lambda * pi;
    q.p_wait = density0 * j;
    // Offered wait x: served with probability e^{-theta x} after waiting x; else it leaves
    // after its patience, E[patience; patience < x] = (1 - e^{-theta x}(1 + theta x)) / theta.
    q.p_abandon = density0 * gauss_kronrod<double, 61>::integrate(
                                 [&](double x) { return (1 - std::exp(-theta * x)) * f(x); }, 0.0,
                                 inf, 15, 1e-12);
    const double waited_served =
        density0 *
        gauss_kronrod<double, 61>::integrate(
            [&](double x) { return x * std::exp(-theta * x) * f(x); }, 0.0, inf, 15, 1e-12);
    const double waited_abandoning =
        density0 *
        gauss_kronrod<double, 61>::integrate(
            [&](double x) { return (1 - std::exp(-theta * x) * (1 + theta * x)) / theta * f(x); },
            0.0, inf, 15, 1e-12);
    q.wait_served = waited_served / (1 - q.p_abandon);
    q.wait_all = waited_served + waited_abandoning;
  }
  q.queue_length = lambda * q.wait_all;
  q.utilisation = lambda * (1 - q.p_abandon) / cmu;
  return q;
}

QueueMeasures erlang_a_chain(double lambda, double mu, int c, double mean_patience) {
  const double theta = 1 / mean_patience;
  std::vector<double> p{1.0};
  double total = 1;
  for (int k = 1; k < 100000; ++k) {
    const double death = std::min(k, c) * mu + std::max(k - c, 0) * theta;
    p.push_back(p.back() * lambda / death);
    total += p.back();
    if (k > c && p.back() < 1e-18 * total)
      break;
  }
  QueueMeasures q;
  double queue = 0, busy = 0, abandon_rate = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double pk = p[k] / total;
    const int n = static_cast<int>(k);
    if (n >= c)
      q.p_wait += pk;
    queue += std::max(n - c, 0) * pk;
    busy += std::min(n, c) * pk;
    abandon_rate += std::max(n - c, 0) * theta * pk;
  }
  q.p_abandon = abandon_rate / lambda;
  q.queue_length = queue;
  q.wait_all = queue / lambda;
  q.utilisation = busy / c;
  // Waits of the served: total waiting minus what abandoning customers waited. An abandoning
  // customer's wait is its patience given that it ran out first; in the chain the time spent
  // waiting by those who abandon is (abandon rate) x E[wait | abandon], not separable without
  // the offered-wait density, so the served mean is not given here.
  q.wait_served = std::numeric_limits<double>::quiet_NaN();
  return q;
}

std::optional<QueueMeasures> allen_cunneen(double lambda, double mean_service, double cs2, int c) {
  auto q = mmc(lambda, 1 / mean_service, c);
  if (!q)
    return std::nullopt;
  q->wait_served *= (1 + cs2) / 2;
  q->wait_all = q->wait_served;
  q->queue_length = lambda * q->wait_all;
  return q;
}

} // namespace salesfab::analysis::theory
