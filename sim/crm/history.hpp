#pragma once
// A CRM history in memory: the three tables of the generic format
// (../shared/design/crm-format.md) as plain structs, dates as whole days. What calibrate reads,
// what --export-crm writes, and what the vendor exports are turned into.

#include "engine/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::crm {

/// A date as days since 1970-01-01 (the proleptic Gregorian calendar).
using Day = std::int64_t;

/// The day of a date, from its year, month (1-12) and day (1-31).
Day day_of(int year, int month, int day);
/// "YYYY-MM-DD".
std::string date_text(Day day);
/// Reads "YYYY-MM-DD" with an optional time part ("THH:MM:SS..." or " HH:MM..."), which is
/// ignored; nullopt when it is not a date.
std::optional<Day> parse_date(std::string_view text);

/// What became of a lead.
enum class LeadResult : std::uint8_t { qualified, disqualified, cold, open };
/// How one stage visit ended.
enum class VisitResult : std::uint8_t { advanced, won, lost, open };
/// Why a lost opportunity was lost, where the CRM says.
enum class LostTo : std::uint8_t { unknown, competitor, no_decision };

std::string_view lead_result_name(LeadResult r);
std::string_view visit_result_name(VisitResult r);
std::string_view lost_to_name(LostTo l); ///< "" for unknown

/// A row of leads.csv.
struct Lead {
  std::string id;
  std::string account_id; ///< optional (an extension of the format): tells won-back leads apart
  std::string segment;    ///< "all" when the file has no segment
  Day created = 0;
  LeadResult result = LeadResult::open;
  std::optional<Day> result_date;
  int line = 0;
};

/// A row of opportunities.csv: one stage visit.
struct Visit {
  std::string stage;
  Day entered = 0;
  std::optional<Day> left;
  VisitResult result = VisitResult::open;
  LostTo lost_to = LostTo::unknown;
  int line = 0;
};

/// One opportunity: its visits in the order the stages were visited.
struct Opportunity {
  std::string id;
  std::string account_id;
  std::string segment;
  std::string source; ///< new, rebuy, deep_selling, up_selling or cross_selling
  std::optional<double> amount;
  std::vector<Visit> visits;
  /// Won, lost or still open at the export: the last visit's result.
  [[nodiscard]] VisitResult outcome() const {
    return visits.empty() ? VisitResult::open : visits.back().result;
  }
};

/// A row of customers.csv: one period an account was a customer.
struct CustomerPeriod {
  std::string account_id;
  std::string segment;
  Day since = 0;
  std::optional<Day> churned;
  int line = 0;
};

/// A whole history. Which tables were there: a missing file is not the same as an empty one.
struct History {
  std::vector<Lead> leads;
  std::vector<Opportunity> opportunities;
  std::vector<CustomerPeriod> customers;
  bool has_leads = false;
  bool has_opportunities = false;
  bool has_customers = false;
  /// The earliest and latest date anywhere in the tables (nullopt when there is none).
  [[nodiscard]] std::optional<Day> earliest() const;
  [[nodiscard]] std::optional<Day> latest() const;
};

/// One problem of a history: `FILE:LINE: column: what is wrong (what was expected)`.
struct Problem {
  std::string file;
  int line = 0; ///< 0: the whole file
  std::string column;
  std::string message;
  [[nodiscard]] std::string to_string() const;
};

/// A history that cannot be read: every problem, in file order. Exit status 2.
class HistoryError : public Error {
public:
  explicit HistoryError(std::vector<Problem> problems);
  [[nodiscard]] const std::vector<Problem> &problems() const { return problems_; }

private:
  std::vector<Problem> problems_;
};

} // namespace salesfab::crm
