#include "scenario/parameters_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace salesfab::scenario::detail {

namespace {

using model::Parameters;
using L = ResourceLimits;

std::string item_path(const std::string &list, std::size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

// Reads `key` of map `m` into `into` with `read` when it is there (and required when asked).
template <class Read> void field(MapReader &m, std::string_view key, bool required, Read read) {
  const YamlNode *n = required ? m.required(key) : m.optional(key);
  if (n)
    read(*n, m.path(key));
}

void read_time(Reader &r, const YamlNode &node, model::TimeParameters &time) {
  MapReader m(r, node, "time");
  const Range horizon{0, L::max_horizon_days, true, false,
                      "a horizon in days (more than 0, at most 36500: 100 years)"};
  field(m, "horizon_days", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, horizon))
      time.horizon_days = *v;
  });
  field(m, "warmup_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative)) {
      time.warmup_days = *v;
      if (time.horizon_days > 0 && *v >= time.horizon_days)
        r.error(n, p,
                n.scalar + " is not below horizon_days (" + format_number(time.horizon_days) +
                    "); the warm-up must leave something to measure");
    }
  });
  field(m, "report_period", false, [&](const YamlNode &n, const std::string &p) {
    static const std::vector<std::string_view> names = {"week", "month", "quarter", "year"};
    static const double days[] = {model::days_per_week, model::days_per_month,
                                  model::days_per_year / 4, model::days_per_year};
    const char *expected = "a report period (week, month, quarter, year, or a number of days "
                           "from 1 up)";
    if (n.is_scalar())
      for (std::size_t i = 0; i < names.size(); ++i)
        if (n.scalar == names[i]) {
          time.report_period_days = days[i];
          time.report_period = n.scalar;
          return;
        }
    const bool numeric = n.is_scalar() && !n.scalar.empty() &&
                         (std::isdigit(static_cast<unsigned char>(n.scalar[0])) ||
                          n.scalar[0] == '.' || n.scalar[0] == '-' || n.scalar[0] == '+');
    if (numeric) {
      if (auto v = r.number(n, p, Range{1, L::max_horizon_days, false, false, expected})) {
        time.report_period_days = *v;
        time.report_period = n.scalar;
      }
      return;
    }
    std::string message =
        (n.is_scalar() ? "'" + n.scalar + "'" : n.describe()) + " is not " + expected;
    if (n.is_scalar())
      if (const auto guess = nearest(n.scalar, names))
        message += " (did you mean '" + std::string(*guess) + "'?)";
    r.error(n, p, message);
  });
}

// Replicate until precise enough: the goal, the metrics it watches (names only here: the
// catalogue is the analysis layer's, which checks them at the positions kept), and the bounds.
void read_precision(Reader &r, MapReader &m, model::RunParameters &run) {
  field(m, "precision", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p,
                          Range{0, 1, true, false,
                                "a relative half-width (more than 0, at most 1; 0.05 is 5 %)"}))
      run.precision = *v;
  });
  field(m, "precision_metrics", false, [&](const YamlNode &n, const std::string &p) {
    if (!n.is_sequence() || n.values.empty()) {
      r.error(n, p, "expected a non-empty list of metric names, got " + n.describe());
      return;
    }
    for (std::size_t i = 0; i < n.values.size(); ++i)
      if (auto name = r.text(n.values[i], item_path(p, i))) {
        r.remember(item_path(p, i), n.values[i]);
        run.precision_metrics.push_back(*name);
      }
  });
  const std::int64_t most = L::max_replications;
  field(m, "min_replications", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.whole(n, p, 2, most,
                         "a number of replications (a whole number from 2 to "
                         "100000)"))
      run.min_replications = static_cast<int>(*v);
  });
  field(m, "max_replications", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.whole(n, p, 2, most,
                         "a number of replications (a whole number from 2 to "
                         "100000)")) {
      run.max_replications = static_cast<int>(*v);
      if (run.max_replications < run.min_replications)
        r.error(n, p,
                n.scalar + " is below min_replications (" + std::to_string(run.min_replications) +
                    ")");
    }
  });
}

void read_run(Reader &r, const YamlNode &node, model::RunParameters &run) {
  MapReader m(r, node, "run");
  field(m, "replications", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.whole(n, p, 1, L::max_replications,
                         "a number of replications (a whole number from 1 to 100000)"))
      run.replications = static_cast<int>(*v);
  });
  field(m, "seed", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.seed(n, p))
      run.seed = *v;
  });
  field(m, "confidence", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, Range{0, 1, true, true, "a confidence level (between 0 and 1)"}))
      run.confidence = *v;
  });
  read_precision(r, m, run);
}

