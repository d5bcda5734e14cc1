#include "scenario/yaml_tree.hpp"

#include "scenario/diagnostic.hpp"
#include "scenario/yaml_syntax.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

namespace salesfab::scenario::detail {

const YamlNode *YamlNode::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].is_scalar() && keys[i].scalar == key)
      return &values[i];
  return nullptr;
}

YamlNode *YamlNode::find(std::string_view key) {
  return const_cast<YamlNode *>(std::as_const(*this).find(key));
}

std::string YamlNode::describe() const {
  switch (kind) {
  case Kind::null:
    return "nothing";
  case Kind::map:
    return keys.empty() ? "an empty map" : "a map";
  case Kind::sequence:
    return values.empty() ? "an empty list" : "a list";
  case Kind::scalar:
    break;
  }
  std::string shown = scalar.size() > 40 ? scalar.substr(0, 37) + "..." : scalar;
  return (plain ? "'" : "the quoted text '") + shown + "'";
}

std::string YamlNode::to_flow() const {
  switch (kind) {
  case Kind::null:
    return "null";
  case Kind::scalar:
    return plain ? scalar : '"' + scalar + '"';
  case Kind::sequence: {
    std::string s = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
      s += (i ? ", " : "") + values[i].to_flow();
    return s + "]";
  }
  case Kind::map: {
    std::string s = "{";
    for (std::size_t i = 0; i < keys.size(); ++i)
      s += (i ? ", " : "") + keys[i].to_flow() + ": " + values[i].to_flow();
    return s + "}";
  }
  }
  return "";
}

namespace {

// Thrown out of the event handler when the document grows past the limits.
struct TooLarge {
  YAML::Mark mark;
  std::string message;
};

// Builds the tree from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(std::shared_ptr<const std::string> source, const YamlLimits &limits)
      : source_(std::move(source)), limits_(limits) {}

