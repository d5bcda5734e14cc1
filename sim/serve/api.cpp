#include "serve/api.hpp"

#include "analysis/output/json_writer.hpp"
#include "serve/assets.hpp"
#include "serve/levers.hpp"
#include "serve/view.hpp"

namespace salesfab::serve {

namespace {

using output::Json;

Response json_response(int status, const Json &value) {
  Response r;
  r.status = status;
  r.body = output::dump(value);
  return r;
}

Response method_not_allowed(const std::string &allowed) {
  Response r = error_response(405, "method not allowed here (allowed: " + allowed + ")");
  r.headers.emplace_back("Allow", allowed);
  return r;
}

Response download(std::string body, std::string type, const std::string &name) {
  Response r;
  r.body = std::move(body);
  r.content_type = std::move(type);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

// The what-if's file name: the scenario's name and the run's id, nothing the client chose.
std::string file_name(const Run &run, std::string_view extension) {
  return run.what_if().scenario + "-what-if-" + run.id() + std::string(extension);
}

} // namespace

Response error_response(int status, const std::string &message) {
  Json e = Json::object();
  e["error"] = message;
  return json_response(status, e);
}

Api::Api(Catalogue catalogue, const Settings &settings)
    : catalogue_(std::move(catalogue)), settings_(settings),
      runs_(settings.threads, settings.limits) {}

present::Language Api::language(const Request &request) const {
  const auto it = request.query.find("lang");
  if (it != request.query.end())
    if (const auto l = present::parse_language(it->second))
      return *l;
  return settings_.language;
}

Response Api::handle(const Request &request) {
  try {
    if (request.body.size() > settings_.limits.max_body)
      return error_response(413, "the request body is over the limit (" +
                                     std::to_string(settings_.limits.max_body / 1024) + " KB)");
    return route(request);
  } catch (const RequestError &e) {
    return error_response(e.status(), e.what());
  } catch (const std::exception &e) {
    return error_response(500, std::string("internal error: ") + e.what());
  }
}

Response Api::route(const Request &request) {
  const std::string &path = request.path;
  const std::string &method = request.method;
  const bool get = method == "GET" || method == "HEAD";
  if (path == "/" || path == "/index.html") {
    if (!get)
      return method_not_allowed("GET, HEAD");
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::string(page_html());
    return r;
  }
  if (path == "/api/scenarios" || path == "/api/words") {
    if (!get)
      return method_not_allowed("GET, HEAD");
    return path == "/api/scenarios" ? scenarios(request) : words(request);
  }
  if (path == "/api/compare" || path == "/api/runs") {
    if (method != "POST")
      return method_not_allowed("POST");
    return path == "/api/compare" ? compare(request) : submit(request);
  }
  constexpr std::string_view runs = "/api/runs/";
  if (path.starts_with(runs))
    return run(request, path.substr(runs.size()));
  return error_response(404, "nothing at " + path);
}

Response Api::scenarios(const Request &request) const {
  const present::Language lang = language(request);
  Json all = Json::array();
  for (const CatalogueEntry &e : catalogue_.entries()) {
    Json levers_json = Json::array();
    for (const Lever &l : levers(e.file, lang)) {
      Json one = Json::object();
      one["key"] = l.key;
      one["value"] = l.value;
      one["min"] = l.min;
      one["max"] = l.max;
      one["step"] = l.step;
      one["label"] = l.label;
      levers_json.push_back(std::move(one));
    }
    Json s = Json::object();
    s["name"] = e.name;
    s["title"] = e.title;
    s["replications"] = std::min(e.file.variants.front().parameters.run.replications,
                                 settings_.limits.max_replications);
    s["seed"] = e.file.variants.front().parameters.run.seed;
    s["levers"] = std::move(levers_json);
    all.push_back(std::move(s));
  }
  return json_response(200, all);
}

Response Api::words(const Request &request) const {
  const present::Language lang = language(request);
  Json out = Json::object();
  for (std::string_view key : present::translation_keys())
    if (key.starts_with("serve.") || key == "metric" || key == "base" || key == "difference" ||
        key == "ci_low" || key == "ci_high" || key == "replications" || key == "richting" ||
        key == "kwaliteit" || key == "kwantiteit" || key == "unit")
      out[std::string(key)] = std::string(present::word(lang, key));
  out["lang"] = lang == present::Language::nl ? "nl" : "en";
  out["max_replications"] = settings_.limits.max_replications;
  return json_response(200, out);
}

Response Api::compare(const Request &request) {
  auto run = runs_.submit(read_what_if(request.body, catalogue_, settings_.limits));
  run->wait();
  const Run::Snapshot s = run->snapshot();
  if (s.state == RunState::failed)
    return error_response(s.error_status, s.error);
  if (!s.comparison)
    return error_response(503, "the what-if was stopped before it finished");
  return json_response(200, output::comparison_json(*s.comparison));
}

Response Api::submit(const Request &request) {
  auto run = runs_.submit(read_what_if(request.body, catalogue_, settings_.limits));
  Response r = json_response(202, run_json(*run, language(request)));
  r.headers.emplace_back("Location", "/api/runs/" + run->id());
  return r;
}

Response Api::run(const Request &request, const std::string &rest) {
  const auto slash = rest.find('/');
  const std::string id = rest.substr(0, slash);
  const std::string what = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (slash != std::string::npos && what != "scenario.yaml" && what != "comparison.csv")
    return error_response(404, "nothing at " + request.path);
  const auto found = runs_.find(id);
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (what.empty() && !get && request.method != "DELETE")
    return method_not_allowed("GET, HEAD, DELETE");
  if (!what.empty() && !get)
    return method_not_allowed("GET, HEAD");
  if (!found)
    return error_response(404,
                          "no run '" + id + "' (finished runs are kept a while, not for ever)");
  if (request.method == "DELETE")
    found->stop();
  if (what.empty())
    return json_response(200, run_json(*found, language(request)));
  if (what == "scenario.yaml")
    return download(what_if_yaml(*found), "application/yaml; charset=utf-8",
                    file_name(*found, ".yaml"));
  const Run::Snapshot s = found->snapshot();
  if (!s.comparison)
    return error_response(409, "run '" + id + "' is " + std::string(state_name(s.state)) +
                                   ": its results are not there");
  return download(comparison_csv(*s.comparison), "text/csv; charset=utf-8",
                  file_name(*found, ".csv"));
}

} // namespace salesfab::serve