void read_role(Reader &r, const YamlNode &node, const std::string &path,
               model::RoleParameters &role) {
  MapReader m(r, node, path);
  field(m, "headcount", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v =
            r.whole(n, p, 0, L::max_headcount, "a headcount (a whole number from 0 to 100000)"))
      role.headcount = static_cast<int>(*v);
  });
  field(m, "hours_per_week", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::hours_per_week))
      role.hours_per_week = *v;
  });
  field(m, "cost_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative))
      role.cost_per_year = *v;
  });
  field(m, "ramp_up_weeks", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, Range{0, 520, false, false, "a number of weeks (0 to 520)"}))
      role.ramp_up_weeks = *v;
  });
  field(m, "attrition_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v =
            r.number(n, p, Range{0, 100, false, false, "a rate per person per year (0 to 100)"}))
      role.attrition_per_year = *v;
  });
  field(m, "backfill_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative))
      role.backfill_days = *v;
  });
}

std::vector<std::string_view> role_names() {
  std::vector<std::string_view> names;
  for (const model::Role role : model::all_roles)
    names.push_back(model::role_name(role));
  return names;
}

void read_staff(Reader &r, const YamlNode &node, Parameters &params) {
  MapReader m(r, node, "staff");
  for (const model::Role role : model::all_roles)
    field(m, model::role_name(role), true,
          [&](const YamlNode &n, const std::string &p) { read_role(r, n, p, params.staff[role]); });
  field(m, "changes", false, [&](const YamlNode &n, const std::string &p) {
    if (!n.is_sequence()) {
      r.error(n, p, "expected a list of {day, role, headcount}, got " + n.describe());
      return;
    }
    if (n.values.size() > L::max_changes) {
      r.error(n, p, "more than 10000 changes");
      return;
    }
    for (std::size_t i = 0; i < n.values.size(); ++i) {
      MapReader c(r, n.values[i], item_path(p, i));
      model::StaffChange change;
      bool ok = true;
      field(c, "day", true, [&](const YamlNode &v, const std::string &vp) {
        if (auto d = r.number(v, vp, ranges::non_negative)) {
          change.day = *d;
          if (params.time.horizon_days > 0 && *d > params.time.horizon_days) {
            r.error(v, vp,
                    "day " + v.scalar + " is beyond the horizon (" +
                        format_number(params.time.horizon_days) + " days)");
            ok = false;
          }
        } else {
          ok = false;
        }
      });
      field(c, "role", true, [&](const YamlNode &v, const std::string &vp) {
        if (auto k = r.choice(v, vp, role_names()))
          change.role = model::all_roles[*k];
        else
          ok = false;
      });
      field(c, "headcount", true, [&](const YamlNode &v, const std::string &vp) {
        if (auto h = r.whole(v, vp, 0, L::max_headcount,
                             "a headcount (a whole number from 0 to 100000)"))
          change.headcount = static_cast<int>(*h);
        else
          ok = false;
      });
      if (ok && c.ok())
        params.staff.changes.push_back(change);
    }
  });
}

// A change's day: >= 0; beyond the horizon it is kept (it never takes effect) and warned about.
std::optional<double> change_day(Reader &r, const YamlNode &v, const std::string &vp,
                                 const Parameters &params) {
  auto d = r.number(v, vp, ranges::non_negative);
  if (d && params.time.horizon_days > 0 && *d > params.time.horizon_days)
    r.warn(v, vp,
           "day " + v.scalar + " is beyond the horizon (" +
               format_number(params.time.horizon_days) + " days): this change never happens");
  return d;
}

// A list of changes: each entry read by `read_entry(map, path)`.
template <class ReadEntry>
void read_changes(Reader &r, const YamlNode &n, const std::string &p, const char *expected,
                  ReadEntry read_entry) {
  if (!n.is_sequence()) {
    r.error(n, p, std::string("expected a list of ") + expected + ", got " + n.describe());
    return;
  }
  if (n.values.size() > L::max_changes) {
    r.error(n, p, "more than 10000 changes");
    return;
  }
  for (std::size_t i = 0; i < n.values.size(); ++i) {
    MapReader c(r, n.values[i], item_path(p, i));
    if (c.ok())
      read_entry(c, n.values[i], item_path(p, i));
  }
}

