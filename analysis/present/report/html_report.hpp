#pragma once
// The report of `salesfab report`: one self-contained HTML page (styles and drawings inline, no
// external reference of any kind), large enough for a projector and printable, that shows the
// factory with its flows, the RKK tables, the key metrics of several variants side by side,
// charts over time with their confidence bands, the scenario files and what was run. The same
// input gives the same bytes.

#include "analysis/present/report/report_data.hpp"

#include <string>

namespace salesfab::present::report {

/// The whole HTML page.
std::string html_report(const Input &input);

} // namespace salesfab::present::report
