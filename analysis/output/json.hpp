#pragma once
// Just enough JSON writing for run.json and --format json: escaped strings and exact numbers.

#include <optional>
#include <string>
#include <string_view>

namespace salesfab::output {

/// A JSON string literal, escaped.
std::string json_string(std::string_view text);

/// A JSON number that reads back exactly; null for none (JSON has no NaN).
std::string json_number(std::optional<double> x);

} // namespace salesfab::output
