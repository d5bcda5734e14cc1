#include "analysis/present/report/factory_diagram.hpp"

#include "analysis/measure/metric_names.hpp"
#include "analysis/present/report/svg.hpp"

#include <algorithm>
#include <cmath>

namespace salesfab::present::report {

namespace {

namespace names = analysis::names;
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

// The drawing of one variant, part by part, top to bottom.
class Diagram {
public:
  Diagram(const analysis::VariantResult &v, Language language)
      : v_(v), language_(language), d_(width, height, words("report.factory")) {}

  std::string draw() {
    platforms();
    market();
    shortlist();
    customers();
    new_opportunities();
    funnel();
    customer_loop();
    churn();
    return d_.str();
  }

private:
  [[nodiscard]] std::string value(std::string_view metric) const {
    return format_value(language_, v_.mean(metric));
  }
  [[nodiscard]] std::string label(std::string_view metric) const {
    return metric_label(language_, metric);
  }
  [[nodiscard]] std::string words(std::string_view key) const {
    return std::string(word(language_, key));
  }
  // A count rounded to fit its slot (the RKK table has the exact figure).
  [[nodiscard]] std::string count(std::string_view metric) const {
    const auto m = v_.mean(metric);
    if (!m || !std::isfinite(*m))
      return format_value(language_, m);
    const double a = std::abs(*m);
    return format_amount(language_, *m, a >= 100 || a == 0 ? 0 : a >= 1 ? 1 : 2);
  }
  [[nodiscard]] const std::vector<model::Stage> &stages() const {
    return v_.parameters.funnel.stages;
  }
  [[nodiscard]] double segment() const {
    return (funnel_r - funnel_l) / static_cast<double>(std::max<std::size_t>(1, stages().size()));
  }

  void platforms() {
    platform(d_, market_y, market_h, platform_name(language_, model::Platform::market), "#eaf2fb",
             "#0072B2");
    platform(d_, buying_y, buying_h, platform_name(language_, model::Platform::buying), "#e8f6ef",
             "#009E73");
    platform(d_, work_y, work_h, platform_name(language_, model::Platform::work), "#fdf1e6",
             "#D55E00");
  }

  // The market, outside the factory, and the suspects arriving from it.
  void market() {
    d_.text({flow_x, 26}, words("report.market"), {20, true, Anchor::middle, "#111", 0});
    box(d_, box_l, qualify_t, box_r, qualify_b, inner);
    d_.text({flow_x, (qualify_t + qualify_b) / 2 + 6}, words("report.qualify"), box_font);
    d_.arrow({{flow_x, 36}, {flow_x, qualify_t}}, arrow_style);
    flow_label(d_, {flow_x + 15, 62}, Anchor::start, 520, value(names::suspects_per_year),
               label(names::suspects_per_year));
  }

  // Qualified onto the shortlist, on the buying platform.
  void shortlist() {
    box(d_, box_l, shortlist_t, box_r, shortlist_b, inner);
    d_.text_lines({flow_x, (shortlist_t + shortlist_b) / 2 - 4},
                  svg::wrap(words("report.shortlist"), 18), 22, box_font);
    d_.arrow({{flow_x, qualify_b}, {flow_x, shortlist_t}}, arrow_style);
    flow_label(d_, {flow_x + 15, market_y + market_h + 45}, Anchor::start, 520,
               value(names::qualified_per_year), label(names::qualified_per_year));
  }

  // The customers, A/B/C at the end, behind their brick wall.
  void customers() {
    box(d_, customers_l, customers_t, customers_r, customers_b,
        {"#ffffff", "#B5532F", 6, 1, "16 3", 4});
    const double cx = (customers_l + customers_r) / 2;
    d_.text({cx, customers_t + 28},
            label(names::customers_end) + ": " + value(names::customers_end), note_font);
    const char *classes[] = {"a", "b", "c"};
    const std::string_view metrics[] = {names::customers_a_end, names::customers_b_end,
                                        names::customers_c_end};
    const char *class_colours[] = {"#0072B2", "#D55E00", "#009E73"};
    // Three slots across the box, each a class letter and its count: the count is rounded to
    // fit (at most five characters below 10 000; the RKK table has the exact figure).
    const double slot = (customers_r - customers_l - 24) / 3;
    for (int i = 0; i < 3; ++i) {
      const double x = customers_l + 12 + slot * i + 22;
      d_.text({x, customers_t + 66}, words(std::string("report.class_") + classes[i]),
              {24, true, Anchor::end, class_colours[i], 0});
      d_.text({x + 7, customers_t + 66}, count(metrics[i]), {22, true, Anchor::start, "#111", 0});
    }
    d_.text({cx, customers_b - 14},
            label(names::brickwall_coverage) + ": " + value(names::brickwall_coverage), note_font);
  }

