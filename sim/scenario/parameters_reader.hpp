#pragma once
// The scenario contract, key by key: from a YAML tree to model::Parameters, every problem
// reported. Internal to the scenario layer.

#include "model/parameters.hpp"
#include "scenario/loader.hpp"
#include "scenario/reader.hpp"

namespace salesfab::scenario::detail {

/// The resource limits that keep one scenario from exhausting memory or running for days.
struct ResourceLimits {
  static constexpr double max_horizon_days = 36500;       ///< 100 years
  static constexpr std::int64_t max_headcount = 100000;   ///< per role
  static constexpr double max_suspects_per_week = 100000; ///< per segment
  static constexpr std::int64_t max_initial = 200000;     ///< initial customers per class
  static constexpr std::int64_t max_replications = scenario::max_replications;
  static constexpr double max_expected_suspects = 5e7; ///< per replication, all segments
  static constexpr double max_intents_per_year = 1000; ///< per customer, each intent
  static constexpr std::size_t max_segments = 1000;
  static constexpr std::size_t max_stages = 100;
  static constexpr std::size_t max_changes = 10000;
};

/// Reads a whole scenario. `root` is the document without its `sweep` section (read apart).
/// Problems go to the reader; the result is meaningful only when the reader stays clean.
model::Parameters read_parameters(Reader &reader, const YamlNode &root);

} // namespace salesfab::scenario::detail