  bool has_root() const { return has_root_; }
  const YAML::Mark &start() const { return start_; }
  YamlNode take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark &mark) override { start_ = mark; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    YamlNode n = make(YamlNode::Kind::null, mark);
    // yaml-cpp marks an empty value where the next token starts; its key's place is clearer.
    if (!stack_.empty() && stack_.back().is_map() &&
        stack_.back().keys.size() > stack_.back().values.size()) {
      n.line = stack_.back().keys.back().line;
      n.column = stack_.back().keys.back().column;
    }
    finish(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw TooLarge{mark, "unknown alias"};
    count(it->second.size, mark);
    finish(YamlNode(it->second), 0);
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    YamlNode n = make(YamlNode::Kind::scalar, mark);
    n.scalar = value;
    n.plain = tag == "?";
    finish(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_depth(mark);
    stack_.push_back(make(YamlNode::Kind::sequence, mark));
    stack_anchors_.push_back(anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_depth(mark);
    stack_.push_back(make(YamlNode::Kind::map, mark));
    stack_anchors_.push_back(anchor);
  }
  void OnMapEnd() override { close(); }

private:
  YamlNode make(YamlNode::Kind kind, const YAML::Mark &mark) {
    count(1, mark);
    YamlNode n;
    n.kind = kind;
    n.source = source_;
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    n.offset = static_cast<std::size_t>(std::max(mark.pos, 0));
    return n;
  }

  void count(std::size_t nodes, const YAML::Mark &mark) {
    nodes_ += nodes;
    if (nodes_ > limits_.max_nodes)
      throw TooLarge{mark, "the document has more than " + std::to_string(limits_.max_nodes) +
                               " nodes once its aliases are expanded (a scenario is far "
                               "smaller; are aliases nested to multiply?)"};
  }

  // Deep nesting is refused before it costs stack: every later step (yaml-cpp's parser, the
  // readers, the writer) recurses once per level.
  void check_depth(const YAML::Mark &mark) const {
    if (stack_.size() >= limits_.max_depth)
      throw TooLarge{mark, "lists and maps are nested more than " +
                               std::to_string(limits_.max_depth) +
                               " deep here (the nesting limit; a scenario needs about 6 levels)"};
  }

  void close() {
    YamlNode n = std::move(stack_.back());
    const YAML::anchor_t anchor = stack_anchors_.back();
    stack_.pop_back();
    stack_anchors_.pop_back();
    finish(std::move(n), anchor);
  }

  void finish(YamlNode n, YAML::anchor_t anchor) {
    if (anchor != 0)
      anchors_[anchor] = n;
    if (stack_.empty()) {
      root_ = std::move(n);
      has_root_ = true;
      return;
    }
    YamlNode &parent = stack_.back();
    parent.size += n.size;
    if (parent.is_map() && parent.keys.size() == parent.values.size())
      parent.keys.push_back(std::move(n));
    else
      parent.values.push_back(std::move(n));
  }

  std::shared_ptr<const std::string> source_;
  YamlLimits limits_;
  std::vector<YamlNode> stack_;
  std::vector<YAML::anchor_t> stack_anchors_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  std::size_t nodes_ = 0;
  YamlNode root_;
  bool has_root_ = false;
  YAML::Mark start_;
};

[[noreturn]] void fail(const std::shared_ptr<const std::string> &source, int line, int column,
                       std::string message) {
  Diagnostic d;
  d.source = *source;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  throw ScenarioError({d});
}

[[noreturn]] void fail(const std::shared_ptr<const std::string> &source, const YAML::Mark &mark,
                       std::string message) {
  if (mark.is_null())
    fail(source, 0, 0, std::move(message));
  fail(source, mark.line + 1, mark.column + 1, std::move(message));
}

// The first quoted scalar (key or value) whose closing quote is missing.
std::optional<SyntaxProblem> find_unclosed_quote(std::string_view text, const YamlNode &node) {
  if (node.is_scalar() && !node.plain)
    if (auto p = unclosed_quote(text, node.offset))
      return p;
  for (const auto &k : node.keys)
    if (auto p = find_unclosed_quote(text, k))
      return p;
  for (const auto &v : node.values)
    if (auto p = find_unclosed_quote(text, v))
      return p;
  return std::nullopt;
}

YamlNode empty_document(const std::shared_ptr<const std::string> &source) {
  YamlNode n;
  n.source = source;
  n.line = n.column = 1;
  return n;
}

} // namespace

YamlNode parse_yaml(std::string_view text, std::shared_ptr<const std::string> source,
                    const YamlLimits &limits) {
  if (text.size() > limits.max_bytes)
    fail(source, YAML::Mark::null_mark(),
         "the file is " + std::to_string(text.size()) + " bytes, more than the " +
             std::to_string(limits.max_bytes) + " a scenario may have");
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = position_of(text, nul);
    fail(source, line, column, "a NUL byte (expected YAML text; is this a binary file?)");
  }
  std::istringstream in{std::string(text)};
  TreeBuilder builder(source, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder))
      return empty_document(source);
    TreeBuilder second(source, limits);
    if (parser.HandleNextDocument(second))
      fail(source, second.start(),
           "a second YAML document starts here (expected one scenario per file; remove the "
           "'---' or split the file)");
  } catch (const YAML::DeepRecursion &e) {
    fail(source, e.mark,
         "lists and maps are nested more than " + std::to_string(e.depth()) +
             " deep here (yaml-cpp's nesting limit; a scenario needs about 6 levels)");
  } catch (const YAML::ParserException &e) {
    const SyntaxProblem p =
        e.mark.is_null() ? SyntaxProblem{0, 0, "YAML syntax error: " + e.msg}
                         : explain_syntax_error(text, e.mark.line + 1, e.mark.column + 1, e.msg);
    fail(source, p.line, p.column, p.message);
  } catch (const TooLarge &e) {
    fail(source, e.mark, e.message);
  } catch (const YAML::Exception &e) {
    fail(source, e.mark, "YAML error: " + e.msg);
  }
  if (!builder.has_root())
    return empty_document(source);
  YamlNode root = builder.take_root();
  if (const auto quote = find_unclosed_quote(text, root))
    fail(source, quote->line, quote->column, quote->message);
  return root;
}

} // namespace salesfab::scenario::detail
