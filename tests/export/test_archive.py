"""The post archive: import, no duplicates, what disappeared, FTS search newest first."""

from __future__ import annotations

import json

from guard.cli import main
from guard.export.posts import PostArchive, fts_query
from tests.export import builder as b


def test_import_search_and_reimport_without_duplicates(tmp_path, capsys):
    z22 = b.write_zip(tmp_path / "Basic_LinkedInDataExport_09-12-2022.zip", b.files_2022())
    z26 = b.write_zip(tmp_path / "Basic_LinkedInDataExport_04-17-2026.zip", b.files_2026())
    assert main(["archive", "import", str(z22), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["added"], first["kept"], first["gone"]) == (3, 0, [])  # 2 posts + 1 comment
    assert main(["archive", "import", str(z22), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["added"], again["kept"]) == (0, 3)

    assert main(["archive", "import", str(z26)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 new, 0 already in the archive, 3 gone since the last import")
    assert "Read this article about privacy." in out

    assert main(["archive", "search", "clients party", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["date"] for h in hits] == ["2025-11-12T02:56:10", "2021-06-16T15:00:02"]  # newest first
    assert set(hits[0]) == {"date", "kind", "text", "url"} and hits[0]["kind"] == "post"
    assert hits[0]["text"].startswith("What a great evening with our clients")

    with PostArchive() as archive:
        assert archive.count() == 6  # nothing doubled: the 2026 Shares.csv lists its post twice
        assert [h["kind"] for h in archive.search("privacy habit")] == ["article"]
        # Rich_Media's copy of the post text is not an item of its own.
        assert len(archive.search("summer party")) == 2


def test_search_input_is_never_fts_syntax(tmp_path, capsys):
    b.write_folder(tmp_path / "e", b.files_2026())
    main(["archive", "import", str(tmp_path / "e")])
    capsys.readouterr()
    for query in ['"', "NEAR(", "a OR", "text:*", "-", "'); DROP TABLE items; --"]:
        assert main(["archive", "search", query, "--json"]) == 0
        json.loads(capsys.readouterr().out)
    assert fts_query('clients" OR x') == '"clients" "OR" "x"'


def test_archive_import_of_a_bad_path_is_exit_2(tmp_path, capsys):
    (tmp_path / "x.zip").write_text("nope")
    assert main(["archive", "import", str(tmp_path / "x.zip")]) == 2
    assert "not a ZIP archive" in capsys.readouterr().err
