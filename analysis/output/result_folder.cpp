#include "analysis/output/result_folder.hpp"

#include "analysis/output/csv.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/json.hpp"
#include "analysis/output/json_writer.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/sha256.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace salesfab::output {

std::string run_json(const RunInfo &info) {
  Json scenarios = Json::array();
  for (const ScenarioRun &s : info.scenarios) {
    Json scenario = Json::object();
    scenario["file"] = s.path;
    scenario["sha256"] = s.sha256;
    scenario["seed"] = s.seed;
    scenario["replications"] = s.replications;
    scenario["variants"] = s.variants;
    scenarios.push_back(std::move(scenario));
  }
  Json j = Json::object();
  j["version"] = info.version;
  j["command_line"] = info.command_line;
  j["scenarios"] = std::move(scenarios);
  j["threads"] = info.threads;
  j["wall_seconds"] = info.wall_seconds;
  j["events_simulated"] = info.events;
  j["events_per_second"] =
      info.wall_seconds > 0 ? static_cast<double>(info.events) / info.wall_seconds : 0.0;
  j["variants_resumed"] = info.variants_resumed;
  if (!info.precision.empty()) {
    Json precision = Json::array();
    for (const auto &[variant, report] : info.precision) {
      Json one = Json::object();
      one["variant"] = variant;
      one.update(precision_json(report));
      precision.push_back(std::move(one));
    }
    j["precision"] = std::move(precision);
  }
  if (!info.shards.empty()) {
    Json shards = Json::array();
    for (const MergedShard &m : info.shards)
      shards.push_back({{"folder", m.folder},
                        {"shard", std::to_string(m.index) + "/" + std::to_string(m.count)},
                        {"threads", m.threads},
                        {"wall_seconds", m.wall_seconds}});
    j["shards"] = std::move(shards);
  }
  return dump(j);
}

namespace {

std::filesystem::path temporary_for(const std::filesystem::path &path) {
  return path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(getpid()));
}

// Writes content to the temporary name of `path`, flushed to disk; removes it and throws
// OutputError when it cannot.
void write_temporary(const std::filesystem::path &path, std::string_view content) {
  const std::filesystem::path temporary = temporary_for(path);
  auto fail = [&](const std::string &what, int error) {
    ::unlink(temporary.c_str());
    throw OutputError("cannot write " + path.string() + ": " + what + ": " + std::strerror(error));
  };
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    fail("cannot create a file there", errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      const int error = errno;
      ::close(fd);
      fail("writing failed", error);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    fail("flushing to disk failed", error);
  }
  if (::close(fd) != 0)
    fail("closing failed", errno);
}

void commit(const std::filesystem::path &path) {
  const std::filesystem::path temporary = temporary_for(path);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw OutputError("cannot write " + path.string() +
                      ": renaming into place failed: " + std::strerror(error));
  }
}

} // namespace

void write_atomically(const std::filesystem::path &path, std::string_view content) {
  write_temporary(path, content);
  commit(path);
}

void write_all_atomically(const std::vector<std::pair<std::filesystem::path, std::string>> &files) {
  std::size_t done = 0;
  try {
    for (; done < files.size(); ++done)
      write_temporary(files[done].first, files[done].second);
  } catch (...) {
    for (std::size_t i = 0; i < done; ++i)
      ::unlink(temporary_for(files[i].first).c_str());
    throw;
  }
  for (const auto &file : files)
    commit(file.first);
}

// ---------------------------------------------------------------------------------------------
// Parts: a finished variant kept while the run goes on.

