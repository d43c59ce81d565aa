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
        if key in translations and not (
            message.string if isinstance(message.string, str) else any(message.string)
        ):
            value = translations[key]
            message.string = tuple(value) if isinstance(value, list) else value
        if "fuzzy" in message.flags and message.string:
            message.flags.discard("fuzzy")
    with open(PO, "wb") as handle:
        write_po(handle, catalog, width=88)


if __name__ == "__main__":
    main(sys.argv[1])
