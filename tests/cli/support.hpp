#pragma once
// Runs the real salesfab program (path in $SALESFAB, set by ctest) and captures what it says.

#include <string>
#include <vector>

namespace salesfab::test {

/// What one run of the program did.
struct ProgramResult {
  int exit_status = -1; ///< the exit status, or 128 + signal when killed
  std::string out;      ///< standard output
  std::string err;      ///< standard error
};

/// Runs `salesfab ARGS...` from the project's root (ctest's working directory).
ProgramResult run_salesfab(const std::vector<std::string> &args);

/// Reads a whole file; throws when it cannot.
std::string read_file(const std::string &path);

/// A fresh empty directory under the system's temporary directory.
std::string make_temp_dir();

} // namespace salesfab::test
