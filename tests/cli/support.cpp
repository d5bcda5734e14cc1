#include "cli/support.hpp"

#include <cctype>
#include <csignal>
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
  return run_salesfab_env({}, args);
}

ProgramResult run_salesfab_env(const std::vector<std::string> &env,
                               const std::vector<std::string> &args) {
  const char *program = std::getenv("SALESFAB");
  if (program == nullptr)
    throw std::runtime_error("SALESFAB is not set (run the tests through ctest)");
  const std::string dir = make_temp_dir();
  std::string command;
  if (!env.empty()) {
    command = "env";
    for (const std::string &e : env)
      command += ' ' + quote(e);
    command += ' ';
  }
  command += quote(program);
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

Background start_salesfab(const std::vector<std::string> &args) {
  const char *program = std::getenv("SALESFAB");
  if (program == nullptr)
    throw std::runtime_error("SALESFAB is not set (run the tests through ctest)");
  const std::string dir = make_temp_dir();
  Background b{-1, dir + "/out", dir + "/err"};
  const pid_t pid = fork();
  if (pid < 0)
    throw std::runtime_error("fork failed");
  if (pid == 0) {
    std::freopen("/dev/null", "r", stdin);
    std::freopen(b.out_path.c_str(), "w", stdout);
    std::freopen(b.err_path.c_str(), "w", stderr);
    std::vector<char *> argv{const_cast<char *>(program)};
    for (const auto &a : args)
      argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    execv(program, argv.data());
    _exit(127);
  }
  b.pid = pid;
  return b;
}

void send_signal(const Background &b, int signal) { ::kill(b.pid, signal); }

ProgramResult wait_for(const Background &b) {
  int status = 0;
  waitpid(b.pid, &status, 0);
  ProgramResult r;
  if (WIFEXITED(status))
    r.exit_status = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.exit_status = 128 + WTERMSIG(status);
  r.out = read_file(b.out_path);
  r.err = read_file(b.err_path);
  return r;
}

namespace {
// A recursive-descent JSON checker: value = object | array | string | number | literal.
struct JsonChecker {
  const std::string &s;
  std::size_t i = 0;
  void space() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
  }
  bool literal(const char *word) {
    const std::string w(word);
    if (s.compare(i, w.size(), w) != 0)
      return false;
    i += w.size();
    return true;
  }
  bool string() {
    if (i >= s.size() || s[i] != '"')
      return false;
    for (++i; i < s.size(); ++i) {
      if (s[i] == '"') {
        ++i;
        return true;
      }
      if (static_cast<unsigned char>(s[i]) < 0x20)
        return false;
      if (s[i] == '\\')
        ++i;
    }
    return false;
  }
  bool number() {
    const std::size_t start = i;
    if (i < s.size() && s[i] == '-')
      ++i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' ||
                            s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-'))
      ++i;
    return i > start && std::isdigit(static_cast<unsigned char>(s[i - 1]));
  }
  bool value() {
    space();
    if (i >= s.size())
      return false;
    bool ok;
    if (s[i] == '{') {
      ++i;
      space();
      ok = true;
      if (i < s.size() && s[i] == '}') {
        ++i;
      } else {
        for (;;) {
          space();
          if (!string())
            return false;
          space();
          if (i >= s.size() || s[i++] != ':')
            return false;
          if (!value())
            return false;
          space();
          if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
          }
          if (i < s.size() && s[i] == '}') {
            ++i;
            break;
          }
          return false;
        }
      }
    } else if (s[i] == '[') {
      ++i;
      space();
      ok = true;
      if (i < s.size() && s[i] == ']') {
        ++i;
      } else {
        for (;;) {
          if (!value())
            return false;
          space();
          if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
          }
          if (i < s.size() && s[i] == ']') {
            ++i;
            break;
          }
          return false;
        }
      }
    } else if (s[i] == '"') {
      ok = string();
    } else if (s[i] == 't' || s[i] == 'f' || s[i] == 'n') {
      ok = literal("true") || literal("false") || literal("null");
    } else {
      ok = number();
    }
    space();
    return ok;
  }
};
} // namespace

bool is_json(const std::string &text) {
  JsonChecker c{text};
  return c.value() && c.i == text.size();
}

} // namespace salesfab::test
