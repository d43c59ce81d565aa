"""Fill Spanish msgstrs from a JSON {msgid: msgstr}: `translate_po.py FILE.json`.

A helper for developers after `make messages`; leaves existing translations alone.
"""

import json
import sys

from babel.messages.pofile import read_po, write_po

PO = "locale/es/LC_MESSAGES/django.po"


def main(path):
    translations = json.loads(open(path, encoding="utf-8").read())
    with open(PO, "rb") as handle:
        catalog = read_po(handle, locale="es")
    catalog.fuzzy = False
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        current = message.string
        missing = not current if isinstance(current, str) else not all(current)
        fuzzy = "fuzzy" in message.flags
        if key in translations and (missing or fuzzy):
            value = translations[key]
            message.string = tuple(value) if isinstance(value, list) else value
            # A guessed (fuzzy) translation is only trusted once replaced here.
            message.flags.discard("fuzzy")
            message.previous_id = []
        # Babel keeps gettext's "#| msgid" (previous id) lines as plain comments.
        message.user_comments = [
            c for c in message.user_comments if not c.startswith("| ")
        ]
    with open(PO, "wb") as handle:
        write_po(handle, catalog, width=79)


if __name__ == "__main__":
    main(sys.argv[1])
