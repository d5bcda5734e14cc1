#pragma once
// Reads a history in the generic format (leads.csv, opportunities.csv, customers.csv in one
// folder) and checks it against the contract: every problem is a `FILE:LINE: column: problem`;
// rows with problems are never dropped silently (--lenient skips them, and says so).

#include "crm/history.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesfab::crm {

/// How to read.
struct ReadOptions {
  bool lenient = false; ///< skip rows with problems (whole opportunities) instead of refusing
};

/// The texts of the three tables (nullopt: the file is not there) and their names for messages.
struct Tables {
  std::optional<std::string> leads, opportunities, customers;
  std::string leads_name = "leads.csv";
  std::string opportunities_name = "opportunities.csv";
  std::string customers_name = "customers.csv";
};

/// A history read, with what --lenient skipped.
struct ReadResult {
  History history;
  std::vector<Problem> skipped; ///< each problem of a skipped row
  int rows_skipped = 0;
};

/// Checks and turns the tables into a history. Throws HistoryError with every problem (also,
/// even when lenient, a missing required column or a file without any table).
ReadResult read_tables(const Tables &tables, const ReadOptions &options);

/// The tables of the folder `dir`. Throws HistoryError when none of the three is there.
Tables tables_in(const std::string &dir);

/// Cuts a history at the export date `as_of`: what happened later is unknown (visits left
/// after it are open, rows created after it are gone).
void cut_at(History &history, Day as_of);

/// The source names of the format: new and the four intents.
bool known_source(std::string_view source);

} // namespace salesfab::crm
