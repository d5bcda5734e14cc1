#pragma once
// CSV as the result files use it: RFC 4180 quoting (a field with a comma, quote or line break is
// quoted, quotes doubled), '.' as decimal point whatever the locale, numbers that read back
// exactly, an empty field for a missing value, "\n" line ends. And a strict reader for it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::output {

/// A field, quoted when it must be.
std::string csv_field(std::string_view text);

/// A number in the shortest form that reads back as exactly the same double; "" for none.
std::string csv_number(std::optional<double> x);

/// One line of fields joined by commas, with its "\n".
std::string csv_line(const std::vector<std::string> &fields);

/// Reads CSV strictly: every record must have as many fields as the first, quotes only around
/// whole fields, nothing after a closing quote but a comma or the line's end. Throws
/// std::runtime_error with the line number otherwise.
std::vector<std::vector<std::string>> read_csv(std::string_view text);

} // namespace salesfab::output
