#pragma once
// The names of the metrics, as every output spells them (../shared/design/metrics.md). Code
// refers to a metric through these constants, never through a string literal, so that a renamed
// metric fails to compile instead of failing at run time.

#include <string>
#include <string_view>

namespace salesfab::analysis::names {

// Kwantiteit
inline constexpr std::string_view suspects_per_year = "suspects_per_year";
inline constexpr std::string_view qualified_per_year = "qualified_per_year";
inline constexpr std::string_view opportunities_per_year = "opportunities_per_year";
inline constexpr std::string_view opportunities_new_per_year = "opportunities_new_per_year";
inline constexpr std::string_view opportunities_existing_per_year =
    "opportunities_existing_per_year";
inline constexpr std::string_view won_per_year = "won_per_year";
inline constexpr std::string_view won_new_per_year = "won_new_per_year";
inline constexpr std::string_view won_rebuy_per_year = "won_rebuy_per_year";
inline constexpr std::string_view won_deep_selling_per_year = "won_deep_selling_per_year";
inline constexpr std::string_view won_up_selling_per_year = "won_up_selling_per_year";
inline constexpr std::string_view won_cross_selling_per_year = "won_cross_selling_per_year";
inline constexpr std::string_view lost_per_year = "lost_per_year";
inline constexpr std::string_view revenue_per_year = "revenue_per_year";
inline constexpr std::string_view margin_per_year = "margin_per_year";
inline constexpr std::string_view new_customers_per_year = "new_customers_per_year";
inline constexpr std::string_view churned_per_year = "churned_per_year";
inline constexpr std::string_view customers_end = "customers_end";
inline constexpr std::string_view customers_a_end = "customers_a_end";
inline constexpr std::string_view customers_b_end = "customers_b_end";
inline constexpr std::string_view customers_c_end = "customers_c_end";
inline constexpr std::string_view prospects_end = "prospects_end";
inline constexpr std::string_view pipeline_open_end = "pipeline_open_end";
inline constexpr std::string_view weighted_pipeline_end = "weighted_pipeline_end";
inline constexpr std::string_view hours_qualifier_per_year = "hours_qualifier_per_year";
inline constexpr std::string_view hours_account_executive_per_year =
    "hours_account_executive_per_year";
inline constexpr std::string_view hours_account_manager_per_year = "hours_account_manager_per_year";
inline constexpr std::string_view staff_cost_per_year = "staff_cost_per_year";
// salesfab's own (not in metrics.md)
inline constexpr std::string_view lost_to_competitor_per_year = "lost_to_competitor_per_year";
inline constexpr std::string_view lost_no_decision_per_year = "lost_no_decision_per_year";
inline constexpr std::string_view lost_patience_per_year = "lost_patience_per_year";
inline constexpr std::string_view won_back_per_year = "won_back_per_year";
// What waiting cost ("Time kills deals"), only where the scenario gives a half-life: counted
// from the draws, those that failed and would have passed without the wait.
inline constexpr std::string_view suspects_lost_to_waiting_per_year =
    "suspects_lost_to_waiting_per_year";
inline constexpr std::string_view opportunities_lost_to_waiting_per_year =
    "opportunities_lost_to_waiting_per_year";

// Kwaliteit
inline constexpr std::string_view qualification_pass_rate = "qualification_pass_rate";
inline constexpr std::string_view gone_cold_rate = "gone_cold_rate";
inline constexpr std::string_view win_rate = "win_rate";
inline constexpr std::string_view win_rate_new = "win_rate_new";
inline constexpr std::string_view win_rate_existing = "win_rate_existing";
inline constexpr std::string_view avg_deal_value = "avg_deal_value";
inline constexpr std::string_view margin_pct = "margin_pct";
inline constexpr std::string_view cycle_days_mean = "cycle_days_mean";
inline constexpr std::string_view cycle_days_p90 = "cycle_days_p90";
inline constexpr std::string_view wait_qualification_days_mean = "wait_qualification_days_mean";
inline constexpr std::string_view wait_account_executive_days_mean =
    "wait_account_executive_days_mean";
inline constexpr std::string_view utilisation_qualifier = "utilisation_qualifier";
inline constexpr std::string_view utilisation_account_executive = "utilisation_account_executive";
inline constexpr std::string_view brickwall_coverage = "brickwall_coverage";
inline constexpr std::string_view churn_rate = "churn_rate";
inline constexpr std::string_view revenue_per_account_executive = "revenue_per_account_executive";
// salesfab's own: the queues' time-average lengths (Little's law)
inline constexpr std::string_view queue_qualifier_mean = "queue_qualifier_mean";
inline constexpr std::string_view queue_account_executive_mean = "queue_account_executive_mean";

// Richting
inline constexpr std::string_view customer_growth_per_year = "customer_growth_per_year";
inline constexpr std::string_view revenue_growth_pct_per_year = "revenue_growth_pct_per_year";
inline constexpr std::string_view retention_share = "retention_share";
inline constexpr std::string_view a_share_change = "a_share_change";
inline constexpr std::string_view revenue_target_attainment = "revenue_target_attainment";
inline constexpr std::string_view new_customers_target_attainment =
    "new_customers_target_attainment";
inline constexpr std::string_view churn_target_met = "churn_target_met";

/// The conversion of a funnel stage: conversion_STAGE.
inline std::string conversion(std::string_view stage) { return "conversion_" + std::string(stage); }

/// The metrics of a report period, as timeseries.csv spells them.
namespace period {
inline constexpr std::string_view customers = "customers";
inline constexpr std::string_view customers_a = "customers_a";
inline constexpr std::string_view customers_b = "customers_b";
inline constexpr std::string_view customers_c = "customers_c";
inline constexpr std::string_view prospects = "prospects";
inline constexpr std::string_view pipeline_open = "pipeline_open";
inline constexpr std::string_view suspects = "suspects";
inline constexpr std::string_view qualified = "qualified";
inline constexpr std::string_view opportunities = "opportunities";
inline constexpr std::string_view won = "won";
inline constexpr std::string_view revenue = "revenue";
inline constexpr std::string_view margin = "margin";
inline constexpr std::string_view new_customers = "new_customers";
inline constexpr std::string_view churned = "churned";
inline constexpr std::string_view queue_qualifier = "queue_qualifier";
inline constexpr std::string_view queue_account_executive = "queue_account_executive";
inline constexpr std::string_view utilisation_qualifier = "utilisation_qualifier";
inline constexpr std::string_view utilisation_account_executive = "utilisation_account_executive";
inline constexpr std::string_view brickwall_coverage = "brickwall_coverage";
/// Open opportunities in a stage at the period's end: pipeline_STAGE.
inline std::string pipeline(std::string_view stage) { return "pipeline_" + std::string(stage); }
} // namespace period

} // namespace salesfab::analysis::names
