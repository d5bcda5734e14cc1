#pragma once
// What `salesfab serve` carries inside the program: the what-if page (one self-contained
// HTML file with its script and styles) and the class lessons (scenarios/les), embedded at build
// time by embed_assets.cmake.

#include <span>
#include <string_view>

namespace salesfab::serve {

/// A file compiled into the program.
struct Asset {
  std::string_view path; ///< where it comes from, e.g. scenarios/les/01-basis.yaml
  std::string_view text;
};

/// The page (sim/serve/page.html).
std::string_view page_html();

/// The class lessons (scenarios/les/*.yaml), in name order.
std::span<const Asset> lessons();

} // namespace salesfab::serve
