"""Hostile archives: each refused with exit 2 and one line on stderr, quickly, without extracting anything."""

from __future__ import annotations

import io
import os
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from guard.cli import main
from guard.export import source
from guard.export.source import ExportError, _Capped, open_export
from tests.export import builder as b


def audit_exit(path: Path, capsys) -> tuple[int, str]:
    code = main(["audit", str(path), "--json", "--no-store"])
    err = capsys.readouterr().err
    return code, err


def refused(path: Path, capsys, words: str) -> None:
    started = time.monotonic()
    code, err = audit_exit(path, capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("linkedin-guard: ") and words in err, err
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("bad", ["../messages.csv", "export/../../Connections.csv", "/etc/Connections.csv",
                                 "..\\..\\Connections.csv", "C:/Users/x/Connections.csv", "\\Connections.csv"])
def test_unsafe_member_name_refuses_the_whole_archive(tmp_path, capsys, bad):
    files = {**b.files_2026(), bad: b"First Name,Last Name\nA,B\n"}
    zipped = b.write_zip(tmp_path / "export.zip", files)
    refused(zipped, capsys, "unsafe file name")
    assert sorted(os.listdir(tmp_path)) == ["export.zip", "guard-home"]  # nothing extracted


def _patch_sizes(path: Path, member: str, declared: int) -> None:
    """Make the ZIP lie: ``member`` claims to inflate to ``declared`` bytes (local and central headers)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if data[at + name_at: at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            start = at + 4
    path.write_bytes(bytes(data))


def test_member_declaring_gigabytes_is_refused_before_reading(tmp_path, capsys):
    zipped = b.write_zip(tmp_path / "bomb.zip", b.files_2026())
    _patch_sizes(zipped, "messages.csv", 3 * 2**30)
    refused(zipped, capsys, "would inflate to")


def test_many_members_adding_up_to_gigabytes_are_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(source, "MAX_TOTAL_BYTES", 3000)
    files = {f"Shares_{i}.csv": b"Date,ShareLink,ShareCommentary\n" + b"x" * 1000 for i in range(5)}
    refused(b.write_zip(tmp_path / "many.zip", files), capsys, "would inflate to")


def test_bomb_that_lies_small_is_stopped_while_reading_in_bounded_memory(tmp_path, capsys):
    # 64 MiB of a repeated row deflates to ~100 KB but claims to be 200 bytes.
    zipped = tmp_path / "liar.zip"
    row = b"2-x,,Me,,You,2024-01-01 10:00:00 UTC,,hello,INBOX\n"
    with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        header = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        zf.writestr("messages.csv", header + row * (64 * 2**20 // len(row)))
    _patch_sizes(zipped, "messages.csv", 200)
    tracemalloc.start()
    try:
        refused(zipped, capsys, "cannot read messages.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 2**20


def test_bytes_actually_read_are_capped_per_member_and_in_total():
    budget = [10**9]
    capped = io.BufferedReader(_Capped(io.BytesIO(b"a" * 5000), "messages.csv", 4096, budget))
    with pytest.raises(ExportError, match="inflates to more than"):
        capped.read()
    budget = [3000]
    capped = io.BufferedReader(_Capped(io.BytesIO(b"a" * 5000), "Shares.csv", 10**9, budget))
    with pytest.raises(ExportError, match="archive inflates to more than"):
        capped.read()


def test_not_a_zip(tmp_path, capsys):
    path = tmp_path / "Basic_LinkedInDataExport_01-01-2026.zip"
    path.write_text("this is not a zip")
    refused(path, capsys, "is not a ZIP archive")


def test_corrupt_zip(tmp_path, capsys):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    refused(path, capsys, "is not a ZIP archive")


def test_empty_zip(tmp_path, capsys):
    path = tmp_path / "empty.zip"
    zipfile.ZipFile(path, "w").close()
    refused(path, capsys, "empty ZIP")


def test_unrelated_csvs(tmp_path, capsys):
    zipped = b.write_zip(tmp_path / "sales.zip", {"sales.csv": b"a,b\n1,2\n", "notes/todo.csv": b"x\n"})
    refused(zipped, capsys, "no LinkedIn export files")


def test_missing_path(tmp_path, capsys):
    refused(tmp_path / "nope.zip", capsys, "no such file")


def test_symlink_in_unpacked_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("First Name,Last Name\nSecret,Person\n")
    folder = b.write_folder(tmp_path / "unpacked", {"Profile.csv": b"First Name,Last Name\nA,B\n"})
    (folder / "Connections.csv").symlink_to(secret)
    with open_export(folder) as export:
        assert "connections" not in export.files


def test_encrypted_or_unknown_compression_member_is_exit_2(tmp_path, capsys):
    zipped = b.write_zip(tmp_path / "odd.zip", b.files_2026())
    data = bytearray(zipped.read_bytes())
    # Set the "encrypted" flag bit on messages.csv in both headers.
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            if data[at + name_at: at + name_at + 12] == b"messages.csv":
                data[at + flag_at] |= 1
            start = at + 4
    zipped.write_bytes(bytes(data))
    refused(zipped, capsys, "cannot read messages.csv")


def test_a_folder_holding_the_zip_names_the_zip_to_pass(tmp_path, capsys):
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    b.write_zip(downloads / "Basic_LinkedInDataExport_04-17-2026.zip", b.files_2026())
    refused(downloads, capsys, "pass the ZIP itself, e.g.")
