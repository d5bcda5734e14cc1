#pragma once
// Least-squares trends, for the direction (richting) metrics.

#include <optional>
#include <vector>

namespace salesfab::analysis {

/// The least-squares slope of y against x (Eigen's QR); empty with fewer than two distinct x.
std::optional<double> least_squares_slope(const std::vector<double> &x,
                                          const std::vector<double> &y);

} // namespace salesfab::analysis