  // Opportunities from prospects through the filter into the funnel.
  void new_opportunities() {
    d_.arrow({{flow_x, shortlist_b}, {flow_x, funnel_top_at(flow_x)}}, arrow_style);
    flow_label(d_, {flow_x + 15, gap_value_y}, Anchor::start, loop_x - flow_x - 35,
               value(names::opportunities_new_per_year), label(names::opportunities_new_per_year));
  }

  // The funnel: its stages from wide to narrow, the closing date at the narrow end.
  void funnel() {
    const double narrowing = (funnel_bottom - funnel_top - funnel_narrow) / 2;
    d_.polygon({{funnel_l, funnel_top},
                {funnel_r, funnel_top + narrowing},
                {funnel_r, funnel_bottom - narrowing},
                {funnel_l, funnel_bottom}},
               {"#ffffff", "#555", 1.5, 1, "", 0});
    std::size_t longest = 1;
    for (const auto &s : stages())
      longest = std::max(longest, s.name.size());
    const double stage_size =
        std::clamp(segment() / (0.6 * static_cast<double>(longest)) - 1, 10.0, 17.0);
    for (std::size_t s = 0; s < stages().size(); ++s) {
      const double l = funnel_l + segment() * static_cast<double>(s);
      if (s > 0)
        d_.line({l, funnel_top_at(l)}, {l, funnel_bottom - (funnel_top_at(l) - funnel_top)},
                {"none", "#999", 1, 1, "4 3", 0});
      d_.text({l + segment() / 2, (funnel_top + funnel_bottom) / 2 + stage_size * 0.35},
              stages()[s].name, {stage_size, false, Anchor::middle, "#111", 0});
    }
  }

  // The loop: customers' wishes to buy enter the funnel at their stage; deals won come back.
  void customer_loop() {
    const std::size_t last = std::max<std::size_t>(1, stages().size()) - 1;
    const std::size_t enter = std::min(v_.parameters.funnel.existing_enter_stage, last);
    const double enter_x =
        std::max(flow_x + 70, funnel_l + segment() * (static_cast<double>(enter) + 0.5));
    std::vector<Point> loop{{loop_x, customers_b}};
    if (enter_x != loop_x)
      loop.push_back({loop_x, work_y - 16});
    loop.push_back({enter_x, funnel_top_at(enter_x)});
    d_.arrow(loop, arrow_style);
    flow_label(d_, {loop_x + 15, gap_value_y}, Anchor::start, won_x - loop_x - 30,
               value(names::opportunities_existing_per_year),
               label(names::opportunities_existing_per_year));
    d_.arrow({{won_x, funnel_top_at(won_x)}, {won_x, customers_b}}, arrow_style);
    flow_label(d_, {won_x + 15, gap_value_y}, Anchor::start, sink_l - won_x - 20,
               value(names::won_per_year), label(names::won_per_year));
  }

  // Churn to the competitors, and those won back to the market.
  void churn() {
    const double churn_y = sink_y + sink_h / 2;
    box(d_, sink_l, sink_y, sink_r, sink_y + sink_h, {"#f4f4f4", "#777", 1.5, 1, "", 8});
    d_.text({(sink_l + sink_r) / 2, churn_y + 6}, words("report.competitors"), box_font);
    d_.arrow({{customers_r, churn_y}, {sink_l, churn_y}}, arrow_style);
    flow_label(d_, {(sink_l + sink_r) / 2, sink_y + sink_h + 30}, Anchor::middle, sink_r - sink_l,
               value(names::churned_per_year), label(names::churned_per_year));
    const double back_x = (sink_l + sink_r) / 2, back_y = market_y + market_h / 2;
    d_.arrow({{back_x, sink_y}, {back_x, back_y}, {x1, back_y}}, {"none", "#333", 3, 1, "8 5", 0});
    flow_label(d_, {back_x - 15, market_y + market_h + 45}, Anchor::end, back_x - x1 - 30,
               value(names::won_back_per_year), label(names::won_back_per_year));
  }

  static constexpr double qualify_t = market_y + 25, qualify_b = market_y + market_h - 25;
  static constexpr double shortlist_t = buying_y + 30, shortlist_b = buying_y + buying_h - 30;
  static constexpr double customers_t = buying_y + 20, customers_b = buying_y + buying_h - 20;
  static constexpr double gap_value_y = buying_y + buying_h + 32;
  inline static const Style inner{"#ffffff", "#555", 1.5, 1, "", 8};
  inline static const Font box_font{19, true, Anchor::middle, "#111", 0};
  inline static const Font note_font{16, false, Anchor::middle, "#333", 0};

  const analysis::VariantResult &v_;
  Language language_;
  svg::Drawing d_;
};

} // namespace

std::string factory_diagram(const analysis::VariantResult &variant, Language language) {
  return Diagram(variant, language).draw();
}

} // namespace salesfab::present::report
