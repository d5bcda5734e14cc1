#pragma once
// Relative what-ifs: a value `+N`, `-N` or `*F` (for --set and in a sweep) changes the number
// the file has at that key instead of replacing it. For `staff.ROLE.headcount` the change
// applies to every `staff.changes` entry of that role too: "one more account executive" shifts
// the whole plan. Internal to the scenario layer.

#include "scenario/key_path.hpp"
#include "scenario/yaml_tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesfab::scenario::detail {

/// A relative value: the operation and its number.
struct Relative {
  char op; ///< '+', '-' or '*'
  double number;
};

/// The relative value that `value` writes (+N, -N or *F), if it is one. In a file (a sweep) a
/// bare negative number is that number: a relative decrease is written in quotes ("-1").
std::optional<Relative> relative_value(const YamlNode &value, bool command_line);

/// Applies `change` at `path` in `root` (and, for a role's headcount, to that role's staff
/// changes). Returns an error message when there is no number there to change or the result
/// is not one.
std::optional<std::string> apply_relative(YamlNode &root, const std::vector<PathStep> &path,
                                          const Relative &change);

/// For an absolute `staff.ROLE.headcount`: the first day (after day 0) on which the file's
/// staff.changes set that role's headcount again, if any.
std::optional<std::string> plan_takes_over(const YamlNode &root, const std::vector<PathStep> &path);

} // namespace salesfab::scenario::detail
