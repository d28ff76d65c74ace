"""Encryption of personal data at rest (reporter and witness identity). Django-free.

Fernet (AES-128-CBC + HMAC-SHA256) from the ``cryptography`` package, through
``MultiFernet`` so keys can be rotated: the first key encrypts, every key decrypts.
"""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from netra.lib.env import secret_from_file


class DecryptionFailed(Exception):
    """The ciphertext was not made with any configured key, or was altered."""


class Vault:
    def __init__(self, keys: list[str]):
        if not keys:
            raise ValueError("at least one encryption key is needed")
        self._fernet = MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])

    def encrypt_json(self, value: dict) -> bytes:
        return self._fernet.encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True).encode())

    def decrypt_json(self, token: bytes) -> dict:
        try:
            return json.loads(self._fernet.decrypt(bytes(token)))
        except InvalidToken:
            raise DecryptionFailed("identity cannot be decrypted with the configured keys") from None

    def rotate(self, token: bytes) -> bytes:
        return self._fernet.rotate(bytes(token))


def new_key() -> str:
    return Fernet.generate_key().decode()


def keys_from(raw: str, key_file: Path) -> list[str]:
    """Keys from a comma-separated setting, else from ``key_file`` (created on first use)."""
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if keys:
        return keys
    return [secret_from_file(key_file, new_key)]
