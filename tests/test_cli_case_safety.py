"""`hjem case add|edit|pattern` (issue 11, point 1): no CPR number, case numbers in the
workspace's pattern, and an alias like a real name saved only when the volunteer insists."""

import json

from tests.test_cli_cases import data_dir, hjem  # noqa: F401  (data_dir is a fixture)


def codes(data_dir):  # noqa: F811
    return sorted(
        c["code"] for c in json.loads(hjem(data_dir, "case", "list", "--json").stdout)["cases"]
    )


def test_a_cpr_number_as_case_number_or_alias_is_refused_and_nothing_is_saved(data_dir):  # noqa: F811
    for args in (
        ("010203-1234", "--alias", "Familien Stjerne"),
        ("FBH-2026-003", "--alias", "Familien 0102031234"),
    ):
        result = hjem(data_dir, "case", "add", *args)
        assert result.returncode == 2 and "ligner et CPR-nummer" in result.stderr
        assert "Traceback" not in result.stderr
    assert codes(data_dir) == ["FBH-2026-001", "FBH-2026-002"]


def test_a_case_number_off_the_pattern_is_refused_with_pattern_and_example(data_dir):  # noqa: F811
    result = hjem(data_dir, "case", "add", "FBH-3", "--alias", "Familien Stjerne")
    assert result.returncode == 2
    assert "FBH-ÅÅÅÅ-NNN" in result.stderr and "fx FBH-20" in result.stderr


def test_a_real_name_is_warned_about_and_saved_only_with_yes(data_dir):  # noqa: F811
    args = ("case", "add", "FBH-2026-003", "--alias", "Fatima Hansen", "--child", "3_5")
    warned = hjem(data_dir, *args)
    assert warned.returncode == 1 and "Det ligner et rigtigt navn" in warned.stderr
    assert codes(data_dir) == ["FBH-2026-001", "FBH-2026-002"]
    insisted = hjem(data_dir, *args, "--yes")
    assert insisted.returncode == 0 and "Det ligner et rigtigt navn" in insisted.stderr
    assert "FBH-2026-003" in insisted.stdout
    assert codes(data_dir) == ["FBH-2026-001", "FBH-2026-002", "FBH-2026-003"]


def test_edit_changes_what_is_named_and_refuses_a_cpr_number(data_dir):  # noqa: F811
    assert (
        hjem(data_dir, "case", "edit", "FBH-2026-001", "--alias", "Familien Stjerne").returncode
        == 0
    )
    refused = hjem(data_dir, "case", "edit", "FBH-2026-001", "--municipality", "010203-1234")
    assert refused.returncode == 2 and "Kommune: ligner et CPR-nummer" in refused.stderr
    listed = json.loads(hjem(data_dir, "case", "list", "--json").stdout)["cases"]
    sol = next(c for c in listed if c["code"] == "FBH-2026-001")
    assert (sol["alias"], sol["municipality"]) == ("Familien Stjerne", "Aarhus")


def test_the_pattern_is_shown_and_changed_for_the_workspace(data_dir):  # noqa: F811
    assert "FBH-ÅÅÅÅ-NNN" in hjem(data_dir, "case", "pattern").stdout
    changed = hjem(data_dir, "case", "pattern", "KBH-ÅÅ-NNNN")
    assert changed.returncode == 0 and "KBH-ÅÅ-NNNN" in changed.stdout
    assert (
        hjem(data_dir, "case", "add", "KBH-26-0001", "--alias", "Familien Stjerne").returncode == 0
    )
    assert hjem(data_dir, "case", "pattern", "ingen-tal").returncode == 2