void read_seasonality(Reader &r, const YamlNode &n, const std::string &p,
                      model::MarketParameters &market) {
  if (!n.is_sequence() || n.values.size() != 12) {
    r.error(n, p,
            "expected 12 monthly factors (January to December), got " +
                (n.is_sequence() ? std::to_string(n.values.size()) + " values" : n.describe()));
    return;
  }
  std::vector<double> factors;
  for (std::size_t i = 0; i < n.values.size(); ++i)
    if (auto f = r.number(n.values[i], item_path(p, i), ranges::factor))
      factors.push_back(*f);
  if (factors.size() == 12)
    market.seasonality = std::move(factors);
}

void read_market_changes(Reader &r, const YamlNode &n, const std::string &p, Parameters &params) {
  auto &market = params.market;
  read_changes(
      r, n, p, "{day, segment?, suspects_per_week | suspects_factor | qualification_pass}",
      [&](MapReader &c, const YamlNode &entry, const std::string &ep) {
        model::MarketChange change;
        bool ok = true;
        field(c, "day", true, [&](const YamlNode &v, const std::string &vp) {
          if (auto d = change_day(r, v, vp, params))
            change.day = *d;
          else
            ok = false;
        });
        field(c, "segment", false, [&](const YamlNode &v, const std::string &vp) {
          std::vector<std::string_view> names;
          for (const auto &s : market.segments)
            names.push_back(s.name);
          if (auto k = r.choice(v, vp, names))
            change.segment = *k;
          else
            ok = false;
        });
        field(c, "suspects_per_week", false, [&](const YamlNode &v, const std::string &vp) {
          if (auto x = r.number(v, vp,
                                Range{0, L::max_suspects_per_week, false, false,
                                      "a rate of suspects per week (0 to 100000)"}))
            change.suspects_per_week = *x;
          else
            ok = false;
        });
        field(c, "suspects_factor", false, [&](const YamlNode &v, const std::string &vp) {
          if (auto x = r.number(v, vp, ranges::factor))
            change.suspects_factor = *x;
          else
            ok = false;
        });
        field(c, "qualification_pass", false, [&](const YamlNode &v, const std::string &vp) {
          if (auto x = r.number(v, vp, ranges::probability))
            change.qualification_pass = *x;
          else
            ok = false;
        });
        if (ok && !change.suspects_per_week && !change.suspects_factor &&
            !change.qualification_pass) {
          r.error(entry, ep,
                  "changes nothing (expected suspects_per_week, suspects_factor or "
                  "qualification_pass)");
          ok = false;
        }
        if (ok)
          market.changes.push_back(change);
      });
}

void read_customer_changes(Reader &r, const YamlNode &n, const std::string &p, Parameters &params) {
  read_changes(r, n, p, "{day, churn_factor | intent_factor}",
               [&](MapReader &c, const YamlNode &entry, const std::string &ep) {
                 model::CustomerChange change;
                 bool ok = true;
                 field(c, "day", true, [&](const YamlNode &v, const std::string &vp) {
                   if (auto d = change_day(r, v, vp, params))
                     change.day = *d;
                   else
                     ok = false;
                 });
                 field(c, "churn_factor", false, [&](const YamlNode &v, const std::string &vp) {
                   if (auto x = r.number(v, vp, ranges::factor))
                     change.churn_factor = *x;
                   else
                     ok = false;
                 });
                 field(c, "intent_factor", false, [&](const YamlNode &v, const std::string &vp) {
                   if (auto x = r.number(v, vp, ranges::factor))
                     change.intent_factor = *x;
                   else
                     ok = false;
                 });
                 if (ok && !change.churn_factor && !change.intent_factor) {
                   r.error(entry, ep, "changes nothing (expected churn_factor or intent_factor)");
                   ok = false;
                 }
                 if (ok)
                   params.customers.changes.push_back(change);
               });
}

void read_segment(Reader &r, const YamlNode &node, const std::string &path,
                  model::Segment &segment) {
  MapReader m(r, node, path);
  field(m, "name", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.text(n, p))
      segment.name = *v;
  });
  field(m, "suspects_per_week", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p,
                          Range{0, L::max_suspects_per_week, false, false,
                                "a rate of suspects per week (0 to 100000)"}))
      segment.suspects_per_week = *v;
  });
  field(m, "qualification_pass", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::probability))
      segment.qualification_pass = *v;
  });
  field(m, "deal_value", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.distribution(n, p, Support::non_negative))
      segment.deal_value = *v;
  });
  field(m, "margin", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::share))
      segment.margin = *v;
  });
}

