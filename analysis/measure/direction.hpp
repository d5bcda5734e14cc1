#pragma once
// Which way is better, metric by metric: what a manager wants more of (revenue, customers, win
// rate), less of (churn, waiting, cost), and what is neither good nor bad in itself (the hours
// worked, utilisation, the open pipeline). The what-if page colours a significant difference by
// it; it is a judgement of the metric's meaning, not of the scenario.

#include <string_view>

namespace salesfab::analysis {

/// Which way a metric is better. Suspects per year and customers won back per year are neither:
/// they rise with churn (a churned customer returns to the market).
enum class Better : int {
  lower = -1,  ///< less is better (churn, waiting, cost, deals lost)
  neither = 0, ///< neither way is better in itself (hours, utilisation, pipeline levels, win-back)
  higher = +1, ///< more is better (revenue, deals won, customers, win rate)
};

/// Which way `metric` (a name of metrics.md, conversion_STAGE included) is better; neither for a
/// name it does not know.
Better better_direction(std::string_view metric);

/// How a difference of `difference` in `metric` reads: +1 an improvement, -1 a worsening, 0 no
/// judgement (neither way is better, or no difference).
int judge(std::string_view metric, double difference);

} // namespace salesfab::analysis
