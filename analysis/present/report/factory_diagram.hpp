#pragma once
// The factory drawn: its three platforms stacked like floors (marktplatform, koopplatform,
// werkplatform), with the flows of a run written on the arrows between them.

#include "analysis/present/report/report_data.hpp"
#include "analysis/present/words.hpp"

#include <string>

namespace salesfab::present::report {

/// The factory of one variant as an <svg> element: suspects per year into the market platform,
/// qualified onto the shortlist, opportunities from prospects into the funnel, deals won back to
/// the customers A/B/C (at the end), their wishes to buy into the funnel again, churn to the
/// competitors and those won back to the market. Every word comes from the translation table.
std::string factory_diagram(const analysis::VariantResult &variant, Language language);

} // namespace salesfab::present::report
