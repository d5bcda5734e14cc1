#include "crm/vendors.hpp"

#include "crm/csv_table.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <unordered_map>

namespace salesfab::crm {

namespace {

std::string lower_letters(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A visit seen in a vendor export, before the rules turn the visits into a chain.
struct Seen {
  std::string stage;
  Day entered = 0;
  std::optional<Day> left;
  int line = 0;
  std::size_t order = 0; // the stage's place in the pipeline, where the export tells
};

// A visit to a stage the opportunity went back to is not a stage the model knows: the time
// counts in the stage it went back from (merged into the visit before). `back` says whether a
// visit goes back.
std::vector<Visit>
chain(std::vector<Seen> seen,
      const std::function<bool(const std::vector<Visit> &, const Seen &)> &back) {
  std::vector<Visit> visits;
  for (const Seen &s : seen) {
    if (!visits.empty() && (visits.back().stage == s.stage || back(visits, s))) {
      visits.back().left = s.left;
      continue;
    }
    if (!visits.empty() && !visits.back().left)
      visits.back().left = s.entered;
    Visit v;
    v.stage = s.stage;
    v.entered = s.entered;
    v.left = s.left;
    v.line = s.line;
    v.result = VisitResult::advanced;
    visits.push_back(std::move(v));
  }
  return visits;
}

// The last visit's outcome: won, lost (on `closed`, when known) or still open.
void close_chain(std::vector<Visit> &visits, std::optional<bool> won, std::optional<Day> closed) {
  if (visits.empty())
    return;
  Visit &last = visits.back();
  if (!won) {
    last.result = VisitResult::open;
    last.left.reset();
    return;
  }
  last.result = *won ? VisitResult::won : VisitResult::lost;
  if (closed)
    last.left = *closed;
  if (!last.left)
    last.left = last.entered;
}

// Checks the chain the rules made, as the generic reader does (a visit leaves after it enters,
// stages do not go backwards in time).
void check_visits(const std::string &file, const std::vector<Visit> &visits,
                  std::vector<Problem> &problems) {
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const Visit &v = visits[i];
    if (v.left && *v.left < v.entered)
      problems.push_back({file, v.line, "StageName",
                          "stage " + v.stage + " left " + date_text(*v.left) +
                              " before it was "
                              "entered " +
                              date_text(v.entered) + " (a visit leaves after it enters)"});
  }
}

std::optional<bool> boolean(const std::string &text) {
  const std::string t = lower_letters(text);
  if (t == "true" || t == "1" || t == "yes")
    return true;
  if (t == "false" || t == "0" || t == "no" || t.empty())
    return false;
  return std::nullopt;
}

// Salesforce's Type picklist (and the generic names) to a source.
std::string source_of_type(const std::string &type) {
  const std::string t = lower_letters(type);
  if (known_source(type))
    return type;
  if (t.empty() || t.rfind("new", 0) == 0) // New Customer, New Business
    return "new";
  if (t.find("upgrade") != std::string::npos || t.find("upsell") != std::string::npos)
    return "up_selling";
  if (t.find("cross") != std::string::npos)
    return "cross_selling";
  if (t.find("deep") != std::string::npos)
    return "deep_selling";
  return "rebuy"; // Existing Customer - Replacement / Downgrade, renewals
}

void require(const CsvTable &t, std::initializer_list<std::string_view> columns,
             std::vector<Problem> &fatal) {
  for (const Problem &p : t.problems)
    if (t.header.empty())
      fatal.push_back(p);
  if (t.header.empty())
    return;
  for (const auto c : columns)
    if (!t.column(c))
      fatal.push_back({t.file, 1, std::string(c), "missing (a required column)"});
}

ReadResult finish(std::vector<Opportunity> all, std::vector<std::vector<Problem>> problems,
                  std::vector<int> rows, std::vector<Problem> file_problems,
                  const ReadOptions &options) {
  ReadResult r;
  r.history.has_opportunities = true;
  std::vector<Problem> row_problems = std::move(file_problems);
  r.rows_skipped = static_cast<int>(row_problems.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (problems[i].empty() && !all[i].visits.empty()) {
      r.history.opportunities.push_back(std::move(all[i]));
      continue;
    }
    r.rows_skipped += rows[i];
    row_problems.insert(row_problems.end(), problems[i].begin(), problems[i].end());
  }
  std::stable_sort(row_problems.begin(), row_problems.end(),
                   [](const Problem &a, const Problem &b) {
                     return a.file < b.file || (a.file == b.file && a.line < b.line);
                   });
  if (!row_problems.empty() && !options.lenient)
    throw HistoryError(std::move(row_problems));
  r.skipped = std::move(row_problems);
  return r;
}

// The history rows of one opportunity, in CreatedDate order (file order on the same day).
struct HistoryRow {
  Day created = 0;
  std::string stage;
  int line = 0;
};

struct SalesforceHistory {
  std::unordered_map<std::string, std::vector<HistoryRow>> rows;
  std::unordered_map<std::string, std::vector<Problem>> problems; // by OpportunityId
};

SalesforceHistory salesforce_history(const CsvTable &t) {
  SalesforceHistory h;
  for (const CsvRow &row : t.rows) {
    std::vector<Problem> problems;
    RowReader r(t, row, problems);
    HistoryRow x;
    const std::string id = r.required("OpportunityId");
    x.stage = r.required("StageName");
    x.created = r.date("CreatedDate");
    x.line = row.line;
    h.rows[id].push_back(std::move(x));
    auto &p = h.problems[id];
    p.insert(p.end(), problems.begin(), problems.end());
  }
  for (auto &[id, list] : h.rows)
    std::stable_sort(list.begin(), list.end(), [](const HistoryRow &a, const HistoryRow &b) {
      return a.created < b.created;
    });
  return h;
}

} // namespace

ReadResult read_salesforce(const SalesforceFiles &files, const ReadOptions &options) {
  const CsvTable opps = parse_csv(files.opportunity, files.opportunity_name);
  const CsvTable hist = parse_csv(files.history, files.history_name);
  std::vector<Problem> fatal;
  require(opps, {"Id", "AccountId", "StageName", "IsClosed", "IsWon", "CreatedDate"}, fatal);
  require(hist, {"OpportunityId", "StageName", "CreatedDate"}, fatal);
  if (!fatal.empty())
    throw HistoryError(std::move(fatal));
  std::vector<Problem> file_problems = opps.problems;
  file_problems.insert(file_problems.end(), hist.problems.begin(), hist.problems.end());
  SalesforceHistory sf = salesforce_history(hist);
  const auto &history = sf.rows;
  // Closed stages: those closed opportunities end in.
  std::vector<std::string> closed_stages;
  for (const CsvRow &row : opps.rows) {
    std::vector<Problem> ignored;
    const RowReader r(opps, row, ignored);
    if (boolean(r.text("IsClosed")).value_or(false))
      closed_stages.push_back(r.text("StageName"));
  }
  const auto closed = [&](const std::string &s) {
    return std::find(closed_stages.begin(), closed_stages.end(), s) != closed_stages.end();
  };
  std::vector<Opportunity> all;
  std::vector<std::vector<Problem>> problems;
  std::vector<int> rows;
  for (const CsvRow &row : opps.rows) {
    problems.emplace_back();
    RowReader r(opps, row, problems.back());
    Opportunity o;
    o.id = r.required("Id");
    o.account_id = r.required("AccountId");
    o.segment = "all";
    o.source = source_of_type(r.text("Type"));
    o.amount = r.amount("Amount");
    const auto is_closed = boolean(r.text("IsClosed"));
    const auto is_won = boolean(r.text("IsWon"));
    if (!is_closed)
      r.problem("IsClosed", "'" + r.text("IsClosed") + "' is not true or false");
    if (!is_won)
      r.problem("IsWon", "'" + r.text("IsWon") + "' is not true or false");
    const Day created = r.date("CreatedDate");
    const auto it = history.find(o.id);
    if (const auto p = sf.problems.find(o.id); p != sf.problems.end()) {
      problems.back().insert(problems.back().end(), p->second.begin(), p->second.end());
      sf.problems.erase(p);
    }
    std::vector<Seen> seen;
    std::optional<Day> closed_on;
    if (it != history.end())
      for (const HistoryRow &h : it->second) {
        if (closed(h.stage)) {
          closed_on = closed_on ? closed_on : h.created;
          continue;
        }
        seen.push_back({h.stage, h.created, std::nullopt, h.line, 0});
      }
    if (seen.empty() && !closed(r.text("StageName")))
      seen.push_back({r.text("StageName"), created, std::nullopt, row.line, 0});
    if (seen.empty())
      r.problem("Id", "closed, but no OpportunityHistory row shows a stage before it closed");
    auto visits = chain(seen, [](const std::vector<Visit> &v, const Seen &s) {
      return std::any_of(v.begin(), v.end(), [&](const Visit &x) { return x.stage == s.stage; });
    });
    std::optional<bool> won;
    if (is_closed.value_or(false))
      won = is_won.value_or(false);
    close_chain(visits, won, closed_on ? closed_on : r.optional_date("CloseDate"));
    check_visits(files.history_name, visits, problems.back());
    o.visits = std::move(visits);
    all.push_back(std::move(o));
    rows.push_back(1 + (it == history.end() ? 0 : static_cast<int>(it->second.size())));
  }
  for (const auto &[id, list] : sf.problems) // rows of opportunities Opportunity.csv lacks
    file_problems.insert(file_problems.end(), list.begin(), list.end());
  return finish(std::move(all), std::move(problems), std::move(rows), std::move(file_problems),
                options);
}

namespace {

// A HubSpot stage column: `Date entered "STAGE (PIPELINE)"`, hs_date_entered_ID or
// hs_v2_date_entered_ID (and exited).
struct StageColumns {
  std::string stage;
  std::optional<std::size_t> entered, exited;
};

std::optional<std::pair<std::string, bool>> stage_column(std::string_view h) {
  for (const auto &[prefix, entered] :
       {std::pair<std::string_view, bool>{"Date entered \"", true}, {"Date exited \"", false}})
    if (h.substr(0, prefix.size()) == prefix && h.size() > prefix.size() && h.back() == '"') {
      std::string name(h.substr(prefix.size(), h.size() - prefix.size() - 1));
      const auto open = name.rfind(" (");
      if (open != std::string::npos && name.back() == ')')
        name.erase(open);
      return std::pair{name, entered};
    }
  for (const auto &[prefix, entered] :
       {std::pair<std::string_view, bool>{"hs_v2_date_entered_", true},
        {"hs_v2_date_exited_", false},
        {"hs_date_entered_", true},
        {"hs_date_exited_", false}})
    if (h.substr(0, prefix.size()) == prefix && h.size() > prefix.size())
      return std::pair{std::string(h.substr(prefix.size())), entered};
  return std::nullopt;
}

std::vector<StageColumns> stage_columns(const CsvTable &t) {
  std::vector<StageColumns> stages;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const auto s = stage_column(t.header[i]);
    if (!s)
      continue;
    auto it = std::find_if(stages.begin(), stages.end(),
                           [&](const StageColumns &c) { return c.stage == s->first; });
    if (it == stages.end()) {
      stages.push_back({s->first, std::nullopt, std::nullopt});
      it = stages.end() - 1;
    }
    (s->second ? it->entered : it->exited) = i;
  }
  return stages;
}

std::string first_column(const CsvTable &t, std::initializer_list<const char *> names) {
  for (const char *n : names)
    if (t.column(n))
      return n;
  return *names.begin();
}

bool closed_won(const std::string &s) { return lower_letters(s) == "closedwon"; }
bool closed_lost(const std::string &s) { return lower_letters(s) == "closedlost"; }

} // namespace

