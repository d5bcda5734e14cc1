#include "scenario/key_path.hpp"

#include <cctype>

namespace salesfab::scenario::detail {

std::optional<std::vector<PathStep>> parse_key_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  auto is_key_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  };
  while (i < path.size()) {
    const std::size_t start = i;
    while (i < path.size() && is_key_char(path[i]))
      ++i;
    if (i == start)
      return std::nullopt;
    steps.emplace_back(std::string(path.substr(start, i - start)));
    while (i < path.size() && path[i] == '[') {
      const std::size_t digits = ++i;
      std::size_t index = 0;
      while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) {
        if (i - digits >= 6)
          return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(path[i] - '0');
        ++i;
      }
      if (i == digits || i >= path.size() || path[i] != ']')
        return std::nullopt;
      ++i;
      steps.emplace_back(index);
    }
    if (i == path.size())
      break;
    if (path[i] != '.' || i + 1 == path.size())
      return std::nullopt;
    ++i;
  }
  if (steps.empty())
    return std::nullopt;
  return steps;
}

const YamlNode *find_at_path(const YamlNode &root, const std::vector<PathStep> &path) {
  const YamlNode *at = &root;
  for (const PathStep &step : path) {
    if (const auto *key = std::get_if<std::string>(&step)) {
      if (!at->is_map() || !(at = at->find(*key)))
        return nullptr;
    } else {
      const std::size_t index = std::get<std::size_t>(step);
      if (!at->is_sequence() || index >= at->values.size())
        return nullptr;
      at = &at->values[index];
    }
  }
  return at;
}

std::optional<std::string> set_at_path(YamlNode &root, const std::vector<PathStep> &path,
                                       const YamlNode &value, const YamlNode &key_origin) {
  YamlNode *at = &root;
  std::string where; // the path walked so far
  for (const PathStep &step : path) {
    if (const auto *key = std::get_if<std::string>(&step)) {
      if (at->is_null()) // a section that is not in the file yet
        at->kind = YamlNode::Kind::map;
      if (!at->is_map())
        return (where.empty() ? std::string("the top level") : where) + " is " + at->describe() +
               ", not a map, so it has no key '" + *key + "'";
      YamlNode *next = at->find(*key);
      if (!next) {
        YamlNode k = key_origin;
        k.kind = YamlNode::Kind::scalar;
        k.scalar = *key;
        k.plain = true;
        k.keys.clear();
        k.values.clear();
        YamlNode v = k;
        v.kind = YamlNode::Kind::null;
        v.scalar.clear();
        at->keys.push_back(std::move(k));
        at->values.push_back(std::move(v));
        next = &at->values.back();
      }
      where += (where.empty() ? "" : ".") + *key;
      at = next;
    } else {
      const std::size_t index = std::get<std::size_t>(step);
      if (!at->is_sequence())
        return where + " is " + at->describe() + ", not a list, so it has no item [" +
               std::to_string(index) + "]";
      if (index >= at->values.size())
        return where + " has no item [" + std::to_string(index) + "] (the list has " +
               std::to_string(at->values.size()) + ", counted from 0)";
      where += "[" + std::to_string(index) + "]";
      at = &at->values[index];
    }
  }
  *at = value;
  return std::nullopt;
}

} // namespace salesfab::scenario::detail
