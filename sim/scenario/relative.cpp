#include "scenario/relative.hpp"

#include "scenario/reader.hpp"

#include <charconv>
#include <cmath>

namespace salesfab::scenario::detail {

namespace {

std::optional<double> plain_number(const YamlNode &n) {
  if (!n.is_scalar() || !n.plain || n.scalar.empty())
    return std::nullopt;
  double x = 0;
  const char *first = n.scalar.data();
  const char *last = first + n.scalar.size();
  const auto [end, ec] = std::from_chars(first, last, x);
  if (ec != std::errc() || end != last || !std::isfinite(x))
    return std::nullopt;
  return x;
}

// The node at `path` in a tree we may change.
YamlNode *mutable_at(YamlNode &root, const std::vector<PathStep> &path) {
  return const_cast<YamlNode *>(find_at_path(root, path)); // root is not const: allowed
}

// The role of a path staff.ROLE.headcount, if it is one.
std::optional<std::string> headcount_role(const std::vector<PathStep> &path) {
  if (path.size() != 3)
    return std::nullopt;
  const auto *a = std::get_if<std::string>(&path[0]);
  const auto *b = std::get_if<std::string>(&path[1]);
  const auto *c = std::get_if<std::string>(&path[2]);
  if (!a || !b || !c || *a != "staff" || *c != "headcount" || *b == "changes")
    return std::nullopt;
  return *b;
}

std::optional<std::string> change_number(YamlNode &at, const Relative &change,
                                         const std::string &where) {
  const auto x = plain_number(at);
  if (!x)
    return where + " is " + at.describe() + ", not a number to change relative to";
  double result = *x;
  switch (change.op) {
  case '+':
    result += change.number;
    break;
  case '-':
    result -= change.number;
    break;
  default:
    result *= change.number;
    break;
  }
  at.scalar = format_number(result);
  return std::nullopt;
}

} // namespace

std::optional<Relative> relative_value(const YamlNode &value, bool command_line) {
  if (!value.is_scalar() || value.scalar.size() < 2) // "*F" is quoted in a file (YAML alias)
    return std::nullopt;
  const char op = value.scalar[0];
  if (op != '+' && op != '-' && op != '*')
    return std::nullopt;
  if (op == '-' && !command_line && value.plain)
    return std::nullopt;
  YamlNode rest = value;
  rest.scalar = value.scalar.substr(1);
  rest.plain = true;
  if (rest.scalar[0] == '+' || rest.scalar[0] == '-')
    return std::nullopt;
  const auto x = plain_number(rest);
  if (!x)
    return std::nullopt;
  return Relative{op, *x};
}

std::optional<std::string> apply_relative(YamlNode &root, const std::vector<PathStep> &path,
                                          const Relative &change) {
  YamlNode *at = mutable_at(root, path);
  if (!at)
    return std::string("the file has no value here to change relative to (write the value "
                       "itself, without +, - or *)");
  if (auto problem = change_number(*at, change, "the value"))
    return problem;
  const auto role = headcount_role(path);
  if (!role)
    return std::nullopt;
  YamlNode *changes =
      mutable_at(root, {PathStep{std::string("staff")}, PathStep{std::string("changes")}});
  if (!changes || !changes->is_sequence())
    return std::nullopt;
  for (std::size_t i = 0; i < changes->values.size(); ++i) {
    YamlNode &entry = changes->values[i];
    const YamlNode *r = entry.is_map() ? entry.find("role") : nullptr;
    YamlNode *h = entry.is_map() ? entry.find("headcount") : nullptr;
    if (r && h && r->is_scalar() && r->scalar == *role)
      if (auto problem =
              change_number(*h, change, "staff.changes[" + std::to_string(i) + "].headcount"))
        return problem;
  }
  return std::nullopt;
}

std::optional<std::string> plan_takes_over(const YamlNode &root,
                                           const std::vector<PathStep> &path) {
  const auto role = headcount_role(path);
  if (!role)
    return std::nullopt;
  const YamlNode *changes =
      find_at_path(root, {PathStep{std::string("staff")}, PathStep{std::string("changes")}});
  if (!changes || !changes->is_sequence())
    return std::nullopt;
  std::optional<double> first;
  for (const YamlNode &entry : changes->values) {
    const YamlNode *r = entry.is_map() ? entry.find("role") : nullptr;
    const YamlNode *d = entry.is_map() ? entry.find("day") : nullptr;
    if (r && d && r->is_scalar() && r->scalar == *role)
      if (const auto day = plain_number(*d); day && (!first || *day < *first))
        first = *day;
  }
  if (!first)
    return std::nullopt;
  return format_number(*first);
}

} // namespace salesfab::scenario::detail
