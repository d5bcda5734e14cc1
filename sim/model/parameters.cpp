#include "model/parameters.hpp"

#include <cmath>

namespace salesfab::model {

double decay_factor(double wait_days, const std::optional<double> &halflife_days) {
  if (!halflife_days || wait_days <= 0)
    return 1.0;
  return std::exp2(-wait_days / *halflife_days);
}

std::string_view class_name(CustomerClass c) {
  switch (c) {
  case CustomerClass::A:
    return "A";
  case CustomerClass::B:
    return "B";
  case CustomerClass::C:
    return "C";
  }
  return "?";
}

std::string_view intent_name(Intent intent) {
  switch (intent) {
  case Intent::rebuy:
    return "rebuy";
  case Intent::deep_selling:
    return "deep_selling";
  case Intent::up_selling:
    return "up_selling";
  case Intent::cross_selling:
    return "cross_selling";
  }
  return "?";
}

std::string_view source_name(Source source) {
  switch (source) {
  case Source::new_business:
    return "new";
  case Source::rebuy:
    return "rebuy";
  case Source::deep_selling:
    return "deep_selling";
  case Source::up_selling:
    return "up_selling";
  case Source::cross_selling:
    return "cross_selling";
  }
  return "?";
}

std::string_view priority_name(FunnelPriority p) {
  switch (p) {
  case FunnelPriority::fifo:
    return "fifo";
  case FunnelPriority::closest_to_close:
    return "closest_to_close";
  case FunnelPriority::highest_value:
    return "highest_value";
  }
  return "?";
}

std::string_view priority_name(BrickwallPriority p) {
  switch (p) {
  case BrickwallPriority::abc:
    return "abc";
  case BrickwallPriority::proportional:
    return "proportional";
  }
  return "?";
}

} // namespace salesfab::model
