#pragma once
// JSON through nlohmann-json (Debian's nlohmann-json3-dev): the one way salesfab writes JSON,
// with keys in the order they were added, two-space indentation, and invalid UTF-8 in names
// replaced (U+FFFD) rather than written as invalid JSON.

#include "analysis/output/records.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace salesfab::output {

/// A JSON value whose objects keep their keys in insertion order.
using Json = nlohmann::ordered_json;

/// A number, or null for none (JSON has no NaN or infinity).
Json json_number(std::optional<double> x);

/// The records as an array of objects, one per row, keyed by column.
Json to_json(const Records &records);

/// The text of a JSON value, indented, with a final line end.
std::string dump(const Json &value);

/// The text of a JSON value on one line, with a final line end.
std::string dump_line(const Json &value);

} // namespace salesfab::output
