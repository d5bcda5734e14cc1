#pragma once
// The scenarios a server offers: the files or folders it was given, or the built-in default
// and the class lessons. Each is read and checked once, at start.

#include "scenario/loader.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::serve {

/// One scenario the page can pick: its first variant is the base of every what-if.
struct CatalogueEntry {
  std::string name;  ///< the scenario's name (unique in the catalogue)
  std::string title; ///< its title
  scenario::ScenarioFile file;
};

/// The scenarios a server offers, in the order given.
class Catalogue {
public:
  /// The built-in default (scenarios/basis.yaml) and the class lessons (scenarios/les).
  static Catalogue built_in();
  /// The files given, and every *.yaml in the folders given (in name order). Invalid files, and
  /// a second scenario of a name already taken, are reported on `err` and left out.
  static Catalogue from_paths(const std::vector<std::string> &paths, std::ostream &err,
                              bool &some_invalid);

  /// The scenario of that name, or nullptr.
  [[nodiscard]] const CatalogueEntry *find(std::string_view name) const;
  [[nodiscard]] const std::vector<CatalogueEntry> &entries() const { return entries_; }

private:
  bool add(scenario::ScenarioFile file, std::ostream &err);
  std::vector<CatalogueEntry> entries_;
};

} // namespace salesfab::serve
