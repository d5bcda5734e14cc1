"""The Python module against the command line: the same scenario, settings and seed give the
same numbers as `salesfab run --out` / `salesfab compare --out`, value for value. Run by ctest
(tests/python/CMakeLists.txt) with PYTHONPATH at the build tree's package and $SALESFAB the
program; each test method is a ctest test of its own. Exit 77 (skipped): pandas is missing, for
the tests that need it."""

import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

import salesfab

PROGRAM = os.environ["SALESFAB"]
SETTINGS = {"staff.account_manager.headcount": 2, "time.horizon_days": 730}
SETTINGS_CLI = ["--set", "staff.account_manager.headcount=2", "--set", "time.horizon_days=730"]


def cli(*args):
    """Runs the program; its result folder's CSV files as lists of dicts of text."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([PROGRAM, *args, "--out", out, "--quiet"], check=True,
                       stdout=subprocess.DEVNULL)
        files = {}
        for name in ("summary", "replications", "timeseries", "comparison"):
            path = Path(out) / f"{name}.csv"
            if path.exists():
                with open(path, newline="") as f:
                    files[name] = list(csv.DictReader(f))
        return files


def same_value(text, value):
    """A CSV field (text) and the module's value: equal exactly (numbers as read back)."""
    if text == "":
        return value is None or value == ""
    if isinstance(value, bool):
        return text == ("1" if value else "0")
    if isinstance(value, int):
        return int(text) == value
    if isinstance(value, float):
        return float(text) == value
    return text == value


class Plain(unittest.TestCase):
    """Tests on the lists-of-dicts form (no pandas needed)."""

    def setUp(self):
        self.saved = salesfab._pandas
        salesfab._pandas = None

    def tearDown(self):
        salesfab._pandas = self.saved

    def assert_same_rows(self, rows, csv_rows, name):
        self.assertEqual(len(rows), len(csv_rows), name)
        self.assertGreater(len(rows), 0, name)
        self.assertEqual(list(rows[0]), list(csv_rows[0]), f"{name}: columns")
        for i, (row, csv_row) in enumerate(zip(rows, csv_rows)):
            for column, text in csv_row.items():
                self.assertTrue(same_value(text, row[column]),
                                f"{name} row {i} {column}: CSV {text!r}, Python {row[column]!r}")

    def test_run_gives_the_numbers_of_the_command_line(self):
        r = salesfab.run("scenarios/basis.yaml", set=SETTINGS, replications=6, seed=1)
        files = cli("run", "scenarios/basis.yaml", *SETTINGS_CLI, "--replications", "6",
                    "--seed", "1")
        for name in ("summary", "replications", "timeseries"):
            self.assert_same_rows(getattr(r, name), files[name], name)
        self.assertIsNone(r.comparison)
        self.assertGreater(r.events, 0)

    def test_a_sweep_and_several_files_give_every_variant(self):
        files = ["scenarios/les/02-kwalificeren.yaml", "scenarios/les/01-basis.yaml"]
        r = salesfab.run(files, replications=3, seed=5)
        cli_files = cli("run", *files, "--replications", "3", "--seed", "5")
        self.assert_same_rows(r.summary, cli_files["summary"], "summary")
        self.assertGreater(len(r.variants), 1)

    def test_compare_gives_the_differences_of_the_command_line(self):
        c = salesfab.compare("scenarios/basis.yaml", set={"staff.account_manager.headcount": 2},
                             replications=5, seed=3)
        files = cli("compare", "scenarios/basis.yaml", "--set",
                    "staff.account_manager.headcount=2", "--replications", "5", "--seed", "3")
        self.assert_same_rows(c.comparison, files["comparison"], "comparison")
        self.assert_same_rows(c.summary, files["summary"], "summary")
        self.assertEqual(len(c.variants), 2)

    def test_the_numbers_do_not_depend_on_threads(self):
        one = salesfab.run(replications=4, seed=9, threads=1)
        two = salesfab.run(replications=4, seed=9, threads=2)
        self.assertEqual(one.replications, two.replications)
        self.assertEqual(one.summary, two.summary)

    def test_an_example_is_the_shipped_file(self):
        self.assertIn("les/01-basis", salesfab.examples())
        by_name = salesfab.run(example="les/01-basis", replications=3, seed=2)
        by_path = salesfab.run("scenarios/les/01-basis.yaml", replications=3, seed=2)
        self.assertEqual(by_name.summary, by_path.summary)
        with self.assertRaisesRegex(ValueError, "no such example.*les/01-basis"):
            salesfab.example("les/99-none")

    def test_bad_input_is_a_value_error_that_says_where(self):
        with self.assertRaisesRegex(ValueError, r"staff\.account_manager\.headcount"):
            salesfab.run(set={"staff.account_manager.headcount": -1}, replications=2)
        with self.assertRaisesRegex(ValueError, r"no-such-file\.yaml"):
            salesfab.run("no-such-file.yaml")
        with self.assertRaisesRegex(ValueError, "replications"):
            salesfab.run(replications=0)
        with self.assertRaisesRegex(ValueError, "nothing to compare"):
            salesfab.compare("scenarios/basis.yaml", replications=2)

    def test_the_gil_is_released_while_it_simulates(self):
        # While one thread simulates, this one keeps running Python: it counts, and reads the
        # clock, many times before the simulation ends.
        done = threading.Event()
        result = {}

        def simulate():
            result["r"] = salesfab.run(replications=40, seed=1, threads=1)
            done.set()

        worker = threading.Thread(target=simulate)
        start = time.monotonic()
        worker.start()
        ticks = 0
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)
        worker.join()
        elapsed = time.monotonic() - start
        self.assertGreater(elapsed, 0.05, "the run is too short to tell")
        # With the GIL held, this thread would not run at all until the run ended.
        self.assertGreater(ticks, 10, f"{ticks} ticks in {elapsed:.2f} s")
        self.assertEqual(len(result["r"].variants), 1)

    def test_version_names_the_commit(self):
        program = subprocess.run([PROGRAM, "--version"], check=True, capture_output=True,
                                 text=True).stdout.strip()
        self.assertEqual(program, "salesfab " + salesfab.version())


