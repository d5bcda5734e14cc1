#include "cli/examples.hpp"

#include "cli/command.hpp"

#include <algorithm>
#include <system_error>

namespace fs = std::filesystem;

namespace salesfab::cli {

namespace {
// The program's own path (Linux: /proc/self/exe); empty when it cannot be told.
fs::path program_folder() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}
} // namespace

std::vector<fs::path> example_folders() {
  std::vector<fs::path> folders;
  if (const fs::path here = program_folder(); !here.empty()) {
    folders.push_back(here.parent_path() / "share/salesfab/scenarios"); // installed: bin/..
    folders.push_back(here / "share/salesfab/scenarios");               // a build tree
  }
  folders.emplace_back(SALESFAB_INSTALL_DATADIR "/salesfab/scenarios");
  return folders;
}

fs::path example_folder() {
  for (const fs::path &folder : example_folders()) {
    std::error_code ec;
    if (fs::is_directory(folder, ec))
      return folder;
  }
  return {};
}

std::vector<std::string> example_names() {
  const fs::path folder = example_folder();
  std::vector<std::string> names;
  if (folder.empty())
    return names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec))
      names.push_back(it->path().lexically_relative(folder).replace_extension().generic_string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string example_file(std::string_view name) {
  std::string wanted(name);
  if (wanted.size() > 5 && wanted.ends_with(".yaml"))
    wanted.resize(wanted.size() - 5);
  const std::vector<std::string> names = example_names();
  if (std::find(names.begin(), names.end(), wanted) != names.end())
    return (example_folder() / (wanted + ".yaml")).string();
  if (names.empty()) {
    std::string searched;
    for (const fs::path &folder : example_folders())
      searched += (searched.empty() ? "" : ", ") + folder.string();
    throw UsageError("--example " + std::string(name) +
                     ": the shipped scenarios are not installed (looked in " + searched + ")");
  }
  std::string known;
  for (const std::string &n : names)
    known += (known.empty() ? "" : ", ") + n;
  throw UsageError("--example " + std::string(name) + ": no such example in " +
                   example_folder().string() + " (there are: " + known + ")");
}

} // namespace salesfab::cli
