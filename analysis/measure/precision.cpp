#include "analysis/measure/precision.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace salesfab::analysis {

std::optional<double> relative_half_width(const Summary &s) {
  if (!s.mean || !s.ci_high || *s.mean == 0)
    return std::nullopt;
  return (*s.ci_high - *s.mean) / std::abs(*s.mean);
}

int look_ahead(int n) {
  return std::max(5, static_cast<int>(std::ceil(0.05 * static_cast<double>(n))));
}

PrecisionRule::PrecisionRule(PrecisionGoal goal, std::vector<std::string> names)
    : goal_(std::move(goal)), names_(std::move(names)), series_(names_.size()) {
  if (!(goal_.target > 0 && goal_.target <= 1) || goal_.min_replications < 2 ||
      goal_.max_replications < goal_.min_replications)
    throw std::invalid_argument("precision goal out of range");
}

bool PrecisionRule::precise_now() const {
  bool any = false;
  for (const RunningStats &s : series_) {
    const auto d = relative_half_width(s.summary(goal_.confidence));
    if (!d)
      continue; // not judged: mean 0, or no interval yet
    any = true;
    if (*d > goal_.target)
      return false;
  }
  return any || series_.empty();
}

bool PrecisionRule::add(std::span<const MetricValue> values) {
  if (stopped_)
    throw std::logic_error("PrecisionRule::add after it stopped");
  if (values.size() != series_.size())
    throw std::logic_error("PrecisionRule::add: one value per series");
  ++n_;
  for (std::size_t i = 0; i < values.size(); ++i)
    series_[i].add(values[i]);
  if (n_ >= goal_.min_replications) {
    if (!precise_now()) {
      candidate_.reset();
    } else {
      if (!candidate_)
        candidate_ = n_;
      if (n_ >= *candidate_ + look_ahead(*candidate_))
        return stopped_ = by_target_ = true;
    }
  }
  return stopped_ = n_ >= goal_.max_replications;
}

std::optional<double> PrecisionRule::worst() const {
  std::optional<double> worst;
  for (const RunningStats &s : series_)
    if (const auto d = relative_half_width(s.summary(goal_.confidence)))
      worst = std::max(worst.value_or(0.0), *d);
  return worst;
}

int PrecisionRule::estimate_remaining() const {
  if (stopped_)
    return 0;
  if (n_ < goal_.min_replications)
    return goal_.min_replications - n_ + look_ahead(goal_.min_replications);
  if (candidate_)
    return *candidate_ + look_ahead(*candidate_) - n_;
  const auto d = worst();
  double needed = static_cast<double>(n_) + 1;
  if (d && *d > goal_.target)
    needed = std::ceil(static_cast<double>(n_) * (*d / goal_.target) * (*d / goal_.target));
  const int total = static_cast<int>(std::min<double>(needed, goal_.max_replications));
  return std::max(1, std::min(goal_.max_replications, total + look_ahead(total)) - n_);
}

PrecisionReport PrecisionRule::report() const {
  PrecisionReport r;
  r.target = goal_.target;
  r.replications = n_;
  r.stopped_by_target = by_target_;
  for (std::size_t i = 0; i < series_.size(); ++i) {
    WatchedPrecision w;
    w.name = names_[i];
    w.reached = relative_half_width(series_[i].summary(goal_.confidence));
    w.judged = w.reached.has_value();
    r.watched.push_back(std::move(w));
  }
  return r;
}

} // namespace salesfab::analysis
