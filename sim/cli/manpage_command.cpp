// salesfab manpage: the man page salesfab(1) in roff, made at build time of the very texts that
// --help prints (the program's and every command's), so the two cannot drift apart.

#include "cli/command.hpp"

#include <iostream>
#include <sstream>

namespace salesfab::cli {

namespace {

// Text as roff shows it literally: backslashes, hyphens (so that options copy and paste as
// typed), quotes, and lines that roff would take for requests.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\''))
      out += "\\&";
    switch (c) {
    case '\\':
      out += "\\e";
      break;
    case '-':
      out += "\\-";
      break;
    case '\'':
      out += "\\(aq";
      break;
    case '`':
      out += "\\(ga";
      break;
    default:
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// A --help text as a block that roff leaves as it is.
void verbatim(std::ostream &out, std::string_view text) {
  out << ".nf\n" << roff(text);
  if (!text.empty() && text.back() != '\n')
    out << '\n';
  out << ".fi\n";
}

} // namespace

int manpage_main(std::span<const std::string> args) {
  if (!args.empty()) {
    std::cout << "salesfab manpage\n\nPrints the man page salesfab(1) in roff.\n";
    return args[0] == "--help" ? exit_ok : exit_invalid;
  }
  std::ostream &out = std::cout;
  out << ".\\\" salesfab(1), made by `salesfab manpage` of the --help texts: do not edit.\n"
      << ".TH SALESFAB 1 \"\" \"salesfab " << roff(version()) << "\" \"User Commands\"\n"
      << ".SH NAME\nsalesfab \\- a discrete\\-event simulator of de salesfabriek (the sales "
         "factory)\n"
      << ".SH SYNOPSIS\n.B salesfab\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR...]\n"
      << ".br\n.B salesfab \\-\\-help\n.br\n.B salesfab \\-\\-version\n"
      << ".SH DESCRIPTION\n";
  verbatim(out, program_help());
  out << ".SH COMMANDS\n";
  for (const Command &c : commands()) {
    out << ".SS " << roff(c.name) << "\n";
    verbatim(out, help_text(c));
  }
  out << ".SH FILES\n.TP\n.I /usr/share/salesfab/scenarios\n"
         "The shipped scenarios (the lessons in les/, validation cases, the default basis.yaml), "
         "each with its README; \\fB\\-\\-example NAME\\fR runs one, e.g. "
         "\\fBsalesfab run \\-\\-example les/01\\-basis\\fR. They are looked for beside the "
         "program first (\\fIbin/../share/salesfab/scenarios\\fR), then under the prefix it was "
         "built for.\n"
         ".SH EXIT STATUS\n0 success, 2 invalid input (a bad scenario or option), 1 anything "
         "else.\n"
         ".SH EXAMPLES\n.nf\n"
         "salesfab run \\-\\-example les/01\\-basis \\-\\-lang nl\n"
         "salesfab compare \\-\\-example basis \\-\\-set staff.account_manager.headcount=2\n"
         "salesfab run my\\-factory.yaml \\-\\-replications 40 \\-\\-out results/\n"
         ".fi\n"
         ".SH SEE ALSO\nThe scenario format: /usr/share/salesfab/scenarios/README.md. "
         "From Python: \\fBimport salesfab\\fR (python3\\-salesfab's module, in the same "
         "package).\n";
  return exit_ok;
}

} // namespace salesfab::cli
