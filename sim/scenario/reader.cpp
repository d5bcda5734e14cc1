#include "scenario/reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

namespace salesfab::scenario::detail {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

} // namespace

std::optional<std::string_view> nearest(std::string_view word,
                                        const std::vector<std::string_view> &known) {
  // A word that starts a known key (account_exec for account_executive) is that key cut short.
  if (word.size() >= 4)
    for (const std::string_view k : known)
      if (k.size() > word.size() && k.substr(0, word.size()) == word)
        return k;
  std::optional<std::string_view> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string_view k : known) {
    const std::size_t d = edit_distance(word, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  // A typo changes a few letters of a word, never all of a short one: D is not a typo of A.
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  if (!best || best_distance > allowed || best_distance >= word.size())
    return std::nullopt;
  return best;
}

std::string one_of(const std::vector<std::string_view> &words) {
  std::string s;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0)
      s += (i + 1 == words.size()) ? " or " : ", ";
    s += words[i];
  }
  return s;
}

std::string format_number(double x) {
  std::ostringstream out;
  out.precision(10);
  out << x;
  return out.str();
}

// ---------------------------------------------------------------------------------------------

void Reader::error(const YamlNode &at, const std::string &path, std::string message) {
  Diagnostic d;
  d.source = at.source ? *at.source : std::string("<scenario>");
  d.line = at.line;
  d.column = at.column;
  d.path = path;
  d.message = std::move(message);
  out_.push_back(std::move(d));
  ++errors_;
}

void Reader::warn(const YamlNode &at, const std::string &path, std::string message) {
  Diagnostic d;
  d.source = at.source ? *at.source : std::string("<scenario>");
  d.line = at.line;
  d.column = at.column;
  d.path = path;
  d.message = std::move(message);
  warnings_.push_back(std::move(d));
}

