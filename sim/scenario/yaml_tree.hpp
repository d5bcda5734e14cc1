#pragma once
// A YAML document as a plain tree that remembers where every node came from. Built from
// yaml-cpp's event stream, so that duplicate keys are kept (and reported), quoted and plain
// scalars are told apart, and aliases are expanded under a budget (a small file can never grow
// into gigabytes). Internal to the scenario layer.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::scenario::detail {

/// One node of a YAML document.
struct YamlNode {
  enum class Kind { null, scalar, sequence, map };

  Kind kind = Kind::null;
  std::shared_ptr<const std::string> source; ///< file name, or the override's text
  int line = 0;                              ///< 1-based position of the node's start
  int column = 0;
  std::size_t offset = 0;       ///< byte offset of the node's start
  std::string scalar;           ///< the text of a scalar
  bool plain = true;            ///< an unquoted scalar (a number or a name; quoted means text)
  std::vector<YamlNode> keys;   ///< map: the keys, in order (duplicates kept)
  std::vector<YamlNode> values; ///< map: the values; sequence: the items
  std::size_t size = 1;         ///< nodes in this subtree

  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::null; }

  /// The value of the first key equal to `key`, or nullptr.
  [[nodiscard]] const YamlNode *find(std::string_view key) const;
  [[nodiscard]] YamlNode *find(std::string_view key);

  /// What kind of thing this is, for messages: "a map", "a list", "the text 'x'", "nothing".
  [[nodiscard]] std::string describe() const;
  /// The node written back as compact YAML (flow style), for names of variants.
  [[nodiscard]] std::string to_flow() const;
};

/// Limits that keep a hostile file from exhausting memory or time.
struct YamlLimits {
  std::size_t max_bytes = 4u << 20; ///< size of the text
  std::size_t max_nodes = 200000;   ///< nodes after expanding aliases
  std::size_t max_depth = 64;       ///< lists and maps inside each other (a scenario needs 6)
};

/// Parses one YAML document. Throws ScenarioError for a syntax error, more than one document,
/// or a document over the limits. An empty text gives a null node.
YamlNode parse_yaml(std::string_view text, std::shared_ptr<const std::string> source,
                    const YamlLimits &limits = {});

} // namespace salesfab::scenario::detail
