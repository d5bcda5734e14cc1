#include "analysis/measure/optimization.hpp"

namespace salesfab::analysis {

std::string_view design_status_name(DesignStatus s) {
  switch (s) {
  case DesignStatus::chosen:
    return "chosen";
  case DesignStatus::equally_good:
    return "equally good";
  case DesignStatus::dominated:
    return "dominated";
  case DesignStatus::infeasible:
    return "infeasible";
  case DesignStatus::screened:
    return "screened out";
  case DesignStatus::runaway:
    return "runaway";
  }
  return "?";
}

std::size_t Optimization::replications() const {
  std::size_t n = 0;
  for (const auto &d : designs)
    n += d.result.replications.size();
  return n;
}

std::size_t Optimization::screened() const {
  std::size_t n = 0;
  for (const auto &d : designs)
    n += d.status == DesignStatus::screened ? 1 : 0;
  return n;
}

} // namespace salesfab::analysis