ReadResult read_hubspot(const std::string &text, const std::string &name,
                        const ReadOptions &options) {
  const CsvTable t = parse_csv(text, name);
  const std::string id = first_column(t, {"Record ID", "Deal ID", "hs_object_id"});
  const std::string stage = first_column(t, {"Deal Stage", "dealstage"});
  const std::string create = first_column(t, {"Create Date", "createdate"});
  const std::string close = first_column(t, {"Close Date", "closedate"});
  const std::string amount = first_column(t, {"Amount", "amount"});
  const std::string company = first_column(
      t, {"Associated Company ID", "Associated Company IDs (Primary)", "associatedcompanyid"});
  const std::string type = first_column(t, {"Deal Type", "dealtype"});
  std::vector<Problem> fatal;
  require(t, {id, stage, create, company}, fatal);
  const auto stages = stage_columns(t);
  if (fatal.empty() && std::none_of(stages.begin(), stages.end(),
                                    [](const StageColumns &s) { return s.entered.has_value(); }))
    fatal.push_back({name, 1, "Date entered \"STAGE (PIPELINE)\"",
                     "missing (expected a stage-calculated column per stage)"});
  if (!fatal.empty())
    throw HistoryError(std::move(fatal));
  std::vector<Opportunity> all;
  std::vector<std::vector<Problem>> problems;
  std::vector<int> rows;
  const std::size_t first_open_stage =
      static_cast<std::size_t>(std::find_if(stages.begin(), stages.end(),
                                            [](const StageColumns &s) {
                                              return !closed_won(s.stage) && !closed_lost(s.stage);
                                            }) -
                               stages.begin());
  for (const CsvRow &row : t.rows) {
    problems.emplace_back();
    rows.push_back(1);
    RowReader r(t, row, problems.back());
    Opportunity o;
    o.id = r.required(id);
    o.account_id = r.required(company);
    o.segment = "all";
    o.source = lower_letters(r.text(type)) == "existingbusiness" ? "rebuy" : "new";
    o.amount = r.amount(amount);
    const Day created = r.date(create);
    std::vector<Seen> seen;
    std::optional<Day> won_on, lost_on;
    for (std::size_t s = 0; s < stages.size(); ++s) {
      const auto column = [&](std::optional<std::size_t> c) -> std::optional<Day> {
        return c ? r.optional_date(t.header[*c]) : std::nullopt;
      };
      const auto entered = column(stages[s].entered);
      if (!entered)
        continue;
      if (closed_won(stages[s].stage))
        won_on = entered;
      else if (closed_lost(stages[s].stage))
        lost_on = entered;
      else
        seen.push_back({stages[s].stage, *entered, column(stages[s].exited), row.line, s});
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [](const Seen &a, const Seen &b) { return a.entered < b.entered; });
    // HubSpot keeps the latest entry of a stage re-entered: the deal was in the pipeline's first
    // stage from its Create Date.
    if (!seen.empty() && created < seen.front().entered && first_open_stage < stages.size()) {
      if (seen.front().order == first_open_stage)
        seen.front().entered = created;
      else
        seen.insert(seen.begin(), Seen{stages[first_open_stage].stage, created,
                                       seen.front().entered, row.line, first_open_stage});
    }
    auto visits = chain(seen, [&](const std::vector<Visit> &v, const Seen &s) {
      const auto previous = std::find_if(stages.begin(), stages.end(), [&](const StageColumns &c) {
        return c.stage == v.back().stage;
      });
      return s.order < static_cast<std::size_t>(previous - stages.begin());
    });
    const std::string current = r.text(stage);
    std::optional<bool> won;
    if (closed_won(current) || (won_on && !closed_lost(current)))
      won = true;
    else if (closed_lost(current) || lost_on)
      won = false;
    const auto closed_day = won ? (*won ? won_on : lost_on) : std::nullopt;
    close_chain(visits, won, closed_day ? closed_day : r.optional_date(close));
    if (visits.empty())
      r.problem(stage, "no stage entered (expected a Date entered of a stage before closing)");
    check_visits(name, visits, problems.back());
    o.visits = std::move(visits);
    all.push_back(std::move(o));
  }
  return finish(std::move(all), std::move(problems), std::move(rows), t.problems, options);
}

