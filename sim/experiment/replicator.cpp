#include "experiment/replicator.hpp"

#include <algorithm>
#include <string>
#include <thread>

namespace salesfab::experiment {

Replicator::Replicator(const std::vector<VariantSpec> &variants, const Options &options)
    : variants_(variants), options_(options), slots_(variants.size()), errors_(variants.size()),
      failed_variant_(variants.size()), remaining_(variants.size()) {
  limits_ = options.limits;
  limits_.stop = options.stop;
}

bool Replicator::halted() const {
  return (!isolate_ && failed_.load()) || (options_.stop != nullptr && options_.stop->load());
}

void Replicator::extend(std::span<const std::size_t> counts,
                        const std::function<void(std::size_t)> &variant_done,
                        std::span<const std::size_t> first) {
  std::vector<Job> jobs;
  for (std::size_t v = 0; v < variants_.size() && v < counts.size(); ++v) {
    if (failed_variant_[v].load())
      continue;
    if (slots_[v].size() < counts[v]) {
      slots_[v].resize(counts[v]);
      errors_[v].resize(counts[v]);
    }
    std::size_t missing = 0;
    for (std::uint64_t r = v < first.size() ? first[v] : 0; r < counts[v]; ++r)
      if (!slots_[v][r]) {
        jobs.push_back(Job{v, r});
        ++missing;
      }
    remaining_[v] = missing;
  }
  next_ = 0;
  const int threads = effective_threads(options_.threads, jobs.size());
  threads_ = std::max(threads_, threads);
  if (options_.distributor != nullptr) {
    distribute(jobs, threads, variant_done);
  } else if (threads == 1) {
    work(jobs, variant_done);
  } else {
    std::vector<std::jthread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&] { work(jobs, variant_done); });
  }
}

void Replicator::work(const std::vector<Job> &jobs,
                      const std::function<void(std::size_t)> &variant_done) {
  for (;;) {
    if (halted())
      return;
    const std::size_t j = next_.fetch_add(1);
    if (j >= jobs.size())
      return;
    const Job &job = jobs[j];
    if (failed_variant_[job.variant].load())
      continue;
    try {
      compute(job, variant_done);
    } catch (const model::Interrupted &) {
      return; // left not done
    } catch (...) {
      fail(job, std::current_exception());
    }
  }
}

void Replicator::distribute(const std::vector<Job> &jobs, int threads,
                            const std::function<void(std::size_t)> &variant_done) {
  Distributor::Sink sink;
  sink.halted = [this] { return halted(); };
  sink.compute = [&](std::size_t j) {
    if (halted() || failed_variant_[jobs[j].variant].load())
      return;
    try {
      compute(jobs[j], variant_done);
    } catch (const model::Interrupted &) {
      // left not done
    } catch (...) {
      fail(jobs[j], std::current_exception());
    }
  };
  sink.deliver = [&](std::size_t j, analysis::Replication replication) {
    store(jobs[j], std::move(replication), variant_done);
  };
  sink.fail = [&](std::size_t j, std::exception_ptr error) { fail(jobs[j], std::move(error)); };
  options_.distributor->run(jobs, threads, sink);
}

// A runaway names its variant and replication, wherever it ran.
void Replicator::fail(const Job &job, std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const model::RunawayError &e) {
    error = std::make_exception_ptr(
        model::RunawayError(variants_[job.variant].variant + ", replication " +
                            std::to_string(job.replication) + ": " + e.what()));
  } catch (...) {
  }
  const std::lock_guard lock(mutex_);
  errors_[job.variant][job.replication] = std::move(error);
  failed_variant_[job.variant].store(true);
  failed_.store(true);
}

analysis::Replication replicate(const VariantSpec &variant, std::uint64_t replication,
                                const model::RunLimits &limits, bool keep_record) {
  const model::Parameters &params = variant.parameters;
  return analysis::measure(model::simulate(params, replication, nullptr, limits), params,
                           replication, keep_record);
}

void Replicator::compute(const Job &job, const std::function<void(std::size_t)> &variant_done) {
  store(job, replicate(variants_[job.variant], job.replication, limits_, options_.keep_records),
        variant_done);
}

void Replicator::store(const Job &job, analysis::Replication replication,
                       const std::function<void(std::size_t)> &variant_done) {
  slots_[job.variant][job.replication] = std::move(replication);
  const std::size_t done = finished_.fetch_add(1) + 1;
  // The last replication of a variant in this call tells: the atomic orders the others' writes.
  const bool complete = remaining_[job.variant].fetch_sub(1) == 1;
  if (!options_.progress && !(complete && variant_done))
    return;
  const std::lock_guard lock(mutex_);
  if (complete && variant_done)
    variant_done(job.variant);
  if (options_.progress) {
    Progress p;
    p.done = done;
    p.total = std::max(done, total_);
    p.precision = worst_;
    p.target = target_;
    options_.progress(p);
  }
}

std::exception_ptr Replicator::error(std::size_t v) const {
  for (const auto &e : errors_[v])
    if (e)
      return e;
  return nullptr;
}

std::exception_ptr Replicator::first_error() const {
  for (std::size_t v = 0; v < errors_.size(); ++v)
    if (auto e = error(v))
      return e;
  return nullptr;
}

bool Replicator::has(std::size_t v, std::size_t r) const {
  return r < slots_[v].size() && slots_[v][r].has_value();
}

std::size_t Replicator::count(std::size_t v) const {
  std::size_t n = 0;
  while (has(v, n))
    ++n;
  return n;
}

const analysis::Replication &Replicator::at(std::size_t v, std::size_t r) const {
  return *slots_[v][r];
}

analysis::VariantResult Replicator::take(std::size_t v, std::size_t n) {
  const VariantSpec &s = variants_[v];
  auto result = analysis::VariantResult::planned(s.scenario, s.variant, s.parameters);
  for (std::size_t r = 0; r < n && r < slots_[v].size(); ++r)
    if (slots_[v][r])
      result.replications.push_back(std::move(*slots_[v][r]));
  slots_[v].clear();
  result.summarize();
  return result;
}

analysis::VariantResult Replicator::result(std::size_t v, std::size_t n) const {
  const VariantSpec &s = variants_[v];
  auto result = analysis::VariantResult::planned(s.scenario, s.variant, s.parameters);
  for (std::size_t r = 0; r < n && r < slots_[v].size(); ++r)
    if (slots_[v][r])
      result.replications.push_back(*slots_[v][r]);
  result.summarize();
  return result;
}

} // namespace salesfab::experiment