void read_market(Reader &r, const YamlNode &node, Parameters &params) {
  MapReader m(r, node, "market");
  auto &market = params.market;
  field(m, "segments", true, [&](const YamlNode &n, const std::string &p) {
    if (!n.is_sequence() || n.values.empty()) {
      r.error(n, p, "expected a list of at least one segment, got " + n.describe());
      return;
    }
    if (n.values.size() > L::max_segments) {
      r.error(n, p, "more than 1000 segments");
      return;
    }
    market.segments.resize(n.values.size());
    for (std::size_t i = 0; i < n.values.size(); ++i) {
      read_segment(r, n.values[i], item_path(p, i), market.segments[i]);
      for (std::size_t j = 0; j < i; ++j)
        if (!market.segments[i].name.empty() &&
            market.segments[j].name == market.segments[i].name) {
          const YamlNode *name = n.values[i].find("name");
          r.error(name ? *name : n.values[i], item_path(p, i) + ".name",
                  "'" + market.segments[i].name + "' names segment " + std::to_string(j) +
                      " already (each segment needs its own name)");
        }
    }
    double weekly = 0;
    for (const auto &s : market.segments)
      weekly += s.suspects_per_week;
    const double expected = weekly * params.time.horizon_days / model::days_per_week;
    if (expected > L::max_expected_suspects)
      r.error(n, p,
              "about " + format_number(expected) +
                  " suspects would arrive in one replication (all segments over the "
                  "horizon), more than the 50000000 salesfab takes; shorten the horizon or "
                  "lower suspects_per_week");
  });
  field(m, "qualification", true, [&](const YamlNode &n, const std::string &p) {
    MapReader q(r, n, p);
    field(q, "effort_hours", true, [&](const YamlNode &v, const std::string &vp) {
      if (auto d = r.distribution(v, vp, Support::non_negative))
        market.qualification.effort_hours = *d;
    });
    field(q, "patience_days", false, [&](const YamlNode &v, const std::string &vp) {
      if (auto d = r.number(v, vp, ranges::non_negative))
        market.qualification.patience_days = *d;
    });
    field(q, "pass_halflife_days", false, [&](const YamlNode &v, const std::string &vp) {
      if (auto d = r.number(v, vp, ranges::positive))
        market.qualification.pass_halflife_days = *d;
    });
  });
  field(m, "shortlist", true, [&](const YamlNode &n, const std::string &p) {
    MapReader s(r, n, p);
    field(s, "time_to_need_days", true, [&](const YamlNode &v, const std::string &vp) {
      if (auto d = r.distribution(v, vp, Support::non_negative))
        market.shortlist.time_to_need_days = *d;
    });
    field(s, "drift_per_year", false, [&](const YamlNode &v, const std::string &vp) {
      if (auto d = r.number(v, vp, ranges::non_negative))
        market.shortlist.drift_per_year = *d;
    });
  });
  field(m, "seasonality", false,
        [&](const YamlNode &n, const std::string &p) { read_seasonality(r, n, p, market); });
  field(m, "changes", false,
        [&](const YamlNode &n, const std::string &p) { read_market_changes(r, n, p, params); });
}

void read_stage(Reader &r, const YamlNode &node, const std::string &path, model::Stage &stage) {
  MapReader m(r, node, path);
  field(m, "name", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.text(n, p))
      stage.name = *v;
  });
  field(m, "effort_hours", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.distribution(n, p, Support::non_negative))
      stage.effort_hours = *v;
  });
  field(m, "duration_days", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.distribution(n, p, Support::non_negative))
      stage.duration_days = *v;
  });
  field(m, "conversion", true, [&](const YamlNode &n, const std::string &p) {
    if (n.is_map()) {
      MapReader c(r, n, p);
      field(c, "new", true, [&](const YamlNode &v, const std::string &vp) {
        if (auto x = r.number(v, vp, ranges::probability))
          stage.conversion_new = *x;
      });
      field(c, "existing", true, [&](const YamlNode &v, const std::string &vp) {
        if (auto x = r.number(v, vp, ranges::probability))
          stage.conversion_existing = *x;
      });
    } else if (auto x = r.number(n, p, ranges::probability)) {
      stage.conversion_new = stage.conversion_existing = *x;
    }
  });
  field(m, "conversion_halflife_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::positive))
      stage.conversion_halflife_days = *v;
  });
}

