// The report's writers: the small SVG writer (escaping, numbers, ticks, line charts with gaps and
// bands) and the HTML page (self-contained, escaped, deterministic, in both languages).

#include "analysis/present/report/factory_diagram.hpp"
#include "analysis/present/report/html_report.hpp"
#include "analysis/present/report/svg.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>
#include <deque>
#include <limits>

using namespace salesfab::analysis;
using namespace salesfab::present;
namespace svg = salesfab::present::svg;

namespace {

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// What a self-contained page must not contain: anything that would fetch from elsewhere.
void require_no_external_reference(const std::string &html) {
  for (const char *bad : {"http://", "https://", "src=", "<link", "@import", "url(", "<script"}) {
    INFO(bad);
    REQUIRE(html.find(bad) == std::string::npos);
  }
}

VariantResult variant(std::string variant_name, std::size_t periods = 6) {
  VariantResult v;
  v.scenario = "basis";
  v.variant = std::move(variant_name);
  v.parameters.title = "A small factory";
  v.parameters.run.replications = 5;
  v.parameters.run.seed = 7;
  v.parameters.run.confidence = 0.95;
  v.parameters.time.horizon_days = 180 + 30.0 * static_cast<double>(periods);
  v.parameters.time.warmup_days = 180;
  for (const char *stage : {"intake", "offerte"}) {
    salesfab::model::Stage s;
    s.name = stage;
    v.parameters.funnel.stages.push_back(s);
  }
  v.parameters.funnel.existing_enter_stage = 1;
  auto metric = [&](const char *name, Rkk rkk, const char *unit, double mean) {
    Summary s;
    s.mean = mean;
    s.ci_low = mean * 0.9;
    s.ci_high = mean * 1.1;
    s.n = 5;
    MetricInfo info;
    info.name = name;
    info.rkk = rkk;
    info.unit = unit;
    v.metrics.push_back(info);
    v.summaries.push_back(s);
  };
  metric("suspects_per_year", Rkk::kwantiteit, "per year", 1742);
  metric("qualified_per_year", Rkk::kwantiteit, "per year", 672);
  metric("opportunities_new_per_year", Rkk::kwantiteit, "per year", 618);
  metric("opportunities_existing_per_year", Rkk::kwantiteit, "per year", 189);
  metric("won_per_year", Rkk::kwantiteit, "per year", 214);
  metric("revenue_per_year", Rkk::kwantiteit, "money per year", 2481822);
  metric("churned_per_year", Rkk::kwantiteit, "per year", 47.3);
  metric("won_back_per_year", Rkk::kwantiteit, "per year", 20.2);
  metric("customers_end", Rkk::kwantiteit, "count", 303);
  metric("customers_a_end", Rkk::kwantiteit, "count", 8.7);
  metric("customers_b_end", Rkk::kwantiteit, "count", 57);
  metric("customers_c_end", Rkk::kwantiteit, "count", 238);
  metric("churn_rate", Rkk::kwaliteit, "per customer-year", 0.16);
  metric("brickwall_coverage", Rkk::kwaliteit, "share", 0.773);
  metric("utilisation_account_executive", Rkk::kwaliteit, "share", 0.8);
  metric("customer_growth_per_year", Rkk::richting, "customers per year", 95);
  for (const char *m : {"customers_a", "customers_b", "customers_c", "revenue", "pipeline_intake",
                        "pipeline_offerte", "queue_qualifier", "queue_account_executive",
                        "utilisation_qualifier", "utilisation_account_executive"}) {
    MetricInfo info;
    info.name = m;
    v.period_metrics.push_back(info);
  }
  salesfab::analysis::Replication first; // where the periods start
  for (std::size_t p = 0; p < periods; ++p) {
    first.period_start_days.push_back(180 + 30.0 * static_cast<double>(p));
    const double x = 10 + static_cast<double>(p);
    std::vector<Summary> row;
    for (std::size_t m = 0; m < v.period_metrics.size(); ++m) {
      Summary s;
      s.mean = x;
      s.ci_low = x - 1;
      s.ci_high = x + 1;
      row.push_back(s);
    }
    v.series.push_back(std::move(row));
  }
  v.replications.push_back(std::move(first));
  return v;
}

// A report's input and the results it points to.
struct Page {
  std::deque<VariantResult> results;
  report::Input in;
  void add(VariantResult v) {
    results.push_back(std::move(v));
    in.variants.push_back({&results.back(), 0});
  }
};

Page input(Language language) {
  Page page;
  page.in.language = language;
  page.in.version = "0.1.0";
  page.in.files.push_back({"scenarios/basis.yaml", "name: basis\n", "c0ffee"});
  page.add(variant("basis"));
  return page;
}

} // namespace

