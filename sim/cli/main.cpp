// salesfab: the program. Finds the subcommand, hands it the rest of the command line, and maps
// every error to the exit status of the command-line contract.

#include "cli/command.hpp"
#include "experiment/cluster.hpp"
#include "scenario/diagnostic.hpp"

#include <boost/program_options.hpp>

#ifdef SALESFAB_MPI
#include "mpi/session.hpp"
#endif

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace po = boost::program_options;
using namespace salesfab::cli;

namespace {

void print_help(std::ostream &out) { out << program_help(); }

int run(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(std::cerr);
    return exit_invalid;
  }
  if (!args[0].empty() && args[0][0] == '-') {
    po::options_description global;
    global.add_options()("help,h", "")("version", "");
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(global).run(), vm);
    if (vm.count("version")) {
      std::cout << "salesfab " << version() << " (commit " << build_commit() << ", " << build_type()
                << " build)\n";
      return exit_ok;
    }
    print_help(std::cout);
    return exit_ok;
  }
  if (const auto *c = salesfab::experiment::cluster();
      c != nullptr && args[0] != "run" && args[0] != "compare")
    throw UsageError("salesfab " + args[0] + " does not spread over the ranks of an MPI job (run " +
                     "and compare do): run it as one process, without mpirun");
  for (const auto &list : {commands(), hidden_commands()})
    for (const Command &c : list)
      if (c.name == args[0])
        return c.main(std::span<const std::string>(args).subspan(1));
  throw UsageError("unknown command '" + args[0] + "' (see salesfab --help)");
}

} // namespace

int main(int argc, char **argv) {
#ifdef SALESFAB_MPI
  salesfab::mpi::Session mpi(argc, argv); // one of several ranks when mpirun started it
  if (mpi.rank() != 0) {                  // rank 0 speaks for the job; the others only simulate
    std::cout.rdbuf(nullptr);
    std::cerr.rdbuf(nullptr);
  }
#endif
  try {
    return run(argc, argv);
  } catch (const po::error &e) {
    std::cerr << "salesfab: " << e.what() << " (see --help)\n";
    return exit_invalid;
  } catch (const salesfab::scenario::ScenarioError &e) {
    std::cerr << e.what() << '\n';
    return exit_invalid;
  } catch (const UsageError &e) {
    std::cerr << "salesfab: " << e.what() << '\n';
    return exit_invalid;
  } catch (const salesfab::Error &e) {
    std::cerr << "salesfab: " << e.what() << '\n';
    return exit_failure;
  } catch (const std::exception &e) {
    std::cerr << "salesfab: internal error: " << e.what() << '\n';
    return exit_failure;
  }
}
