#include "mpi/session.hpp"

#include "experiment/cluster.hpp"
#include "mpi/mpi_cluster.hpp"

#include <mpi.h>

namespace salesfab::mpi {

Session::Session(int &argc, char **&argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (size_ > 1) {
    cluster_ = std::make_unique<MpiCluster>(rank_, size_);
    experiment::set_cluster(cluster_.get());
  }
}

Session::~Session() {
  experiment::set_cluster(nullptr);
  if (cluster_ && cluster_->lost())
    MPI_Abort(MPI_COMM_WORLD, 1); // a rank is gone: finalizing would wait for it forever
  MPI_Finalize();
}

int Session::rank() const { return rank_; }

int Session::size() const { return size_; }

} // namespace salesfab::mpi
