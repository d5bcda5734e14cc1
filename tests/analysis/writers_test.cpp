#include "analysis/measure/metrics.hpp"
#include "analysis/output/csv.hpp"
#include "analysis/output/csv_writer.hpp"
#include "analysis/output/json.hpp"
#include "analysis/output/records.hpp"
#include "analysis/output/sha256.hpp"
#include "analysis/output/table_writer.hpp"
#include "analysis/present/numbers.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>

using namespace salesfab::analysis;
using namespace salesfab::output;

TEST_CASE("CSV fields are quoted exactly when RFC 4180 needs it", "[analysis]") {
  REQUIRE(csv_field("basis") == "basis");
  REQUIRE(csv_field("basis[a=1,b=2]") == "\"basis[a=1,b=2]\"");
  REQUIRE(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  REQUIRE(csv_field("two\nlines") == "\"two\nlines\"");
  REQUIRE(csv_line({"a", "", "c"}) == "a,,c\n");
}

TEST_CASE("CSV numbers use a point, read back exactly, and are empty when missing", "[analysis]") {
  REQUIRE(csv_number(0.1) == "0.1");
  REQUIRE(csv_number(1e-7) == "1e-07");
  REQUIRE(csv_number(std::nullopt).empty());
  REQUIRE(csv_number(NAN).empty());
  for (const double x : {1.0 / 3, 2535306.123456789, -0.000123, 6.02e23}) {
    const std::string s = csv_number(x);
    double back = 0;
    std::from_chars(s.data(), s.data() + s.size(), back);
    REQUIRE(back == x);
  }
}

TEST_CASE("the strict CSV reader reads what the writer writes", "[analysis]") {
  const std::string text = csv_line({"scenario", "variant", "value"}) +
                           csv_line({"basis", csv_field("basis[a=1,b=\"x\"]"), "1.5"}) +
                           csv_line({"b", csv_field("multi\nline"), ""});
  const auto rows = read_csv(text);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[1][1] == "basis[a=1,b=\"x\"]");
  REQUIRE(rows[2][1] == "multi\nline");
  REQUIRE(rows[2][2].empty());
}

TEST_CASE("the strict CSV reader refuses what is not CSV", "[analysis]") {
  REQUIRE_THROWS_WITH(read_csv("a,b\n1\n"), Catch::Contains("line 2: 1 fields, the header has 2"));
  REQUIRE_THROWS_WITH(read_csv("a,b\n\"1\"x,2\n"), Catch::Contains("text after a closing quote"));
  REQUIRE_THROWS_WITH(read_csv("a,b\n1,2"), Catch::Contains("no line end"));
  REQUIRE_THROWS_WITH(read_csv("a,b\n1\"2,3\n"), Catch::Contains("a quote inside"));
  REQUIRE_THROWS_WITH(read_csv("a\n\"open\n"), Catch::Contains("does not end"));
}

TEST_CASE("JSON is escaped, numbers are exact or null, and bad UTF-8 never makes bad JSON",
          "[analysis]") {
  Json j = Json::object();
  j["text"] = "a\"b\\c\nd";
  j["control"] = std::string("x\x01y", 3);
  j["quarter"] = json_number(0.25);
  j["none"] = json_number(std::nullopt);
  j["infinite"] = json_number(INFINITY);
  j["broken"] = std::string("ok\xff\xfe", 4); // not UTF-8: replaced, never invalid JSON
  REQUIRE(dump_line(j) == "{\"text\":\"a\\\"b\\\\c\\nd\",\"control\":\"x\\u0001y\","
                          "\"quarter\":0.25,\"none\":null,\"infinite\":null,"
                          "\"broken\":\"ok\xef\xbf\xbd\xef\xbf\xbd\"}\n");
  // Shortest round trip: a number written is the same double read back.
  const double third = 1.0 / 3;
  REQUIRE(Json::parse(dump(json_number(third))).get<double>() == third);
}

