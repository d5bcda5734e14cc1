#pragma once
// Words for people, in English or Dutch: every label salesfab prints, from one table
// (translations.cpp). Metric names themselves (revenue_per_year) are identifiers and stay as
// they are in result files; tables and reports show their labels.

#include "analysis/measure/metrics.hpp"
#include "analysis/measure/theory/factory_theory.hpp"
#include "model/journeys.hpp"
#include "model/trace.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace salesfab::present {

namespace theory = analysis::theory;

/// The languages of the output.
enum class Language { en, nl };

/// "en" or "nl"; nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);

/// A word or phrase of the interface by its key (e.g. "kwantiteit", "mean", "ci_low"); throws
/// std::out_of_range for a key the table lacks (a bug).
std::string_view word(Language language, std::string_view key);

/// The text with every {name} replaced by its value, e.g. fill(word(l, "run_note"),
/// {{"n", "20"}, {"c", "95"}}); placeholders without a value stay as they are.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

/// A metric's label: "revenue per year" / "omzet per jaar"; conversion_STAGE becomes
/// "conversion at STAGE" / "conversie in STAGE".
std::string metric_label(Language language, std::string_view metric);

/// A unit: "per year" / "per jaar".
std::string_view unit_label(Language language, std::string_view unit);

/// The platform's name: "market platform" / "marktplatform".
std::string_view platform_name(Language language, model::Platform platform);

/// How theory got a value, or why it has none, in words: its phrases one after the other.
std::string phrase_text(Language language, const theory::Phrases &phrases);

/// Every key of the table (for the test that each has both languages).
std::vector<std::string_view> translation_keys();

/// What the scenario needs to tell a story: the names of its stages and segments.
struct StoryContext {
  std::vector<std::string> stages;
  std::vector<std::string> segments;
};

/// One step of an account's journey in plain words, without the day and platform
/// ("suspect 17 gekwalificeerd, op de shortlist").
std::string story(Language language, const model::TraceEvent &event, const StoryContext &context);

/// A whole line: "dag 12 — marktplatform: suspect 17 gekwalificeerd, op de shortlist".
std::string story_line(Language language, const model::TraceEvent &event,
                       const StoryContext &context);

/// The journeys followed, account by account: a heading, then a line per step.
std::string journeys_told(Language language, const model::Journeys &journeys,
                          const StoryContext &context);

} // namespace salesfab::present
