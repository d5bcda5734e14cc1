#include "analysis/present/report/svg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace salesfab::present::svg {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string number(double x) {
  if (!std::isfinite(x))
    throw std::logic_error("svg::number of a value that is not finite");
  char buffer[64];
  // to_chars is locale-independent: the same text on every machine.
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 2);
  std::string s(buffer, result.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0')
      s.pop_back();
    if (s.back() == '.')
      s.pop_back();
  }
  if (s == "-0")
    s = "0";
  return s;
}

std::string_view palette(std::size_t i) {
  static constexpr std::array<std::string_view, 7> colours = {
      "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
  return colours[i % colours.size()];
}

namespace {

std::string style_attributes(const Style &s) {
  std::string a = " fill=\"" + escape(s.fill) + "\"";
  if (s.fill != "none" && s.fill_opacity < 1)
    a += " fill-opacity=\"" + number(s.fill_opacity) + "\"";
  if (s.stroke.empty()) {
    a += " stroke=\"none\"";
  } else {
    a += " stroke=\"" + escape(s.stroke) + "\" stroke-width=\"" + number(s.stroke_width) + "\"";
    if (!s.dash.empty())
      a += " stroke-dasharray=\"" + escape(s.dash) + "\"";
  }
  return a;
}

std::string points_attribute(const std::vector<Point> &points) {
  std::string s;
  for (const Point &p : points) {
    if (!s.empty())
      s += ' ';
    s += number(p.x) + ',' + number(p.y);
  }
  return s;
}

std::string_view anchor_name(Anchor a) {
  switch (a) {
  case Anchor::start:
    return "start";
  case Anchor::middle:
    return "middle";
  case Anchor::end:
    return "end";
  }
  return "start";
}

std::string font_attributes(Point at, const Font &f) {
  std::string a = " x=\"" + number(at.x) + "\" y=\"" + number(at.y) + "\" font-size=\"" +
                  number(f.size) + "\" fill=\"" + escape(f.fill) + "\"";
  if (f.anchor != Anchor::start)
    a += " text-anchor=\"" + std::string(anchor_name(f.anchor)) + "\"";
  if (f.bold)
    a += " font-weight=\"bold\"";
  if (f.rotate != 0)
    a +=
        " transform=\"rotate(" + number(f.rotate) + ' ' + number(at.x) + ' ' + number(at.y) + ")\"";
  return a;
}

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_utf8_continuation(c); }));
}

} // namespace

Drawing::Drawing(double width, double height, std::string_view label)
    : width_(width), height_(height), label_(label) {}

void Drawing::rect(double x, double y, double w, double h, const Style &style) {
  body_ += "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(w) +
           "\" height=\"" + number(h) + "\"";
  if (style.corner_radius > 0)
    body_ += " rx=\"" + number(style.corner_radius) + "\"";
  body_ += style_attributes(style) + "/>\n";
}

void Drawing::line(Point from, Point to, const Style &style) {
  body_ += "<line x1=\"" + number(from.x) + "\" y1=\"" + number(from.y) + "\" x2=\"" +
           number(to.x) + "\" y2=\"" + number(to.y) + "\"" + style_attributes(style) + "/>\n";
}

void Drawing::polyline(const std::vector<Point> &points, const Style &style) {
  if (points.empty())
    return;
  body_ += "<polyline points=\"" + points_attribute(points) + "\"" + style_attributes(style) +
           " stroke-linejoin=\"round\"/>\n";
}

void Drawing::polygon(const std::vector<Point> &points, const Style &style) {
  if (points.empty())
    return;
  body_ +=
      "<polygon points=\"" + points_attribute(points) + "\"" + style_attributes(style) + "/>\n";
}

void Drawing::circle(Point centre, double radius, const Style &style) {
  body_ += "<circle cx=\"" + number(centre.x) + "\" cy=\"" + number(centre.y) + "\" r=\"" +
           number(radius) + "\"" + style_attributes(style) + "/>\n";
}

void Drawing::text(Point at, std::string_view content, const Font &font) {
  body_ += "<text" + font_attributes(at, font) + ">" + escape(content) + "</text>\n";
}

void Drawing::text_lines(Point at, const std::vector<std::string> &lines, double line_height,
                         const Font &font) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    text({at.x, at.y + static_cast<double>(i) * line_height}, lines[i], font);
}

void Drawing::arrow(const std::vector<Point> &points, const Style &style, double head) {
  if (points.size() < 2)
    throw std::logic_error("svg::Drawing::arrow needs two points or more");
  const Point tip = points.back();
  const Point from = points[points.size() - 2];
  const double dx = tip.x - from.x, dy = tip.y - from.y;
  const double length = std::hypot(dx, dy);
  if (length == 0)
    throw std::logic_error("svg::Drawing::arrow: the last segment has no length");
  const double ux = dx / length, uy = dy / length;
  // The line stops where the head begins, so that a thick line does not poke through its tip.
  std::vector<Point> shaft = points;
  shaft.back() = {tip.x - ux * head * 0.8, tip.y - uy * head * 0.8};
  polyline(shaft, style);
  const Point base{tip.x - ux * head, tip.y - uy * head};
  const double half = head * 0.5;
  Style head_style;
  head_style.fill = style.stroke.empty() ? "#222" : style.stroke;
  polygon({tip, {base.x - uy * half, base.y + ux * half}, {base.x + uy * half, base.y - ux * half}},
          head_style);
}

