#pragma once
// The levers of a scenario on the what-if page: the keys a manager or a teacher moves (people
// and their hours, account-manager hours per customer, suspects and qualification per segment,
// the funnel's conversions, churn, brickwalling's effect), each with its value in the file, a
// range and a step for a slider, and a label in the page's language. A lever's key is the key
// path `--set` takes.

#include "analysis/present/words.hpp"
#include "scenario/loader.hpp"

#include <string>
#include <vector>

namespace salesfab::serve {

/// One lever: a key path of the scenario and where a slider may take it.
struct Lever {
  std::string key;  ///< e.g. staff.account_manager.headcount
  double value = 0; ///< the base value (the scenario's first variant)
  double min = 0;
  double max = 0;
  double step = 0;
  std::string label; ///< e.g. "account managers: people"
};

/// The levers of a scenario, in the order of the file's sections.
std::vector<Lever> levers(const scenario::ScenarioFile &file, present::Language language);

} // namespace salesfab::serve
