"""
What a test run cost, read from pytest's --durations=0 output (one log per pass, as
scripts/test.sh writes them): the 15 slowest tests (setup, call and teardown added up, so that a
slow fixture counts against the first test that needs it), the seconds per test file, and a
closing line with the tests passed and failed in all passes.

    .venv/bin/python scripts/slowest_tests.py [--seconds N] test-artifacts/durations/*.log

--seconds: the whole run's time, printed before the closing line.
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

DURATION = re.compile(r"^(\d+\.\d+)s (setup|call|teardown)\s+(\S+)")
OUTCOME = re.compile(r"(\d+) (passed|failed|errors?)\b")
WALL = re.compile(r" in (\d+\.\d+)s")


def read(log):
    per_test = defaultdict(float)
    outcomes = defaultdict(int)
    wall = 0.0
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if match := DURATION.match(line):
            per_test[match[3]] += float(match[1])
        elif line.startswith("=") and (" in " in line) and OUTCOME.search(line):
            for count, outcome in OUTCOME.findall(line):
                outcomes["failed" if outcome.startswith("error") else outcome] += int(count)
            if match := WALL.search(line):
                wall = float(match[1])
    return per_test, outcomes, wall


def main(paths, elapsed=None):
    slowest, per_file, totals, walls = [], defaultdict(float), defaultdict(int), []
    for path in map(Path, paths):
        per_test, outcomes, wall = read(path)
        walls.append((path.stem, wall))
        for nodeid, seconds in per_test.items():
            slowest.append((seconds, path.stem, nodeid))
            per_file[(path.stem, nodeid.split("::", 1)[0])] += seconds
        for outcome, count in outcomes.items():
            totals[outcome] += count
    slowest.sort(reverse=True)
    print("\n== the 15 slowest tests (setup + call + teardown, seconds of one worker)")
    for seconds, name, nodeid in slowest[:15]:
        print(f"{seconds:8.1f}  {name:<10}  {nodeid}")
    print("\n== seconds per test file and pass (of one worker; the workers run side by side)")
    for (name, file), seconds in sorted(per_file.items(), key=lambda entry: -entry[1]):
        print(f"{seconds:8.1f}  {name:<10}  {file}")
    print()
    for name, wall in walls:
        print(f"{name} pass: {wall:.0f} s")
    if elapsed is not None:
        print(f"Total time of the test run: {elapsed // 60} min {elapsed % 60} s")
    print(f"tests: {totals['passed']} passed, {totals['failed']} failed")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--seconds"]:
        main(arguments[2:], elapsed=int(arguments[1]))
    else:
        main(arguments)