class Pandas(unittest.TestCase):
    """With pandas: DataFrames, equal to what pandas reads from the command line's files."""

    def test_tables_are_dataframes_equal_to_the_files(self):
        import pandas
        r = salesfab.run("scenarios/basis.yaml", set=SETTINGS, replications=6, seed=1)
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([PROGRAM, "run", "scenarios/basis.yaml", *SETTINGS_CLI,
                            "--replications", "6", "--seed", "1", "--out", out, "--quiet"],
                           check=True, stdout=subprocess.DEVNULL)
            for name in ("summary", "replications", "timeseries"):
                frame = getattr(r, name)
                self.assertIsInstance(frame, pandas.DataFrame)
                path = Path(out) / f"{name}.csv"
                with open(path, newline="") as f:
                    header = next(csv.reader(f))
                numbers = [c for c in header if c in ("mean", "sd", "ci_low", "ci_high", "value")]
                # Empty fields: no value in the number columns, empty text elsewhere.
                read = pandas.read_csv(path, float_precision="round_trip", keep_default_na=False,
                                       na_values={c: [""] for c in numbers})
                self.assertEqual(list(frame.columns), list(read.columns))
                pandas.testing.assert_frame_equal(frame, read, check_exact=True,
                                                  check_dtype=False)
        mean = r.summary.set_index("metric").loc["revenue_per_year", "mean"]
        self.assertGreater(mean, 0)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("Pandas"):
        try:
            import pandas  # noqa: F401
        except ImportError:
            print("SKIP: pandas is not installed (apt-get install python3-pandas)")
            sys.exit(77)
    unittest.main(verbosity=2)
