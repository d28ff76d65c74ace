"""Who may use the registry screens."""

from netra.accounts.scoping import scope_for

# Roles that may bulk-import agencies and persons (besides superusers).
IMPORT_ROLES = frozenset({"admin", "bkn_analyst"})
IMPORT_ROLE_PREFIXES = ("bawaslu_",)


def can_import_registry(user) -> bool:
    """Administrators, Bawaslu officers at any level and BKN analysts; each only within their scope."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    codes = user.memberships.values_list("role__code", flat=True)
    return any(code in IMPORT_ROLES or code.startswith(IMPORT_ROLE_PREFIXES) for code in codes)


def can_browse_registry(user) -> bool:
    """Anyone whose scope covers something; what they see is still limited by ``visible_to``."""
    return not scope_for(user).is_empty