void read_funnel(Reader &r, const YamlNode &node, Parameters &params) {
  MapReader m(r, node, "funnel");
  auto &funnel = params.funnel;
  field(m, "stages", true, [&](const YamlNode &n, const std::string &p) {
    if (!n.is_sequence() || n.values.empty()) {
      r.error(n, p, "expected a list of at least one stage, got " + n.describe());
      return;
    }
    if (n.values.size() > L::max_stages) {
      r.error(n, p, "more than 100 stages");
      return;
    }
    funnel.stages.resize(n.values.size());
    for (std::size_t i = 0; i < n.values.size(); ++i) {
      read_stage(r, n.values[i], item_path(p, i), funnel.stages[i]);
      for (std::size_t j = 0; j < i; ++j)
        if (!funnel.stages[i].name.empty() && funnel.stages[j].name == funnel.stages[i].name) {
          const YamlNode *name = n.values[i].find("name");
          r.error(name ? *name : n.values[i], item_path(p, i) + ".name",
                  "'" + funnel.stages[i].name + "' names stage " + std::to_string(j) +
                      " already (each stage needs its own name)");
        }
    }
  });
  field(m, "existing_enter_stage", false, [&](const YamlNode &n, const std::string &p) {
    if (funnel.stages.empty())
      return; // the stages themselves are in error
    std::vector<std::string_view> names;
    for (const auto &s : funnel.stages)
      names.push_back(s.name);
    if (!n.is_scalar()) {
      r.error(n, p, "expected the name of a stage, got " + n.describe());
      return;
    }
    const auto it = std::find(names.begin(), names.end(), n.scalar);
    if (it == names.end()) {
      std::string message =
          "'" + n.scalar + "' is not a stage of the funnel (expected " + one_of(names) + ")";
      if (const auto guess = nearest(n.scalar, names))
        message += "; did you mean '" + std::string(*guess) + "'?";
      r.error(n, p, message);
      return;
    }
    funnel.existing_enter_stage = static_cast<std::size_t>(it - names.begin());
  });
  field(m, "lost_to_competitor", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::share))
      funnel.lost_to_competitor = *v;
  });
  field(m, "patience_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative))
      funnel.patience_days = *v;
  });
  field(m, "max_age_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::positive))
      funnel.max_age_days = *v;
  });
  field(m, "priority", false, [&](const YamlNode &n, const std::string &p) {
    if (auto i = r.choice(n, p, {"fifo", "closest_to_close", "highest_value"}))
      funnel.priority = static_cast<model::FunnelPriority>(*i);
  });
}