SalesforceFiles salesforce_files(const std::string &path) {
  SalesforceFiles f;
  f.opportunity_name = (std::filesystem::path(path) / "Opportunity.csv").string();
  f.history_name = (std::filesystem::path(path) / "OpportunityHistory.csv").string();
  const auto o = read_text_file(f.opportunity_name);
  const auto h = read_text_file(f.history_name);
  std::vector<Problem> missing;
  if (!o)
    missing.push_back({f.opportunity_name, 0, "",
                       "not there (expected Salesforce's Opportunity "
                       "object as Data Loader exports it)"});
  if (!h)
    missing.push_back({f.history_name, 0, "",
                       "not there (expected Salesforce's "
                       "OpportunityHistory object)"});
  if (!missing.empty())
    throw HistoryError(std::move(missing));
  f.opportunity = *o;
  f.history = *h;
  return f;
}

std::pair<std::string, std::string> hubspot_file(const std::string &path) {
  std::error_code ec;
  std::string file = path;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> csvs;
    for (const auto &e : std::filesystem::directory_iterator(path, ec))
      if (e.path().extension() == ".csv")
        csvs.push_back(e.path().string());
    if (csvs.size() != 1)
      throw HistoryError({{path, 0, "",
                           "holds " + std::to_string(csvs.size()) +
                               " CSV files (expected one HubSpot deals export)"}});
    file = csvs.front();
  }
  const auto text = read_text_file(file);
  if (!text)
    throw HistoryError({{file, 0, "", "not there (expected a HubSpot deals export)"}});
  return {*text, file};
}

} // namespace salesfab::crm