TEST_CASE("records become CSV and JSON with the same columns", "[analysis]") {
  Records r{{"name", "mean", "n", "significant"}, {}};
  r.rows.push_back({std::string("a,b"), MetricValue(0.5), std::uint64_t{3}, true});
  r.rows.push_back({std::string("c"), MetricValue(), std::uint64_t{0}, false});
  REQUIRE(to_csv(r) == "name,mean,n,significant\n\"a,b\",0.5,3,1\nc,,0,0\n");
  REQUIRE(to_csv(r, false) == "\"a,b\",0.5,3,1\nc,,0,0\n");
  const Json j = to_json(r);
  REQUIRE(j.size() == 2);
  REQUIRE(j[0]["name"] == "a,b");
  REQUIRE(j[0]["significant"] == true);
  REQUIRE(j[1]["mean"].is_null());
  REQUIRE(r.column("n") == 2);
  REQUIRE_THROWS_AS(r.column("nope"), std::out_of_range);
}

TEST_CASE("SHA-256 matches the FIPS 180 test vectors", "[analysis]") {
  REQUIRE(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  REQUIRE(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  REQUIRE(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  REQUIRE(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("quantiles interpolate between order statistics (type 7)", "[analysis]") {
  std::vector<double> v = {10, 1, 7, 3, 5};
  REQUIRE(quantile(v, 0.9) == Approx(8.8)); // 7 + 0.6 x (10 - 7)
  REQUIRE(quantile(v, 0.5) == Approx(5));
  REQUIRE(quantile(v, 0) == Approx(1));
  REQUIRE(quantile(v, 1) == Approx(10));
  std::vector<double> one = {4};
  REQUIRE(quantile(one, 0.9) == 4);
}

TEST_CASE("intervals past a natural bound are clipped and marked in tables, raw in files",
          "[analysis]") {
  // Metric definitions know their bounds.
  const auto catalogue = metric_catalogue(salesfab::model::Parameters{});
  auto bounds = [&](std::string_view name) {
    for (const auto &m : catalogue)
      if (m.name == name)
        return m.bounds;
    FAIL("no metric " << name);
    return Bounds{};
  };
  REQUIRE(bounds("customers_a_end").low == 0.0);
  REQUIRE_FALSE(bounds("customers_a_end").high);
  REQUIRE(bounds("win_rate").low == 0.0);
  REQUIRE(bounds("win_rate").high == 1.0);
  REQUIRE(bounds("margin_pct").high == 100.0);
  REQUIRE(bounds("a_share_change").low == -1.0);
  REQUIRE_FALSE(bounds("customer_growth_per_year").low);

  VariantResult v;
  v.scenario = v.variant = "bounds";
  v.parameters.run.replications = 4;
  v.parameters.run.confidence = 0.95;
  auto metric = [&](const char *name, Rkk rkk, const char *unit, double mean, double low,
                    double high) {
    Summary s;
    s.mean = mean;
    s.ci_low = low;
    s.ci_high = high;
    s.n = 4;
    MetricInfo info;
    info.name = name;
    info.rkk = rkk;
    info.unit = unit;
    info.bounds = natural_bounds(unit);
    v.metrics.push_back(info);
    v.summaries.push_back(s);
  };
  metric("customers_a_end", Rkk::kwantiteit, "count", 0.05, -0.05, 0.15);
  metric("win_rate", Rkk::kwaliteit, "share", 0.98, 0.95, 1.01);
  metric("customer_growth_per_year", Rkk::richting, "customers per year", 2, -3, 7);
  const std::string table = TableWriter(salesfab::present::Language::en).rkk_table(v);
  INFO(table);
  REQUIRE_THAT(table, Catch::Contains("0.0500      0\u2020    0.150"));
  REQUIRE_THAT(table, Catch::Contains("0.950    1.00\u2020"));
  REQUIRE_THAT(table, Catch::Contains("2.00   -3.00     7.00")); // growth has no bound
  REQUIRE_THAT(table,
               Catch::Contains("\u2020 the interval is clipped at the metric's natural bound"));
  // Dutch says it too.
  REQUIRE_THAT(TableWriter(salesfab::present::Language::nl).rkk_table(v),
               Catch::Contains("\u2020 het interval is afgekapt"));
  // The files keep the t-interval as it is.
  const VariantResult *variants[] = {&v};
  const std::string csv = to_csv(summary_records(variants));
  REQUIRE_THAT(csv, Catch::Contains(",-0.05,0.15,"));
  REQUIRE_THAT(csv, Catch::Contains(",0.95,1.01,"));
  // A table with nothing clipped has no note.
  v.summaries[0].ci_low = 0.01;
  v.summaries[1].ci_high = 0.99;
  REQUIRE_THAT(TableWriter(salesfab::present::Language::en).rkk_table(v),
               !Catch::Contains("clipped"));
}
