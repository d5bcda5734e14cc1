#pragma once
// The MPI side of salesfab (built with -DSALESFAB_MPI=ON): joins the MPI job when the program
// was started by mpirun and makes its ranks the experiment layer's Cluster; leaves it at the end.

#include <memory>

namespace salesfab::mpi {

class MpiCluster;

/// MPI for the program's lifetime: MPI_Init_thread on construction (funneled: only the main
/// thread calls MPI), the cluster set when there is more than one rank, MPI_Finalize at the end.
class Session {
public:
  Session(int &argc, char **&argv);
  ~Session();
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  /// This process's rank and the number of ranks.
  [[nodiscard]] int rank() const;
  [[nodiscard]] int size() const;

private:
  std::unique_ptr<MpiCluster> cluster_;
  int rank_ = 0;
  int size_ = 1;
};

} // namespace salesfab::mpi