std::optional<double> Reader::parse_number(const YamlNode &node, const std::string &path) {
  if (!node.is_scalar()) {
    error(node, path, "expected a number, got " + node.describe());
    return std::nullopt;
  }
  if (!node.plain) {
    error(node, path,
          "expected a number, got " + node.describe() + " (write numbers without quotes)");
    return std::nullopt;
  }
  std::string_view s = node.scalar;
  if (!s.empty() && s.front() == '+')
    s.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) {
    error(node, path, node.scalar + " is too large or too small a number");
    return std::nullopt;
  }
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(value)) {
    error(node, path, "expected a number, got " + node.describe());
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number(const YamlNode &node, const std::string &path,
                                     const Range &range) {
  const auto value = parse_number(node, path);
  if (!value)
    return std::nullopt;
  if (!range.contains(*value)) {
    error(node, path, node.scalar + " is not " + range.what);
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Reader::whole(const YamlNode &node, const std::string &path,
                                          std::int64_t low, std::int64_t high, const char *what) {
  const auto value = parse_number(node, path);
  if (!value)
    return std::nullopt;
  if (*value != std::floor(*value) || *value < static_cast<double>(low) ||
      *value > static_cast<double>(high)) {
    error(node, path, node.scalar + " is not " + what);
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

std::optional<std::uint64_t> Reader::seed(const YamlNode &node, const std::string &path) {
  const char *what = "a seed (a whole number from 0 to 18446744073709551615)";
  if (!node.is_scalar() || !node.plain) {
    error(node, path, std::string("expected ") + what + ", got " + node.describe());
    return std::nullopt;
  }
  std::uint64_t value = 0;
  const std::string &s = node.scalar;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    error(node, path, node.scalar + " is not " + what);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::text(const YamlNode &node, const std::string &path,
                                        std::size_t max_length) {
  if (!node.is_scalar() || node.scalar.empty()) {
    error(node, path, "expected some text, got " + node.describe());
    return std::nullopt;
  }
  if (const auto bad = first_unprintable(node.scalar)) {
    error(node, path,
          "the text holds " + bad->describe() + " at character " + std::to_string(bad->character) +
              " (expected printable text: no control characters such as NUL or ESC, no "
              "bidirectional controls such as U+202E, which would change what a terminal "
              "or report shows)");
    return std::nullopt;
  }
  if (const std::size_t length = character_count(node.scalar); length > max_length) {
    error(node, path,
          "the text is " + std::to_string(length) + " characters long (expected at most " +
              std::to_string(max_length) + ")");
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<std::string> Reader::name(const YamlNode &node, const std::string &path) {
  auto s = text(node, path);
  if (!s)
    return std::nullopt;
  const bool ok = std::all_of(s->begin(), s->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (!ok) {
    error(node, path,
          quoted(*s) + " is not a name (expected lower-case letters, digits, '_' and '-', as it "
                       "is used in file names)");
    return std::nullopt;
  }
  return s;
}

std::optional<std::size_t> Reader::choice(const YamlNode &node, const std::string &path,
                                          const std::vector<std::string_view> &choices) {
  if (!node.is_scalar()) {
    error(node, path, "expected " + one_of(choices) + ", got " + node.describe());
    return std::nullopt;
  }
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (node.scalar == choices[i])
      return i;
  std::string message = quoted(node.scalar) + " is not one of " + one_of(choices);
  if (const auto guess = nearest(node.scalar, choices))
    message += " (did you mean " + quoted(*guess) + "?)";
  error(node, path, message);
  return std::nullopt;
}

void Reader::remember(const std::string &path, const YamlNode &node) {
  positions_[path] =
      Diagnostic{node.source ? *node.source : std::string(), node.line, node.column, path, ""};
}

std::optional<engine::Distribution> Reader::distribution(const YamlNode &node,
                                                         const std::string &path, Support support) {
  using engine::Distribution;
  const Range value_range =
      support == Support::non_negative
          ? ranges::non_negative
          : Range{-ranges::big, ranges::big, false, false, "a number from -1e15 to 1e15"};
  if (node.is_scalar()) {
    const auto v = number(node, path, value_range);
    return v ? std::optional(Distribution::constant(*v)) : std::nullopt;
  }
  if (!node.is_map()) {
    error(node, path,
          "expected a number or a distribution {dist: NAME, ...}, got " + node.describe());
    return std::nullopt;
  }
  MapReader m(*this, node, path);
  const YamlNode *dist = m.required("dist");
  if (!dist) {
    m.ignore_unknown();
    return std::nullopt;
  }
  std::vector<std::string_view> names;
  for (const auto k : Distribution::all_kinds)
    names.emplace_back(Distribution::name(k));
  const auto index = choice(*dist, m.path("dist"), names);
  if (!index) {
    m.ignore_unknown(); // which parameters belong depends on the name that is wrong
    return std::nullopt;
  }
  const Distribution::Kind kind = Distribution::all_kinds[*index];
  if (kind == Distribution::Kind::empirical)
    return empirical(m, value_range);
  return parametric(m, kind, value_range);
}

std::optional<engine::Distribution>
Reader::parametric(MapReader &m, engine::Distribution::Kind kind, const Range &value_range) {
  // A mean is > 0 and an sd >= 0; the other parameters are values, each no lower than the one
  // before it (min <= mode <= max).
  const auto keys = engine::Distribution::parameter_names(kind);
  std::vector<std::optional<double>> values;
  for (const std::string_view key : keys) {
    const Range &range = key == "mean" ? ranges::positive
                         : key == "sd" ? ranges::non_negative
                                       : value_range;
    const YamlNode *n = m.required(key);
    values.push_back(n ? number(*n, m.path(key), range) : std::nullopt);
  }
  std::vector<double> p;
  for (const auto &v : values) {
    if (!v)
      return std::nullopt;
    p.push_back(*v);
  }
  for (std::size_t i = 1; i < keys.size(); ++i)
    if ((keys[i] == "mode" || keys[i] == "max") && p[i - 1] > p[i]) {
      error(*m.optional(keys[i]), m.path(keys[i]),
            format_number(p[i]) + " is below " + std::string(keys[i - 1]) + " (" +
                format_number(p[i - 1]) + ")");
      return std::nullopt;
    }
  return engine::Distribution::of(kind, p);
}

std::optional<engine::Distribution> Reader::empirical(MapReader &m, const Range &value_range) {
  const std::size_t before = errors_;
  const YamlNode *values = m.required("values");
  const YamlNode *weights = m.optional("weights");
  std::vector<double> vs, ws;
  auto list = [&](const YamlNode &n, std::string_view key, const Range &range,
                  std::vector<double> &into) {
    if (!n.is_sequence() || n.values.empty()) {
      error(n, m.path(key), "expected a non-empty list of numbers, got " + n.describe());
      return;
    }
    for (std::size_t i = 0; i < n.values.size(); ++i)
      if (const auto v = number(n.values[i], m.path(key) + "[" + std::to_string(i) + "]", range))
        into.push_back(*v);
  };
  if (values)
    list(*values, "values", value_range, vs);
  if (weights)
    list(*weights, "weights", ranges::non_negative, ws);
  if (errors_ != before || !values)
    return std::nullopt;
  if (weights && ws.size() != vs.size()) {
    error(*weights, m.path("weights"),
          std::to_string(ws.size()) + " weights for " + std::to_string(vs.size()) +
              " values (expected one weight per value)");
    return std::nullopt;
  }
  if (weights && std::all_of(ws.begin(), ws.end(), [](double w) { return w == 0; })) {
    error(*weights, m.path("weights"), "the weights are all 0 (expected at least one > 0)");
    return std::nullopt;
  }
  return engine::Distribution::empirical(std::move(vs), std::move(ws));
}

std::optional<model::PerClass> Reader::per_class(const YamlNode &node, const std::string &path,
                                                 const Range &range, bool whole) {
  auto one = [&](const YamlNode &n, const std::string &p) -> std::optional<double> {
    if (!whole)
      return number(n, p, range);
    const auto v = this->whole(n, p, static_cast<std::int64_t>(range.low),
                               static_cast<std::int64_t>(range.high), range.what);
    return v ? std::optional(static_cast<double>(*v)) : std::nullopt;
  };
  if (node.is_scalar()) {
    const auto v = one(node, path);
    return v ? std::optional(model::PerClass::all(*v)) : std::nullopt;
  }
  if (!node.is_map()) {
    error(node, path, "expected {A: ..., B: ..., C: ...} or one number, got " + node.describe());
    return std::nullopt;
  }
  MapReader m(*this, node, path);
  model::PerClass result;
  bool ok = true;
  for (const model::CustomerClass c : model::all_classes) {
    const std::string_view key = model::class_name(c);
    const YamlNode *n = m.required(key);
    const auto v = n ? one(*n, m.path(key)) : std::nullopt;
    if (v)
      result[c] = *v;
    else
      ok = false;
  }
  return ok ? std::optional(result) : std::nullopt;
}

// ---------------------------------------------------------------------------------------------

MapReader::MapReader(Reader &reader, const YamlNode &node, std::string path)
    : reader_(reader), node_(node), path_(std::move(path)) {
  if (!node.is_map()) {
    reader_.error(node, path_, "expected a map (key: value lines), got " + node.describe());
    return;
  }
  map_ = &node;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const YamlNode &key = node.keys[i];
    if (!key.is_scalar()) {
      reader_.error(key, path_, "a key must be a plain name, got " + key.describe());
      continue;
    }
    for (std::size_t j = 0; j < i; ++j)
      if (node.keys[j].is_scalar() && node.keys[j].scalar == key.scalar) {
        reader_.error(key, this->path(key.scalar),
                      "duplicate key (first at line " + std::to_string(node.keys[j].line) +
                          "; each key may appear once)");
        break;
      }
  }
}

const YamlNode *MapReader::optional(std::string_view key) {
  known_.push_back(key);
  return map_ ? map_->find(key) : nullptr;
}

const YamlNode *MapReader::required(std::string_view key) {
  const YamlNode *n = optional(key);
  if (!n && map_)
    reader_.error(node_, path_, "missing required key '" + std::string(key) + "'");
  return n;
}

std::string MapReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void MapReader::finish() {
  if (finished_ || !map_)
    return;
  finished_ = true;
  for (const YamlNode &key : map_->keys) {
    if (!key.is_scalar() || std::find(known_.begin(), known_.end(), key.scalar) != known_.end())
      continue;
    std::string message = "unknown key";
    if (key.scalar == "<<")
      message = "a merge key (<<: *anchor) is not supported: write the keys out";
    else if (const auto guess = nearest(key.scalar, known_))
      message += " (did you mean '" + std::string(*guess) + "'?)";
    else
      message += " (expected " + one_of(known_) + ")";
    reader_.error(key, path(key.scalar), message);
  }
}

} // namespace salesfab::scenario::detail