void read_customers(Reader &r, const YamlNode &node, Parameters &params) {
  MapReader m(r, node, "customers");
  auto &customers = params.customers;
  field(m, "initial", false, [&](const YamlNode &n, const std::string &p) {
    const Range count{0, static_cast<double>(L::max_initial), false, false,
                      "a number of customers (a whole number from 0 to 200000)"};
    if (auto v = r.per_class(n, p, count, /*whole=*/true))
      for (const model::CustomerClass c : model::all_classes)
        customers.initial[static_cast<std::size_t>(c)] = static_cast<int>((*v)[c]);
  });
  field(m, "classes", false, [&](const YamlNode &n, const std::string &p) {
    MapReader c(r, n, p);
    const YamlNode *a = c.optional("A");
    const YamlNode *b = c.optional("B");
    if (a)
      if (auto v = r.number(*a, c.path("A"), ranges::non_negative))
        customers.class_a_threshold = *v;
    if (b)
      if (auto v = r.number(*b, c.path("B"), ranges::non_negative))
        customers.class_b_threshold = *v;
    if (customers.class_a_threshold < customers.class_b_threshold)
      r.error(a ? *a : n, c.path("A"),
              format_number(customers.class_a_threshold) + " is below classes.B (" +
                  format_number(customers.class_b_threshold) +
                  "); an A customer must need at least the revenue of a B customer");
  });
  field(m, "intents", false, [&](const YamlNode &n, const std::string &p) {
    MapReader in(r, n, p);
    for (const model::Intent intent : model::all_intents)
      field(in, model::intent_name(intent), false, [&](const YamlNode &v, const std::string &vp) {
        auto &target = customers[intent];
        MapReader i(r, v, vp);
        field(i, "per_year", false, [&](const YamlNode &x, const std::string &xp) {
          const Range rate{0, L::max_intents_per_year, false, false,
                           "a rate per customer per year (0 to 1000)"};
          if (auto pc = r.per_class(x, xp, rate))
            target.per_year = *pc;
        });
        field(i, "value_factor", false, [&](const YamlNode &x, const std::string &xp) {
          if (auto f = r.number(x, xp, ranges::non_negative))
            target.value_factor = *f;
        });
        field(i, "margin_delta", false, [&](const YamlNode &x, const std::string &xp) {
          if (auto d = r.number(x, xp, Range{-1, 1, false, false, "a margin change (-1 to 1)"}))
            target.margin_delta = *d;
        });
      });
  });
  field(m, "churn_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.per_class(
            n, p,
            Range{0, L::max_intents_per_year, false, false, "a churn rate per year (0 to 1000)"}))
      customers.churn_per_year = *v;
  });
  field(m, "brickwalling", false, [&](const YamlNode &n, const std::string &p) {
    MapReader b(r, n, p);
    field(b, "hours_per_customer_per_month", true, [&](const YamlNode &v, const std::string &vp) {
      if (auto pc = r.per_class(
              v, vp, Range{0, 744, false, false, "hours per customer per month (0 to 744)"}))
        customers.brickwalling.hours_per_customer_per_month = *pc;
    });
    field(b, "effect", true, [&](const YamlNode &v, const std::string &vp) {
      if (auto e = r.number(v, vp, ranges::share))
        customers.brickwalling.effect = *e;
    });
    field(b, "priority", false, [&](const YamlNode &v, const std::string &vp) {
      if (auto i = r.choice(v, vp, {"abc", "proportional"}))
        customers.brickwalling.priority = static_cast<model::BrickwallPriority>(*i);
    });
  });
  field(m, "winback_after_days", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative))
      customers.winback_after_days = *v;
  });
  field(m, "changes", false,
        [&](const YamlNode &n, const std::string &p) { read_customer_changes(r, n, p, params); });
}

void read_targets(Reader &r, const YamlNode &node, model::TargetParameters &targets) {
  MapReader m(r, node, "targets");
  field(m, "revenue_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::positive))
      targets.revenue_per_year = *v;
  });
  field(m, "new_customers_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::positive))
      targets.new_customers_per_year = *v;
  });
  field(m, "max_churn_per_year", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.number(n, p, ranges::non_negative))
      targets.max_churn_per_year = *v;
  });
}

} // namespace

model::Parameters read_parameters(Reader &r, const YamlNode &root) {
  Parameters params;
  if (root.is_null()) {
    r.error(root, "",
            "the file is empty (expected a scenario: a map with name, time, staff, market and "
            "funnel)");
    return params;
  }
  if (!root.is_map()) {
    r.error(root, "",
            "expected a map at the top level (name: ..., time: ...), got " + root.describe());
    return params;
  }
  MapReader m(r, root, "");
  field(m, "name", true, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.name(n, p))
      params.name = *v;
  });
  field(m, "title", false, [&](const YamlNode &n, const std::string &p) {
    if (auto v = r.text(n, p, lengths::title))
      params.title = *v;
  });
  // time first: later checks (staff changes, expected suspects) need the horizon.
  field(m, "time", true,
        [&](const YamlNode &n, const std::string &) { read_time(r, n, params.time); });
  field(m, "run", false,
        [&](const YamlNode &n, const std::string &) { read_run(r, n, params.run); });
  field(m, "staff", true,
        [&](const YamlNode &n, const std::string &) { read_staff(r, n, params); });
  field(m, "market", true,
        [&](const YamlNode &n, const std::string &) { read_market(r, n, params); });
  field(m, "funnel", true,
        [&](const YamlNode &n, const std::string &) { read_funnel(r, n, params); });
  field(m, "customers", false,
        [&](const YamlNode &n, const std::string &) { read_customers(r, n, params); });
  field(m, "targets", false,
        [&](const YamlNode &n, const std::string &) { read_targets(r, n, params.targets); });
  m.optional("sweep"); // read apart, before this: known here so it is not reported as unknown
  return params;
}

} // namespace salesfab::scenario::detail
