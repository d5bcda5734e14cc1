#pragma once
// How a replication's values travel between ranks: a flat little byte buffer of whole numbers
// and doubles, copied bit for bit (the ranks of one job share one architecture), so a replication
// computed on another rank is the very same as one computed on rank 0.

#include "analysis/measure/result.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace salesfab::mpi {

/// A buffer being written.
class Writer {
public:
  void u64(std::uint64_t x) { raw(&x, sizeof x); }
  void f64(double x) { raw(&x, sizeof x); }
  void value(const analysis::MetricValue &x) {
    u64(x ? 1 : 0);
    f64(x.value_or(0.0));
  }
  void text(const std::string &s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  void replication(const analysis::Replication &r);
  [[nodiscard]] const std::vector<char> &bytes() const { return bytes_; }

private:
  void raw(const void *p, std::size_t n) {
    const std::size_t at = bytes_.size();
    bytes_.resize(at + n); // (insert from a pointer range makes g++ 12 warn falsely)
    if (n > 0)
      std::memcpy(bytes_.data() + at, p, n);
  }
  std::vector<char> bytes_;
};

/// A buffer being read; throws std::runtime_error past its end.
class Reader {
public:
  explicit Reader(const std::vector<char> &bytes) : bytes_(bytes) {}
  std::uint64_t u64() {
    std::uint64_t x = 0;
    raw(&x, sizeof x);
    return x;
  }
  double f64() {
    double x = 0;
    raw(&x, sizeof x);
    return x;
  }
  analysis::MetricValue value() {
    const bool has = u64() != 0;
    const double x = f64();
    return has ? analysis::MetricValue(x) : std::nullopt;
  }
  std::string text() {
    std::string s(static_cast<std::size_t>(u64()), '\0');
    raw(s.data(), s.size());
    return s;
  }
  analysis::Replication replication();

private:
  void raw(void *p, std::size_t n) {
    if (at_ + n > bytes_.size())
      throw std::runtime_error("a message from another rank ends early");
    std::memcpy(p, bytes_.data() + at_, n);
    at_ += n;
  }
  const std::vector<char> &bytes_;
  std::size_t at_ = 0;
};

} // namespace salesfab::mpi
