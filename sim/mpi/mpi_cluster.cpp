#include "mpi/mpi_cluster.hpp"

#include "model/factory.hpp"
#include "mpi/wire.hpp"

#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace salesfab::mpi {

namespace {

constexpr int tag_work = 1; // rank 0 -> a rank: a block of jobs; none: the run is over
constexpr int tag_done = 2; // a rank -> rank 0: its threads, the last block's outcomes

// What became of one job on another rank.
enum Status : std::uint64_t { ok = 0, runaway = 1, failed = 2, interrupted = 3 };

// How long rank 0 waits, once stopped, for a rank to bring back its block: longer, and the rank
// is taken for lost (it died, or hangs) and the job is aborted.
constexpr auto grace = std::chrono::seconds(30);

// Waits for a message with `tag` from `source` (any: MPI_ANY_SOURCE) without spinning a core:
// Open MPI's blocking receive polls at full speed, which would take a core from the simulation.
// Empty when `deadline` passed first.
std::optional<MPI_Status>
wait_for(int source, int tag,
         std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt) {
  for (;;) {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(source, tag, MPI_COMM_WORLD, &flag, &status);
    if (flag != 0)
      return status;
    if (deadline && std::chrono::steady_clock::now() > *deadline)
      return std::nullopt;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
}

std::vector<char> receive(const MPI_Status &status) {
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  std::vector<char> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return bytes;
}

void send(const std::vector<char> &bytes, int rank, int tag) {
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, rank, tag, MPI_COMM_WORLD);
}

} // namespace

// Rank 0's side: hands out blocks and takes the values back.
class MpiCluster::Coordinator : public experiment::Distributor {
public:
  explicit Coordinator(int size) : ranks_(static_cast<std::size_t>(size)) {}

  void run(std::span<const experiment::Job> jobs, int threads, const Sink &sink) override {
    std::atomic<std::size_t> next{0};
    {
      std::vector<std::jthread> pool;
      for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
          for (std::size_t j; !sink.halted() && (j = next.fetch_add(1)) < jobs.size();)
            sink.compute(j);
        });
      coordinate(jobs, next, sink);
    }
  }

  // Every rank that asks for work hears that the run is over.
  void release() {
    if (released_)
      return;
    released_ = true;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    for (std::size_t r = 1; r < ranks_.size(); ++r) {
      while (!ranks_[r].idle && !ranks_[r].lost) {
        const auto status = wait_for(static_cast<int>(r), tag_done, deadline);
        if (!status) {
          ranks_[r].lost = true;
          break;
        }
        take(*status, {}, nullptr);
      }
      if (!ranks_[r].lost) {
        Writer end;
        end.u64(0);
        send(end.bytes(), static_cast<int>(r), tag_work);
      }
    }
  }

  [[nodiscard]] bool lost() const {
    return std::any_of(ranks_.begin(), ranks_.end(), [](const Rank &r) { return r.lost; });
  }

private:
  struct Rank {
    bool idle = false; // asked for work and got none yet
    bool lost = false;
    std::uint64_t threads = 1;
    std::vector<std::size_t> block; // the jobs it holds
  };

  void coordinate(std::span<const experiment::Job> jobs, std::atomic<std::size_t> &next,
                  const Sink &sink) {
    std::optional<std::chrono::steady_clock::time_point> deadline;
    for (;;) {
      if (!sink.halted())
        hand_out(jobs, next);
      else if (!deadline)
        deadline = std::chrono::steady_clock::now() + grace;
      const bool out = std::any_of(ranks_.begin() + 1, ranks_.end(),
                                   [](const Rank &r) { return !r.idle && !r.lost; });
      if (!out && (next.load() >= jobs.size() || sink.halted()))
        return;
      const auto status = wait_for(MPI_ANY_SOURCE, tag_done, deadline);
      if (!status) { // stopped, and a rank never brought its block back
        for (auto &r : ranks_)
          r.lost = r.lost || !r.idle;
        return;
      }
      take(*status, jobs, &sink);
    }
  }

  // Gives each idle rank its next block: a quarter of a fair share of what is left, at least one
  // job per thread of that rank and at most 16 (a block of several replications hides the round
  // trip), so blocks shrink towards the end and the ranks finish together.
  void hand_out(std::span<const experiment::Job> jobs, std::atomic<std::size_t> &next) {
    for (std::size_t r = 1; r < ranks_.size(); ++r) {
      Rank &rank = ranks_[r];
      if (!rank.idle || rank.lost)
        continue;
      const std::size_t at = next.load();
      if (at >= jobs.size())
        return;
      const std::size_t fair = (jobs.size() - at + 4 * ranks_.size() - 1) / (4 * ranks_.size());
      const std::size_t size = std::clamp<std::size_t>(fair, rank.threads, 16 * rank.threads);
      const std::size_t from = next.fetch_add(size);
      const std::size_t to = std::min(from + size, jobs.size());
      if (from >= to)
        return;
      Writer block;
      block.u64(to - from);
      rank.block.clear();
      for (std::size_t j = from; j < to; ++j) {
        block.u64(jobs[j].variant);
        block.u64(jobs[j].replication);
        rank.block.push_back(j);
      }
      send(block.bytes(), static_cast<int>(r), tag_work);
      rank.idle = false;
    }
  }

  // A rank's message: the outcomes of the block it held (none the first time); it is idle now.
  void take(const MPI_Status &status, std::span<const experiment::Job> jobs, const Sink *sink) {
    const std::vector<char> bytes = receive(status);
    Rank &rank = ranks_.at(static_cast<std::size_t>(status.MPI_SOURCE));
    Reader in(bytes);
    rank.threads = std::max<std::uint64_t>(in.u64(), 1);
    const std::uint64_t n = in.u64();
    for (std::uint64_t i = 0; i < n; ++i) {
      const auto outcome = static_cast<Status>(in.u64());
      const std::size_t j = rank.block.at(static_cast<std::size_t>(i));
      if (outcome == ok) {
        auto replication = in.replication();
        if (sink != nullptr && j < jobs.size())
          sink->deliver(j, std::move(replication));
      } else if (outcome == runaway || outcome == failed) {
        const std::string what = in.text();
        if (sink != nullptr && j < jobs.size())
          sink->fail(j, outcome == runaway
                            ? std::make_exception_ptr(model::RunawayError(what))
                            : std::make_exception_ptr(std::runtime_error(
                                  "rank " + std::to_string(status.MPI_SOURCE) + ": " + what)));
      }
    }
    rank.block.clear();
    rank.idle = true;
  }

  std::vector<Rank> ranks_;
  bool released_ = false;
};

