"""salesfab from Python: the simulator of de salesfabriek, with the command line's numbers.

    import salesfab
    r = salesfab.run("scenarios/basis.yaml", set={"staff.account_manager.headcount": 2},
                     replications=40, seed=1)
    r.summary        # summary.csv's rows: one per metric (mean, sd, ci_low, ci_high, n)
    r.replications   # replications.csv's rows: one per replication and metric
    r.timeseries     # timeseries.csv's rows: one per period and metric
    c = salesfab.compare("scenarios/basis.yaml", set={"staff.account_manager.headcount": 2})
    c.comparison     # comparison.csv's rows: the paired differences

Each table is a pandas DataFrame when pandas is installed, else a list of dicts (one per row).
The columns are those of the result files (README, "Result files"); the numbers are the ones
`salesfab run --out` and `salesfab compare --out` write for the same scenario, settings and
seed, for any number of threads. Bad input (a scenario that fails validation, an unknown key
in `set`) raises ValueError with the file, line, column and key path. The simulation runs
without the GIL, on all cores (`threads=`); Ctrl-C stops it (KeyboardInterrupt).
"""

import os
from pathlib import Path

from . import _core

__all__ = ["run", "compare", "example", "examples", "Result", "version"]

try:
    import pandas as _pandas
except ImportError:  # plain lists of dicts then
    _pandas = None


def version():
    """The version, the commit it was built from and the build type."""
    return _core.version()


class Result:
    """What a run gives: its tables (summary, replications, timeseries; compare: comparison
    too), the variants run, and the run's events, wall time and threads."""

    def __init__(self, raw):
        self.summary = _table(raw["summary"])
        self.replications = _table(raw["replications"])
        self.timeseries = _table(raw["timeseries"])
        self.comparison = _table(raw["comparison"]) if "comparison" in raw else None
        self.variants = list(raw["variants"])
        self.events = raw["events"]
        self.wall_seconds = raw["wall_seconds"]
        self.threads = raw["threads"]

    def __repr__(self):
        return (f"<salesfab.Result: {len(self.variants)} variant(s) {self.variants}, "
                f"{self.events} events in {self.wall_seconds:.2f} s>")


def _table(columns):
    if _pandas is not None:
        return _pandas.DataFrame(columns)
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())]


def _yaml(value):
    # A Python value as --set writes it: True -> true, None -> null, a list or dict in flow style.
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    return str(value)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _settings(set):
    if set is None:
        return []
    if isinstance(set, dict):
        # A Python number is that number (a negative one is written KEY==-N: -1 is never "one
        # less"); a relative what-if is a string: {"staff.account_executive.headcount": "+1"}.
        return [f"{key}={'=' if _is_number(value) and value < 0 else ''}{_yaml(value)}"
                for key, value in set.items()]
    if isinstance(set, str):
        return [set]
    return list(set)  # ["KEY=VALUE", ...] as on the command line


def _files(scenarios, example):
    files = [] if scenarios is None else (
        [os.fspath(scenarios)] if isinstance(scenarios, (str, os.PathLike))
        else [os.fspath(s) for s in scenarios])
    names = [] if example is None else ([example] if isinstance(example, str) else list(example))
    return files + [str(globals()["example"](name)) for name in names]


def _example_folders():
    here = Path(__file__).resolve().parent
    # A build tree: build/python/salesfab/ beside build/share/salesfab; installed:
    # PREFIX/lib/python3.X/dist-packages/salesfab/ and PREFIX/share/salesfab.
    folders = [here.parents[1] / "share/salesfab/scenarios",
               here.parents[3] / "share/salesfab/scenarios"]
    return folders + [Path(f) for f in _core.example_folders()]


def examples():
    """The shipped scenarios' names ("les/01-basis", ...)."""
    for folder in _example_folders():
        if folder.is_dir():
            return sorted(str(p.relative_to(folder).with_suffix(""))
                          for p in folder.rglob("*.yaml"))
    return []


def example(name):
    """The file of a shipped scenario, e.g. example("les/01-basis")."""
    name = name[:-5] if name.endswith(".yaml") else name
    for folder in _example_folders():
        if folder.is_dir():
            if name in examples():
                return folder / (name + ".yaml")
            raise ValueError(f"no such example in {folder}: {name} "
                             f"(there are: {', '.join(examples())})")
    raise ValueError("the shipped scenarios are not installed")


def run(scenarios=None, set=None, replications=None, seed=None, threads=None,
        precision=None, precision_metrics=None, example=None):
    """Simulates scenario files as `salesfab run` does and returns a Result.

    scenarios: a path or a list of paths (None: the built-in default, scenarios/basis.yaml);
    example: a shipped scenario's name or names instead (or as well); set: {key path: value}
    (or ["KEY=VALUE", ...]) applied to every file, as --set; replications, seed: override the
    files' run section; threads: worker threads (default all cores; the numbers do not depend
    on it); precision: replicate until each watched metric's interval is within that fraction
    of its mean (precision_metrics: which; default the key metrics)."""
    return Result(_core.run(_files(scenarios, example), _settings(set), replications, seed,
                            threads, precision, list(precision_metrics or [])))


def compare(base=None, *alternatives, set=None, replications=None, seed=None, threads=None,
            precision=None, precision_metrics=None, example=None):
    """Paired differences with common random numbers, as `salesfab compare` does: the base is
    the first file's first variant; the alternatives are the other files and variants, or with
    `set` the files again with the settings applied. The Result's `comparison` holds the
    differences (comparison.csv's rows); summary, replications and timeseries every variant."""
    files = ([] if base is None else [base]) + list(alternatives)
    return Result(_core.compare(_files(files, example), _settings(set), replications, seed,
                                threads, precision, list(precision_metrics or [])))
