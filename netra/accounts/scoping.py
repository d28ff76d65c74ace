"""Who may see what: one scope per user, one queryset method for every app.

A user's scope is the union of their memberships: national, a set of regions
(each including everything below it), and a set of agencies. Every view and
API endpoint starts from ``Model.objects.visible_to(user)``; an object outside
it answers 404 through :func:`get_visible_or_404`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.http import Http404

from netra.regions.gazetteer import is_within

SCOPE_CACHE_ATTR = "_netra_scope"
GRANTS_CACHE_ATTR = "_netra_role_grants"


@dataclass(frozen=True)
class Scope:
    national: bool = False
    region_codes: frozenset[str] = field(default_factory=frozenset)
    agency_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (self.national or self.region_codes or self.agency_ids)

    def covers_region(self, code: str | None) -> bool:
        return self.national or any(is_within(code, c) for c in self.region_codes)


NO_SCOPE = Scope()


def scope_for(user) -> Scope:
    """The scope of ``user``, computed once per request (cached on the user object)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_SCOPE
    cached = getattr(user, SCOPE_CACHE_ATTR, None)
    if cached is None:
        cached = _compute_scope(user)
        setattr(user, SCOPE_CACHE_ATTR, cached)
    return cached


@dataclass(frozen=True)
class RoleGrant:
    """One membership as the permission checks read it: a role, how far it reaches, and where."""

    role_code: str
    scope_kind: str
    region_code: str | None

    def covers_region(self, code: str | None) -> bool:
        from netra.accounts.models import ScopeKind

        if self.scope_kind == ScopeKind.NATIONAL:
            return True
        return is_within(code, self.region_code)


def role_grants(user) -> tuple[RoleGrant, ...]:
    """The memberships of ``user`` as RoleGrants, read once per request (cached on the user object).

    Pages ask "may this user do X here?" several times per request (once per transition button);
    the answer comes from this one query instead of one query per question.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return ()
    cached = getattr(user, GRANTS_CACHE_ATTR, None)
    if cached is None:
        rows = user.memberships.values_list("role__code", "role__scope_kind", "region_id")
        cached = tuple(RoleGrant(code, kind, region) for code, kind, region in rows)
        setattr(user, GRANTS_CACHE_ATTR, cached)
    return cached


def _compute_scope(user) -> Scope:
    from netra.accounts.models import ScopeKind

    if user.is_superuser:
        return Scope(national=True)
    national, regions, agencies = False, set(), set()
    for kind, region_id, agency_id in user.memberships.values_list("role__scope_kind", "region_id", "agency_id"):
        if kind == ScopeKind.NATIONAL:
            national = True
        elif kind == ScopeKind.REGION and region_id:
            regions.add(region_id)
        elif kind == ScopeKind.AGENCY and agency_id:
            agencies.add(agency_id)
    return Scope(national, frozenset(regions), frozenset(agencies))


def region_subtree_q(path: str, codes: Iterable[str]) -> Q:
    """Rows whose region (the foreign key at ``path``) lies inside any of ``codes``."""
    query = Q(pk__in=[])
    for code in sorted(codes):
        query |= Q(**{f"{path}__code": code}) | Q(**{f"{path}__code__startswith": f"{code}."})
    return query


class ScopedQuerySet(models.QuerySet):
    """Subclass it and name where the region and the agency of a row are.

    ``scope_region_path``: the foreign key to ``regions.Region`` ("region",
    "case__region"); ``scope_agency_path``: the agency id ("agency", or "pk" for
    the Agency model itself). Either may be None.
    """

    scope_region_path: str | None = None
    scope_agency_path: str | None = None
    # Optional fast path for big tables: denormalised columns holding the region code
    # at a depth, e.g. {1: "province_code", 2: "regency_code"}; matched exactly.
    scope_region_columns: dict[int, str] = {}

    def visible_to(self, user):
        scope = scope_for(user)
        if scope.national:
            return self.all()
        query = Q(pk__in=[])
        if self.scope_region_path and scope.region_codes:
            query |= self._region_q(scope.region_codes)
        if self.scope_agency_path and scope.agency_ids:
            query |= Q(**{f"{self.scope_agency_path}__in": sorted(scope.agency_ids)})
        return self.filter(query)

    def _region_q(self, codes: frozenset[str]) -> Q:
        query, deeper = Q(pk__in=[]), []
        for code in sorted(codes):
            column = self.scope_region_columns.get(code.count(".") + 1)
            if column:
                query |= Q(**{column: code})
            else:
                deeper.append(code)
        if deeper:
            query |= region_subtree_q(self.scope_region_path, deeper)
        return query


def get_visible_or_404(queryset: ScopedQuerySet, user, **lookup):
    """The object if ``user`` may see it; otherwise 404, whether it exists or not."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
