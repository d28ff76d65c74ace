"""Reading settings from the environment. Django-free."""

import os
import secrets
from collections.abc import Callable
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on", "ya"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", "tidak", ""})


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be true or false, not {raw!r}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def secret_from_file(path: Path, make_secret: Callable[[], str]) -> str:
    """The secret kept in ``path``; on first use ``make_secret()`` is written there (mode 0600).

    Two processes starting at once agree: only one creates the file, the other reads it.
    """
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text(encoding="utf-8").strip()
    secret = make_secret()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret


def secret_key_from(path: Path) -> str:
    """Django's secret key, kept in ``path``; a new random one is written there on first use."""
    return secret_from_file(path, lambda: secrets.token_urlsafe(50))
