"""Score the extractor on the shared dev corpus with the project's own scorer.

The corpus lives next to the repository (``../shared/corpus/dev``) or at $NETRA_CORPUS_DIR.
It holds third-party articles and is never committed; without it the test is skipped,
except on CI (CI=true), where its absence is a failure.
"""

import importlib.util
import json
import os
from pathlib import Path

import pytest

from netra.extract.pipeline import extract_path

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = Path(os.environ.get("NETRA_CORPUS_DIR") or SHARED / "corpus" / "dev")
SCORER = Path(os.environ.get("NETRA_SCORER") or SHARED / "tools" / "score_extraction.py")
FLOORS = json.loads((Path(__file__).parent / "eval" / "eval_baseline.json").read_text())["corpus_dev"]


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    if not CORPUS.is_dir() or not SCORER.is_file():
        reason = f"corpus or scorer not found ({CORPUS}, {SCORER}); set NETRA_CORPUS_DIR / NETRA_SCORER"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    scorer = load_scorer()
    gold = scorer.load_gold(CORPUS)
    lines = [json.dumps(extract_path(CORPUS / f"{doc_id}.txt").as_dict()) for doc_id in gold]
    return scorer.score(gold, scorer.load_preds(lines))


def test_it_scores_above_the_overall_floor(scores):
    assert scores["overall"] >= FLOORS["overall"]


def test_it_finds_regions(scores):
    assert scores["regions"]["f1"] >= FLOORS["regions_f1"]


def test_it_finds_organizations(scores):
    assert scores["organizations"]["f1"] >= FLOORS["organizations_f1"]


def test_it_finds_people(scores):
    assert scores["people"]["f1"] >= FLOORS["people_f1"]


def test_it_dates_events(scores):
    assert scores["event_date"]["accuracy"] >= FLOORS["event_date_accuracy"]
