# Writes INPUT (a scenario file) into OUTPUT as the text of default_scenario_text().
file(READ "${INPUT}" content)
string(FIND "${content}" ")salesfab_yaml\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from scenarios/basis.yaml by sim/scenario/embed_scenario.cmake. Do not edit.\n"
  "#include \"scenario/loader.hpp\"\n\n"
  "namespace salesfab::scenario {\n\n"
  "std::string_view default_scenario_text() {\n"
  "  static constexpr std::string_view text = R\"salesfab_yaml(${content})salesfab_yaml\";\n"
  "  return text;\n"
  "}\n\n"
  "} // namespace salesfab::scenario\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
