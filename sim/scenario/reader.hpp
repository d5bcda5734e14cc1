#pragma once
// Typed reading of a YAML tree with every problem collected, not just the first: numbers in
// ranges, whole numbers, names, choices, distributions, A-B-C maps, and maps whose unknown and
// duplicate keys are reported with the nearest known key suggested. Internal to the scenario
// layer.

#include "model/parameters.hpp"
#include "scenario/diagnostic.hpp"
#include "scenario/yaml_tree.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salesfab::scenario::detail {

/// An allowed interval of numbers and how to say it to a user.
struct Range {
  double low;
  double high;
  bool low_open;
  bool high_open;
  const char *what; ///< e.g. "a probability (0 to 1)"

  [[nodiscard]] bool contains(double x) const {
    return (low_open ? x > low : x >= low) && (high_open ? x < high : x <= high);
  }
};

/// The ranges of the scenario format.
namespace ranges {
inline constexpr double big = 1e15; // no quantity of a sales factory comes near this
inline constexpr Range probability{0, 1, false, false, "a probability (0 to 1)"};
inline constexpr Range share{0, 1, false, false, "a share (0 to 1)"};
inline constexpr Range non_negative{0, big, false, false, "a number >= 0 (at most 1e15)"};
inline constexpr Range positive{0, big, true, false, "a number > 0 (at most 1e15)"};
inline constexpr Range hours_per_week{0, 168, true, false,
                                      "hours in a week (more than 0, at most 168)"};
inline constexpr Range factor{0, 1000, false, false, "a factor (0 to 1000)"};
} // namespace ranges

/// How long names and texts shown to people may be, in characters.
namespace lengths {
inline constexpr std::size_t name = 80;   ///< names: scenario, segments, stages
inline constexpr std::size_t title = 200; ///< the scenario's title
} // namespace lengths

/// Whether a distribution's values may be negative.
enum class Support { any, non_negative };

class MapReader;

/// Reads values and collects problems.
class Reader {
public:
  explicit Reader(std::vector<Diagnostic> &out) : out_(out) {}

  /// Reports a problem at node `at`.
  void error(const YamlNode &at, const std::string &path, std::string message);
  /// Reports something allowed but probably not meant at node `at` (a warning: it runs).
  void warn(const YamlNode &at, const std::string &path, std::string message);
  /// The warnings reported.
  [[nodiscard]] const std::vector<Diagnostic> &warnings() const { return warnings_; }

  /// A number within `range`.
  std::optional<double> number(const YamlNode &node, const std::string &path, const Range &range);
  /// A whole number within [low, high].
  std::optional<std::int64_t> whole(const YamlNode &node, const std::string &path, std::int64_t low,
                                    std::int64_t high, const char *what);
  /// A seed: a whole number from 0 to 2^64 - 1.
  std::optional<std::uint64_t> seed(const YamlNode &node, const std::string &path);
  /// Non-empty text (plain or quoted) of at most `max_length` characters that can be printed as
  /// it is: no control characters (NUL, ESC, ...) nor bidirectional controls, valid UTF-8. Every
  /// name and title a scenario gives is read here, so none reaches a terminal or report raw.
  std::optional<std::string> text(const YamlNode &node, const std::string &path,
                                  std::size_t max_length = lengths::name);
  /// A name of [a-z0-9_-]+.
  std::optional<std::string> name(const YamlNode &node, const std::string &path);
  /// One of `choices`; returns its index.
  std::optional<std::size_t> choice(const YamlNode &node, const std::string &path,
                                    const std::vector<std::string_view> &choices);
  /// A distribution: a plain number (a constant) or {dist: NAME, ...}.
  std::optional<engine::Distribution> distribution(const YamlNode &node, const std::string &path,
                                                   Support support);
  /// An A-B-C map {A, B, C} or one number for all three, each within `range`; with
  /// `whole`, each must be a whole number.
  std::optional<model::PerClass> per_class(const YamlNode &node, const std::string &path,
                                           const Range &range, bool whole = false);

  /// True when no problem has been reported through this reader.
  [[nodiscard]] bool clean() const { return errors_ == 0; }
  /// Keeps where the value at `path` was read, for checks that only later layers can make.
  void remember(const std::string &path, const YamlNode &node);
  /// Where the values kept by remember() were read: a diagnostic without a message.
  [[nodiscard]] const std::map<std::string, Diagnostic> &positions() const { return positions_; }

private:
  std::optional<double> parse_number(const YamlNode &node, const std::string &path);
  // A family with parameters: each read with its range, then checked in order.
  std::optional<engine::Distribution> parametric(MapReader &m, engine::Distribution::Kind kind,
                                                 const Range &value_range);
  // An empirical distribution: values and optional weights.
  std::optional<engine::Distribution> empirical(MapReader &m, const Range &value_range);

  std::vector<Diagnostic> &out_;
  std::size_t errors_ = 0;
  std::map<std::string, Diagnostic> positions_;
  std::vector<Diagnostic> warnings_;
};

/// Reads one map: the keys a caller asks for are the known keys; finish() (or the destructor)
/// reports every other key as unknown, with the nearest known key suggested. Duplicate keys are
/// reported at once.
class MapReader {
public:
  /// `node` must be a map, else that is reported and every lookup finds nothing.
  MapReader(Reader &reader, const YamlNode &node, std::string path);
  MapReader(const MapReader &) = delete;
  MapReader &operator=(const MapReader &) = delete;
  ~MapReader() { finish(); }

  /// True when the node is a map.
  [[nodiscard]] bool ok() const { return map_ != nullptr; }
  /// The value of a key that must be there (its absence is reported).
  const YamlNode *required(std::string_view key);
  /// The value of a key that may be there.
  const YamlNode *optional(std::string_view key);
  /// The path of a key of this map.
  [[nodiscard]] std::string path(std::string_view key) const;
  /// Reports the unknown keys (once).
  void finish();
  /// Reports no unknown keys: for a map whose meaning is unclear already (an unknown
  /// distribution's parameters, say).
  void ignore_unknown() { finished_ = true; }

private:
  Reader &reader_;
  const YamlNode *map_ = nullptr;
  const YamlNode &node_;
  std::string path_;
  std::vector<std::string_view> known_;
  bool finished_ = false;
};

/// The known word nearest to `word` by edit distance, if it is near enough to be a typo.
std::optional<std::string_view> nearest(std::string_view word,
                                        const std::vector<std::string_view> &known);

/// "a, b or c".
std::string one_of(const std::vector<std::string_view> &words);

/// A number as a user would write it (up to 10 significant digits).
std::string format_number(double x);

} // namespace salesfab::scenario::detail
