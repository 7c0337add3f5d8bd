"""Encryption at rest for free-text notes (encounter notes, check-in and crisis-event notes,
safety-plan text, alert resolution notes).

AES-256-GCM from ``cryptography``: authenticated, so a changed ciphertext fails to decrypt
rather than reading as something else. A stored value is ``enc:v1:<key id>:<base64 of nonce
and ciphertext>``; the key id names which key sealed it, so keys can be rotated: set a new
``PRSS_NOTE_KEY``, list the old one in ``PRSS_NOTE_KEYS_PREVIOUS``, and run
``python -m app rotate-key``, which re-encrypts every note under the new key.

The columns use ``EncryptedText`` and ``EncryptedJSON``: the ORM encrypts on write and
decrypts on read, so the rest of the code sees plain text. The cipher is configured once per
process (``configure``) from the settings.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterable
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PREFIX = "enc:v1:"
# Bound into every ciphertext: a value cannot be replayed as another kind of data.
ASSOCIATED_DATA = b"prss-note-v1"


class NoteKeyError(RuntimeError):
    """A key is malformed, or a stored note was sealed with a key this process lacks."""


def decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError) as exc:
        raise NoteKeyError("a note key must be 32 bytes in URL-safe base64") from exc
    if len(key) != 32:
        raise NoteKeyError("a note key must be 32 bytes in URL-safe base64")
    return key


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii").rstrip("=")


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"prss-note-key" + key).hexdigest()[:12]


class NoteCipher:
    def __init__(self, current: bytes, previous: Iterable[bytes] = ()) -> None:
        self.current_id = key_id(current)
        self._keys = {key_id(k): AESGCM(k) for k in (*previous, current)}

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        sealed = self._keys[self.current_id].encrypt(
            nonce, plaintext.encode("utf-8"), ASSOCIATED_DATA
        )
        return f"{PREFIX}{self.current_id}:{base64.b64encode(nonce + sealed).decode('ascii')}"

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            # Written before encryption was switched on; rotate-key seals it.
            return stored
        kid, _, payload = stored[len(PREFIX) :].partition(":")
        aead = self._keys.get(kid)
        if aead is None:
            raise NoteKeyError(f"a note was sealed with key {kid}, which is not configured")
        raw = base64.b64decode(payload)
        try:
            return aead.decrypt(raw[:12], raw[12:], ASSOCIATED_DATA).decode("utf-8")
        except InvalidTag as exc:
            raise NoteKeyError("a stored note failed its integrity check") from exc

    def is_current(self, stored: str) -> bool:
        return stored.startswith(f"{PREFIX}{self.current_id}:")


_cipher: NoteCipher | None = None


def configure(cipher: NoteCipher) -> None:
    global _cipher
    _cipher = cipher


def cipher() -> NoteCipher:
    if _cipher is None:
        raise NoteKeyError("note encryption is not configured (crypto.configure)")
    return _cipher


class EncryptedText(TypeDecorator[str]):
    """Text stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher().encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher().decrypt(value)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value (a safety-plan step's lines) stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher().encrypt(json.dumps(value, ensure_ascii=False))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else json.loads(cipher().decrypt(value))
