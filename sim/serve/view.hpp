#pragma once
// What the API says about a run: its state and progress, and once done the comparison exactly
// as `salesfab compare --format json` writes it, plus what the page shows of it in the reader's
// language — the scorecard with each significant difference judged better or worse, the biggest
// effects in plain words, the factory drawn for base and what-if, the report with the charts
// over time — and the downloads: the what-if as a scenario file, the comparison as CSV.

#include "analysis/output/json.hpp"
#include "analysis/present/words.hpp"
#include "serve/run_queue.hpp"

#include <string>

namespace salesfab::serve {

/// {id, state, done, total} and, by state, error or comparison and view.
output::Json run_json(const Run &run, present::Language language);

/// The page's view of a finished comparison: rows, sentences, settings, diagrams, report.
output::Json comparison_view(const Run &run, const analysis::Comparison &comparison,
                             present::Language language);

/// The what-if (the alternative) as a complete scenario file.
std::string what_if_yaml(const Run &run);

/// The comparison as comparison.csv (the file `compare --out` writes).
std::string comparison_csv(const analysis::Comparison &comparison);

} // namespace salesfab::serve
