#include "experiment/cluster.hpp"

namespace salesfab::experiment {

namespace {
Cluster *current = nullptr;
} // namespace

Cluster *cluster() { return current; }

void set_cluster(Cluster *c) { current = c; }

} // namespace salesfab::experiment
