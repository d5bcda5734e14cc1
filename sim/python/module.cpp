// salesfab._core: the simulator from Python, a front end like the command line. It takes the
// command line's own path — load_scenarios, plan, launch (cli/session.hpp), compare's scenarios
// and pairing check — and hands back the rows of the result files (output/records.hpp), so the
// numbers are those `salesfab run --out` and `salesfab compare --out` write. The package's
// __init__.py turns them into pandas DataFrames. The GIL is released while it simulates; Ctrl-C
// in Python stops the run as it stops the program.

#include "analysis/measure/comparison.hpp"
#include "analysis/output/records.hpp"
#include "cli/command.hpp"
#include "cli/examples.hpp"
#include "cli/session.hpp"
#include "scenario/diagnostic.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <future>
#include <sstream>
#include <thread>

namespace py = pybind11;
namespace cli = salesfab::cli;
namespace output = salesfab::output;

namespace {

// The settings of one call, as the command line's options would give them.
cli::CommonOptions options(std::vector<std::string> files, std::vector<std::string> sets,
                           std::optional<int> replications, std::optional<std::uint64_t> seed,
                           std::optional<int> threads, std::optional<double> precision,
                           std::vector<std::string> precision_metrics) {
  if (replications && (*replications < 1 || *replications > salesfab::scenario::max_replications))
    throw cli::UsageError("replications=" + std::to_string(*replications) +
                          ": expected a whole number from 1 to " +
                          std::to_string(salesfab::scenario::max_replications));
  if (threads && *threads < 1)
    throw cli::UsageError("threads=" + std::to_string(*threads) + ": expected a number >= 1");
  if (precision && (!(*precision > 0) || *precision > 1))
    throw cli::UsageError("precision: expected a relative half-width above 0 and at most 1");
  if (precision && replications)
    throw cli::UsageError("precision and replications: give one");
  cli::CommonOptions common;
  common.files = std::move(files);
  common.sets = std::move(sets);
  common.replications = replications;
  common.seed = seed;
  common.threads = threads;
  common.precision = precision;
  common.precision_metrics = std::move(precision_metrics);
  common.quiet = true;
  return common;
}

// Runs `launch` with the GIL released, in a thread of its own, so that this thread can look
// for Ctrl-C (Python's signal handler only sets a flag) and stop the run.
cli::Outcome launch(std::vector<cli::PlannedVariant> planned,
                    const std::vector<salesfab::scenario::ScenarioFile> &files,
                    const cli::CommonOptions &common, bool paired) {
  std::atomic<bool> stop{false};
  cli::LaunchOptions launch_options;
  launch_options.paired = paired;
  cli::LaunchHooks hooks; // Python keeps its own signal handlers: the run stops on this flag
  hooks.stop = &stop;
  std::future<cli::Outcome> running;
  {
    py::gil_scoped_release release;
    running = std::async(std::launch::async, [&] {
      return cli::launch(std::move(planned), files, common, launch_options, hooks);
    });
    while (running.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      py::gil_scoped_acquire acquire;
      if (PyErr_CheckSignals() != 0) {
        stop.store(true);
        py::gil_scoped_release wait;
        running.wait();
        break;
      }
    }
  }
  cli::Outcome outcome = running.get();
  if (PyErr_Occurred())
    throw py::error_already_set();
  return outcome;
}

// A result file's rows, column by column: {name: [values]} (None where a value is missing).
py::dict columns(const output::Records &records) {
  py::dict table;
  for (std::size_t c = 0; c < records.columns.size(); ++c) {
    py::list values;
    for (const auto &row : records.rows) {
      const output::Cell &cell = row[c];
      if (const auto *text = std::get_if<std::string>(&cell))
        values.append(py::str(*text));
      else if (const auto *number = std::get_if<salesfab::analysis::MetricValue>(&cell))
        values.append(*number ? py::object(py::float_(**number)) : py::object(py::none()));
      else if (const auto *whole = std::get_if<std::uint64_t>(&cell))
        values.append(py::int_(*whole));
      else if (const auto *yes = std::get_if<bool>(&cell))
        values.append(py::bool_(*yes));
      else
        values.append(py::none());
    }
    table[py::str(records.columns[c])] = values;
  }
  return table;
}

py::dict results(const cli::Outcome &outcome) {
  const auto finished = outcome.finished();
  py::dict out;
  out["summary"] = columns(output::summary_records(finished));
  out["replications"] = columns(output::replication_records(finished));
  out["timeseries"] = columns(output::timeseries_records(finished));
  py::list variants;
  for (const auto *v : finished)
    variants.append(py::str(v->variant));
  out["variants"] = variants;
  out["events"] = outcome.stats.events;
  out["wall_seconds"] = outcome.stats.wall_seconds;
  out["threads"] = outcome.stats.threads;
  return out;
}

py::dict run(std::vector<std::string> files, std::vector<std::string> sets,
             std::optional<int> replications, std::optional<std::uint64_t> seed,
             std::optional<int> threads, std::optional<double> precision,
             std::vector<std::string> precision_metrics) {
  const cli::CommonOptions common = options(std::move(files), std::move(sets), replications, seed,
                                            threads, precision, std::move(precision_metrics));
  std::ostringstream problems;
  const cli::Scenarios scenarios =
      cli::load_scenarios(common.files, common.overrides(), true, problems);
  if (scenarios.some_invalid)
    throw cli::UsageError(problems.str());
  const cli::Outcome outcome =
      launch(cli::plan(scenarios.files, common), scenarios.files, common, false);
  return results(outcome);
}

py::dict compare(std::vector<std::string> files, std::vector<std::string> sets,
                 std::optional<int> replications, std::optional<std::uint64_t> seed,
                 std::optional<int> threads, std::optional<double> precision,
                 std::vector<std::string> precision_metrics) {
  const cli::CommonOptions common = options(std::move(files), std::move(sets), replications, seed,
                                            threads, precision, std::move(precision_metrics));
  if (common.files.empty())
    throw cli::UsageError("compare needs a base scenario file");
  std::ostringstream problems;
  const cli::Scenarios scenarios = cli::comparison_scenarios(common, problems);
  if (scenarios.some_invalid)
    throw cli::UsageError(problems.str());
  auto planned = cli::plan(scenarios.files, common);
  if (planned.size() < 2)
    throw cli::UsageError("nothing to compare: give alternative files, a sweep, or set=...");
  if (!cli::check_pairing(planned, problems))
    throw cli::UsageError(problems.str());
  const cli::Outcome outcome = launch(std::move(planned), scenarios.files, common, true);
  const auto variants = outcome.finished();
  std::vector<salesfab::analysis::Comparison> comparisons;
  for (std::size_t v = 1; v < variants.size(); ++v)
    comparisons.push_back(salesfab::analysis::compare(*variants.front(), *variants[v]));
  py::dict out = results(outcome);
  out["comparison"] = columns(output::comparison_records(comparisons));
  return out;
}

} // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "salesfab's simulator; use the salesfab package (salesfab.run, salesfab.compare)";
  // Bad input is a ValueError, as it is exit status 2 on the command line; the rest is an
  // error of the run (RuntimeError).
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p)
        std::rethrow_exception(p);
    } catch (const salesfab::scenario::ScenarioError &e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const cli::UsageError &e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const salesfab::Error &e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
  m.def("run", &run, py::arg("files"), py::arg("sets"), py::arg("replications"), py::arg("seed"),
        py::arg("threads"), py::arg("precision"), py::arg("precision_metrics"),
        "Runs scenario files (none: the built-in default) as `salesfab run` does.");
  m.def("compare", &compare, py::arg("files"), py::arg("sets"), py::arg("replications"),
        py::arg("seed"), py::arg("threads"), py::arg("precision"), py::arg("precision_metrics"),
        "Paired differences against the first file's first variant, as `salesfab compare`.");
  m.def(
      "example_folders",
      [] {
        std::vector<std::string> folders;
        for (const auto &f : cli::example_folders())
          folders.push_back(f.string());
        return folders;
      },
      "Where the program looks for the shipped scenarios.");
  m.def("version", [] {
    return std::string(cli::version()) + " (commit " + std::string(cli::build_commit()) + ", " +
           std::string(cli::build_type()) + " build)";
  });
}