namespace {
constexpr std::string_view part_magic = "salesfab-part 2";
const char *parts_folder_name = ".salesfab-parts";

// A part holds what the final files cannot give back exactly: every replication's values and
// its report periods, as three small tidy tables, read back by column name.
Records part_replications(const analysis::VariantResult &v) {
  Records r{{"replication", "seed", "events"}, {}};
  for (const auto &rep : v.replications)
    r.rows.push_back({rep.index, rep.seed, rep.events});
  return r;
}

Records part_values(const analysis::VariantResult &v) {
  Records r{{"replication", "metric", "value"}, {}};
  for (const auto &rep : v.replications)
    for (std::size_t m = 0; m < v.metrics.size(); ++m)
      r.rows.push_back({rep.index, v.metrics[m].name, rep.metrics[m]});
  return r;
}

Records part_periods(const analysis::VariantResult &v) {
  Records r{{"replication", "period", "period_start_day", "metric", "value"}, {}};
  for (const auto &rep : v.replications)
    for (std::size_t p = 0; p < rep.periods.size(); ++p)
      for (std::size_t m = 0; m < v.period_metrics.size(); ++m)
        r.rows.push_back({rep.index, static_cast<std::uint64_t>(p),
                          analysis::MetricValue(rep.period_start_days[p]), v.period_metrics[m].name,
                          rep.periods[p][m]});
  return r;
}

// A CSV table read back, its columns found by name.
class Table {
public:
  explicit Table(std::string_view text) : rows_(read_csv(text)) {
    if (rows_.empty())
      throw std::runtime_error("a part's table has no header");
  }
  [[nodiscard]] std::size_t column(std::string_view name) const {
    for (std::size_t c = 0; c < rows_.front().size(); ++c)
      if (rows_.front()[c] == name)
        return c;
    throw std::runtime_error("a part's table has no column " + std::string(name));
  }
  [[nodiscard]] std::size_t size() const { return rows_.size() - 1; }
  [[nodiscard]] const std::string &at(std::size_t row, std::size_t column) const {
    return rows_.at(row + 1).at(column);
  }

private:
  std::vector<std::vector<std::string>> rows_;
};

std::uint64_t whole(const std::string &field) {
  std::uint64_t x = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), x);
  if (ec != std::errc() || end != field.data() + field.size())
    throw std::runtime_error("not a whole number in a part: " + field);
  return x;
}

analysis::MetricValue number(const std::string &field) {
  if (field.empty())
    return std::nullopt;
  double x = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), x);
  if (ec != std::errc() || end != field.data() + field.size())
    throw std::runtime_error("not a number in a part: " + field);
  return x;
}

std::size_t index_of(const std::vector<analysis::MetricInfo> &catalogue, const std::string &name) {
  for (std::size_t m = 0; m < catalogue.size(); ++m)
    if (catalogue[m].name == name)
      return m;
  throw std::runtime_error("a part names a metric the variant does not have: " + name);
}

// The replications, in the order the part lists them; `position` maps an index to its place.
void read_replications(const Table &t, analysis::VariantResult &v,
                       std::map<std::uint64_t, std::size_t> &position) {
  const std::size_t index = t.column("replication"), seed = t.column("seed"),
                    events = t.column("events");
  for (std::size_t i = 0; i < t.size(); ++i) {
    analysis::Replication r;
    r.index = whole(t.at(i, index));
    r.seed = whole(t.at(i, seed));
    r.events = whole(t.at(i, events));
    r.metrics.assign(v.metrics.size(), std::nullopt);
    position[r.index] = v.replications.size();
    v.replications.push_back(std::move(r));
  }
}

void read_values(const Table &t, analysis::VariantResult &v,
                 const std::map<std::uint64_t, std::size_t> &position) {
  const std::size_t index = t.column("replication"), metric = t.column("metric"),
                    value = t.column("value");
  for (std::size_t i = 0; i < t.size(); ++i)
    v.replications.at(position.at(whole(t.at(i, index))))
        .metrics[index_of(v.metrics, t.at(i, metric))] = number(t.at(i, value));
}

void read_periods(const Table &t, analysis::VariantResult &v,
                  const std::map<std::uint64_t, std::size_t> &position) {
  const std::size_t index = t.column("replication"), period = t.column("period"),
                    start = t.column("period_start_day"), metric = t.column("metric"),
                    value = t.column("value");
  for (std::size_t i = 0; i < t.size(); ++i) {
    analysis::Replication &r = v.replications.at(position.at(whole(t.at(i, index))));
    const auto p = static_cast<std::size_t>(whole(t.at(i, period)));
    if (p >= r.periods.size()) {
      r.periods.resize(p + 1, std::vector<analysis::MetricValue>(v.period_metrics.size()));
      r.period_start_days.resize(p + 1);
    }
    r.period_start_days[p] = number(t.at(i, start)).value_or(0);
    r.periods[p][index_of(v.period_metrics, t.at(i, metric))] = number(t.at(i, value));
  }
}
} // namespace

