#pragma once
// What theory expects of a whole factory in steady state, quantity by quantity: queues for the
// staff pools, the funnel as an absorbing Markov chain, the flows from suspects to customers,
// and the customer base. Each expectation says whether it is exact, an approximation (and
// which), or why theory cannot say.

#include "model/parameters.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesfab::analysis::theory {

/// How far theory reaches for one quantity.
enum class Reach { exact, approximation, not_applicable };
/// "exact", "approximation" or "not applicable".
std::string_view reach_name(Reach reach);

/// One piece of how theory got a value, or of why it has none: the key of a phrase in the
/// translation table ("theory.KEY", analysis/translations.cpp), with the number that fills its
/// {n} where it has one. Theory stays free of any language; `phrase_text` words it.
struct Phrase {
  Phrase(std::string key_, std::string n_ = {}) : key(std::move(key_)), n(std::move(n_)) {}
  Phrase(const char *key_) : key(key_) {}
  std::string key;
  std::string n;
  friend bool operator==(const Phrase &, const Phrase &) = default;
};
using Phrases = std::vector<Phrase>;

/// Theory's value of one quantity, named as the metric it predicts.
struct Expectation {
  std::string metric; ///< a metric name of the catalogue
  std::string part;   ///< where in the factory: market, funnel, account executives, customers
  std::optional<double> value;
  Reach reach = Reach::not_applicable;
  Phrases model; ///< the model used, or why none applies
};

/// The expectations for a scenario, in the order of the factory (market to customers).
std::vector<Expectation> expectations(const model::Parameters &params);

/// A staff queue that cannot settle: more work arrives than its people can do, and nothing
/// leaves the queue unserved (no patience), so it grows without bound.
struct UnsettledQueue {
  std::string queue;                ///< "qualifiers" or "account executives"
  double offered_load = 0;          ///< people's worth of work arriving (lambda x mean service)
  int staff = 0;                    ///< people employed
  std::vector<std::string> metrics; ///< metrics that describe the queue (they do not settle)
};

/// The staff queues theory can show to be unsettled (where it cannot tell, none is listed).
std::vector<UnsettledQueue> unsettled_queues(const model::Parameters &params);

/// E[exp(-s X)] for X drawn from `d` (s >= 0): the probability that an exponential clock of
/// rate s does not ring before X.
double laplace(const engine::Distribution &d, double s);

} // namespace salesfab::analysis::theory
