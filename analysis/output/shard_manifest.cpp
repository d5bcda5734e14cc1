#include "analysis/output/shard_manifest.hpp"

#include "analysis/output/json.hpp"

#include <stdexcept>

namespace salesfab::output {

std::string shard_json(const ShardManifest &m) {
  Json j = Json::object();
  j["kind"] = "salesfab shard";
  j["version"] = m.version;
  j["command"] = m.command;
  j["command_line"] = m.command_line;
  j["shard"] = {{"index", m.index}, {"count", m.count}, {"from", m.source}};
  j["work"] = {{"replications", m.work_total}, {"from", m.work_from}, {"to", m.work_to}};
  Json scenarios = Json::array();
  for (const ShardScenario &s : m.scenarios) {
    Json one = Json::object();
    one["file"] = s.path;
    one["sha256"] = s.sha256;
    one["overrides"] = s.overrides;
    one["text"] = s.text;
    scenarios.push_back(std::move(one));
  }
  j["scenarios"] = std::move(scenarios);
  Json variants = Json::array();
  for (const ShardVariant &v : m.variants) {
    Json one = Json::object();
    one["scenario"] = v.scenario;
    one["variant"] = v.variant;
    one["file"] = v.file;
    one["index_in_file"] = v.index_in_file;
    one["seed"] = v.seed;
    one["replications"] = v.replications;
    one["from"] = v.from;
    one["to"] = v.to;
    one["part"] = v.part;
    variants.push_back(std::move(one));
  }
  j["variants"] = std::move(variants);
  j["threads"] = m.threads;
  j["wall_seconds"] = m.wall_seconds;
  j["events_simulated"] = m.events;
  return dump(j);
}

ShardManifest read_shard_json(const std::string &text) {
  ShardManifest m;
  try {
    const Json j = Json::parse(text);
    if (j.at("kind") != "salesfab shard")
      throw std::runtime_error("not a salesfab shard manifest");
    m.version = j.at("version").get<std::string>();
    m.command = j.at("command").get<std::string>();
    m.command_line = j.at("command_line").get<std::vector<std::string>>();
    m.index = j.at("shard").at("index").get<std::size_t>();
    m.count = j.at("shard").at("count").get<std::size_t>();
    m.source = j.at("shard").at("from").get<std::string>();
    m.work_total = j.at("work").at("replications").get<std::size_t>();
    m.work_from = j.at("work").at("from").get<std::size_t>();
    m.work_to = j.at("work").at("to").get<std::size_t>();
    for (const Json &s : j.at("scenarios")) {
      ShardScenario one;
      one.path = s.at("file").get<std::string>();
      one.sha256 = s.at("sha256").get<std::string>();
      one.overrides = s.at("overrides").get<std::vector<std::string>>();
      one.text = s.at("text").get<std::string>();
      m.scenarios.push_back(std::move(one));
    }
    for (const Json &v : j.at("variants")) {
      ShardVariant one;
      one.scenario = v.at("scenario").get<std::string>();
      one.variant = v.at("variant").get<std::string>();
      one.file = v.at("file").get<std::size_t>();
      one.index_in_file = v.at("index_in_file").get<std::size_t>();
      one.seed = v.at("seed").get<std::uint64_t>();
      one.replications = v.at("replications").get<int>();
      one.from = v.at("from").get<std::size_t>();
      one.to = v.at("to").get<std::size_t>();
      one.part = v.at("part").get<std::string>();
      if (one.file >= m.scenarios.size() || one.from > one.to)
        throw std::runtime_error("a variant's file or slice is out of range");
      m.variants.push_back(std::move(one));
    }
    m.threads = j.at("threads").get<int>();
    m.wall_seconds = j.at("wall_seconds").get<double>();
    m.events = j.at("events_simulated").get<std::uint64_t>();
  } catch (const Json::exception &e) {
    throw std::runtime_error(e.what());
  }
  if (m.count == 0 || m.index == 0 || m.index > m.count)
    throw std::runtime_error("shard " + std::to_string(m.index) + "/" + std::to_string(m.count) +
                             " is not one");
  return m;
}

} // namespace salesfab::output
