"""Native messaging framing: a 32-bit length in native byte order, then that many bytes.

Two small functions and their failure modes, tested byte by byte in
``tests/host/test_framing.py``. Reading never guesses: a stream that ends in
the middle of a frame, or announces a length no browser would send, cannot be
resynchronised, so it ends the conversation (the caller exits cleanly).
"""

from __future__ import annotations

import struct

TYPE_CHECKING = False  # not typing's: the native host answers hello without importing typing
if TYPE_CHECKING:
    from typing import BinaryIO

from native_host import ABSURD_INCOMING, DEFAULT_MAX_INCOMING, MAX_OUTGOING

# "@I": native byte order and size. On every platform browsers run on, a C
# unsigned int is 32 bits; the assertion keeps it honest.
_LENGTH = struct.Struct("@I")
assert _LENGTH.size == 4

_SKIP_CHUNK = 1024 * 1024


class EndOfStream(Exception):
    """The browser closed the pipe between frames: a normal end."""


class FramingError(Exception):
    """The stream cannot continue (truncated frame, absurd length)."""


class FrameTooLarge(Exception):
    """A frame above the configured inbound limit was read past and dropped.

    The stream is still in step; the caller answers ``too_large`` and goes on.
    """

    def __init__(self, length: int, limit: int):
        super().__init__(f"incoming frame of {length} bytes is above the limit of {limit} bytes")
        self.length = length
        self.limit = limit


def _read_exactly(stream: BinaryIO, n: int) -> bytes:
    first = stream.read(n)
    if len(first) == n or not first:  # the usual case: one read does it (or the stream ended)
        return first
    chunks = [first]
    remaining = n - len(first)
    while remaining:
        # A buffered reader returns short only at EOF, but a raw pipe may
        # return less at any time (mdn/webextensions-examples#509: a host that
        # reads once loses large messages).
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO, max_incoming: int = DEFAULT_MAX_INCOMING) -> bytes:
    """The payload of the next frame (may be ``b""`` for a zero-length frame).

    Raises :class:`EndOfStream` at a clean end, :class:`FramingError` when the
    stream cannot continue, :class:`FrameTooLarge` after skipping a frame that
    is too large but not absurd.
    """
    header = _read_exactly(stream, 4)
    if not header:
        raise EndOfStream()
    if len(header) < 4:
        raise FramingError(f"stream ended inside a length prefix ({len(header)} of 4 bytes)")
    (length,) = _LENGTH.unpack(header)
    if length > ABSURD_INCOMING:
        raise FramingError(
            f"length prefix announces {length} bytes, more than any browser sends "
            f"({ABSURD_INCOMING}); the stream is out of step"
        )
    if length > max_incoming:
        _skip(stream, length)
        raise FrameTooLarge(length, max_incoming)
    payload = _read_exactly(stream, length)
    if len(payload) < length:
        raise FramingError(f"stream ended inside a frame ({len(payload)} of {length} bytes)")
    return payload


def _skip(stream: BinaryIO, length: int) -> None:
    remaining = length
    while remaining:
        chunk = stream.read(min(remaining, _SKIP_CHUNK))
        if not chunk:
            raise FramingError(f"stream ended inside an oversized frame ({length - remaining} of {length} bytes)")
        remaining -= len(chunk)


def encode_frame(payload: bytes, max_outgoing: int = MAX_OUTGOING) -> bytes:
    """Length prefix + payload. Refuses (ValueError) what the browser would refuse."""
    if len(payload) > max_outgoing:
        raise ValueError(f"outgoing frame of {len(payload)} bytes is above {max_outgoing}")
    return _LENGTH.pack(len(payload)) + payload


def write_frame(stream: BinaryIO, payload: bytes, max_outgoing: int = MAX_OUTGOING) -> None:
    """One frame in one ``write`` (length and payload together), then flushed:
    the reader is never woken for a bare length prefix."""
    stream.write(encode_frame(payload, max_outgoing))
    stream.flush()
