"""API keys: who is asking, as the storage `Scope` their requests see.

Keys come from `AP_API_KEYS` (`owner=key,owner=key`), from a file named by
`AP_API_KEYS_FILE` (one `owner:<sha256 hex of the key>` per line; `#` starts a comment),
and `AP_ADMIN_KEY` (sees every owner's resources). Only SHA-256 digests are kept, and a
presented key's digest is compared with every known one in constant time. With no keys at
all the server is open: every request sees everything, as the admin.

A key is sent as `Authorization: Bearer <key>` or `x-api-key: <key>`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from .errors import ApiError
from .settings import Settings
from .storage.owners import EVERYONE, Scope

BEARER = "bearer "


class Unauthorized(ApiError):
    """No API key, or one the server does not know (401)."""

    status = 401
    code = "unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": "Bearer"}


def digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


@dataclass(frozen=True, slots=True)
class ApiKeys:
    # (SHA-256 of the key, the scope it gives), for every known key
    known: tuple[tuple[bytes, Scope], ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiKeys:
        """Read the configured keys; a malformed entry is a ValueError (at start)."""
        known: list[tuple[bytes, Scope]] = []
        for entry in filter(None, (e.strip() for e in settings.api_keys.split(","))):
            owner, sep, key = entry.partition("=")
            known.append(
                (digest(_nonempty(key, sep, "AP_API_KEYS", "owner=key,...")), _owner(owner))
            )
        if settings.api_keys_file is not None:
            known.extend(_read_file(settings.api_keys_file))
        if settings.admin_key:
            known.append((digest(settings.admin_key), EVERYONE))
        return cls(tuple(known))

    @property
    def open(self) -> bool:
        return not self.known

    def describe(self) -> str:
        """What the server says at start about who may use it."""
        if self.open:
            return (
                "API keys: none configured, the server is OPEN: anyone who reaches it may use"
                " every endpoint and see everything (set AP_API_KEYS to require keys)"
            )
        owners = sorted({scope.owner for _, scope in self.known if not scope.everything})
        admin = any(scope.everything for _, scope in self.known)
        return f"API keys: required; owners: {', '.join(owners) or 'none'}" + (
            "; an admin key" if admin else ""
        )

    def authenticate(self, headers: Mapping[str, str]) -> Scope:
        """The scope of the request's key; Unauthorized without a known one."""
        if self.open:
            return EVERYONE
        key = _presented(headers)
        if not key:
            raise Unauthorized(
                "an API key is required: send `Authorization: Bearer <key>` or `x-api-key: <key>`"
            )
        presented = digest(key)
        found: Scope | None = None
        for known, scope in self.known:  # no early exit: the time taken tells nothing
            if hmac.compare_digest(presented, known) and found is None:
                found = scope
        if found is None:
            raise Unauthorized("the API key is not valid", code="invalid_api_key")
        return found


def _presented(headers: Mapping[str, str]) -> str:
    authorization = headers.get("authorization", "")
    if authorization[: len(BEARER)].lower() == BEARER:
        return authorization[len(BEARER) :].strip()
    return headers.get("x-api-key", "").strip()


def _read_file(path: Path) -> list[tuple[bytes, Scope]]:
    known = []
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        owner, sep, hexdigest = line.partition(":")
        where = f"{path}:{number}"
        hexdigest = _nonempty(hexdigest.strip().lower(), sep, where, "owner:sha256-hex")
        try:
            value = bytes.fromhex(hexdigest)
        except ValueError:
            value = b""
        if len(value) != hashlib.sha256().digest_size:
            raise ValueError(f"{where}: not a SHA-256 hex digest (64 hex digits)")
        known.append((value, _owner(owner)))
    return known


def _nonempty(value: str, separator: str, where: str, form: str) -> str:
    if not separator or not value.strip():
        raise ValueError(f"{where}: expected `{form}`")
    return value.strip()


def _owner(name: str) -> Scope:
    name = name.strip()
    if not name:
        raise ValueError("an API key's owner may not be empty")
    return Scope.of(name)
