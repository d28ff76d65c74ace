"""Loading the region table and resolving free text against it."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from netra.regions import gazetteer
from netra.regions.models import Region

BATCH_SIZE = 2000


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _row(place: gazetteer.Place) -> tuple[str, str, str | None, str]:
    return place.name, place.level, place.parent_code, gazetteer.name_key(place.name)


@transaction.atomic
def load_regions(places: Iterable[gazetteer.Place] | None = None) -> LoadResult:
    """Insert or update every region; running it again changes nothing.

    Places must come parents first (``lokal_places`` yields them in that order).
    Regions no longer in the source are kept: cases may point at them.
    """
    places = list(gazetteer.lokal_places() if places is None else places)
    existing = {
        code: (name, level, parent, key)
        for code, name, level, parent, key in Region.objects.values_list(
            "code", "name", "level", "parent_id", "name_key"
        ).iterator(chunk_size=BATCH_SIZE)
    }
    to_create, to_update = [], []
    for place in sorted(places, key=lambda p: (p.code.count("."), p.code)):
        row = _row(place)
        region = Region(code=place.code, name=row[0], level=row[1], parent_id=row[2], name_key=row[3])
        if place.code not in existing:
            to_create.append(region)
        elif existing[place.code] != row:
            to_update.append(region)
    Region.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    Region.objects.bulk_update(to_update, ["name", "level", "parent", "name_key"], batch_size=BATCH_SIZE)
    forget_gazetteer()
    return LoadResult(len(to_create), len(to_update), len(places) - len(to_create) - len(to_update))


_cache_lock = threading.Lock()
_cached: gazetteer.Gazetteer | None = None


def region_gazetteer() -> gazetteer.Gazetteer:
    """The resolver over the Region table and the alias file, built once per process."""
    global _cached
    with _cache_lock:
        if _cached is None or len(_cached) == 0:
            places = (
                gazetteer.Place(code, name, level, parent)
                for code, name, level, parent in Region.objects.values_list(
                    "code", "name", "level", "parent_id"
                ).iterator(chunk_size=BATCH_SIZE)
            )
            _cached = gazetteer.Gazetteer(places, gazetteer.read_aliases())
        return _cached


def forget_gazetteer() -> None:
    global _cached
    with _cache_lock:
        _cached = None


def resolve(text: str, limit: int = 10, levels: Iterable[str] | None = None) -> list[gazetteer.Candidate]:
    """Ranked regions that ``text`` may name: "Kalbar", "Kab. Bogor", "Kota Pagaralam"."""
    return region_gazetteer().resolve(text, limit=limit, levels=levels)


def resolve_regions(text: str, limit: int = 10, levels: Iterable[str] | None = None) -> list[Region]:
    codes = [candidate.code for candidate in resolve(text, limit=limit, levels=levels)]
    by_code = Region.objects.in_bulk(codes)
    return [by_code[code] for code in codes if code in by_code]



def attach_paths(regions: list[Region]) -> list[Region]:
    """Set ``region.path`` ("Kota Bogor, Provinsi Jawa Barat") on each region, in one query."""
    wanted = {code for region in regions for code in region.ancestors_and_self_codes()[:-1]}
    names = {code: r.display_name for code, r in Region.objects.in_bulk(list(wanted)).items()}
    for region in regions:
        ancestors = reversed(region.ancestors_and_self_codes()[:-1])
        region.path = ", ".join(names[code] for code in ancestors if code in names)
    return regions


SEARCH_LIMIT = 200


def search_regions(q: str, level: str | None, parent: str | None) -> list[Region]:
    """Resolver matches first (aliases, spacing variants), then names that start with the text."""
    levels = [level] if level else None
    found = resolve_regions(q, limit=SEARCH_LIMIT, levels=levels)
    key = gazetteer.name_key(q)
    if key and len(found) < SEARCH_LIMIT:
        seen = {region.code for region in found}
        more = Region.objects.filter(name_key__startswith=key).exclude(code__in=seen)
        if level:
            more = more.filter(level=level)
        found += list(more.order_by("code")[: SEARCH_LIMIT - len(found)])
    if parent:
        found = [region for region in found if region.parent_id == parent]
    return found
