#include "serve/catalogue.hpp"

#include "serve/assets.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace salesfab::serve {

bool Catalogue::add(scenario::ScenarioFile file, std::ostream &err) {
  const model::Parameters &p = file.variants.front().parameters;
  if (const CatalogueEntry *other = find(p.name)) {
    err << file.source << ": name: '" << p.name << "' is also the name of " << other->file.source
        << " (give each scenario its own name)\n"
        << file.source << ": skipped (invalid)\n";
    return false;
  }
  CatalogueEntry entry;
  entry.name = p.name;
  entry.title = p.title;
  entry.file = std::move(file);
  entries_.push_back(std::move(entry));
  return true;
}

Catalogue Catalogue::built_in() {
  Catalogue c;
  c.add(scenario::load_default(), std::cerr);
  for (const Asset &lesson : lessons())
    c.add(scenario::load_text(std::string(lesson.text), std::string(lesson.path)), std::cerr);
  return c;
}

namespace {
// The files a path stands for: itself, or a folder's *.yaml in name order.
std::vector<std::string> expand(const std::string &path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec))
    return {path};
  std::vector<std::string> files;
  for (const auto &item : fs::directory_iterator(path, ec))
    if (item.path().extension() == ".yaml" || item.path().extension() == ".yml")
      files.push_back(item.path().string());
  std::sort(files.begin(), files.end());
  return files;
}
} // namespace

Catalogue Catalogue::from_paths(const std::vector<std::string> &paths, std::ostream &err,
                                bool &some_invalid) {
  Catalogue c;
  for (const std::string &path : paths)
    for (const std::string &file : expand(path)) {
      try {
        if (!c.add(scenario::load_file(file), err))
          some_invalid = true;
      } catch (const scenario::ScenarioError &e) {
        err << e.what() << '\n' << file << ": skipped (invalid)\n";
        some_invalid = true;
      }
    }
  return c;
}

const CatalogueEntry *Catalogue::find(std::string_view name) const {
  for (const CatalogueEntry &e : entries_)
    if (e.name == name)
      return &e;
  return nullptr;
}

} // namespace salesfab::serve
