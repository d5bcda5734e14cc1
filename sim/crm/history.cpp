#include "crm/history.hpp"

#include <algorithm>

namespace salesfab::crm {

// Howard Hinnant's days_from_civil and civil_from_days.
Day day_of(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string date_text(Day z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  // Month and day are 1..12 and 1..31; the year has as many digits as it needs.
  std::string text = std::to_string(y);
  if (y >= 0 && y < 1000)
    text.insert(0, 4 - text.size(), '0');
  const auto two = [](std::int64_t v) {
    return std::string(v < 10 ? "0" : "") + std::to_string(v);
  };
  return text + "-" + two(m) + "-" + two(d);
}

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int v = 0;
  for (const char c : s)
    v = v * 10 + (c - '0');
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A time part after the date: 'T' or ' ', then digits, ':', '.', a zone (Z, +hh:mm, -hh:mm).
bool time_part(std::string_view rest) {
  if (rest.empty())
    return true;
  if (rest[0] != 'T' && rest[0] != ' ')
    return false;
  rest.remove_prefix(1);
  if (rest.size() < 5 || !digits(rest.substr(0, 2)) || rest[2] != ':' || !digits(rest.substr(3, 2)))
    return false;
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-';
  });
}

} // namespace

std::optional<Day> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d) || !time_part(text.substr(10)))
    return std::nullopt;
  const int year = number(y), month = number(m), day = number(d);
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1)
    return std::nullopt;
  const int last = month_days[month - 1] + (month == 2 && leap(year) ? 1 : 0);
  if (day > last)
    return std::nullopt;
  return day_of(year, month, day);
}

std::string_view lead_result_name(LeadResult r) {
  switch (r) {
  case LeadResult::qualified:
    return "qualified";
  case LeadResult::disqualified:
    return "disqualified";
  case LeadResult::cold:
    return "cold";
  case LeadResult::open:
    return "open";
  }
  return "?";
}

std::string_view visit_result_name(VisitResult r) {
  switch (r) {
  case VisitResult::advanced:
    return "advanced";
  case VisitResult::won:
    return "won";
  case VisitResult::lost:
    return "lost";
  case VisitResult::open:
    return "open";
  }
  return "?";
}

std::string_view lost_to_name(LostTo l) {
  switch (l) {
  case LostTo::competitor:
    return "competitor";
  case LostTo::no_decision:
    return "no_decision";
  case LostTo::unknown:
    return "";
  }
  return "";
}

namespace {
void widen(std::optional<Day> &low, std::optional<Day> &high, Day d) {
  low = low ? std::min(*low, d) : d;
  high = high ? std::max(*high, d) : d;
}

std::pair<std::optional<Day>, std::optional<Day>> span_of(const History &h) {
  std::optional<Day> low, high;
  for (const Lead &l : h.leads) {
    widen(low, high, l.created);
    if (l.result_date)
      widen(low, high, *l.result_date);
  }
  for (const Opportunity &o : h.opportunities)
    for (const Visit &v : o.visits) {
      widen(low, high, v.entered);
      if (v.left)
        widen(low, high, *v.left);
    }
  for (const CustomerPeriod &c : h.customers) {
    widen(low, high, c.since);
    if (c.churned)
      widen(low, high, *c.churned);
  }
  return {low, high};
}
} // namespace

std::optional<Day> History::earliest() const { return span_of(*this).first; }
std::optional<Day> History::latest() const { return span_of(*this).second; }

std::string Problem::to_string() const {
  std::string s = file;
  if (line > 0)
    s += ':' + std::to_string(line);
  s += ": ";
  if (!column.empty())
    s += column + ": ";
  return s + message;
}

namespace {
std::string join(const std::vector<Problem> &problems) {
  std::string s;
  for (const Problem &p : problems)
    s += (s.empty() ? "" : "\n") + p.to_string();
  return s;
}
} // namespace

HistoryError::HistoryError(std::vector<Problem> problems)
    : Error(join(problems)), problems_(std::move(problems)) {}

} // namespace salesfab::crm
