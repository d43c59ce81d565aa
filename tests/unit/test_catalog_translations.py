"""Every UI string has a Spanish translation: `makemessages` finds nothing new.

Runs Django's `makemessages` on a temporary copy of the source tree (so the real
catalog is never touched while colleagues work on it), then reads the refreshed
Spanish catalog: no empty and no fuzzy msgstr may remain.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
IGNORED = shutil.ignore_patterns(
    ".venv",
    ".tools",
    ".git",
    "staticfiles",
    "media",
    "var",
    "node_modules",
    "__pycache__",
    "*.mo",
    "*.sqlite3",
)


def _untranslated(po_path):
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale="es")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = (
            [message.string] if isinstance(message.string, str) else message.string
        )
        if "fuzzy" in message.flags or not all(strings):
            where = ", ".join(sorted({path for path, _line in message.locations}))
            missing.append(f"{message.id!r} ({where})")
    return missing


def test_makemessages_leaves_no_spanish_string_untranslated(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=IGNORED, symlinks=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mystic.settings.test"}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "es",
            "--no-obsolete",
            "--ignore",
            "tests/*",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    missing = _untranslated(copy / "locale/es/LC_MESSAGES/django.po")
    assert not missing, "Untranslated or fuzzy Spanish strings:\n" + "\n".join(missing)
