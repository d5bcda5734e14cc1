#pragma once
// The shipped scenarios (`--example NAME`): the project's scenarios/ folder, installed as
// share/salesfab/scenarios. Found relative to the program first — bin/../share/salesfab when
// installed (wherever the tree was moved), share/salesfab beside the program in a build tree (a
// link to the source's scenarios/) — then under the install prefix the program was built for.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::cli {

/// The folders searched for the shipped scenarios, in order (whether they exist or not).
std::vector<std::filesystem::path> example_folders();

/// The first of example_folders() that exists; empty when none does.
std::filesystem::path example_folder();

/// Every shipped scenario's name: its path under the folder without ".yaml" ("les/01-basis"),
/// sorted. Empty when there is no folder.
std::vector<std::string> example_names();

/// The file of the example `name` ("les/01-basis", ".yaml" optional). Throws UsageError (exit
/// 2) naming the folder and the examples there when there is no such example.
std::string example_file(std::string_view name);

} // namespace salesfab::cli