std::string Drawing::str() const {
  // No xmlns: inline SVG in HTML needs none, and the page names no address at all.
  return "<svg viewBox=\"0 0 " + number(width_) + ' ' + number(height_) +
         "\" role=\"img\" aria-label=\"" + escape(label_) +
         "\" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n" + body_ +
         "</svg>\n";
}

std::vector<std::string> wrap(std::string_view text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::string_view word =
        text.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty())
      continue;
    if (current.empty())
      current = word;
    else if (characters(current) + 1 + characters(word) <= max_chars)
      current += ' ' + std::string(word);
    else {
      lines.push_back(std::move(current));
      current = word;
    }
  }
  if (!current.empty())
    lines.push_back(std::move(current));
  return lines;
}

double text_width(std::string_view text, double size) {
  return static_cast<double>(characters(text)) * size * 0.6;
}

Ticks nice_ticks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high) || high < low || target < 1)
    throw std::logic_error("svg::nice_ticks: needs finite low <= high and target >= 1");
  if (!std::isfinite(high - low))
    throw std::logic_error("svg::nice_ticks: the range is too wide to draw");
  if (high == low) {
    const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const double rough = (high - low) / target;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (const double m : {1.0, 2.0, 5.0})
    if (m * power >= rough) {
      step = m * power;
      break;
    }
  Ticks t;
  t.step = step;
  const double first = std::floor(low / step + 1e-9);
  const double last = std::ceil(high / step - 1e-9);
  for (double k = first; k <= last; ++k) {
    const double v = k * step;
    t.values.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  }
  return t;
}

namespace {

std::optional<double> finite(const std::vector<std::optional<double>> &values, std::size_t i) {
  if (i >= values.size() || !values[i] || !std::isfinite(*values[i]))
    return std::nullopt;
  return values[i];
}

std::string default_format(double value, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                               std::clamp(decimals, 0, 9));
  return std::string(buffer, r.ptr);
}

} // namespace

namespace {

// One line chart, drawn step by step: the legend's place, the ranges of the data, the axes,
// then each series' band and mean, then the legend.
class ChartDrawing {
public:
  explicit ChartDrawing(const LineChart &c)
      : c_(c), format_(c.format ? c.format : default_format), d_(c.width, c.height, c.label) {}

  std::string draw() {
    place_legend();
    find_ranges();
    axes();
    bool any = false;
    for (std::size_t s = 0; s < c_.series.size(); ++s) {
      band(c_.series[s], std::string(palette(s)));
      any = mean(c_.series[s], std::string(palette(s))) || any;
    }
    if (!any)
      d_.text({left_ + plot_w_ / 2, top_ + plot_h_ / 2}, c_.empty_text,
              {font, false, Anchor::middle, "#555", 0});
    draw_legend();
    return d_.str();
  }

private:
  static constexpr double font = 17, small = 15;

  // The legend: one row after another, as wide as the drawing allows.
  void place_legend() {
    double x = 16, y = 22;
    for (std::size_t s = 0; s < c_.series.size(); ++s) {
      const double w = 34 + text_width(c_.series[s].label, font) + 20;
      if (x > 16 && x + w > c_.width - 8) {
        x = 16;
        y += 24;
      }
      legend_.push_back({{x, y}, s});
      x += w;
    }
    top_ = (c_.series.empty() ? 0 : y) + 22;
  }

  // The value range: every mean and interval end there is; the x axis spans the data.
  void find_ranges() {
    std::optional<double> lo, hi, x_lo, x_hi;
    for (const Series &s : c_.series)
      for (std::size_t i = 0; i < c_.x.size(); ++i)
        for (const auto *values : {&s.mean, &s.low, &s.high})
          if (const auto v = finite(*values, i); v && std::isfinite(c_.x[i])) {
            lo = std::min(lo.value_or(*v), *v);
            hi = std::max(hi.value_or(*v), *v);
            x_lo = std::min(x_lo.value_or(c_.x[i]), c_.x[i]);
            x_hi = std::max(x_hi.value_or(c_.x[i]), c_.x[i]);
          }
    if (!lo) {
      lo = 0;
      hi = 1;
    }
    if (c_.include_zero && *lo >= 0)
      lo = 0;
    if (!x_lo) {
      x_lo = 0;
      x_hi = 1;
    }
    y_ticks_ = nice_ticks(*lo, *hi, 5);
    x_ticks_ = nice_ticks(*x_lo, *x_hi, 6);
    y_min_ = y_ticks_.values.front();
    y_max_ = y_ticks_.values.back();
    x_min_ = *x_lo == *x_hi ? *x_lo - 1 : *x_lo;
    x_max_ = *x_lo == *x_hi ? *x_hi + 1 : *x_hi;
    double label_width = 0;
    for (const double v : y_ticks_.values)
      label_width = std::max(label_width, text_width(format_(v, y_ticks_.step), small));
    left_ = 34 + label_width + 10;
    plot_w_ = c_.width - left_ - 24;
    plot_h_ = c_.height - top_ - 62;
  }

