"""The installed tool's files: the man page says what --help says, bash completion offers what
the program takes, and `cmake --install` gives a tree whose program finds its shipped scenarios
(also after the tree is moved) and whose Python module imports. Usage:
    package_check.py man|completion|install PROGRAM BUILD_DIR
Exit 77 (skipped) where a tool the check needs is missing (man, bash)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def skip_without(tool, package):
    if shutil.which(tool) is None:
        print(f"SKIP: {tool} is not installed (apt-get install {package})")
        sys.exit(77)


def out(*args, **kwargs):
    return subprocess.run(list(args), check=True, capture_output=True, text=True,
                          **kwargs).stdout


def commands(program):
    helptext = out(program, "--help")
    section = helptext.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines()]


def check_man(program, build):
    skip_without("man", "man-db")
    page = Path(build) / "salesfab.1"
    env = dict(os.environ, MANWIDTH="250", LC_ALL="C", MAN_KEEP_FORMATTING="")
    rendered = out("man", "--no-hyphenation", "--no-justification", "-l", str(page), env=env)
    rendered = re.sub(r".\x08", "", rendered)  # overstrike (bold) as plain text
    lines = {line.strip() for line in rendered.splitlines()}
    texts = {"salesfab --help": out(program, "--help")}
    for command in commands(program):
        texts[f"salesfab {command} --help"] = out(program, command, "--help")
    checked = 0
    for name, text in texts.items():
        for line in text.splitlines():
            if line.strip() and line.strip() not in lines:
                fail(f"the man page lacks this line of `{name}`: {line.strip()!r}")
            checked += 1
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "FILES", "EXIT STATUS"):
        if section not in lines:
            fail(f"the man page has no section {section}")
    print(f"ok: the man page holds all {checked} lines of {len(texts)} --help texts")


COMPLETE = r"""
source "$1"
line=$2
COMP_LINE=$line
COMP_POINT=${#line}
# Words as bash splits them (COMP_WORDBREAKS: blanks, '=', ':' and the like).
read -r -a words <<<"$(sed -e 's/\([=:]\)/ \1 /g' <<<"$line")"
[[ $line == *[[:space:]] || -z $line ]] && words+=("")
[[ $line =~ [=:]$ ]] && words[${#words[@]}-1]=${line: -1}
COMP_WORDS=("$3" "${words[@]:1}")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_salesfab
printf '%s\n' "${COMPREPLY[@]}"
"""


def completions(script, program, line):
    result = out("bash", "-c", COMPLETE, "complete-test", script, line, program)
    return [c for c in result.splitlines() if c]


def check_completion(program, build):
    skip_without("bash", "bash")
    source = Path(__file__).resolve().parents[2] / "sim/package/salesfab.bash"
    def expect(line, wanted, exactly=False):
        got = completions(source, program, line)
        if exactly and got != wanted:
            fail(f"{line!r}: offered {got}, expected {wanted}")
        missing = [w for w in wanted if w not in got]
        if missing:
            fail(f"{line!r}: {missing} not offered (offered: {got[:20]})")
        print(f"ok: {line!r} -> {got[:6]}{' ...' if len(got) > 6 else ''}")
        return got
    expect("salesfab ", commands(program), exactly=True)
    expect("salesfab ru", ["run"], exactly=True)
    expect("salesfab --ver", ["--version"], exactly=True)
    expect("salesfab run --rep", ["--replication", "--replications"], exactly=True)
    options = expect("salesfab compare --", ["--set", "--seed", "--example", "--help"])
    if any(not o.startswith("--") for o in options):
        fail(f"compare's options: {options}")
    expect("salesfab run --format ", ["table", "csv", "json"], exactly=True)
    expect("salesfab run --lang n", ["nl"], exactly=True)
    expect("salesfab run --example les/0", ["les/01-basis", "les/06-behoud"])
    keys = expect("salesfab run --set staff.account_m", ["staff.account_manager.headcount="])
    if any(not k.startswith("staff.account_m") for k in keys):
        fail(f"keys not starting with the word: {keys}")
    expect("salesfab run --set funnel.stages[1].conv", ["funnel.stages[1].conversion.new="])
    # bash splits at '=': the candidates start after it.
    expect("salesfab run --set=staff.account_manager.head", ["staff.account_manager.headcount="])
    # The keys of the file named on the line: a scenario with other stages than the default.
    mmc = expect("salesfab run scenarios/validation/qualification-mmc.yaml --set run.",
                 ["run.replications="])
    default = completions(source, program, "salesfab run --set ")
    named = completions(source, program,
                        "salesfab validate scenarios/validation/funnel-chain.yaml --set ")
    if not named or named == default:
        fail("the keys of a named file should be its own (funnel-chain.yaml vs the default)")
    # Every key offered is one --set accepts (each set to the value it has).
    print(f"ok: {len(default)} keys of the default scenario, {len(named)} of funnel-chain.yaml,"
          f" {len(mmc)} run.* keys of qualification-mmc.yaml")
    if completions(source, program, "salesfab run scenarios/basis.yaml --out "):
        fail("--out DIR: bash should complete file names (nothing offered by salesfab)")


def check_install(program, build):
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "prefix"
        out("cmake", "--install", build, "--prefix", str(prefix))
        for path in ("bin/salesfab", "share/man/man1/salesfab.1.gz",
                     "share/bash-completion/completions/salesfab",
                     "share/salesfab/scenarios/basis.yaml",
                     "share/salesfab/scenarios/les/01-basis.yaml",
                     "share/salesfab/scenarios/les/README.md"):
            if not (prefix / path).is_file():
                fail(f"cmake --install did not install {path}")
        moved = Path(tmp) / "moved"
        prefix.rename(moved)  # relocatable: found beside the program, wherever the tree is
        installed = str(moved / "bin/salesfab")
        summary = out(installed, "run", "--example", "les/01-basis", "--replications", "2",
                      "--format", "csv", "--quiet", cwd=tmp)
        expected = out(program, "run", "scenarios/les/01-basis.yaml", "--replications", "2",
                       "--format", "csv", "--quiet")
        if summary != expected:
            fail("the installed program's --example les/01-basis differs from the file's run")
        print("ok: installed, moved, and `salesfab run --example les/01-basis` ran from the tree")
        modules = list(moved.glob("lib/python3*/dist-packages/salesfab/__init__.py"))
        if modules:
            env = dict(os.environ, PYTHONPATH=str(modules[0].parent.parent))
            code = ("import salesfab, sys; r = salesfab.run(example='les/01-basis', "
                    "replications=2); print(salesfab.__file__, len(r.variants))")
            said = out(sys.executable, "-c", code, env=env, cwd=tmp)
            if not said.startswith(str(moved)):
                fail(f"the installed module was not the one imported: {said}")
            print("ok: the installed Python module imports and finds the examples:", said.strip())


if __name__ == "__main__":
    what, program, build = sys.argv[1:4]
    {"man": check_man, "completion": check_completion, "install": check_install}[what](
        program, build)
