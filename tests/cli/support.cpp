#include "cli/support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace salesfab::test {

namespace {

std::string quote(const std::string &arg) {
  std::string q = "'";
  for (const char c : arg) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

} // namespace

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string make_temp_dir() {
  const char *base = std::getenv("TMPDIR");
  std::string pattern = std::string(base ? base : "/tmp") + "/salesfab-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed");
  return pattern;
}

ProgramResult run_salesfab(const std::vector<std::string> &args) {
  const char *program = std::getenv("SALESFAB");
  if (program == nullptr)
    throw std::runtime_error("SALESFAB is not set (run the tests through ctest)");
  const std::string dir = make_temp_dir();
  std::string command = quote(program);
  for (const std::string &a : args)
    command += ' ' + quote(a);
  command += " </dev/null >" + quote(dir + "/out") + " 2>" + quote(dir + "/err");
  const int status = std::system(command.c_str());
  ProgramResult r;
  if (WIFEXITED(status))
    r.exit_status = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.exit_status = 128 + WTERMSIG(status);
  r.out = read_file(dir + "/out");
  r.err = read_file(dir + "/err");
  std::system(("rm -rf " + quote(dir)).c_str());
  return r;
}

} // namespace salesfab::test
