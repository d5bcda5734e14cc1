#include "analysis/measure/direction.hpp"

#include "analysis/measure/metric_names.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace salesfab::analysis {

namespace {

// Suspects per year count the customers won back, and those follow churn: neither is judged.
constexpr auto higher = std::to_array<std::string_view>({
    names::qualified_per_year,
    names::opportunities_per_year,
    names::opportunities_new_per_year,
    names::opportunities_existing_per_year,
    names::won_per_year,
    names::won_new_per_year,
    names::won_rebuy_per_year,
    names::won_deep_selling_per_year,
    names::won_up_selling_per_year,
    names::won_cross_selling_per_year,
    names::revenue_per_year,
    names::margin_per_year,
    names::new_customers_per_year,
    names::customers_end,
    names::customers_a_end,
    names::customers_b_end,
    names::qualification_pass_rate,
    names::win_rate,
    names::win_rate_new,
    names::win_rate_existing,
    names::avg_deal_value,
    names::margin_pct,
    names::brickwall_coverage,
    names::revenue_per_account_executive,
    names::customer_growth_per_year,
    names::revenue_growth_pct_per_year,
    names::retention_share,
    names::a_share_change,
    names::revenue_target_attainment,
    names::new_customers_target_attainment,
    names::churn_target_met,
});

constexpr auto lower = std::to_array<std::string_view>({
    names::lost_per_year,
    names::churned_per_year,
    names::staff_cost_per_year,
    names::lost_to_competitor_per_year,
    names::lost_no_decision_per_year,
    names::lost_patience_per_year,
    names::suspects_lost_to_waiting_per_year,
    names::opportunities_lost_to_waiting_per_year,
    names::gone_cold_rate,
    names::cycle_days_mean,
    names::cycle_days_p90,
    names::wait_qualification_days_mean,
    names::wait_account_executive_days_mean,
    names::churn_rate,
    names::queue_qualifier_mean,
    names::queue_account_executive_mean,
});

bool among(std::span<const std::string_view> list, std::string_view metric) {
  return std::find(list.begin(), list.end(), metric) != list.end();
}

} // namespace

Better better_direction(std::string_view metric) {
  if (among(higher, metric) || metric.starts_with(names::conversion("")))
    return Better::higher;
  if (among(lower, metric))
    return Better::lower;
  return Better::neither;
}

int judge(std::string_view metric, double difference) {
  if (difference == 0)
    return 0;
  const int sign = difference > 0 ? 1 : -1;
  return sign * static_cast<int>(better_direction(metric));
}

} // namespace salesfab::analysis
