#include "serve/what_if.hpp"

#include "analysis/output/json.hpp"

#include <cmath>
#include <limits>

namespace salesfab::serve {

namespace {

using output::Json;

[[noreturn]] void refuse(const std::string &message) { throw RequestError(400, message); }

Json parse_body(std::string_view body, const Limits &limits) {
  if (body.size() > limits.max_body)
    throw RequestError(413, "the request body has " + std::to_string(body.size()) +
                                " bytes, more than the " + std::to_string(limits.max_body) +
                                " this server takes");
  Json request;
  try {
    request = Json::parse(body);
  } catch (const Json::exception &e) {
    refuse(std::string("the body is not JSON: ") + e.what());
  }
  if (!request.is_object())
    refuse("the body must be a JSON object {\"scenario\": NAME, \"set\": {KEY: VALUE, ...}, "
           "\"replications\": N, \"seed\": S}");
  for (const auto &[field, value] : request.items())
    if (field != "scenario" && field != "set" && field != "replications" && field != "seed")
      refuse("unknown field '" + field + "' (expected scenario, set, replications, seed)");
  return request;
}

// A value of "set" as the YAML text --set would take: 2, 0.55, true, or a string as it is.
std::string yaml_value(const std::string &key, const Json &value) {
  if (value.is_boolean())
    return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer())
    return value.dump();
  if (value.is_number_float()) {
    const double x = value.get<double>();
    if (!std::isfinite(x))
      refuse("set." + key + ": not a finite number");
    return value.dump();
  }
  if (value.is_string() && !value.get<std::string>().empty())
    return value.get<std::string>();
  refuse("set." + key + ": expected a number, true/false or a YAML value as a string, got " +
         std::string(value.type_name()));
}

std::uint64_t whole(const Json &value, std::string_view field, std::uint64_t most) {
  if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
    refuse(std::string(field) + ": expected a whole number >= 0");
  const auto n = value.get<std::uint64_t>();
  if (n > most)
    refuse(std::string(field) + ": " + std::to_string(n) + " is more than " + std::to_string(most) +
           ", the most this server runs");
  return n;
}

// The accounts one replication of `p` may create: the initial customers and the suspects of
// the whole horizon.
double accounts(const model::Parameters &p) {
  double n = 0;
  for (int c : p.customers.initial)
    n += c;
  for (const auto &s : p.market.segments)
    n += s.suspects_per_week * p.time.horizon_days / 7.0;
  return n;
}

void check_limits(const WhatIf &w, const Limits &limits) {
  double work = 0;
  for (const auto &file : w.files) {
    const model::Parameters &p = file.variants.front().parameters;
    if (p.time.horizon_days > limits.max_horizon_days)
      refuse("time.horizon_days: " + std::to_string(p.time.horizon_days) +
             " days is more than the " + std::to_string(limits.max_horizon_days) +
             " this server simulates (run it with salesfab compare)");
    const double n = accounts(p);
    if (n > limits.max_accounts)
      refuse("the what-if would create about " + std::to_string(std::llround(n)) +
             " accounts a replication, more than the " +
             std::to_string(std::llround(limits.max_accounts)) +
             " this server allows (run it with salesfab compare)");
    work += n * w.replications;
  }
  if (work > limits.max_work)
    refuse("the what-if would create about " + std::to_string(std::llround(work)) +
           " accounts in all, more than the " + std::to_string(std::llround(limits.max_work)) +
           " this server allows: fewer replications, or run it with salesfab compare");
}

} // namespace

WhatIf read_what_if(std::string_view body, const Catalogue &catalogue, const Limits &limits) {
  const Json request = parse_body(body, limits);
  WhatIf w;
  const auto name = request.find("scenario");
  if (name == request.end() || !name->is_string())
    refuse("scenario: expected the name of a scenario (see GET /api/scenarios)");
  const CatalogueEntry *entry = catalogue.find(name->get<std::string>());
  if (!entry)
    refuse("scenario: unknown scenario '" + name->get<std::string>() +
           "' (see GET /api/scenarios)");
  w.scenario = entry->name;

  std::vector<scenario::Override> overrides;
  if (const auto set = request.find("set"); set != request.end()) {
    if (!set->is_object())
      refuse("set: expected an object {KEY: VALUE, ...}");
    for (const auto &[key, value] : set->items()) {
      try {
        // A JSON number is that number: a negative one is written KEY==-N, so that -1 is never
        // read as "one less" (relative what-ifs are strings: "+1", "-1", "*1.2").
        const bool negative = value.is_number() && value.get<double>() < 0;
        const std::string assign = negative ? "==" : "=";
        overrides.push_back(scenario::parse_override(key + assign + yaml_value(key, value)));
      } catch (const scenario::ScenarioError &e) {
        refuse(e.what());
      }
      w.settings.push_back(overrides.back().text());
    }
  }
  const model::RunParameters &run = entry->file.variants.front().parameters.run;
  const auto most = static_cast<std::uint64_t>(limits.max_replications);
  w.replications = run.replications;
  if (const auto r = request.find("replications"); r != request.end())
    w.replications = static_cast<int>(whole(*r, "replications", most));
  else if (run.replications > limits.max_replications)
    refuse("replications: the scenario has " + std::to_string(run.replications) +
           ", more than the " + std::to_string(most) + " this server runs: give replications");
  if (w.replications < 1)
    refuse("replications: expected at least 1");
  w.seed = run.seed;
  if (const auto s = request.find("seed"); s != request.end())
    w.seed = whole(*s, "seed", std::numeric_limits<std::uint64_t>::max());

  scenario::ScenarioFile base = entry->file;
  base.variants.resize(1);
  scenario::ScenarioFile alternative;
  try {
    alternative = scenario::load_text(entry->file.text, entry->file.source, overrides);
  } catch (const scenario::ScenarioError &e) {
    refuse(e.what());
  }
  alternative.variants.resize(1);
  std::string settings;
  for (const std::string &s : w.settings)
    settings += (settings.empty() ? "" : ",") + s;
  alternative.variants.front().name += " {" + settings + "}";
  // The request's replications are the number run: a precision goal of the file would run on.
  base.variants.front().parameters.run.precision.reset();
  alternative.variants.front().parameters.run.precision.reset();
  w.files.push_back(std::move(base));
  w.files.push_back(std::move(alternative));
  check_limits(w, limits);
  return w;
}

} // namespace salesfab::serve
