"""Delivering a run's result to the `webhook` URL the client gave when it created the run.

A webhook is a URL a client chooses and the server then calls, so it is a way to make the
server send requests into its own network (SSRF). Unless private targets are allowed
(`Settings.webhook_allow_private`), a target must be a public address:

- `check_target` (sync, no DNS) runs when a run is created and refuses, with a 422, URLs that
  are malformed, not http(s), or name a private address or `localhost`.
- `check_target_resolved` (async) also resolves a host name and refuses it unless every
  address it resolves to is public. `WebhookSender.deliver` runs these checks before each
  attempt, and then connects to the address it checked (the URL's host still goes in the
  `Host` header and the TLS SNI), so a name that resolves elsewhere later (DNS rebinding) is
  caught.

The URL is parsed with httpx, the client that sends the request, so the host that is checked
is the host that is connected to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

import httpx
import pydantic_core

from ap_server import observe
from ap_server.errors import Invalid

logger = logging.getLogger("ap_server.webhooks")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_BACKOFF = 30.0
USER_AGENT = "ap-server-webhook"

# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# A host made only of these may be an IPv4 address in a legacy form (`127.1`, `0x7f.0.0.1`,
# `2130706433`), which resolvers accept.
_LEGACY_IPV4 = re.compile(r"[0-9a-fx.]+")
# A DNS name (after IDNA encoding): labels of letters, digits, `-` and `_`.
_HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*")


def _refused(message: str, url: str) -> Invalid:
    return Invalid(message, code="webhook_refused", webhook=_redact(url))


def _redact(url: str | httpx.URL) -> str:
    """The URL without user info, query and fragment (which may hold secrets), for messages."""
    try:
        parsed = httpx.URL(url)
        return str(parsed.copy_with(username=None, password=None, query=None, fragment=None))
    except (httpx.InvalidURL, ValueError, TypeError):
        return "<invalid url>"


@dataclass(frozen=True, slots=True)
class _Target:
    url: httpx.URL
    host: str  # ASCII (IDNA) host, lower case, no brackets, no trailing dot
    port: int
    literal: IPAddress | None  # the host, if it is an IP address


def _parse(url: str) -> _Target:
    if not isinstance(url, str):
        raise Invalid("webhook must be a URL string")
    try:
        parsed = httpx.URL(url)
        raw_host = parsed.raw_host.decode("ascii")
        port = parsed.port
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise Invalid(f"webhook is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise _refused("webhook must be an http or https URL", url)
    host = raw_host.lower().rstrip(".")
    if not host:
        raise _refused("webhook URL must have a host", url)
    if port is None:
        port = 443 if parsed.scheme == "https" else 80
    if not 0 < port < 65536:
        raise Invalid("webhook URL has an invalid port", webhook=_redact(url))
    literal = _literal_address(host)
    if literal is None and not _HOST_NAME.fullmatch(host):
        raise Invalid("webhook URL has an invalid host name", webhook=_redact(url))
    return _Target(url=parsed, host=host, port=port, literal=literal)


def _literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            pass
    return None


def is_public_address(address: IPAddress) -> bool:
    """Whether `address` is a public unicast address (and any IPv4 address it embeds too)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded: list[ipaddress.IPv4Address] = []
        if address.ipv4_mapped is not None:
            embedded.append(address.ipv4_mapped)
        if address.sixtofour is not None:
            embedded.append(address.sixtofour)
        if address.teredo is not None:
            embedded.extend(address.teredo)
        if any(address in net for net in _NAT64):
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.is_site_local or not all(is_public_address(v4) for v4 in embedded):
            return False
    return not (
        address.is_loopback
        or address.is_link_local
        or address.is_private
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def _check_static(url: str, *, allow_private: bool) -> _Target:
    target = _parse(url)
    if allow_private:
        return target
    if target.host == "localhost" or target.host.endswith(".localhost"):
        raise _refused("webhook must not target localhost", url)
    if target.literal is not None and not is_public_address(target.literal):
        raise _refused(f"webhook must not target a non-public address ({target.literal})", url)
    return target


def check_target(url: str, *, allow_private: bool) -> None:
    """Refuse (`Invalid`) a webhook URL that is malformed, not http(s), or names a private
    address or `localhost` (unless `allow_private`). No DNS: a host name passes here, and is
    checked again, resolved, at delivery (`check_target_resolved`)."""
    _check_static(url, allow_private=allow_private)


async def _resolve(target: _Target) -> list[IPAddress]:
    """The addresses `target` connects to, in resolver order. OSError if it does not resolve."""
    if target.literal is not None:
        return [target.literal]
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(
        target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    addresses: list[IPAddress] = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise OSError(f"{target.host} has no IP address")
    return addresses


def _check_addresses(url: str, target: _Target, addresses: list[IPAddress]) -> None:
    for address in addresses:
        if not is_public_address(address):
            raise _refused(
                f"webhook host {target.host} resolves to a non-public address ({address})", url
            )


async def check_target_resolved(url: str, *, allow_private: bool) -> None:
    """`check_target`, and (unless `allow_private`) resolve the host: every address it
    resolves to must be public. A host that does not resolve is refused too."""
    target = _check_static(url, allow_private=allow_private)
    if allow_private:
        return
    try:
        addresses = await _resolve(target)
    except OSError as exc:
        raise _refused(f"webhook host {target.host} does not resolve: {exc}", url) from None
    _check_addresses(url, target, addresses)


class _Retry(Exception):
    """An attempt failed in a way worth retrying."""

    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.delay = delay


class _GiveUp(Exception):
    """An attempt failed in a way that retrying will not fix."""


class WebhookSender:
    """POSTs JSON payloads to webhook URLs, with retries; one per server process.

    `deliver` retries connection errors, timeouts, 429 and 5xx `attempts` times in all, waiting
    `backoff` seconds after the first failure and twice as long after each next one (at most
    30 s, or longer if the target's `Retry-After` says so, still at most 30 s); any other
    non-2xx answer (redirects are not followed) ends it at once. `timeout` bounds each attempt.
    """

    def __init__(
        self,
        allow_private: bool,
        attempts: int = 5,
        backoff: float = 0.5,
        timeout: float = 10.0,
    ) -> None:
        self.allow_private = allow_private
        self.attempts = max(1, attempts)
        self.backoff = max(0.0, backoff)
        self.timeout = timeout
        # No keep-alive: a connection is made to a checked address for one request, and is not
        # reused for another host name that happens to share the address.
        self._client = self._http_client()
        self._tasks: set[asyncio.Task[bool]] = set()
        self._closed = False

    def _http_client(self, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(self.timeout),
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={"User-Agent": USER_AGENT},
        )

    async def deliver_through(self, transport: httpx.AsyncBaseTransport) -> None:
        """Send every later delivery through `transport` (a test's in-process target)
        instead of the network; no address is looked up, as none is connected to."""
        previous, self._client = self._client, self._http_client(transport)
        self.allow_private = True
        await previous.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def pending(self) -> int:
        """How many `send` deliveries are still running."""
        return len(self._tasks)

    def send(self, url: str, payload: Mapping[str, Any]) -> None:
        """Deliver in the background (fire and forget). Call it from the event loop."""
        if self._closed:
            logger.warning("webhook sender closed; not delivering to %s", _redact(url))
            return
        try:
            task = asyncio.get_running_loop().create_task(
                self.deliver(url, payload), name=f"webhook {_redact(url)}"
            )
        except RuntimeError:
            logger.error("webhook send outside an event loop; not delivering to %s", _redact(url))
            return
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[bool]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:  # deliver does not raise
            logger.error("webhook delivery crashed", exc_info=task.exception())
        elif not task.cancelled():
            observe.webhook_finished(task.result())

    async def deliver(self, url: str, payload: Mapping[str, Any]) -> bool:
        """POST `payload` as JSON to `url`; whether a 2xx answer came. Never raises (but can be
        cancelled)."""
        where = _redact(url)
        try:
            body = pydantic_core.to_json(payload, fallback=str)
        except Exception:
            logger.exception("webhook payload for %s is not serializable; not delivering", where)
            return False
        for attempt in range(1, self.attempts + 1):
            try:
                await self._attempt(url, body, attempt)
            except _GiveUp as exc:
                logger.warning("webhook to %s not delivered: %s", where, exc)
                return False
            except _Retry as exc:
                if attempt == self.attempts:
                    logger.warning(
                        "webhook to %s not delivered after %d attempts: %s",
                        where,
                        attempt,
                        exc,
                    )
                    return False
                delay = min(self.backoff * 2 ** (attempt - 1), MAX_BACKOFF)
                if exc.delay is not None:
                    delay = min(max(delay, exc.delay), MAX_BACKOFF)
                logger.info(
                    "webhook to %s failed (attempt %d of %d): %s; retrying in %.2fs",
                    where,
                    attempt,
                    self.attempts,
                    exc,
                    delay,
                )
                await asyncio.sleep(delay)
            except Exception:
                logger.exception("webhook to %s failed unexpectedly", where)
                return False
            else:
                logger.debug("webhook delivered to %s (attempt %d)", where, attempt)
                return True
        return False  # pragma: no cover (attempts >= 1)

    async def _attempt(self, url: str, body: bytes, attempt: int) -> None:
        """One POST; returns on a 2xx answer, else raises _Retry or _GiveUp."""
        try:
            target = _check_static(url, allow_private=self.allow_private)
        except Invalid as exc:
            raise _GiveUp(exc.message) from None
        request_url = target.url
        headers = {"Content-Type": "application/json"}
        extensions: dict[str, Any] = {}
        if not self.allow_private and target.literal is None:
            try:
                addresses = await _resolve(target)
            except OSError as exc:
                raise _Retry(f"cannot resolve {target.host}: {exc}") from None
            try:
                _check_addresses(url, target, addresses)
            except Invalid as exc:
                raise _GiveUp(exc.message) from None
            # Connect to the address just checked, not to what the name resolves to next.
            address = addresses[(attempt - 1) % len(addresses)]
            headers["Host"] = httpx.Request("POST", target.url).headers["Host"]
            request_url = target.url.copy_with(host=str(address))
            if target.url.scheme == "https":
                extensions["sni_hostname"] = target.host
        try:
            async with asyncio.timeout(self.timeout):
                request = self._client.build_request(
                    "POST", request_url, content=body, headers=headers, extensions=extensions
                )
                response = await self._client.send(request, stream=True)
                await response.aclose()  # the answer's body is not needed
        except TimeoutError:
            raise _Retry(f"timed out after {self.timeout}s") from None
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}") from None
        status = response.status_code
        if 200 <= status < 300:
            return
        if status == 429 or status >= 500:
            raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
        raise _GiveUp(f"HTTP {status}")

    async def aclose(self, timeout: float = 5.0) -> None:
        """Wait up to `timeout` seconds for pending `send` deliveries, cancel the rest, and close
        the HTTP client. Later `send` calls are dropped (and logged)."""
        self._closed = True
        tasks = set(self._tasks)
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            if pending:
                logger.warning("cancelling %d pending webhook deliveries", len(pending))
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
        await self._client.aclose()


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None  # an HTTP date: not worth parsing for a delay capped at 30 s
    return seconds if seconds >= 0 else None
