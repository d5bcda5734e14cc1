#pragma once
// The processes one experiment may spread over: the ranks of an MPI job (sim/mpi, built with
// -DSALESFAB_MPI=ON), or this process alone. Rank 0 runs the experiment as ever, with a
// distributor that hands (variant, replication) blocks to the other ranks as they ask for work;
// the other ranks only serve: they simulate the blocks they are handed and send the values back.
// The experiment layer knows this interface only, so a build without MPI has no MPI in it.

#include "experiment/distributor.hpp"
#include "experiment/experiment.hpp"

#include <vector>

namespace salesfab::experiment {

/// The processes of a run.
class Cluster {
public:
  virtual ~Cluster() = default;
  /// This process's rank, from 0.
  [[nodiscard]] virtual int rank() const = 0;
  /// How many processes there are.
  [[nodiscard]] virtual int size() const = 0;
  /// Rank 0: the distributor that spreads an experiment of these variants over every rank.
  virtual Distributor &distributor(const std::vector<VariantSpec> &variants) = 0;
  /// Rank 0: tells the other ranks that the run is over (also after an error); once.
  virtual void release() = 0;
  /// The other ranks: simulate what rank 0 hands out, with `options`' threads, limits and stop,
  /// until it says the run is over.
  virtual void serve(const std::vector<VariantSpec> &variants, const Options &options) = 0;
};

/// The cluster this process is part of; nullptr when it runs alone.
Cluster *cluster();
/// Sets it (main, when started by mpirun); nullptr: alone.
void set_cluster(Cluster *c);

} // namespace salesfab::experiment
