#pragma once
// Dotted key paths with [i] for list items ("funnel.stages[1].conversion.new"), and setting a
// value at such a path in a YAML tree: what overrides and sweeps do. Internal.

#include "scenario/yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace salesfab::scenario::detail {

/// One step of a key path: a map key or a list index.
using PathStep = std::variant<std::string, std::size_t>;

/// Splits a key path into steps; nullopt when it is not one.
std::optional<std::vector<PathStep>> parse_key_path(std::string_view path);

/// The node at `path` in `root`, or nullptr when there is none.
const YamlNode *find_at_path(const YamlNode &root, const std::vector<PathStep> &path);

/// Sets `value` at `path` in `root`, creating missing map keys (with `key_origin`'s source and
/// position). Returns an error message when the path leads through a value that is not a map or
/// to a list item that does not exist.
std::optional<std::string> set_at_path(YamlNode &root, const std::vector<PathStep> &path,
                                       const YamlNode &value, const YamlNode &key_origin);

} // namespace salesfab::scenario::detail
