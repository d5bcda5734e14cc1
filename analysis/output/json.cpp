#include "analysis/output/json.hpp"

#include <cmath>

namespace salesfab::output {

Json json_number(std::optional<double> x) {
  if (!x || !std::isfinite(*x))
    return nullptr;
  return *x;
}

namespace {
struct JsonCell {
  Json operator()(const std::string &text) const { return text; }
  Json operator()(const analysis::MetricValue &x) const { return json_number(x); }
  Json operator()(std::uint64_t n) const { return n; }
  Json operator()(bool yes) const { return yes; }
  Json operator()(std::monostate) const { return nullptr; }
};
} // namespace

Json to_json(const Records &records) {
  Json array = Json::array();
  for (const auto &row : records.rows) {
    Json object = Json::object();
    for (std::size_t c = 0; c < row.size(); ++c)
      object[std::string(records.columns[c])] = std::visit(JsonCell{}, row[c]);
    array.push_back(std::move(object));
  }
  return array;
}

std::string dump(const Json &value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

std::string dump_line(const Json &value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace salesfab::output
