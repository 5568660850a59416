"""The serving socket: what `ap-server serve` listens on."""

from __future__ import annotations

import socket

from ap_server.cli import _listen


def test_accepted_connections_have_tcp_nodelay():
    """Without TCP_NODELAY a response written as headers then body waits for the client's
    delayed ACK (40 ms on Linux) on a kept-alive connection."""
    listener = _listen("127.0.0.1", 0, 8)
    try:
        with socket.create_connection(listener.getsockname()[:2]):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
                assert accepted.proto == socket.IPPROTO_TCP, "asyncio checks the protocol too"
    finally:
        listener.close()


def test_listen_resolves_a_host_name():
    listener = _listen("localhost", 0, 8)
    try:
        assert listener.getsockname()[1] > 0
    finally:
        listener.close()
