"""The installable app's spec (bundle/) packs what hjem reads at run time, where hjem looks for
it. The bundle itself is built and tried by .ci/run (bundle/build.py, bundle/smoke.py), not here:
a build takes a minute and more."""

import re
import subprocess
from pathlib import Path

import hjem
from bundle import contents
from hjem import about, resources
from hjem.db import migrate
from tests.conftest import ROOT

PACKAGE = Path(hjem.__file__).resolve().parent
SPEC = (ROOT / "bundle" / "hjem.spec").read_text(encoding="utf-8")


def _source() -> str:
    return "\n".join(path.read_text() for path in sorted(PACKAGE.rglob("*.py")))


def _bundled() -> dict[str, str]:
    """Each packed file, by its path in the checkout → its folder in the bundle."""
    return {
        Path(source).relative_to(ROOT).as_posix(): folder
        for source, folder in contents.data_files()
    }


def test_every_assets_folder_hjem_reads_is_packed_where_resources_looks():
    read = set(re.findall(r"""\basset\(\s*["']([^"']+)["']""", _source()))
    assert {"samples", "fonts", "i18n", "icon"} <= read
    packed = _bundled()
    for folder in read:
        files = [path for path in packed if path.startswith(f"assets/{folder}/")]
        assert files, folder
        assert all(packed[path].startswith(f"hjem/assets/{folder}") for path in files), folder
    # In the bundle the package is `hjem/`, and resources finds `assets` inside it first.
    assert resources._PACKAGE_DIR / "assets" == PACKAGE / "assets"


def test_every_catalog_and_sample_is_packed():
    packed = _bundled()
    for path in (ROOT / "assets").rglob("*"):
        if path.is_file():
            assert path.relative_to(ROOT).as_posix() in packed, path


def test_the_migrations_are_packed_where_alembic_is_told_to_look():
    where = migrate.MIGRATIONS.relative_to(PACKAGE.parent).as_posix()
    packed = _bundled()
    scripts = [path for path in packed if path.startswith(f"{where}/")]
    names = {Path(path).name for path in scripts}
    assert {"env.py", "script.py.mako"} <= names
    versions = sorted(p.name for p in (migrate.MIGRATIONS / "versions").glob("*.py"))
    assert versions and set(versions) <= names
    assert all(packed[path].startswith(where) for path in scripts)
    assert not [path for path in packed if "__pycache__" in path or path.endswith(".pyc")]


def test_what_the_migration_scripts_import_is_named_to_pyinstaller():
    named = set(contents.migration_imports())
    assert {"alembic.op", "alembic.context", "hjem.db.base", "sqlalchemy"} <= named
    assert "typing.Any" not in named  # a class, not a module


def test_the_spec_uses_the_lists_and_packs_the_build_info_where_about_reads_it():
    for name in ("data_files(ROOT)", "migration_imports(ROOT)", "EXCLUDES", "unused_qt_plugin"):
        assert name in SPEC, name
    assert about.BUILD_INFO.relative_to(PACKAGE.parent).as_posix() == "hjem/build_info.json"
    assert '(str(EXTRA / "build_info.json"), "hjem")' in SPEC
    assert about.LICENCE_DIR.relative_to(PACKAGE.parent).as_posix() == "hjem/licences"
    assert '(str(EXTRA / "licences"), "hjem/licences")' in SPEC


def test_no_qt_module_hjem_imports_is_left_out():
    used = set(re.findall(r"PySide6\.(Qt\w+)", _source()))
    assert used == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert not used & set(contents.UNUSED_QT)
    assert not {"hjem", "PySide6", "numpy", "alembic"} & set(contents.EXCLUDES)


def test_the_platforms_and_danish_texts_stay_and_the_rest_of_qt_goes():
    kept = ("offscreen", "xcb", "windows", "cocoa")
    for plugin in ("libqoffscreen.so", "libqxcb.so", "qwindows.dll", "libqcocoa.dylib"):
        assert not contents.unused_qt_plugin("platforms", plugin), plugin
    for plugin in ("libqwayland.so", "libqvnc.so", "libqeglfs.so"):
        assert contents.unused_qt_plugin("platforms", plugin), plugin
    assert contents.unused_qt_plugin("platformthemes", "libqgtk3.so")
    assert not contents.unused_qt_plugin("imageformats", "libqjpeg.so")  # photos
    assert not contents.unused_qt_plugin("printsupport", "libcupsprintersupport.so")
    assert not contents.unused_qt_file("PySide6/Qt/translations/qtbase_da.qm")
    assert contents.unused_qt_file("PySide6/Qt/translations/qtbase_de.qm")
    assert contents.unused_qt_file("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not contents.unused_qt_file("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert kept == contents.KEPT_PLATFORMS


def test_babels_danish_and_english_stay():
    for name in ("root.dat", "da.dat", "da_DK.dat", "en.dat", "en_GB.dat", "en_001.dat"):
        assert not contents.unused_babel_file(f"babel/locale-data/{name}"), name
    assert contents.unused_babel_file("babel/locale-data/de_DE.dat")
    assert not contents.unused_babel_file("babel/global.dat")


def test_git_ignores_what_the_build_makes():
    ignored = subprocess.run(
        ["git", "check-ignore", "build/x", "dist/hjem/hjem"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.split() == ["build/x", "dist/hjem/hjem"]
