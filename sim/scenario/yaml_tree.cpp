#include "scenario/yaml_tree.hpp"

#include "scenario/diagnostic.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <map>
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
    return "a map";
  case Kind::sequence:
    return "a list";
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
  YamlNode take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark &) override {}
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
    stack_.push_back(make(YamlNode::Kind::sequence, mark));
    stack_anchors_.push_back(anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
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
    return n;
  }

  void count(std::size_t nodes, const YAML::Mark &mark) {
    nodes_ += nodes;
    if (nodes_ > limits_.max_nodes)
      throw TooLarge{mark, "the document has more than " + std::to_string(limits_.max_nodes) +
                               " nodes once its aliases are expanded (a scenario is far "
                               "smaller; are aliases nested to multiply?)"};
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
};

[[noreturn]] void fail(const std::shared_ptr<const std::string> &source, const YAML::Mark &mark,
                       std::string message) {
  Diagnostic d;
  d.source = *source;
  if (!mark.is_null()) {
    d.line = mark.line + 1;
    d.column = mark.column + 1;
  }
  d.message = std::move(message);
  throw ScenarioError({d});
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
  if (text.find('\0') != std::string_view::npos)
    fail(source, YAML::Mark::null_mark(), "the file holds a NUL byte (expected YAML text)");
  std::istringstream in{std::string(text)};
  TreeBuilder builder(source, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder))
      return empty_document(source);
    TreeBuilder second(source, limits);
    if (parser.HandleNextDocument(second))
      fail(source, YAML::Mark::null_mark(),
           "the file holds more than one YAML document (expected one scenario)");
  } catch (const YAML::ParserException &e) {
    fail(source, e.mark, "YAML syntax error: " + e.msg);
  } catch (const TooLarge &e) {
    fail(source, e.mark, e.message);
  } catch (const YAML::Exception &e) {
    fail(source, e.mark, "YAML error: " + e.msg);
  }
  if (!builder.has_root())
    return empty_document(source);
  return builder.take_root();
}

} // namespace salesfab::scenario::detail
