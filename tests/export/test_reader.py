"""Reading every documented shape of the export: encodings, preamble, header drift, dates."""

from __future__ import annotations

import io

import pytest

from guard.export import reader
from guard.export.csvread import Problems, read_rows
from guard.export.dates import parse_date
from guard.export.source import file_key, open_export
from tests.export import builder as b


@pytest.mark.parametrize("value, iso", [
    ("2024-12-16 18:24:37 UTC", "2024-12-16T18:24:37Z"),
    ("2024-03-17 18:03:34", "2024-03-17T18:03:34"),
    ("2024/12/15 08:53:43 UTC", "2024-12-15T08:53:43Z"),
    ("2021-03-25 08:46 UTC", "2021-03-25T08:46:00Z"),
    ("2019-11-06T02:08:20", "2019-11-06T02:08:20"),
    ("16 Dec 2024", "2024-12-16"),
    ("5-Jan-26", "2026-01-05"),
    ("12/15/24, 7:47 AM", "2024-12-15T07:47:00"),
    ("12/24/23, 05:28 PM", "2023-12-24T17:28:00"),
    ("11/26/24 01:32 PM UTC", "2024-11-26T13:32:00Z"),
    ("Sat Dec 14 08:57:55 UTC 2024", "2024-12-14T08:57:55Z"),
    ("Jun 2018", "2018-06"),
    ("2017", "2017"),
    ("Apr 3, 2023", "2023-04-03"),
    ("You uploaded a feed photo on November 12, 2024 at 2:56 AM (GMT)", "2024-11-12T02:56:00Z"),
    ("You uploaded a article cover photo on March 2, 2024 at 12:05 PM (GMT)", "2024-03-02T12:05:00Z"),
    ("Sep 23, 2022 12:00 PM - Sep 23, 2022 12:20 PM", "2022-09-23T12:00:00"),
    ("2024-11-13", "2024-11-13"),
    ("16.09.2021", "2021-09-16"),
])
def test_every_documented_date_shape(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize("value", ["", "N/A", "Mar 31", "yesterday", "13/45/24, 7:47 AM", "31 Feb 2024"])
def test_unknown_or_impossible_dates_are_none(value):
    assert parse_date(value) is None


def test_file_keys_ignore_case_folders_spaces_and_splits():
    assert file_key("Jobs/Job Seeker Preferences.csv") == "job seeker preferences"
    assert file_key("x/y/Rich_Media.csv") == file_key("Rich Media.csv") == "rich media"
    assert file_key("MESSAGES.CSV") == "messages"
    assert file_key("Shares_2.csv") == "shares"


def _rows(data: bytes, required=("First Name", "Last Name")):
    problems = Problems()
    return list(read_rows(io.BytesIO(data), "f.csv", required, problems)), problems


def test_notes_preamble_is_skipped_by_finding_the_header():
    data = (b.NOTES + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            'Emma,Mulder,,,"Stripe, Inc.",Engineer,01 Feb 2022').encode()  # no final newline
    rows, problems = _rows(data)
    assert [(r["firstname"], r["company"]) for r in rows] == [("Emma", "Stripe, Inc.")]
    assert problems.as_list() == []


def test_utf16_tab_separated_every_field_quoted():
    data = b.utf16_tsv(["First Name", "Last Name", "Company"], [["Zoë", "Çelik", "Acme\tData"]])
    rows, _ = _rows(data)
    assert rows == [{"firstname": "Zoë", "lastname": "Çelik", "company": "Acme\tData"}]


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_multi_line_quoted_fields_with_crlf_or_lf(newline):
    text = b.csv_text(["Date", "Link", "Message"], [["2021-08-01 10:00:00", "x", "line one\nline two"],
                                                    ["2021-08-02 10:00:00", "y", "single"]], newline=newline)
    rows, _ = _rows(("\ufeff" + text).encode(), ("Date", "Message"))
    assert [r["message"] for r in rows] == ["line one\nline two", "single"]


def test_unknown_columns_ignored_and_missing_columns_empty():
    rows, _ = _rows(b"Last Name,Extra,First Name\nMulder,zzz,Emma\n")
    assert rows[0]["firstname"] == "Emma" and rows[0]["lastname"] == "Mulder"


def test_no_header_and_broken_rows_become_problems_not_crashes():
    rows, problems = _rows(b"No conversations found\n")
    assert rows == [] and "no header row" in problems.as_list()[0]["message"]
    rows, problems = _rows(b"First Name,Last Name\nEmma,Mulder\nA,B,C,D\nLotte,Bakker\n")
    assert [r["firstname"] for r in rows] == ["Emma", "Lotte"]
    assert "line 3" in problems.as_list()[0]["message"]


def test_shares_per_line_quotes_are_undone():
    assert reader.clean_commentary('First line"\n""\n"Second line"\n""\n"Third') == "First line\n\nSecond line\n\nThird"
    assert reader.clean_commentary('"stray start') == "stray start"


def test_html_message_bodies_become_text():
    assert reader.strip_html('<p class="x">Hi &amp; welcome</p><br><script>x</script>') == "Hi & welcome\n\nx"


@pytest.mark.parametrize("files, expected_messages", [
    (b.files_2018, 3), (b.files_2022, 5), (b.files_2026, 4),
])
def test_each_year_reads_by_header_name(tmp_path, files, expected_messages):
    zipped = b.write_zip(tmp_path / "Basic_LinkedInDataExport_01-02-2026.zip", files(), prefix="Export Folder/")
    problems = Problems()
    with open_export(zipped) as export:
        messages = list(reader.read_messages(export, problems))
        connections = list(reader.read_connections(export, problems))
        positions = reader.read_positions(export, problems)
        shares = list(reader.read_shares(export, problems))
    assert len(messages) == expected_messages
    assert {c.name for c in connections} >= {"Pieter Jansen", "Lotte Bakker"}  # hidden rows skipped, not crashed
    assert all(c.name for c in connections)
    assert positions[0].current and not positions[1].current
    assert shares and all(s.date for s in shares)
    assert problems.as_list() == []


def test_unpacked_folder_reads_like_the_zip(tmp_path):
    folder = b.write_folder(tmp_path / "unpacked", b.files_2026())
    with open_export(folder) as export:
        assert sorted(export.files) == sorted(["profile", "positions", "connections", "messages", "shares",
                                               "rich_media", "comments", "invitations"])
        assert len(export.articles) == 1


def test_a_name_listed_twice_in_the_zip_is_read_once(tmp_path):
    import warnings
    import zipfile

    zipped = b.write_zip(tmp_path / "e.zip", b.files_2026())
    with warnings.catch_warnings(), zipfile.ZipFile(zipped, "a") as zf:
        warnings.simplefilter("ignore")  # "Duplicate name": exactly the point
        zf.writestr("messages.csv", b.files_2026()["messages.csv"])
    problems = Problems()
    with open_export(zipped) as export:
        assert len(list(reader.read_messages(export, problems))) == 4
