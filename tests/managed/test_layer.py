"""guard.managed: partial settings validated by the Settings rules, merged defaults < user < locked."""

from __future__ import annotations

import json
import stat

import pytest

from guard import managed
from guard.models import Settings
from tests.managed.conftest import POLICY


def test_a_partial_document_sets_only_what_it_names():
    layer = managed.parse(POLICY)
    assert layer.defaults == POLICY["defaults"]
    assert layer.locked_paths() == ["rules.LG201.enabled", "rules.LG201.mode"]


@pytest.mark.parametrize(("data", "path"), [
    ({"defaults": {"log": {"retention_days": 0}}}, "defaults.log.retention_days"),
    ({"locked": {"rules": {"LG999": {"enabled": True}}}}, "locked.rules.LG999"),
    ({"locked": {"rules": {"LG201": {"mode": "block"}}}}, "locked.rules.LG201.mode"),
    ({"defaults": {"employer": {"name": "A", "extra": 1}}}, "defaults.employer.extra"),
    ({"defaults": {"clients": [{"name": ""}]}}, "defaults.clients[0].name"),
    ({"defaults": {"fail_mode": "ajar"}}, "defaults.fail_mode"),
    ({"recommended": {}}, "recommended"),
    ({"locked": []}, "locked"),
    # An employer needs a name from one of the two layers.
    ({"locked": {"employer": {"official_title": "Engineer"}}}, "(merged) employer.name"),
])
def test_invalid_values_are_refused_naming_the_path(data, path):
    with pytest.raises(managed.ManagedError) as err:
        managed.parse(data)
    assert path in [d["path"] for d in err.value.details]


def test_no_policy():
    assert managed.parse(None).empty and managed.parse({}).empty


def test_defaults_then_user_then_locked_with_sources():
    layer = managed.parse({"defaults": {"log": {"retention_days": 30}, "fail_mode": "closed",
                                        "employer": {"name": "Acme"}},
                           "locked": {"rules": {"LG201": {"enabled": True}}}})
    user = Settings.model_validate({"log": {"retention_days": 10}, "rules": {"LG201": {"enabled": False, "mode": "inform"}}})
    merged = managed.effective(user, layer)
    assert merged.settings.log.retention_days == 10  # the person over the default
    assert merged.settings.fail_mode == "closed"  # the organisation's default
    assert merged.settings.employer.name == "Acme"
    assert merged.settings.rules["LG201"].enabled is True  # the lock over the person
    assert merged.settings.rules["LG201"].mode == "inform"  # not locked: the person's
    assert merged.sources["log.retention_days"] == "user"
    assert merged.sources["fail_mode"] == "managed-default"
    assert merged.sources["rules.LG201.enabled"] == "managed-locked"
    assert merged.sources["rules.LG201.mode"] == "user"
    assert merged.sources["bulk.profiles"] == "default"
    assert set(merged.sources) == {managed.dotted(p) for p in managed.flatten(merged.settings.model_dump(mode="json"))}


def test_a_locked_change_is_refused_but_an_unchanged_own_value_passes():
    layer = managed.parse(POLICY)
    own = Settings.model_validate({"rules": {"LG201": {"enabled": False}}})  # from before the lock
    off = Settings.model_validate({"rules": {"LG201": {"enabled": False}}, "language": "nl"})
    assert managed.locked_changes(off, own, layer) == []
    assert [d["path"] for d in managed.locked_changes(off, Settings(), layer)] == ["rules.LG201.enabled"]
    # The lock's own value is not written into the person's file.
    kept = managed.keep_own_values(Settings.model_validate({"rules": {"LG201": {"enabled": True, "mode": "confirm"}}}),
                                   own, layer)
    assert kept.rules["LG201"].enabled is False and kept.rules["LG201"].mode is None


def test_stored_0600_atomically_and_removed_with_the_policy(tmp_path):
    path = tmp_path / "managed.json"
    managed.store(managed.parse(POLICY), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert managed.load(path) == (managed.parse(POLICY), None)
    managed.store(managed.NO_POLICY, path)
    assert not path.exists()


def test_an_invalid_file_means_no_policy_and_says_so(tmp_path):
    path = tmp_path / "managed.json"
    path.write_text(json.dumps({"locked": {"fail_mode": "ajar"}}))
    layer, problem = managed.load(path)
    assert layer.empty and "locked.fail_mode" in problem


def test_refusal_message_names_every_locked_path():
    # Found missing by mutmut (benchmarks/mutation_bench.py): the host's refusal text.
    details = [{"path": "fail_mode", "message": "x"}, {"path": "rules.LG201.mode", "message": "y"}]
    assert managed.refusal_message(details) == "locked by your organisation: fail_mode, rules.LG201.mode"


def test_a_persons_own_null_is_their_value_not_a_gap_for_the_organisations_default():
    # Found missing by mutmut: user_leaves must keep an explicit null where the built-in
    # settings have no value at all (employer.official_title when the built-in employer is None).
    layer = managed.parse({"defaults": {"employer": {"name": "Acme", "official_title": "Account manager"}}})
    user = Settings.model_validate({"employer": {"name": "Own B.V.", "official_title": None},
                                    "rules": {"LG201": {"mode": "confirm"}}})
    merged = managed.effective(user, layer)
    assert merged.settings.employer.name == "Own B.V."
    assert merged.settings.employer.official_title is None
    assert merged.sources["employer.official_title"] == "user"
    assert merged.sources["rules.LG201.mode"] == "user"
    assert merged.sources["rules.LG201.enabled"] == "default", "an unchanged rule default is not the person's"
    assert merged.problem is None


def test_a_locked_change_names_the_locked_value_as_json():
    layer = managed.parse({"locked": {"employer": {"name": "Zoë's Café B.V."}, "fail_mode": "closed"}})
    old = Settings.model_validate({"employer": {"name": "Zoë's Café B.V."}, "fail_mode": "closed"})
    new = Settings.model_validate({"employer": {"name": "Other"}, "fail_mode": "open"})
    assert managed.locked_changes(new, old, layer) == [
        {"path": "employer.name", "message": "set by your organisation (locked to \"Zoë's Café B.V.\")"},
        {"path": "fail_mode", "message": "set by your organisation (locked to \"closed\")"},
    ]