ResultFolder::ResultFolder(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_ / parts_folder_name, ec);
  if (ec)
    throw OutputError("cannot use " + dir_.string() + " as the output folder: " + ec.message());
  // Try a write now, so that a folder we may not write to is reported before hours of work.
  write_atomically(dir_ / parts_folder_name / "probe", "");
  std::filesystem::remove(dir_ / parts_folder_name / "probe", ec);
}

std::string ResultFolder::part_key(const std::string &scenario_sha256, const std::string &variant,
                                   std::uint64_t seed, int replications, std::string_view version) {
  return sha256_hex(scenario_sha256 + '\n' + variant + '\n' + std::to_string(seed) + '\n' +
                    std::to_string(replications) + '\n' + std::string(version));
}

std::string ResultFolder::part_name(const std::string &key) { return key + ".part"; }

std::filesystem::path ResultFolder::parts_folder() { return parts_folder_name; }

std::filesystem::path ResultFolder::part_path(const std::string &key) const {
  return dir_ / parts_folder_name / part_name(key);
}

void ResultFolder::finish_shard(const std::string &manifest) const {
  write_atomically(dir_ / "shard.json", manifest);
}

void ResultFolder::save_part(const std::string &key, const analysis::VariantResult &v) const {
  const std::string tables[] = {to_csv(part_replications(v)), to_csv(part_values(v)),
                                to_csv(part_periods(v))};
  std::ostringstream out;
  out << part_magic << '\n'
      << key << '\n'
      << tables[0].size() << ' ' << tables[1].size() << ' ' << tables[2].size() << '\n'
      << tables[0] << tables[1] << tables[2] << "end\n";
  write_atomically(part_path(key), out.str());
}

bool ResultFolder::resume(const std::string &key, analysis::VariantResult &variant) const {
  return read_part(part_path(key), key, variant);
}

bool ResultFolder::read_part(const std::filesystem::path &file, const std::string &key,
                             analysis::VariantResult &variant) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return false;
  std::ostringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  std::istringstream head(text);
  std::string magic, stored_key;
  std::size_t sizes[3] = {};
  std::getline(head, magic);
  std::getline(head, stored_key);
  head >> sizes[0] >> sizes[1] >> sizes[2];
  if (!head || magic != part_magic || stored_key != key)
    return false;
  head.ignore(1); // the line end
  const auto at = static_cast<std::size_t>(head.tellg());
  if (at + sizes[0] + sizes[1] + sizes[2] + 4 != text.size() ||
      text.compare(text.size() - 4, 4, "end\n") != 0)
    return false; // not complete: computed again
  const std::string_view t(text);
  try {
    analysis::VariantResult v = variant;
    std::map<std::uint64_t, std::size_t> position;
    read_replications(Table(t.substr(at, sizes[0])), v, position);
    read_values(Table(t.substr(at + sizes[0], sizes[1])), v, position);
    read_periods(Table(t.substr(at + sizes[0] + sizes[1], sizes[2])), v, position);
    v.summarize();
    variant = std::move(v);
    return true;
  } catch (const std::exception &) {
    return false; // a part that cannot be read is computed again
  }
}

void ResultFolder::finish(
    std::span<const analysis::VariantResult *const> variants, const RunInfo &info,
    const std::vector<std::pair<std::filesystem::path, std::string>> &extra) const {
  std::vector<std::pair<std::filesystem::path, std::string>> files = extra;
  files.emplace_back(dir_ / "summary.csv", to_csv(summary_records(variants)));
  files.emplace_back(dir_ / "replications.csv", to_csv(replication_records(variants)));
  files.emplace_back(dir_ / "timeseries.csv", to_csv(timeseries_records(variants)));
  files.emplace_back(dir_ / "run.json", run_json(info)); // last: it marks a finished run
  write_all_atomically(files);
  std::error_code ec;
  std::filesystem::remove_all(dir_ / parts_folder_name, ec);
}

} // namespace salesfab::output
