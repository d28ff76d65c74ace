"""Roles as data, and the two-factor rule."""

import tomllib
from pathlib import Path

from django_otp import devices_for_user

ROLES_FILE = Path(__file__).resolve().parent / "data" / "roles.toml"


def read_roles(path: Path = ROLES_FILE) -> list[dict]:
    with path.open("rb") as handle:
        return tomllib.load(handle)["role"]


def sync_roles(role_model=None, path: Path = ROLES_FILE) -> int:
    """Create missing roles, refresh names and descriptions; keep an admin's 2FA choice."""
    if role_model is None:
        from netra.accounts.models import Role as role_model
    entries = read_roles(path)
    for entry in entries:
        role, created = role_model.objects.get_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "description": entry.get("description", ""),
                "scope_kind": entry["scope_kind"],
                "region_levels": entry.get("region_levels", []),
                "requires_two_factor": entry.get("requires_two_factor", False),
            },
        )
        if not created:
            role.name = entry["name"]
            role.description = entry.get("description", "")
            role.scope_kind = entry["scope_kind"]
            role.region_levels = entry.get("region_levels", [])
            role.save(update_fields=["name", "description", "scope_kind", "region_levels"])
    return len(entries)


def has_confirmed_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def two_factor_required(user) -> bool:
    """True when one of the user's roles demands TOTP."""
    return user.memberships.filter(role__requires_two_factor=True).exists()


def needs_second_factor(user) -> bool:
    """The user must pass a TOTP check before using Netra in this session."""
    if not user.is_authenticated or user.is_verified():
        return False
    return has_confirmed_device(user) or two_factor_required(user)
