#pragma once
// The ranks of an MPI job as the experiment layer's Cluster. Rank 0 runs the experiment; its
// distributor keeps the job list of each extend(): its own threads take replications one at a
// time, and every other rank, whenever it asks, gets the next block of them (a rank that finishes
// early simply asks again), simulates it on its threads and sends the values back.

#include "experiment/cluster.hpp"

#include <memory>
#include <vector>

namespace salesfab::mpi {

/// The ranks of MPI_COMM_WORLD.
class MpiCluster : public experiment::Cluster {
public:
  MpiCluster(int rank, int size);
  ~MpiCluster() override;
  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return size_; }
  experiment::Distributor &
  distributor(const std::vector<experiment::VariantSpec> &variants) override;
  void release() override;
  void serve(const std::vector<experiment::VariantSpec> &variants,
             const experiment::Options &options) override;
  /// True when a rank stopped answering: the job must be aborted, not finalized.
  [[nodiscard]] bool lost() const;

private:
  class Coordinator;
  int rank_;
  int size_;
  std::unique_ptr<Coordinator> coordinator_;
};

} // namespace salesfab::mpi