  [[nodiscard]] double px(double x) const {
    return left_ + (x - x_min_) / (x_max_ - x_min_) * plot_w_;
  }
  [[nodiscard]] double py(double y) const {
    return top_ + (y_max_ - y) / (y_max_ - y_min_) * plot_h_;
  }

  // Grid, axes, ticks and their labels; x ticks outside the data are left out.
  void axes() {
    const Style grid{"none", "#d9d9d9", 1, 1, "", 0};
    const Style axis{"none", "#444", 1.5, 1, "", 0};
    Font tick_font{small, false, Anchor::end, "#333", 0};
    for (const double v : y_ticks_.values) {
      d_.line({left_, py(v)}, {left_ + plot_w_, py(v)}, grid);
      d_.text({left_ - 8, py(v) + small * 0.35}, format_(v, y_ticks_.step), tick_font);
    }
    tick_font.anchor = Anchor::middle;
    for (const double v : x_ticks_.values) {
      if (v < x_min_ - 1e-9 || v > x_max_ + 1e-9)
        continue;
      d_.line({px(v), top_ + plot_h_}, {px(v), top_ + plot_h_ + 6}, axis);
      d_.text({px(v), top_ + plot_h_ + 22}, format_(v, x_ticks_.step), tick_font);
    }
    d_.line({left_, top_}, {left_, top_ + plot_h_}, axis);
    d_.line({left_, top_ + plot_h_}, {left_ + plot_w_, top_ + plot_h_}, axis);
    d_.text({left_ + plot_w_ / 2, c_.height - 10}, c_.x_label,
            {font, false, Anchor::middle, "#222", 0});
    d_.text({18, top_ + plot_h_ / 2}, c_.y_label, {font, false, Anchor::middle, "#222", -90});
  }

  // The band: one polygon per run of x where both ends of the interval are known.
  void band(const Series &series, const std::string &colour) {
    for (std::size_t i = 0; i < c_.x.size();) {
      std::vector<Point> upper, lower;
      for (; i < c_.x.size() && finite(series.low, i) && finite(series.high, i); ++i) {
        upper.push_back({px(c_.x[i]), py(*finite(series.high, i))});
        lower.push_back({px(c_.x[i]), py(*finite(series.low, i))});
      }
      if (upper.size() == 1)
        d_.line(upper[0], lower[0], {"none", colour, 3, 1, "", 0});
      else if (!upper.empty()) {
        upper.insert(upper.end(), lower.rbegin(), lower.rend());
        d_.polygon(upper, {colour, "", 0, 0.18, "", 0});
      }
      if (upper.empty())
        ++i;
    }
  }

  // The mean: one line per run of x where it is known; a lone point as a dot. True when drawn.
  bool mean(const Series &series, const std::string &colour) {
    bool any = false;
    for (std::size_t i = 0; i < c_.x.size();) {
      std::vector<Point> run;
      for (; i < c_.x.size() && finite(series.mean, i); ++i)
        run.push_back({px(c_.x[i]), py(*finite(series.mean, i))});
      any = any || !run.empty();
      if (run.size() == 1)
        d_.circle(run[0], 3.5, {colour, "", 0, 1, "", 0});
      else if (!run.empty())
        d_.polyline(run, {"none", colour, 2.5, 1, "", 0});
      if (run.empty())
        ++i;
    }
    return any;
  }

  void draw_legend() {
    for (const auto &[at, s] : legend_) {
      const std::string colour(palette(s));
      d_.rect(at.x, at.y - 11, 26, 14, {colour, "", 0, 0.18, "", 0});
      d_.line({at.x, at.y - 4}, {at.x + 26, at.y - 4}, {"none", colour, 3, 1, "", 0});
      d_.text({at.x + 34, at.y + 1}, c_.series[s].label, {font, false, Anchor::start, "#222", 0});
    }
  }

  const LineChart &c_;
  std::function<std::string(double, double)> format_;
  Drawing d_;
  std::vector<std::pair<Point, std::size_t>> legend_;
  Ticks y_ticks_, x_ticks_;
  double top_ = 0, left_ = 0, plot_w_ = 0, plot_h_ = 0;
  double x_min_ = 0, x_max_ = 1, y_min_ = 0, y_max_ = 1;
};

} // namespace

std::string line_chart(const LineChart &c) { return ChartDrawing(c).draw(); }

} // namespace salesfab::present::svg
