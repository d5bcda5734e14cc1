#include "scenario/loader.hpp"

#include "scenario/key_path.hpp"
#include "scenario/parameters_reader.hpp"
#include "scenario/reader.hpp"
#include "scenario/relative.hpp"
#include "scenario/writer.hpp"
#include "scenario/yaml_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <variant>

namespace salesfab::scenario {

using detail::PathStep;
using detail::YamlNode;

namespace {

[[noreturn]] void fail(const std::string &source, const std::string &path, std::string message) {
  Diagnostic d;
  d.source = source;
  d.path = path;
  d.message = std::move(message);
  throw ScenarioError({d});
}

// Positions inside an override's value mean nothing to a user: the override names itself.
void forget_positions(YamlNode &node) {
  node.line = node.column = 0;
  for (auto &k : node.keys)
    forget_positions(k);
  for (auto &v : node.values)
    forget_positions(v);
}

// One axis of a sweep: a key path and the values it takes, in file order.
struct SweepAxis {
  std::string path;
  std::vector<PathStep> steps;
  YamlNode key; // the sweep key (a copy: the sweep section does not outlive take_sweep)
  std::vector<YamlNode> values;
};

// Reads and removes the `sweep` section.
std::vector<SweepAxis> take_sweep(YamlNode &root, std::vector<Diagnostic> &diagnostics) {
  std::vector<SweepAxis> axes;
  if (!root.is_map())
    return axes;
  const auto at = std::find_if(root.keys.begin(), root.keys.end(), [](const YamlNode &k) {
    return k.is_scalar() && k.scalar == "sweep";
  });
  if (at == root.keys.end())
    return axes;
  const auto index = static_cast<std::size_t>(at - root.keys.begin());
  YamlNode sweep = std::move(root.values[index]);
  YamlNode sweep_key = std::move(root.keys[index]);
  root.keys.erase(root.keys.begin() + static_cast<std::ptrdiff_t>(index));
  root.values.erase(root.values.begin() + static_cast<std::ptrdiff_t>(index));

  detail::Reader reader(diagnostics);
  detail::MapReader m(reader, sweep, "sweep");
  if (!m.ok())
    return axes;
  std::size_t variants = 1;
  for (std::size_t i = 0; i < sweep.keys.size(); ++i) {
    const YamlNode &key = sweep.keys[i];
    const YamlNode &values = sweep.values[i];
    if (!key.is_scalar())
      continue;             // reported by the MapReader
    m.optional(key.scalar); // every key is a path: none is "unknown"
    const std::string path = "sweep." + key.scalar;
    const auto steps = detail::parse_key_path(key.scalar);
    if (!steps) {
      reader.error(key, path,
                   "not a key path (expected keys joined by '.', with [i] for list items, e.g. "
                   "staff.account_executive.headcount)");
      continue;
    }
    const std::string &first = std::get<std::string>(steps->front());
    if (first == "name" || first == "run" || first == "sweep") {
      reader.error(key, path,
                   "'" + first +
                       "' cannot be swept (all variants of a file share its name and its "
                       "replications and seeds: that is what makes them comparable)");
      continue;
    }
    if (!values.is_sequence() || values.values.empty()) {
      reader.error(values, path, "expected a non-empty list of values, got " + values.describe());
      continue;
    }
    variants *= values.values.size();
    if (variants > max_variants) {
      reader.error(values, path,
                   "the sweep makes more than " + std::to_string(max_variants) + " variants");
      for (std::size_t j = i + 1; j < sweep.keys.size(); ++j) // known keys, not to be reported
        if (sweep.keys[j].is_scalar())
          m.optional(sweep.keys[j].scalar);
      return {};
    }
    axes.push_back(SweepAxis{key.scalar, *steps, key, values.values});
  }
  return axes;
}

// Sorts problems by place (the file's own first, then overrides) and drops repeats, which a
// sweep produces once per variant.
std::vector<Diagnostic> tidy(std::vector<Diagnostic> all, const std::string &source) {
  std::vector<Diagnostic> unique;
  for (auto &d : all)
    if (std::find(unique.begin(), unique.end(), d) == unique.end())
      unique.push_back(std::move(d));
  std::stable_sort(unique.begin(), unique.end(), [&](const Diagnostic &a, const Diagnostic &b) {
    const bool a_file = a.source == source, b_file = b.source == source;
    if (a_file != b_file)
      return a_file;
    if (a.line != b.line)
      return a.line < b.line;
    return a.column < b.column;
  });
  return unique;
}

// Why an override may not be applied with this file's sweep, if it may not: a --set that
// touched a swept key would give every variant the same value while their names still showed
// the swept ones.
std::optional<std::string> clash_with_sweep(const std::vector<PathStep> &steps,
                                            const std::vector<SweepAxis> &axes) {
  if (const auto *first = std::get_if<std::string>(&steps.front()); first && *first == "sweep")
    return std::string("--set cannot change the sweep (edit the file's 'sweep' section, or run "
                       "one --set per value)");
  for (const SweepAxis &axis : axes) {
    const std::size_t common = std::min(steps.size(), axis.steps.size());
    if (std::equal(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(common),
                   axis.steps.begin()))
      return "the file sweeps " + axis.path + " (sweep." + axis.path +
             "): a --set would give every variant the same value (leave it out, or edit the "
             "sweep)";
  }
  return std::nullopt;
}

// Sets `value` at `path`, or changes the number there when the value is relative (+N, -N, *F).
std::optional<std::string> set_value(YamlNode &tree, const std::vector<PathStep> &steps,
                                     const YamlNode &value, const YamlNode &origin,
                                     bool command_line) {
  if (const auto change = detail::relative_value(value, command_line))
    return detail::apply_relative(tree, steps, *change);
  return detail::set_at_path(tree, steps, value, origin);
}

} // namespace

Override parse_override(std::string_view text) {
  const std::string source = "--set " + std::string(text);
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos)
    fail(source, "", "expected KEY=VALUE, e.g. --set staff.account_manager.headcount=3");
  Override o{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
  if (!detail::parse_key_path(o.path))
    fail(source, "",
         "'" + o.path +
             "' is not a key path (expected keys joined by '.', with [i] for list items, e.g. "
             "funnel.stages[1].conversion.new)");
  if (o.value.empty())
    fail(source, o.path, "no value after '='");
  return o;
}

ScenarioFile load_text(std::string text, const std::string &source,
                       std::span<const Override> overrides) {
  YamlNode root = detail::parse_yaml(text, std::make_shared<const std::string>(source));
  std::vector<Diagnostic> diagnostics;
  const std::vector<SweepAxis> axes = take_sweep(root, diagnostics);

  // Overrides are parsed once; applied to each variant after its sweep settings.
  struct ParsedOverride {
    std::vector<PathStep> steps;
    YamlNode value;
    std::string path;
    bool absolute = false; // written KEY==VALUE: never relative
  };
  std::vector<ParsedOverride> parsed;
  for (const Override &o : overrides) {
    auto origin = std::make_shared<const std::string>("--set " + o.text());
    try {
      YamlNode value;
      const bool absolute = o.value[0] == '=' && o.value.size() > 1; // KEY==-1: the number -1
      if (o.value[0] == '*') { // *F: relative, not a YAML alias
        value.kind = YamlNode::Kind::scalar;
        value.scalar = o.value;
        value.source = origin;
      } else {
        value = detail::parse_yaml(absolute ? o.value.substr(1) : o.value, origin);
      }
      forget_positions(value);
      if (value.is_null()) { // "x=" is refused by parse_override; "x=~" and the like land here
        value.kind = YamlNode::Kind::scalar;
        value.scalar = o.value;
      }
      auto steps = *detail::parse_key_path(o.path);
      if (const auto clash = clash_with_sweep(steps, axes)) {
        diagnostics.push_back(Diagnostic{*origin, 0, 0, o.path, *clash});
        continue;
      }
      parsed.push_back(ParsedOverride{std::move(steps), std::move(value), o.path, absolute});
    } catch (const ScenarioError &e) {
      for (Diagnostic d : e.diagnostics()) {
        d.line = d.column = 0;
        d.path = o.path;
        diagnostics.push_back(std::move(d));
      }
    }
  }

  ScenarioFile file;
  file.source = source;
  std::vector<std::string> warnings;
  std::size_t total = 1;
  for (const SweepAxis &axis : axes)
    total *= axis.values.size();
  for (std::size_t k = 0; k < total; ++k) {
    // Point k of the sweep, the last axis varying fastest.
    std::vector<std::size_t> point(axes.size());
    for (std::size_t a = axes.size(), rest = k; a-- > 0; rest /= axes[a].values.size())
      point[a] = rest % axes[a].values.size();
    YamlNode tree = root;
    Variant variant;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const YamlNode &value = axes[a].values[point[a]];
      variant.settings.emplace_back(axes[a].path, value.to_flow());
      if (auto problem = set_value(tree, axes[a].steps, value, axes[a].key, false))
        diagnostics.push_back(Diagnostic{source, axes[a].key.line, axes[a].key.column,
                                         "sweep." + axes[a].path, *problem});
    }
    for (const ParsedOverride &o : parsed) {
      if (k == 0 && (o.absolute || !detail::relative_value(o.value, true)))
        if (const auto day = detail::plan_takes_over(tree, o.steps))
          warnings.push_back("--set " + o.path + "=" + o.value.scalar + ": from day " + *day +
                             " on, the file's staff.changes set this role's headcount again "
                             "(write +N or -N to shift the whole plan)");
      if (auto problem = set_value(tree, o.steps, o.value, o.value, !o.absolute))
        diagnostics.push_back(Diagnostic{*o.value.source, 0, 0, o.path, *problem});
    }
    detail::Reader reader(diagnostics);
    variant.parameters = detail::read_parameters(reader, tree);
    variant.positions = reader.positions();
    for (const Diagnostic &w : reader.warnings())
      if (std::find(warnings.begin(), warnings.end(), w.to_string()) == warnings.end())
        warnings.push_back(w.to_string());
    variant.name = variant.parameters.name;
    if (!variant.settings.empty()) {
      variant.name += '[';
      for (std::size_t i = 0; i < variant.settings.size(); ++i)
        variant.name +=
            (i ? "," : "") + variant.settings[i].first + "=" + variant.settings[i].second;
      variant.name += ']';
    }
    file.variants.push_back(std::move(variant));
  }
  if (!diagnostics.empty())
    throw ScenarioError(tidy(std::move(diagnostics), source));
  file.text = std::move(text);
  file.warnings = std::move(warnings);
  file.overrides.assign(overrides.begin(), overrides.end());
  return file;
}

