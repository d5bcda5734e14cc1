#include "analysis/output/csv_writer.hpp"
#include "analysis/output/json_writer.hpp"
#include "analysis/output/table_writer.hpp"

namespace salesfab::output {

std::unique_ptr<Writer> make_writer(Format format, present::Language language) {
  switch (format) {
  case Format::table:
    return std::make_unique<TableWriter>(language);
  case Format::csv:
    return std::make_unique<CsvWriter>();
  case Format::json:
    return std::make_unique<JsonWriter>();
  }
  return nullptr;
}

} // namespace salesfab::output
