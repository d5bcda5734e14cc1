#pragma once
// A small SVG writer for the report: shapes and text built element by element into a string,
// and line charts with a shaded band for the confidence interval. Everything it writes is inline
// and self-contained: no external references, no markers or ids (arrowheads are drawn as
// triangles), numbers written the same on every machine and in every locale.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesfab::present::svg {

/// `text` with & < > " and ' escaped: safe in XML and HTML text and in quoted attributes.
std::string escape(std::string_view text);

/// A number for coordinates: at most two decimals, no trailing zeros, '.' as decimal point.
std::string number(double x);

/// The i-th colour of a palette that colour-blind readers can tell apart (Okabe and Ito).
std::string_view palette(std::size_t i);

/// A point of a drawing.
struct Point {
  double x = 0;
  double y = 0;
};

/// How a shape is painted.
struct Style {
  std::string fill = "none";
  std::string stroke;       ///< empty: no stroke
  double stroke_width = 1;  ///< in drawing units
  double fill_opacity = 1;  ///< 0..1
  std::string dash;         ///< stroke-dasharray, e.g. "6 4"; empty: solid
  double corner_radius = 0; ///< rectangles only
};

/// Where a text is anchored.
enum class Anchor { start, middle, end };

/// How a text is set.
struct Font {
  double size = 14;
  bool bold = false;
  Anchor anchor = Anchor::start;
  std::string fill = "#222";
  double rotate = 0; ///< degrees about the anchor point
};

/// An SVG drawing of a fixed size in its own units; it scales to the width of its container.
class Drawing {
public:
  /// `label` is what a screen reader says (aria-label).
  Drawing(double width, double height, std::string_view label);

  void rect(double x, double y, double w, double h, const Style &style);
  void line(Point from, Point to, const Style &style);
  void polyline(const std::vector<Point> &points, const Style &style);
  void polygon(const std::vector<Point> &points, const Style &style);
  void circle(Point centre, double radius, const Style &style);
  /// One line of text at its baseline.
  void text(Point at, std::string_view content, const Font &font);
  /// Several lines from `at` (the first baseline) down, `line_height` apart.
  void text_lines(Point at, const std::vector<std::string> &lines, double line_height,
                  const Font &font);
  /// A line through `points` with a filled arrowhead at the last point.
  void arrow(const std::vector<Point> &points, const Style &style, double head = 12);

  [[nodiscard]] double width() const { return width_; }
  [[nodiscard]] double height() const { return height_; }
  /// The whole <svg> element.
  [[nodiscard]] std::string str() const;

private:
  double width_;
  double height_;
  std::string label_;
  std::string body_;
};

/// Splits `text` at spaces into lines of at most `max_chars` characters (a longer word stays
/// whole on its own line). Counts UTF-8 characters, not bytes.
std::vector<std::string> wrap(std::string_view text, std::size_t max_chars);

/// About how wide `text` is when set in `size` (an average character of a sans-serif font).
double text_width(std::string_view text, double size);

/// Round tick marks covering [low, high]: steps of 1, 2 or 5 times a power of ten, about
/// `target` of them; the first tick <= low and the last >= high.
struct Ticks {
  double step = 1;
  std::vector<double> values;
};
Ticks nice_ticks(double low, double high, int target = 5);

/// One line of a chart: its mean per x, and the interval around it (all optional per x: a
/// missing or non-finite value breaks the line and the band).
struct Series {
  std::string label;
  std::vector<std::optional<double>> mean;
  std::vector<std::optional<double>> low;
  std::vector<std::optional<double>> high;
};

/// A line chart with shaded confidence bands, axes with ticks and labels, and a legend.
struct LineChart {
  std::string label; ///< for screen readers
  std::string x_label;
  std::string y_label;
  std::vector<double> x;
  std::vector<Series> series;
  std::string empty_text = "no data"; ///< shown when no series has a value
  bool include_zero = true;           ///< the y axis starts at 0 when every value is >= 0
  /// A tick's label from its value and the step between ticks.
  std::function<std::string(double value, double step)> format;
  double width = 640;
  double height = 400;
};

/// The chart as an <svg> element.
std::string line_chart(const LineChart &chart);

} // namespace salesfab::present::svg
