// One table of translations: every metric, unit, platform and trace event in both languages.

#include "analysis/language.hpp"
#include "analysis/metrics.hpp"
#include "scenario/loader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace salesfab;
using analysis::Language;

TEST_CASE("every key of the translation table has an English and a Dutch text", "[analysis]") {
  for (const auto key : analysis::translation_keys()) {
    INFO(key);
    REQUIRE_FALSE(analysis::word(Language::en, key).empty());
    REQUIRE_FALSE(analysis::word(Language::nl, key).empty());
  }
}

TEST_CASE("every metric of every shipped scenario has a label in both languages", "[analysis]") {
  for (const auto &entry : std::filesystem::recursive_directory_iterator("scenarios")) {
    if (entry.path().extension() != ".yaml")
      continue;
    for (const auto &v : scenario::load_file(entry.path().string()).variants) {
      for (const auto &m : analysis::metric_catalogue(v.parameters)) {
        INFO(m.name);
        const std::string en = analysis::metric_label(Language::en, m.name);
        const std::string nl = analysis::metric_label(Language::nl, m.name);
        REQUIRE(en != m.name); // a label, not the identifier shown as it is
        REQUIRE(nl != m.name);
        REQUIRE(en != nl);
        REQUIRE(analysis::unit_label(Language::nl, m.unit) !=
                std::string("unit." + m.unit)); // every unit is in the table
      }
      for (const auto &m : analysis::period_metric_catalogue(v.parameters))
        REQUIRE_FALSE(m.unit.empty());
    }
  }
}

TEST_CASE("every trace event tells its story in both languages", "[analysis]") {
  const analysis::StoryContext context{{"intake", "offerte"}, {"mkb"}};
  for (int k = 0; k <= static_cast<int>(model::TraceKind::opportunity_won); ++k) {
    for (const Language language : {Language::en, Language::nl}) {
      model::TraceEvent e;
      e.kind = static_cast<model::TraceKind>(k);
      e.account = 17;
      e.opportunity = 4;
      e.stage = 1;
      e.value = 8200;
      const std::string line = analysis::story_line(language, e, context);
      INFO(line);
      REQUIRE(line.find('{') == std::string::npos); // every placeholder filled
      REQUIRE(line.find('?') == std::string::npos);
    }
  }
}

TEST_CASE("a story reads as the teacher expects", "[analysis]") {
  const analysis::StoryContext context{{"intake", "offerte"}, {"mkb"}};
  model::TraceEvent q;
  q.day = 12.4;
  q.account = 17;
  q.platform = model::Platform::market;
  q.kind = model::TraceKind::qualified;
  REQUIRE(analysis::story_line(Language::nl, q, context) ==
          "dag 12 — marktplatform: suspect 17 gekwalificeerd, op de shortlist");
  model::TraceEvent w = q;
  w.day = 140;
  w.platform = model::Platform::work;
  w.kind = model::TraceKind::opportunity_won;
  w.value = 8200;
  REQUIRE(analysis::story_line(Language::nl, w, context) ==
          "dag 140 — werkplatform: offerte gewonnen door account 17, closing date, "
          "contractwaarde 8.200");
  REQUIRE(analysis::story_line(Language::en, w, context) ==
          "day 140 — work platform: deal won by account 17: closing date, contract value 8,200");
}

TEST_CASE("amounts use each language's separators", "[analysis]") {
  REQUIRE(analysis::format_amount(Language::nl, 1234567.891, 2) == "1.234.567,89");
  REQUIRE(analysis::format_amount(Language::en, 1234567.891, 2) == "1,234,567.89");
  REQUIRE(analysis::format_amount(Language::en, -950) == "-950");
}