ScenarioFile load_file(const std::string &path, std::span<const Override> overrides) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    fail(path, "", "cannot read the file: no such file");
  if (std::filesystem::is_directory(status))
    fail(path, "", "is a directory (expected a scenario file)");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(path, "", std::string("cannot read the file: ") + std::strerror(errno));
  std::ostringstream bytes;
  char buffer[65536];
  std::size_t total = 0;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    total += static_cast<std::size_t>(in.gcount());
    if (total > detail::YamlLimits{}.max_bytes)
      fail(path, "",
           "the file is larger than the " + std::to_string(detail::YamlLimits{}.max_bytes) +
               " bytes a scenario may have");
    bytes.write(buffer, in.gcount());
  }
  if (in.bad())
    fail(path, "", std::string("cannot read the file: ") + std::strerror(errno));
  return load_text(bytes.str(), path, overrides);
}

std::optional<std::string> value_at(const ScenarioFile &file, std::string_view path) {
  const auto steps = detail::parse_key_path(path);
  if (!steps)
    fail(std::string(path), "", "'" + std::string(path) + "' is not a key path");
  const YamlNode root =
      detail::parse_yaml(file.text, std::make_shared<const std::string>(file.source));
  const YamlNode *node = detail::find_at_path(root, *steps);
  if (!node)
    return std::nullopt;
  return node->is_scalar() ? node->scalar : node->to_flow();
}

namespace {
void collect_paths(const YamlNode &node, const std::string &path, std::vector<std::string> &out) {
  if (!path.empty())
    out.push_back(path);
  if (node.is_map())
    for (std::size_t i = 0; i < node.keys.size(); ++i)
      collect_paths(node.values[i],
                    path.empty() ? node.keys[i].scalar : path + "." + node.keys[i].scalar, out);
  else if (node.is_sequence())
    for (std::size_t i = 0; i < node.values.size(); ++i)
      collect_paths(node.values[i], path + "[" + std::to_string(i) + "]", out);
}
} // namespace

std::vector<std::string> key_paths(const model::Parameters &parameters) {
  const YamlNode root =
      detail::parse_yaml(to_yaml(parameters), std::make_shared<const std::string>("(complete)"));
  std::vector<std::string> paths;
  collect_paths(root, "", paths);
  return paths;
}

ScenarioFile load_default(std::span<const Override> overrides) {
  return load_text(std::string(default_scenario_text()), "(built-in basis)", overrides);
}

} // namespace salesfab::scenario
