#include "analysis/present/report/factory_diagram.hpp"

#include "analysis/present/report/svg.hpp"

#include <algorithm>
#include <cmath>

namespace salesfab::present::report {

namespace {

using svg::Anchor;
using svg::Font;
using svg::Point;
using svg::Style;

// The drawing's grid (in its own units; it scales to the page). Platforms are floors from x0 to
// x1; the flows run down the column at x = flow_x, the customers' loop at loop_x and won_x.
constexpr double width = 1280, height = 780;
constexpr double x0 = 40, x1 = 980;
constexpr double market_y = 110, market_h = 130;
constexpr double buying_y = 360, buying_h = 160;
constexpr double work_y = 630, work_h = 130;
constexpr double flow_x = 385, loop_x = 650, won_x = 900;
constexpr double box_l = 285, box_r = 485; // qualify and shortlist boxes
constexpr double customers_l = 590, customers_r = 960;
constexpr double funnel_l = 285, funnel_r = 960;
constexpr double funnel_top = 650, funnel_bottom = 740, funnel_narrow = 40;
constexpr double sink_l = 1100, sink_r = 1260, sink_y = 415, sink_h = 50;
constexpr double value_size = 21, label_size = 16, line_height = 20;

const Style arrow_style{"none", "#333", 3, 1, "", 0};

// A flow's number (bold) with its label under it, wrapped to `max_width`.
void flow_label(svg::Drawing &d, Point at, Anchor anchor, double max_width,
                const std::string &value, const std::string &label) {
  d.text(at, value, {value_size, true, anchor, "#111", 0});
  const auto chars = static_cast<std::size_t>(std::max(8.0, max_width / (label_size * 0.6)));
  d.text_lines({at.x, at.y + line_height + 1}, svg::wrap(label, chars), line_height,
               {label_size, false, anchor, "#333", 0});
}

void platform(svg::Drawing &d, double y, double h, std::string_view name, const char *fill,
              const char *stroke) {
  d.rect(x0, y, x1 - x0, h, {fill, stroke, 2, 1, "", 12});
  // The name on one line where it fits left of the boxes ("marktplatform"), else on two.
  const auto lines = svg::wrap(name, static_cast<std::size_t>((box_l - x0 - 30) / (22 * 0.62)));
  const double first = y + h / 2 + 8 - 13 * static_cast<double>(lines.size() - 1);
  d.text_lines({x0 + 18, first}, lines, 26, {22, true, Anchor::start, "#111", 0});
}

void box(svg::Drawing &d, double l, double t, double r, double b, const Style &style) {
  d.rect(l, t, r - l, b - t, style);
}

// The top edge of the funnel (a trapezoid narrowing to the right) at x.
double funnel_top_at(double x) {
  const double narrowing = (funnel_bottom - funnel_top - funnel_narrow) / 2;
  return funnel_top + (x - funnel_l) / (funnel_r - funnel_l) * narrowing;
}

} // namespace

std::string factory_diagram(const Variant &v, Language language) {
  auto value = [&](std::string_view metric) { return format_value(language, v.mean(metric)); };
  auto label = [&](std::string_view metric) { return metric_label(language, metric); };
  auto count = [&](std::string_view metric) {
    const auto m = v.mean(metric);
    if (!m || !std::isfinite(*m))
      return format_value(language, m);
    const double a = std::abs(*m);
    return format_amount(language, *m, a >= 100 || a == 0 ? 0 : a >= 1 ? 1 : 2);
  };
  auto words = [&](std::string_view key) { return std::string(word(language, key)); };
  svg::Drawing d(width, height, words("report.factory"));

  platform(d, market_y, market_h, platform_name(language, model::Platform::market), "#eaf2fb",
           "#0072B2");
  platform(d, buying_y, buying_h, platform_name(language, model::Platform::buying), "#e8f6ef",
           "#009E73");
  platform(d, work_y, work_h, platform_name(language, model::Platform::work), "#fdf1e6", "#D55E00");

  const Style inner{"#ffffff", "#555", 1.5, 1, "", 8};
  const Font box_font{19, true, Anchor::middle, "#111", 0};
  const Font note_font{16, false, Anchor::middle, "#333", 0};

  // The market, outside the factory, and the suspects arriving from it.
  d.text({flow_x, 26}, words("report.market"), {20, true, Anchor::middle, "#111", 0});
  const double qualify_t = market_y + 25, qualify_b = market_y + market_h - 25;
  box(d, box_l, qualify_t, box_r, qualify_b, inner);
  d.text({flow_x, (qualify_t + qualify_b) / 2 + 6}, words("report.qualify"), box_font);
  d.arrow({{flow_x, 36}, {flow_x, qualify_t}}, arrow_style);
  flow_label(d, {flow_x + 15, 62}, Anchor::start, 520, value("suspects_per_year"),
             label("suspects_per_year"));

  // Qualified onto the shortlist, on the buying platform.
  const double shortlist_t = buying_y + 30, shortlist_b = buying_y + buying_h - 30;
  box(d, box_l, shortlist_t, box_r, shortlist_b, inner);
  d.text_lines({flow_x, (shortlist_t + shortlist_b) / 2 - 4},
               svg::wrap(words("report.shortlist"), 18), 22, box_font);
  d.arrow({{flow_x, qualify_b}, {flow_x, shortlist_t}}, arrow_style);
  flow_label(d, {flow_x + 15, market_y + market_h + 45}, Anchor::start, 520,
             value("qualified_per_year"), label("qualified_per_year"));

  // The customers, A/B/C at the end, behind their brick wall.
  const double customers_t = buying_y + 20, customers_b = buying_y + buying_h - 20;
  box(d, customers_l, customers_t, customers_r, customers_b,
      {"#ffffff", "#B5532F", 6, 1, "16 3", 4});
  const double cx = (customers_l + customers_r) / 2;
  d.text({cx, customers_t + 28}, label("customers_end") + ": " + value("customers_end"), note_font);
  const char *classes[] = {"a", "b", "c"};
  const char *class_colours[] = {"#0072B2", "#D55E00", "#009E73"};
  // Three slots across the box, each a class letter and its count: the count is rounded to
  // fit (at most five characters below 10 000; the RKK table has the exact figure).
  const double slot = (customers_r - customers_l - 24) / 3;
  for (int i = 0; i < 3; ++i) {
    const double x = customers_l + 12 + slot * i + 22;
    const std::string metric = std::string("customers_") + classes[i] + "_end";
    d.text({x, customers_t + 66}, words(std::string("report.class_") + classes[i]),
           {24, true, Anchor::end, class_colours[i], 0});
    d.text({x + 7, customers_t + 66}, count(metric), {22, true, Anchor::start, "#111", 0});
  }
  d.text({cx, customers_b - 14}, label("brickwall_coverage") + ": " + value("brickwall_coverage"),
         note_font);

  // Opportunities from prospects through the filter into the funnel.
  const double gap_value_y = buying_y + buying_h + 32;
  d.arrow({{flow_x, shortlist_b}, {flow_x, funnel_top_at(flow_x)}}, arrow_style);
  flow_label(d, {flow_x + 15, gap_value_y}, Anchor::start, loop_x - flow_x - 35,
             value("opportunities_new_per_year"), label("opportunities_new_per_year"));

  // The funnel: its stages from wide to narrow, the closing date at the narrow end.
  const double narrowing = (funnel_bottom - funnel_top - funnel_narrow) / 2;
  d.polygon({{funnel_l, funnel_top},
             {funnel_r, funnel_top + narrowing},
             {funnel_r, funnel_bottom - narrowing},
             {funnel_l, funnel_bottom}},
            {"#ffffff", "#555", 1.5, 1, "", 0});
  const std::size_t stages = std::max<std::size_t>(1, v.stages.size());
  const double segment = (funnel_r - funnel_l) / static_cast<double>(stages);
  std::size_t longest = 1;
  for (const auto &s : v.stages)
    longest = std::max(longest, s.size());
  const double stage_size =
      std::clamp(segment / (0.6 * static_cast<double>(longest)) - 1, 10.0, 17.0);
  for (std::size_t s = 0; s < v.stages.size(); ++s) {
    const double l = funnel_l + segment * static_cast<double>(s);
    if (s > 0)
      d.line({l, funnel_top_at(l)}, {l, funnel_bottom - (funnel_top_at(l) - funnel_top)},
             {"none", "#999", 1, 1, "4 3", 0});
    d.text({l + segment / 2, (funnel_top + funnel_bottom) / 2 + stage_size * 0.35}, v.stages[s],
           {stage_size, false, Anchor::middle, "#111", 0});
  }

  // The loop: customers' wishes to buy enter the funnel at their stage; deals won come back.
  const std::size_t enter = std::min(v.existing_enter_stage, stages - 1);
  const double enter_x =
      std::max(flow_x + 70, funnel_l + segment * (static_cast<double>(enter) + 0.5));
  std::vector<Point> loop{{loop_x, customers_b}};
  if (enter_x != loop_x)
    loop.push_back({loop_x, work_y - 16});
  loop.push_back({enter_x, funnel_top_at(enter_x)});
  d.arrow(loop, arrow_style);
  flow_label(d, {loop_x + 15, gap_value_y}, Anchor::start, won_x - loop_x - 30,
             value("opportunities_existing_per_year"), label("opportunities_existing_per_year"));
  d.arrow({{won_x, funnel_top_at(won_x)}, {won_x, customers_b}}, arrow_style);
  flow_label(d, {won_x + 15, gap_value_y}, Anchor::start, sink_l - won_x - 20,
             value("won_per_year"), label("won_per_year"));

  // Churn to the competitors, and those won back to the market.
  const double churn_y = sink_y + sink_h / 2;
  box(d, sink_l, sink_y, sink_r, sink_y + sink_h, {"#f4f4f4", "#777", 1.5, 1, "", 8});
  d.text({(sink_l + sink_r) / 2, churn_y + 6}, words("report.competitors"), box_font);
  d.arrow({{customers_r, churn_y}, {sink_l, churn_y}}, arrow_style);
  flow_label(d, {(sink_l + sink_r) / 2, sink_y + sink_h + 30}, Anchor::middle, sink_r - sink_l,
             value("churned_per_year"), label("churned_per_year"));
  const double back_x = (sink_l + sink_r) / 2, back_y = market_y + market_h / 2;
  d.arrow({{back_x, sink_y}, {back_x, back_y}, {x1, back_y}}, {"none", "#333", 3, 1, "8 5", 0});
  flow_label(d, {back_x - 15, market_y + market_h + 45}, Anchor::end, back_x - x1 - 30,
             value("won_back_per_year"), label("won_back_per_year"));
  return d.str();
}

} // namespace salesfab::present::report