TEST_CASE("svg escape makes angle brackets ampersands and quotes harmless", "[analysis]") {
  REQUIRE(svg::escape("<b>\"R&D\" 'x'</b>") ==
          "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;");
  REQUIRE(svg::escape("plain text") == "plain text");
  REQUIRE(svg::escape("") == "");
}

TEST_CASE("svg numbers have at most two decimals and a point whatever the locale", "[analysis]") {
  REQUIRE(svg::number(2) == "2");
  REQUIRE(svg::number(1.5) == "1.5");
  REQUIRE(svg::number(1234.567) == "1234.57");
  REQUIRE(svg::number(-0.001) == "0");
  REQUIRE(svg::number(-12.25) == "-12.25");
  // A locale with a decimal comma, where one is installed, changes nothing.
  if (std::setlocale(LC_NUMERIC, "nl_NL.UTF-8") || std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
    REQUIRE(svg::number(1.5) == "1.5");
    std::setlocale(LC_NUMERIC, "C");
  }
  REQUIRE_THROWS_AS(svg::number(std::nan("")), std::logic_error);
}

TEST_CASE("nice ticks are round steps covering the range", "[analysis]") {
  const auto t = svg::nice_ticks(0, 97);
  REQUIRE(t.step == 20);
  REQUIRE(t.values == std::vector<double>{0, 20, 40, 60, 80, 100});
  const auto small = svg::nice_ticks(0.12, 0.83);
  REQUIRE(small.step == Approx(0.2));
  REQUIRE(small.values.front() <= 0.12);
  REQUIRE(small.values.back() >= 0.83);
  const auto negative = svg::nice_ticks(-3.5, 12);
  REQUIRE(negative.values.front() <= -3.5);
  REQUIRE(negative.values.back() >= 12);
  REQUIRE(std::count(negative.values.begin(), negative.values.end(), 0.0) == 1);
  const auto flat = svg::nice_ticks(5, 5); // one value: still a range around it
  REQUIRE(flat.values.size() >= 2);
  REQUIRE(flat.values.front() < 5);
  REQUIRE(flat.values.back() > 5);
  REQUIRE(svg::nice_ticks(0, 0).values.size() >= 2);
  REQUIRE_THROWS_AS(svg::nice_ticks(2, 1), std::logic_error);
}

TEST_CASE("wrap breaks at spaces and counts characters not bytes", "[analysis]") {
  REQUIRE(svg::wrap("verkoopkansen van klanten per jaar", 17) ==
          std::vector<std::string>{"verkoopkansen van", "klanten per jaar"});
  REQUIRE(svg::wrap("onderhandelingsfase kort", 5) ==
          std::vector<std::string>{"onderhandelingsfase", "kort"});
  REQUIRE(svg::wrap("één twee", 8) == std::vector<std::string>{"één twee"});
  REQUIRE(svg::wrap("", 10).empty());
}

TEST_CASE("a line chart draws a line and a band per series with axes and a legend", "[analysis]") {
  svg::LineChart c;
  c.x = {1, 2, 3, 4};
  c.x_label = "years";
  c.y_label = "customers";
  c.series.push_back({"A & <B>", {1.0, 2.0, 3.0, 4.0}, {0.5, 1.5, 2.5, 3.5}, {1.5, 2.5, 3.5, 4.5}});
  const std::string s = svg::line_chart(c);
  REQUIRE(s.rfind("<svg viewBox=\"0 0 640 400\"", 0) == 0);
  REQUIRE(count(s, "<polyline") == 1);
  REQUIRE(count(s, "<polygon") == 1);
  REQUIRE_THAT(s, Catch::Contains(">A &amp; &lt;B&gt;</text>"));
  REQUIRE_THAT(s, Catch::Contains(">years</text>"));
  REQUIRE_THAT(s, Catch::Contains("rotate(-90"));
  REQUIRE(s.find("<B>") == std::string::npos);
  REQUIRE(s == svg::line_chart(c)); // deterministic
}

