#include "experiment/result_files.hpp"

#include "analysis/output/csv.hpp"
#include "analysis/output/json.hpp"
#include "analysis/output/sha256.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace salesfab::experiment {

using output::csv_field;
using output::csv_line;
using output::csv_number;

const std::string_view summary_header =
    "scenario,variant,metric,rkk,unit,mean,sd,ci_low,ci_high,n\n";
const std::string_view replications_header = "scenario,variant,replication,seed,metric,value\n";
const std::string_view timeseries_header =
    "scenario,variant,period,period_start_day,metric,mean,ci_low,ci_high\n";

VariantRows result_rows(const VariantResult &v) {
  VariantRows rows;
  const std::string scenario = csv_field(v.spec.scenario);
  const std::string variant = csv_field(v.spec.variant);
  const double confidence = v.spec.parameters.run.confidence;
  for (std::size_t m = 0; m < v.metrics.size(); ++m) {
    const auto &info = v.metrics[m];
    const auto s = v.summary(m);
    rows.summary += csv_line({scenario, variant, csv_field(info.name),
                              std::string(analysis::rkk_name(info.rkk)), csv_field(info.unit),
                              csv_number(s.mean), csv_number(s.sd), csv_number(s.ci_low),
                              csv_number(s.ci_high), std::to_string(s.n)});
  }
  for (std::size_t r = 0; r < v.replications.size(); ++r) {
    const ReplicationResult &rep = v.replications[r];
    rows.events += rep.events;
    for (std::size_t m = 0; m < v.metrics.size(); ++m)
      rows.replications += csv_line({scenario, variant, std::to_string(r), std::to_string(rep.seed),
                                     csv_field(v.metrics[m].name), csv_number(rep.metrics[m])});
  }
  if (!v.replications.empty()) {
    const ReplicationResult &first = v.replications.front();
    for (std::size_t p = 0; p < first.periods.size(); ++p)
      for (std::size_t m = 0; m < v.period_metrics.size(); ++m) {
        std::vector<analysis::MetricValue> values;
        for (const ReplicationResult &rep : v.replications)
          values.push_back(rep.periods[p][m]);
        const auto s = analysis::summarize(values, confidence);
        rows.timeseries +=
            csv_line({scenario, variant, std::to_string(p + 1),
                      csv_number(first.period_start_days[p]), csv_field(v.period_metrics[m].name),
                      csv_number(s.mean), csv_number(s.ci_low), csv_number(s.ci_high)});
      }
  }
  return rows;
}

std::string run_json(const RunInfo &info) {
  using output::json_number;
  using output::json_string;
  std::ostringstream j;
  j << "{\n  \"version\": " << json_string(info.version) << ",\n  \"command_line\": [";
  for (std::size_t i = 0; i < info.command_line.size(); ++i)
    j << (i ? ", " : "") << json_string(info.command_line[i]);
  j << "],\n  \"scenarios\": [";
  for (std::size_t i = 0; i < info.scenarios.size(); ++i) {
    const ScenarioRun &s = info.scenarios[i];
    j << (i ? "," : "") << "\n    {\"file\": " << json_string(s.path)
      << ", \"sha256\": " << json_string(s.sha256) << ", \"seed\": " << s.seed
      << ", \"replications\": " << s.replications << ", \"variants\": [";
    for (std::size_t v = 0; v < s.variants.size(); ++v)
      j << (v ? ", " : "") << json_string(s.variants[v]);
    j << "]}";
  }
  const double rate =
      info.wall_seconds > 0 ? static_cast<double>(info.events) / info.wall_seconds : 0.0;
  j << "\n  ],\n  \"threads\": " << info.threads
    << ",\n  \"wall_seconds\": " << json_number(info.wall_seconds)
    << ",\n  \"events_simulated\": " << info.events
    << ",\n  \"events_per_second\": " << json_number(rate)
    << ",\n  \"variants_resumed\": " << info.variants_resumed << "\n}\n";
  return j.str();
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

namespace {
constexpr std::string_view part_magic = "salesfab-part 1";
const char *parts_folder = ".salesfab-parts";
} // namespace

ResultDirectory::ResultDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_ / parts_folder, ec);
  if (ec)
    throw OutputError("cannot use " + dir_.string() + " as the output folder: " + ec.message());
  // Try a write now, so that a folder we may not write to is reported before hours of work.
  write_atomically(dir_ / parts_folder / "probe", "");
  std::filesystem::remove(dir_ / parts_folder / "probe", ec);
}

std::string ResultDirectory::part_key(const std::string &scenario_sha256,
                                      const std::string &variant, std::uint64_t seed,
                                      int replications, std::string_view version) {
  return output::sha256_hex(scenario_sha256 + '\n' + variant + '\n' + std::to_string(seed) + '\n' +
                            std::to_string(replications) + '\n' + std::string(version));
}

std::filesystem::path ResultDirectory::part_path(const std::string &key) const {
  return dir_ / parts_folder / (key + ".part");
}

void ResultDirectory::save_part(const std::string &key, const VariantRows &rows) const {
  std::ostringstream out;
  out << part_magic << '\n'
      << key << '\n'
      << rows.events << '\n'
      << rows.summary.size() << ' ' << rows.replications.size() << ' ' << rows.timeseries.size()
      << '\n'
      << rows.summary << rows.replications << rows.timeseries << "end\n";
  write_atomically(part_path(key), out.str());
}

std::optional<VariantRows> ResultDirectory::resume(const std::string &key) const {
  std::ifstream in(part_path(key), std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  std::istringstream head(text);
  std::string magic, stored_key;
  VariantRows rows;
  std::size_t sizes[3] = {};
  std::getline(head, magic);
  std::getline(head, stored_key);
  head >> rows.events >> sizes[0] >> sizes[1] >> sizes[2];
  if (!head || magic != part_magic || stored_key != key)
    return std::nullopt;
  head.ignore(1); // the line end
  auto at = static_cast<std::size_t>(head.tellg());
  if (at + sizes[0] + sizes[1] + sizes[2] + 4 != text.size() ||
      text.compare(text.size() - 4, 4, "end\n") != 0)
    return std::nullopt; // not complete: computed again
  rows.summary = text.substr(at, sizes[0]);
  rows.replications = text.substr(at += sizes[0], sizes[1]);
  rows.timeseries = text.substr(at + sizes[1], sizes[2]);
  return rows;
}

void ResultDirectory::finish(
    const std::vector<VariantRows> &rows, const RunInfo &info,
    const std::vector<std::pair<std::filesystem::path, std::string>> &extra) const {
  std::string summary(summary_header), replications(replications_header),
      timeseries(timeseries_header);
  for (const VariantRows &r : rows) {
    summary += r.summary;
    replications += r.replications;
    timeseries += r.timeseries;
  }
  std::vector<std::pair<std::filesystem::path, std::string>> files = extra;
  files.emplace_back(dir_ / "summary.csv", std::move(summary));
  files.emplace_back(dir_ / "replications.csv", std::move(replications));
  files.emplace_back(dir_ / "timeseries.csv", std::move(timeseries));
  files.emplace_back(dir_ / "run.json", run_json(info)); // last: it marks a finished run
  write_all_atomically(files);
  std::error_code ec;
  std::filesystem::remove_all(dir_ / parts_folder, ec);
}

} // namespace salesfab::experiment
