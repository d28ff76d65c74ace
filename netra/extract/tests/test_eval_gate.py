"""Quality gate over hand-written example articles (after trafilatura's tests/eval_gate.py).

Each file in ``eval/`` has must-find and must-not-find facts in ``eval/evaldata.json``;
the share found must stay above the floors pinned in ``eval/eval_baseline.json``.
"""

import json
from pathlib import Path

import pytest

from netra.extract.pipeline import extract_path

EVAL_DIR = Path(__file__).parent / "eval"
EVALDATA = json.loads((EVAL_DIR / "evaldata.json").read_text(encoding="utf-8"))
FLOORS = json.loads((EVAL_DIR / "eval_baseline.json").read_text(encoding="utf-8"))["eval"]


def similar(a: str | None, b: str | None) -> bool:
    return (a or "").lower().replace(".", "") == (b or "").lower().replace(".", "")


def checks_for(name: str, facts: dict) -> tuple[list[bool], list[bool], list[bool]]:
    """(must-find hits, must-not-find clean, event date right) for one example file."""
    record = extract_path(EVAL_DIR / name).as_dict()
    regions = {r["name"] for r in record["regions"]}
    people = {p["name"]: p["position"] for p in record["people"]}
    found = [region in regions for region in facts["regions"]]
    found += [org in record["organizations"] for org in facts["organizations"]]
    found += [n in people and (pos is None or similar(people[n], pos)) for n, pos in facts["people"]]
    found += [record["publication_date"] == facts["publication_date"]]
    found += [any(w in " ".join(record["warnings"]) for w in facts.get("warnings", []))] \
        if facts.get("warnings") else []
    clean = [region not in regions for region in facts["not_regions"]]
    clean += [org not in record["organizations"] for org in facts["not_organizations"]]
    clean += [person not in people for person in facts["not_people"]]
    clean += [snippet not in record["text"] for snippet in facts["not_text"]]
    return found, clean, [record["event_date"] == facts["event_date"]]


@pytest.fixture(scope="module")
def results():
    found, clean, dates = [], [], []
    for name, facts in EVALDATA.items():
        f, c, d = checks_for(name, facts)
        found += f
        clean += c
        dates += d
    return found, clean, dates


def test_it_finds_what_the_examples_must_contain(results):
    found, _, _ = results
    assert sum(found) / len(found) >= FLOORS["must_find_recall"]


def test_it_keeps_out_what_the_examples_must_not_contain(results):
    _, clean, _ = results
    assert sum(clean) / len(clean) >= FLOORS["must_not_find_clean"]


def test_it_dates_the_example_events(results):
    _, _, dates = results
    assert sum(dates) / len(dates) >= FLOORS["event_date_accuracy"]


@pytest.mark.parametrize("name", sorted(EVALDATA))
def test_it_reports_each_example_without_failure_warnings(name):
    record = extract_path(EVAL_DIR / name).as_dict()
    assert not any("failed" in warning for warning in record["warnings"])