TEST_CASE("a chart with no values says so and draws no line", "[analysis]") {
  svg::LineChart c;
  c.empty_text = "geen gegevens";
  REQUIRE_THAT(svg::line_chart(c), Catch::Contains(">geen gegevens</text>"));
  c.x = {1, 2, 3};
  c.series.push_back({"empty", {}, {}, {}});
  c.series.push_back({"all missing", {std::nullopt, std::nullopt, std::nullopt}, {}, {}});
  const std::string s = svg::line_chart(c);
  REQUIRE_THAT(s, Catch::Contains(">geen gegevens</text>"));
  REQUIRE(count(s, "<polyline") == 0);
  REQUIRE(count(s, "<polygon") == 0);
  REQUIRE(s.find("nan") == std::string::npos);
}

TEST_CASE("missing and non-finite values break a chart's line and band", "[analysis]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  svg::LineChart c;
  c.x = {1, 2, 3, 4, 5, 6};
  svg::Series s{"s", {1.0, 2.0, std::nullopt, 4.0, 5.0, nan}, {}, {}};
  s.low = {0.0, 1.0, std::nullopt, 3.0, 4.0, std::nullopt};
  s.high = {2.0, 3.0, std::nullopt, 5.0, 6.0, 7.0};
  c.series.push_back(s);
  const std::string out = svg::line_chart(c);
  REQUIRE(count(out, "<polyline") == 2); // 1-2 and 4-5
  REQUIRE(count(out, "<polygon") == 2);
  REQUIRE(out.find("nan") == std::string::npos);
  REQUIRE(out.find("inf") == std::string::npos);

  svg::LineChart lone; // one point alone is a dot
  lone.x = {1, 2, 3};
  lone.series.push_back({"s", {std::nullopt, 2.0, std::nullopt}, {}, {}});
  REQUIRE(count(svg::line_chart(lone), "<circle") == 1);

  svg::LineChart flat; // every value the same, one x: still a chart
  flat.x = {2};
  flat.series.push_back({"s", {3.0}, {3.0}, {3.0}});
  REQUIRE(count(svg::line_chart(flat), "<circle") == 1);
}

TEST_CASE("an arrow ends in a drawn head and needs a segment", "[analysis]") {
  svg::Drawing d(100, 100, "arrow");
  d.arrow({{10, 10}, {10, 90}}, {"none", "#333", 3, 1, "", 0});
  const std::string s = d.str();
  REQUIRE(count(s, "<polyline") == 1);
  REQUIRE(count(s, "<polygon") == 1);
  REQUIRE_THAT(s, Catch::Contains("10,90")); // the head's tip
  REQUIRE_THAT(s, Catch::Contains("aria-label=\"arrow\""));
  REQUIRE_THROWS_AS(d.arrow({{1, 1}}, {}), std::logic_error);
  REQUIRE_THROWS_AS(d.arrow({{1, 1}, {1, 1}}, {}), std::logic_error);
}

TEST_CASE("report values are grouped and use the language's decimal mark", "[analysis]") {
  REQUIRE(report::format_value(Language::en, 2481822.4) == "2 481 822");
  REQUIRE(report::format_value(Language::nl, 2481822.4) == "2 481 822");
  REQUIRE(report::format_value(Language::nl, 0.773) == "0,773");
  REQUIRE(report::format_value(Language::en, 47.26) == "47.3");
  REQUIRE(report::format_value(Language::en, 0.0) == "0");
  REQUIRE(report::format_value(Language::en, std::nullopt) == "\u2013");
  REQUIRE(report::format_value(Language::en, std::nan("")) == "\u2013");
}

TEST_CASE("the factory diagram shows the three platforms and the flows of the run", "[analysis]") {
  const auto v = variant("basis");
  const std::string nl = report::factory_diagram(v, Language::nl);
  for (const char *w :
       {">marktplatform<", ">koopplatform<", ">werkplatform<", ">1 742<", ">672<", ">618<", ">189<",
        ">214<", ">47,3<", ">20,2<", ">238<", ">offerte<", ">concurrenten<", ">de markt<"}) {
    INFO(w);
    REQUIRE_THAT(nl, Catch::Contains(w));
  }
  const std::string en = report::factory_diagram(v, Language::en);
  for (const char *w : {">market platform<", ">buying platform<", ">work platform<", ">1 742<",
                        ">suspects per year<"}) {
    INFO(w);
    REQUIRE_THAT(en, Catch::Contains(w));
  }
  VariantResult empty; // no metrics, no stages: dashes, no crash
  const std::string bare = report::factory_diagram(empty, Language::en);
  REQUIRE_THAT(bare, Catch::Contains(">\u2013<"));
}

