#pragma once
// The one number formatter for people: tables, analyze, trace stories and the HTML report all
// write numbers through here, so they read the same everywhere (README, "Numbers for people").
// Result files do not: CSV and JSON keep the shortest form that reads back exactly.
//
// The rules:
// - thousands are grouped from 1 000 up, with a space in both languages ("5 074", "10 845");
// - the decimal mark is '.' in English and ',' in Dutch;
// - format_number shows about three significant digits: no decimals from 100 up, one from 10,
//   two from 1, three significant digits below 1 but never more than six decimals;
// - a value that rounds to zero at the precision shown is "0" (never "-0", never "2.7e-220").

#include "analysis/present/words.hpp"

#include <optional>
#include <string>

namespace salesfab::present {

/// A number for people by the rules above: "1 472 384", "7.35", "0.0568"; "-" when NaN.
std::string format_number(double x, Language language);
/// An optional number; "-" when empty.
std::string format_number(const std::optional<double> &x, Language language);
/// The English form of format_number.
std::string format_number(double x);
std::string format_number(const std::optional<double> &x);

/// A number with exactly `decimals` decimals, grouped like format_number: amounts in stories
/// ("contract value 8 200"), chart axes, days.
std::string format_amount(Language language, double value, int decimals = 0);

/// A confidence interval as people see it: clipped to the metric's natural bounds (a count's
/// interval does not reach below 0, a share's not above 1), each clipped end marked with
/// `clipped_mark` and explained once under the table ("clipped_note"). Result files keep the
/// plain t-interval.
struct ShownInterval {
  std::optional<double> low;
  std::optional<double> high;
  bool low_clipped = false;
  bool high_clipped = false;
  [[nodiscard]] bool clipped() const { return low_clipped || high_clipped; }
};
ShownInterval shown_interval(const std::optional<double> &low, const std::optional<double> &high,
                             const analysis::Bounds &bounds);
/// The mark of an interval's clipped end: "0†".
inline constexpr std::string_view clipped_mark = "\u2020";

/// A number's plain text ("0.25") with the language's decimal mark ("0,25" in Dutch), for
/// values shown as they were written (a swept setting).
std::string decimal_mark(std::string text, Language language);

} // namespace salesfab::present
