#include "crm/reader.hpp"

#include "crm/csv_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <unordered_map>

namespace salesfab::crm {

namespace {

// Every required column must be in the header; a missing one refuses the file at once.
void require_columns(const CsvTable &t, std::initializer_list<std::string_view> columns,
                     std::vector<Problem> &fatal) {
  if (t.header.empty())
    return;
  for (const auto c : columns)
    if (!t.column(c))
      fatal.push_back({t.file, 1, std::string(c), "missing (a required column)"});
}

template <class Enum, std::size_t N>
std::optional<Enum> enum_of(std::string_view text, const std::array<Enum, N> &all,
                            std::string_view (*name)(Enum)) {
  for (const Enum e : all)
    if (name(e) == text)
      return e;
  return std::nullopt;
}

constexpr std::array all_lead_results = {LeadResult::qualified, LeadResult::disqualified,
                                         LeadResult::cold, LeadResult::open};
constexpr std::array all_visit_results = {VisitResult::advanced, VisitResult::won,
                                          VisitResult::lost, VisitResult::open};

std::string segment_of(const RowReader &r) {
  std::string s = r.text("segment");
  return s.empty() ? "all" : s;
}

// Problems of rows and what to do with them: refuse (collect) or skip (count).
struct Outcome {
  std::vector<Problem> problems;
  int rows_skipped = 0;
};

Lead lead_row(RowReader &r) {
  Lead l;
  l.line = r.line();
  l.id = r.required("lead_id");
  l.account_id = r.text("account_id");
  l.segment = segment_of(r);
  l.created = r.date("created");
  const std::string result = r.text("result");
  const auto parsed = enum_of(result, all_lead_results, lead_result_name);
  if (!parsed)
    r.problem("result", "'" + result +
                            "' is not a lead result (expected qualified, "
                            "disqualified, cold or open)");
  l.result = parsed.value_or(LeadResult::open);
  l.result_date = r.optional_date("result_date");
  if (l.result_date && *l.result_date < l.created)
    r.problem("result_date", date_text(*l.result_date) + " is before created " +
                                 date_text(l.created) + " (a result comes after first contact)");
  return l;
}

void read_leads(const CsvTable &t, History &h, Outcome &out, std::vector<Problem> &row_problems) {
  std::unordered_map<std::string, int> seen;
  for (const CsvRow &row : t.rows) {
    std::vector<Problem> problems;
    RowReader r(t, row, problems);
    Lead l = lead_row(r);
    const auto [it, fresh] = seen.emplace(l.id, row.line);
    if (!fresh && !l.id.empty())
      r.problem("lead_id", "'" + l.id + "' again (first on line " + std::to_string(it->second) +
                               "; expected unique)");
    if (problems.empty())
      h.leads.push_back(std::move(l));
    else {
      ++out.rows_skipped;
      row_problems.insert(row_problems.end(), problems.begin(), problems.end());
    }
  }
}

void read_customers(const CsvTable &t, History &h, Outcome &out,
                    std::vector<Problem> &row_problems) {
  for (const CsvRow &row : t.rows) {
    std::vector<Problem> problems;
    RowReader r(t, row, problems);
    CustomerPeriod c;
    c.line = row.line;
    c.account_id = r.required("account_id");
    c.segment = segment_of(r);
    c.since = r.date("since");
    c.churned = r.optional_date("churned");
    if (c.churned && *c.churned < c.since)
      r.problem("churned", date_text(*c.churned) + " is before since " + date_text(c.since) +
                               " (a customer churns after it became one)");
    if (problems.empty())
      h.customers.push_back(std::move(c));
    else {
      ++out.rows_skipped;
      row_problems.insert(row_problems.end(), problems.begin(), problems.end());
    }
  }
}

Visit visit_row(RowReader &r) {
  Visit v;
  v.line = r.line();
  v.stage = r.required("stage");
  v.entered = r.date("entered");
  v.left = r.optional_date("left");
  const std::string result = r.text("result");
  const auto parsed = enum_of(result, all_visit_results, visit_result_name);
  if (!parsed)
    r.problem("result", "'" + result +
                            "' is not a visit result (expected advanced, won, lost "
                            "or open)");
  v.result = parsed.value_or(VisitResult::open);
  const std::string lost_to = r.text("lost_to");
  if (lost_to == "competitor")
    v.lost_to = LostTo::competitor;
  else if (lost_to == "no_decision")
    v.lost_to = LostTo::no_decision;
  else if (!lost_to.empty())
    r.problem("lost_to", "'" + lost_to + "' is not a reason (expected competitor or no_decision)");
  if (v.left && *v.left < v.entered)
    r.problem("left", date_text(*v.left) + " is before entered " + date_text(v.entered) +
                          " (a visit leaves after it enters)");
  if (parsed && *parsed == VisitResult::open && v.left)
    r.problem("left", "a date, but result is open (expected empty while in the stage)");
  if (parsed && *parsed != VisitResult::open && !v.left)
    r.problem("left", "empty, but result is " + result + " (expected the day the visit ended)");
  return v;
}

// The rules between the rows of one opportunity: in time order, advanced until the last.
void check_chain(const CsvTable &t, const std::vector<const CsvRow *> &rows, const Opportunity &o,
                 std::vector<Problem> &problems) {
  for (std::size_t i = 0; i < o.visits.size(); ++i) {
    const Visit &v = o.visits[i];
    const bool last = i + 1 == o.visits.size();
    if (!last && v.result != VisitResult::advanced)
      problems.push_back({t.file, v.line, "result",
                          std::string(visit_result_name(v.result)) + ", but opportunity '" + o.id +
                              "' has a later stage on line " +
                              std::to_string(o.visits[i + 1].line) + " (expected advanced)"});
    if (last && v.result == VisitResult::advanced)
      problems.push_back({t.file, v.line, "result",
                          "advanced, but opportunity '" + o.id +
                              "' has no later stage (expected won, lost or open)"});
    if (i == 0)
      continue;
    const Visit &before = o.visits[i - 1];
    const Day previous = before.left.value_or(before.entered);
    if (v.entered < previous)
      problems.push_back({t.file, v.line, "entered",
                          date_text(v.entered) + " is before the previous stage's " +
                              (before.left ? "left " : "entered ") + date_text(previous) +
                              " on line " + std::to_string(before.line) +
                              " (stages go backwards in time)"});
  }
  (void)rows;
}

void read_opportunities(const CsvTable &t, History &h, Outcome &out,
                        std::vector<Problem> &row_problems) {
  std::unordered_map<std::string, std::size_t> index;
  std::vector<Opportunity> all;
  std::vector<std::vector<const CsvRow *>> rows_of;
  std::vector<std::vector<Problem>> problems_of;
  for (const CsvRow &row : t.rows) {
    std::vector<Problem> problems;
    RowReader r(t, row, problems);
    const std::string id = r.required("opportunity_id");
    const auto [it, fresh] = index.emplace(id, all.size());
    if (fresh) {
      all.emplace_back();
      rows_of.emplace_back();
      problems_of.emplace_back();
      all.back().id = id;
    }
    Opportunity &o = all[it->second];
    Visit v = visit_row(r);
    if (fresh) {
      o.account_id = r.required("account_id");
      o.segment = segment_of(r);
      o.source = r.required("source");
      if (!o.source.empty() && !known_source(o.source))
        r.problem("source", "'" + o.source +
                                "' is not a source (expected new, rebuy, "
                                "deep_selling, up_selling or cross_selling)");
    }
    const auto amount = r.amount("amount");
    if (!o.amount)
      o.amount = amount;
    o.visits.push_back(std::move(v));
    rows_of[it->second].push_back(&row);
    auto &p = problems_of[it->second];
    p.insert(p.end(), problems.begin(), problems.end());
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    check_chain(t, rows_of[i], all[i], problems_of[i]);
    if (problems_of[i].empty()) {
      h.opportunities.push_back(std::move(all[i]));
      continue;
    }
    out.rows_skipped += static_cast<int>(rows_of[i].size());
    row_problems.insert(row_problems.end(), problems_of[i].begin(), problems_of[i].end());
  }
}

bool by_position(const Problem &a, const Problem &b) {
  return a.file < b.file || (a.file == b.file && a.line < b.line);
}

} // namespace

bool known_source(std::string_view s) {
  return s == "new" || s == "rebuy" || s == "deep_selling" || s == "up_selling" ||
         s == "cross_selling";
}

ReadResult read_tables(const Tables &tables, const ReadOptions &options) {
  if (!tables.leads && !tables.opportunities && !tables.customers)
    throw HistoryError({{tables.opportunities_name, 0, "",
                         "not there (expected leads.csv, opportunities.csv and customers.csv, "
                         "or at least one of them)"}});
  std::vector<Problem> fatal, row_problems;
  ReadResult result;
  Outcome out;
  History &h = result.history;
  const auto table = [&](const std::optional<std::string> &text, const std::string &name,
                         std::initializer_list<std::string_view> required) {
    CsvTable t = parse_csv(*text, name);
    require_columns(t, required, fatal);
    out.rows_skipped += static_cast<int>(t.problems.size());
    for (const Problem &p : t.problems)
      (t.header.empty() ? fatal : row_problems).push_back(p);
    return t;
  };
  if (tables.leads) {
    h.has_leads = true;
    const CsvTable t = table(tables.leads, tables.leads_name, {"lead_id", "created", "result"});
    read_leads(t, h, out, row_problems);
  }
  if (tables.opportunities) {
    h.has_opportunities = true;
    const CsvTable t =
        table(tables.opportunities, tables.opportunities_name,
              {"opportunity_id", "account_id", "source", "stage", "entered", "left", "result"});
    if (fatal.empty())
      read_opportunities(t, h, out, row_problems);
  }
  if (tables.customers) {
    h.has_customers = true;
    const CsvTable t =
        table(tables.customers, tables.customers_name, {"account_id", "since", "churned"});
    if (fatal.empty())
      read_customers(t, h, out, row_problems);
  }
  std::stable_sort(row_problems.begin(), row_problems.end(), by_position);
  if (!fatal.empty()) {
    fatal.insert(fatal.end(), row_problems.begin(), row_problems.end());
    throw HistoryError(std::move(fatal));
  }
  if (!row_problems.empty() && !options.lenient)
    throw HistoryError(std::move(row_problems));
  result.skipped = std::move(row_problems);
  result.rows_skipped = out.rows_skipped;
  return result;
}

Tables tables_in(const std::string &dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw HistoryError({{dir, 0, "", "not a folder (expected the folder of the CRM's tables)"}});
  Tables t;
  const auto path = [&](const char *name) { return (std::filesystem::path(dir) / name).string(); };
  t.leads_name = path("leads.csv");
  t.opportunities_name = path("opportunities.csv");
  t.customers_name = path("customers.csv");
  t.leads = read_text_file(t.leads_name);
  t.opportunities = read_text_file(t.opportunities_name);
  t.customers = read_text_file(t.customers_name);
  if (!t.leads && !t.opportunities && !t.customers)
    throw HistoryError({{dir, 0, "",
                         "holds none of leads.csv, opportunities.csv and customers.csv "
                         "(expected a CRM history in the generic format)"}});
  return t;
}

void cut_at(History &h, Day as_of) {
  std::erase_if(h.leads, [&](const Lead &l) { return l.created > as_of; });
  for (Lead &l : h.leads)
    if (l.result_date && *l.result_date > as_of) {
      l.result_date.reset();
      l.result = LeadResult::open;
    }
  for (Opportunity &o : h.opportunities) {
    std::erase_if(o.visits, [&](const Visit &v) { return v.entered > as_of; });
    // The last visit known at as_of: open when it left later, or when the stage it went on
    // to was entered later.
    if (!o.visits.empty() && o.visits.back().left &&
        (*o.visits.back().left > as_of || o.visits.back().result == VisitResult::advanced)) {
      o.visits.back().left.reset();
      o.visits.back().result = VisitResult::open;
      o.visits.back().lost_to = LostTo::unknown;
    }
  }
  std::erase_if(h.opportunities, [](const Opportunity &o) { return o.visits.empty(); });
  std::erase_if(h.customers, [&](const CustomerPeriod &c) { return c.since > as_of; });
  for (CustomerPeriod &c : h.customers)
    if (c.churned && *c.churned > as_of)
      c.churned.reset();
}

} // namespace salesfab::crm
