"""Framing, byte by byte: lengths, truncation, zero length, oversize, slow pipes."""

from __future__ import annotations

import io
import struct
import sys

import pytest

from native_host import ABSURD_INCOMING, MAX_OUTGOING
from native_host.framing import (
    EndOfStream,
    FrameTooLarge,
    FramingError,
    encode_frame,
    read_frame,
    write_frame,
)


class Trickle(io.RawIOBase):
    """A pipe that hands out at most one byte per read."""

    def __init__(self, data: bytes):
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk, self.data = self.data[:1], self.data[1:]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_length_prefix_is_native_order_32_bit():
    encoded = encode_frame(b'{"a":1}')
    assert encoded[:4] == (7).to_bytes(4, sys.byteorder)
    assert encoded[4:] == b'{"a":1}'


def test_round_trip_of_several_frames():
    stream = io.BytesIO(encode_frame(b"{}") + encode_frame(b'{"x":"\xc3\xa9"}') + encode_frame(b"[]"))
    assert read_frame(stream) == b"{}"
    assert read_frame(stream) == b'{"x":"\xc3\xa9"}'
    assert read_frame(stream) == b"[]"
    with pytest.raises(EndOfStream):
        read_frame(stream)


def test_zero_length_frame_is_an_empty_payload_not_the_end():
    stream = io.BytesIO(struct.pack("@I", 0) + encode_frame(b"{}"))
    assert read_frame(stream) == b""
    assert read_frame(stream) == b"{}"


def test_empty_stream_is_a_clean_end():
    with pytest.raises(EndOfStream):
        read_frame(io.BytesIO(b""))


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_stream_ending_inside_the_length_prefix(cut):
    with pytest.raises(FramingError, match=f"{cut} of 4 bytes"):
        read_frame(io.BytesIO(struct.pack("@I", 10)[:cut]))


@pytest.mark.parametrize("have", [0, 1, 9])
def test_stream_ending_inside_the_payload(have):
    with pytest.raises(FramingError, match=f"{have} of 10 bytes"):
        read_frame(io.BytesIO(struct.pack("@I", 10) + b"x" * have))


def test_a_slow_pipe_still_yields_whole_frames():
    payload = b'{"text":"' + b"a" * 5000 + b'"}'
    raw = Trickle(encode_frame(payload) + encode_frame(b"{}"))
    assert read_frame(raw) == payload  # raw reads return short: read_frame must loop
    assert read_frame(raw) == b"{}"


def test_absurd_length_stops_without_reading_on():
    stream = io.BytesIO(struct.pack("@I", ABSURD_INCOMING + 1) + b"{}")
    with pytest.raises(FramingError, match="out of step"):
        read_frame(stream)
    assert stream.tell() == 4


def test_length_at_the_absurd_limit_is_only_too_large():
    stream = io.BytesIO(struct.pack("@I", ABSURD_INCOMING))
    with pytest.raises(FramingError, match="inside an oversized frame"):
        read_frame(stream, max_incoming=10)


def test_oversized_frame_is_skipped_and_the_stream_stays_in_step():
    stream = io.BytesIO(encode_frame(b"x" * 100) + encode_frame(b"{}"))
    with pytest.raises(FrameTooLarge) as info:
        read_frame(stream, max_incoming=99)
    assert (info.value.length, info.value.limit) == (100, 99)
    assert read_frame(stream, max_incoming=99) == b"{}"


def test_frame_exactly_at_the_inbound_limit_is_accepted():
    assert read_frame(io.BytesIO(encode_frame(b"y" * 64)), max_incoming=64) == b"y" * 64


def test_outgoing_limit_is_one_mebibyte_exactly():
    assert len(encode_frame(b"z" * MAX_OUTGOING)) == MAX_OUTGOING + 4
    with pytest.raises(ValueError, match="above"):
        encode_frame(b"z" * (MAX_OUTGOING + 1))


def test_write_frame_flushes():
    class Recorder(io.BytesIO):
        flushed = 0

        def flush(self):
            self.flushed += 1

    out = Recorder()
    write_frame(out, b"{}")
    assert out.getvalue() == struct.pack("@I", 2) + b"{}"
    assert out.flushed == 1


class Writes(io.RawIOBase):
    """A pipe that remembers each write it was given."""

    def __init__(self):
        self.writes: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.writes.append(bytes(data))
        return len(data)


@pytest.mark.parametrize("size", [2, 5000, 200_000])
def test_the_host_writes_each_frame_in_one_write(size):
    """Length and payload together: the reader is never woken for a bare length prefix."""
    from native_host.host import Sender

    for stream in (Writes(), io.BufferedWriter(raw := Writes())):
        Sender(stream).send({"id": 1, "ok": True, "result": {"payload": "x" * size}})
        writes = stream.writes if isinstance(stream, Writes) else raw.writes
        assert len(writes) == 1
        (n,) = struct.unpack("@I", writes[0][:4])
        assert n == len(writes[0]) - 4 and writes[0][4:].startswith(b'{"id":1')


# Found missing by mutmut (benchmarks/mutation_bench.py): the errors name what
# happened in numbers, and write_frame honours the limit it is given.

def test_a_truncated_oversized_frame_says_how_far_the_skip_got():
    stream = io.BytesIO(struct.pack("@I", 100) + b"x" * 30)
    with pytest.raises(FramingError, match=r"\(30 of 100 bytes\)"):
        read_frame(stream, max_incoming=10)


def test_frame_too_large_names_the_length_and_the_limit():
    stream = io.BytesIO(encode_frame(b"x" * 100))
    with pytest.raises(FrameTooLarge, match="incoming frame of 100 bytes is above the limit of 99 bytes"):
        read_frame(stream, max_incoming=99)


def test_write_frame_refuses_above_its_own_limit_and_writes_nothing():
    stream = io.BytesIO()
    with pytest.raises(ValueError, match="11 bytes is above 10"):
        write_frame(stream, b"x" * 11, max_outgoing=10)
    assert stream.getvalue() == b""
    write_frame(stream, b"x" * 10, max_outgoing=10)
    assert stream.getvalue() == encode_frame(b"x" * 10)
