"""Elections and their stages as data (data/elections.toml)."""

import tomllib
from pathlib import Path

from django.db import transaction

from netra.cases.models import Election, ElectionStage

ELECTIONS_FILE = Path(__file__).resolve().parent / "data" / "elections.toml"


def read_elections(path: Path = ELECTIONS_FILE) -> list[dict]:
    with path.open("rb") as handle:
        return tomllib.load(handle)["election"]


@transaction.atomic
def sync_elections(path: Path = ELECTIONS_FILE) -> int:
    entries = read_elections(path)
    for entry in entries:
        election, _ = Election.objects.update_or_create(
            code=entry["code"],
            defaults={"name": entry["name"], "kind": entry["kind"], "voting_day": entry["voting_day"]},
        )
        election.stages.all().delete()
        ElectionStage.objects.bulk_create(
            ElectionStage(election=election, name=s["name"], starts_on=s["starts_on"], ends_on=s["ends_on"])
            for s in entry.get("stages", [])
        )
    return len(entries)