MpiCluster::MpiCluster(int rank, int size) : rank_(rank), size_(size) {
  if (rank_ == 0)
    coordinator_ = std::make_unique<Coordinator>(size_);
}

MpiCluster::~MpiCluster() = default;

experiment::Distributor &
MpiCluster::distributor(const std::vector<experiment::VariantSpec> & /*variants*/) {
  if (!coordinator_)
    throw std::logic_error("only rank 0 distributes");
  return *coordinator_;
}

void MpiCluster::release() {
  if (coordinator_)
    coordinator_->release();
}

bool MpiCluster::lost() const { return coordinator_ && coordinator_->lost(); }

namespace {

// One block on this rank's threads: each job's outcome, written in the block's order.
std::vector<char> simulate_block(Reader &in, const std::vector<experiment::VariantSpec> &variants,
                                 const experiment::Options &options, std::uint64_t threads,
                                 std::uint64_t n) {
  std::vector<experiment::Job> jobs(static_cast<std::size_t>(n));
  for (auto &job : jobs) {
    job.variant = static_cast<std::size_t>(in.u64());
    job.replication = in.u64();
  }
  std::vector<std::optional<analysis::Replication>> values(jobs.size());
  std::vector<std::pair<Status, std::string>> outcomes(jobs.size(), {interrupted, ""});
  model::RunLimits limits = options.limits;
  limits.stop = options.stop;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t j; (j = next.fetch_add(1)) < jobs.size();) {
      try {
        values[j] =
            experiment::replicate(variants.at(jobs[j].variant), jobs[j].replication, limits);
        outcomes[j].first = ok;
      } catch (const model::Interrupted &) {
        // left not done
      } catch (const model::RunawayError &e) {
        outcomes[j] = {runaway, e.what()};
      } catch (const std::exception &e) {
        outcomes[j] = {failed, e.what()};
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (std::uint64_t t = 1; t < std::min<std::uint64_t>(threads, n); ++t)
      pool.emplace_back(work);
    work();
  }
  Writer out;
  out.u64(threads);
  out.u64(n);
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    out.u64(outcomes[j].first);
    if (outcomes[j].first == ok)
      out.replication(*values[j]);
    else if (outcomes[j].first != interrupted)
      out.text(outcomes[j].second);
  }
  return out.bytes();
}

} // namespace

void MpiCluster::serve(const std::vector<experiment::VariantSpec> &variants,
                       const experiment::Options &options) {
  const auto threads =
      static_cast<std::uint64_t>(experiment::effective_threads(options.threads, SIZE_MAX));
  Writer hello; // the first request for work
  hello.u64(threads);
  hello.u64(0);
  send(hello.bytes(), 0, tag_done);
  for (;;) {
    const std::vector<char> bytes = receive(*wait_for(0, tag_work));
    Reader in(bytes);
    const std::uint64_t n = in.u64();
    if (n == 0)
      return; // the run is over
    send(simulate_block(in, variants, options, threads, n), 0, tag_done);
  }
}

} // namespace salesfab::mpi