TEST_CASE("the report page is self-contained and deterministic", "[analysis]") {
  const auto page = input(Language::en);
  const auto &in = page.in;
  const std::string html = report::html_report(in);
  REQUIRE(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  REQUIRE_THAT(html, Catch::Contains("<style>"));
  REQUIRE_THAT(html, Catch::Contains("@media print"));
  REQUIRE_THAT(html, Catch::EndsWith("</html>\n"));
  require_no_external_reference(html);
  REQUIRE(html == report::html_report(in));
  // Five charts and the factory: six drawings.
  REQUIRE(count(html, "<svg ") == 6);
  REQUIRE_THAT(html, Catch::Contains("Kwantiteit (quantity)"));
  REQUIRE_THAT(html, Catch::Contains("Kwaliteit (quality)"));
  REQUIRE_THAT(html, Catch::Contains("Richting (direction)"));
  REQUIRE_THAT(html, Catch::Contains("<pre>name: basis\n</pre>"));
  REQUIRE_THAT(html, Catch::Contains("0.1.0"));
}

TEST_CASE("the report escapes names and scenario text", "[analysis]") {
  auto page = input(Language::nl);
  auto &in = page.in;
  page.results[0].variant = "<b>\"x\" & y</b>";
  page.results[0].parameters.title = "R&D <test>";
  page.results[0].parameters.funnel.stages[0].name = "<intake>";
  page.results[0].parameters.funnel.stages[1].name = "of&fer";
  in.files[0].source = "my <file>.yaml";
  in.files[0].text = "title: \"<script>alert('&')</script>\"\n";
  in.sets = {"staff.x=\"<1>\""};
  const std::string html = report::html_report(in);
  REQUIRE(html.find("<b>") == std::string::npos);
  REQUIRE(html.find("<script>") == std::string::npos);
  REQUIRE(html.find("<intake>") == std::string::npos);
  REQUIRE(html.find("<test>") == std::string::npos);
  REQUIRE(html.find("<file>") == std::string::npos);
  REQUIRE_THAT(html, Catch::Contains("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"));
  REQUIRE_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;"));
  REQUIRE_THAT(html, Catch::Contains("&lt;intake&gt;"));
  REQUIRE_THAT(html, Catch::Contains("of&amp;fer"));
  REQUIRE_THAT(html, Catch::Contains("--set staff.x=&quot;&lt;1&gt;&quot;"));
  require_no_external_reference(html);
}

TEST_CASE("the report in Dutch names the platforms and RKK in Dutch", "[analysis]") {
  const std::string html = report::html_report(input(Language::nl).in);
  REQUIRE(html.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0) == 0);
  for (const char *w :
       {"marktplatform", "koopplatform", "werkplatform", "Kwantiteit", "Kwaliteit", "Richting",
        "Klanten per klasse", "Omzet per periode", "omzet per jaar", "Het scenario"}) {
    INFO(w);
    REQUIRE_THAT(html, Catch::Contains(w));
  }
  REQUIRE(html.find("market platform") == std::string::npos);
}

TEST_CASE("several variants are shown side by side with the best marked", "[analysis]") {
  auto page = input(Language::en);
  page.add(variant("basis, staff.account_manager.headcount=2"));
  page.results.back().summaries[5].mean = 3000000; // revenue_per_year: the better one
  const std::string html = report::html_report(page.in);
  REQUIRE_THAT(html, Catch::Contains("id=\"side-by-side\""));
  REQUIRE_THAT(html, Catch::Contains("<td class=\"best\">3\u00a0000\u00a0000 *"));
  REQUIRE_THAT(html, Catch::Contains("href=\"#variant-2\""));
  REQUIRE(count(html, "<section class=\"variant\"") == 2);
  require_no_external_reference(html);
}

TEST_CASE("a report with missing series and values still renders", "[analysis]") {
  auto page = input(Language::en);
  page.results[0].series.clear();
  for (auto &s : page.results[0].summaries)
    s = {};
  const std::string html = report::html_report(page.in);
  REQUIRE(count(html, ">no data</text>") == 5);
  REQUIRE(html.find("nan") == std::string::npos);
  auto none = input(Language::en);
  none.in.variants.clear();
  REQUIRE_THAT(report::html_report(none.in), Catch::Contains("nothing to show"));
}
