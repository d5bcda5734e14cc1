#pragma once
// What a command puts on stdout (--format), parsed once.

#include <optional>
#include <string_view>

namespace salesfab::output {

/// The formats of standard output: a table for people, CSV or JSON for programs.
enum class Format { table, csv, json };

/// "table", "csv" or "json"; nullopt for anything else.
std::optional<Format> parse_format(std::string_view text);

/// The format's name as --format takes it.
std::string_view format_name(Format format);

} // namespace salesfab::output
