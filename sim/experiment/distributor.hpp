#pragma once
// Where the replications of a Replicator run. By default on this process's worker threads; a
// distributor may spread them over other processes too (sim/mpi: the ranks of an MPI job), which
// send back each replication's values. Either way every replication lands in its own slot, so
// where it ran never shows in the results.

#include "analysis/measure/result.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <span>

namespace salesfab::experiment {

/// One replication to run: a variant and a replication index.
struct Job {
  std::size_t variant = 0;
  std::uint64_t replication = 0;
};

/// Runs the jobs of a Replicator's extend() somewhere.
class Distributor {
public:
  virtual ~Distributor() = default;

  /// What a distributor calls back; every function may be called from any thread.
  struct Sink {
    std::function<bool()> halted;             ///< true: hand out no more work
    std::function<void(std::size_t)> compute; ///< runs jobs[j] on the calling thread
    std::function<void(std::size_t, analysis::Replication)> deliver; ///< jobs[j], run elsewhere
    std::function<void(std::size_t, std::exception_ptr)> fail;       ///< jobs[j] failed elsewhere
  };

  /// Runs the jobs, `threads` of them at a time on this process (through `sink.compute`), others
  /// wherever it likes; returns when every job was computed, delivered or failed — or, once
  /// `sink.halted()`, when none is under way any more.
  virtual void run(std::span<const Job> jobs, int threads, const Sink &sink) = 0;
};

} // namespace salesfab::experiment
