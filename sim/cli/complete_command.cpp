// salesfab complete LINE: what bash completion offers for the last word of LINE (the command
// line up to the cursor): commands, each command's options (read from its --help text, so a new
// option is offered without being listed twice), the values of --format and --lang, the shipped
// scenarios after --example, and after --set the key paths of the scenario named on the line
// (else the built-in default), each with its '='. One candidate a line; none where a file name
// is expected (the completion script then lets bash complete file names).

#include "cli/command.hpp"
#include "cli/examples.hpp"
#include "scenario/loader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace salesfab::cli {

namespace {

// One line of a --help text that names an option, as Boost.Program_options lays it out:
// "  --name arg  ..." or "  -x [ --name ] arg  ...": the option and whether it takes a value.
// (Parsed by hand: std::regex here trips g++ 12's -Wmaybe-uninitialized at -O1.)
std::optional<std::pair<std::string, bool>> option_line(std::string_view text) {
  if (!text.starts_with("  "))
    return std::nullopt;
  text.remove_prefix(2);
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  if (text.size() > 5 && text[0] == '-' && word(text[1]) && text.substr(2, 3) == " [ ")
    text.remove_prefix(5);
  if (!text.starts_with("--"))
    return std::nullopt;
  std::size_t end = 2;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-'))
    ++end;
  if (end == 2)
    return std::nullopt;
  std::string name(text.substr(0, end));
  text.remove_prefix(end);
  if (text.starts_with(" ]"))
    text.remove_prefix(2);
  return std::pair{std::move(name), text.starts_with(" arg")};
}

// The options of a command's --help text, each with whether it takes a value.
std::map<std::string, bool> options_of(const Command &command) {
  std::map<std::string, bool> options;
  std::istringstream help(help_text(command));
  for (std::string text; std::getline(help, text);)
    if (auto option = option_line(text))
      options[option->first] = option->second;
  return options;
}

const Command *find_command(std::string_view name) {
  for (const Command &c : commands())
    if (c.name == name)
      return &c;
  return nullptr;
}

// The scenario the line names (a file, or --example NAME), else the built-in default.
std::vector<std::string> scenario_keys(const std::vector<std::string> &words,
                                       const std::map<std::string, bool> &options) {
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    const std::string &w = words[i];
    const auto option = options.find(w);
    try {
      if (option != options.end() && option->second) {
        if (w == "--example" && i + 2 < words.size())
          return scenario::key_paths(
              scenario::load_file(example_file(words[i + 1])).variants.front().parameters);
        ++i; // the option's value
      } else if (!w.empty() && w[0] != '-' && std::filesystem::is_regular_file(w)) {
        return scenario::key_paths(scenario::load_file(w).variants.front().parameters);
      }
    } catch (const std::exception &) {
      // not a scenario that loads: offer the default's keys
    }
  }
  return scenario::key_paths(scenario::load_default().variants.front().parameters);
}

std::vector<std::string> values_of(const std::string &option, const std::vector<std::string> &words,
                                   const std::map<std::string, bool> &options) {
  if (option == "--set") {
    std::vector<std::string> keys = scenario_keys(words, options);
    for (auto &k : keys)
      k += '=';
    return keys;
  }
  if (option == "--example")
    return example_names();
  if (option == "--format")
    return {"table", "csv", "json"};
  if (option == "--lang")
    return {"en", "nl"};
  return {};
}

std::vector<std::string> candidates(const std::vector<std::string> &words) {
  const std::string &cur = words.back();
  std::vector<std::string> all;
  if (words.size() <= 2) {
    if (!cur.empty() && cur[0] == '-')
      return {"--help", "--version"};
    for (const Command &c : commands())
      all.emplace_back(c.name);
    return all;
  }
  const Command *command = find_command(words[1]);
  if (!command)
    return {};
  const auto options = options_of(*command);
  if (cur.starts_with("--") && cur.find('=') != std::string::npos) {
    const std::string option = cur.substr(0, cur.find('='));
    for (const auto &v : values_of(option, words, options))
      all.push_back(option + "=" + v);
    return all;
  }
  const std::string &prev = words[words.size() - 2];
  if (const auto o = options.find(prev); o != options.end() && o->second)
    return values_of(prev, words, options);
  if (!cur.empty() && cur[0] == '-')
    for (const auto &[name, takes_value] : options)
      all.push_back(name);
  return all;
}

} // namespace

int complete_main(std::span<const std::string> args) {
  if (args.size() != 1 || args[0] == "--help") {
    std::cout << "salesfab complete LINE\n\nPrints, one a line, the completions of LINE's last "
                 "word (LINE: the command line up to the cursor). Used by bash completion.\n";
    return args.size() == 1 ? exit_ok : exit_invalid;
  }
  std::vector<std::string> words;
  std::istringstream line(args[0]);
  for (std::string w; line >> w;)
    words.push_back(w);
  if (words.empty() || std::isspace(static_cast<unsigned char>(args[0].back())))
    words.emplace_back(); // the cursor starts a new word
  if (words.size() == 1)
    return exit_ok;
  for (const std::string &c : candidates(words))
    if (c.starts_with(words.back()))
      std::cout << c << '\n';
  return exit_ok;
}

} // namespace salesfab::cli
