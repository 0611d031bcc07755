#!/usr/bin/env python3
"""Keeps the en/fr/it .resx files of one resource in step.

  scripts/l10n.py set  Resources/UiText "key" "English" "Français" "Italiano"
  scripts/l10n.py load Resources/UiText strings.tsv     (key<TAB>en<TAB>fr<TAB>it per line)
  scripts/l10n.py check                                 (same keys, no empty value, in every resource)

Resource paths are relative to src/Cpor.Web, without the .resx extension.
"""
import os, sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

WEB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Cpor.Web")
LANGS = ["", ".fr", ".it"]
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def path(resource, lang):
    return os.path.join(WEB, resource + lang + ".resx")

def read(resource, lang):
    p = path(resource, lang)
    if not os.path.exists(p):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(p).getroot().findall("data")}

def write(resource, lang, entries):
    with open(path(resource, lang), "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write('  <data name="%s" xml:space="preserve"><value>%s</value></data>\n' % (escape(key, {'"': "&quot;"}), escape(entries[key])))
        f.write("</root>\n")

def set_many(resource, rows):
    tables = [read(resource, l) for l in LANGS]
    for key, *values in rows:
        for table, value in zip(tables, values):
            table[key] = value
    for lang, table in zip(LANGS, tables):
        write(resource, lang, table)

def check():
    bad = 0
    for folder, _, files in os.walk(WEB):
        if "/bin" in folder or "/obj" in folder:
            continue
        for f in files:
            if f.endswith(".resx") and f.count(".") == 1:
                resource = os.path.relpath(os.path.join(folder, f[:-5]), WEB)
                tables = [read(resource, l) for l in LANGS]
                keys = set().union(*tables)
                for lang, table in zip(LANGS, tables):
                    for key in sorted(keys):
                        if not table.get(key, "").strip():
                            print("%s%s: missing %s" % (resource, lang or ".en", key)); bad += 1
    return bad

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "set":
        set_many(sys.argv[2], [sys.argv[3:7]])
    elif cmd == "load":
        with open(sys.argv[3], encoding="utf-8") as f:
            set_many(sys.argv[2], [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")])
    elif cmd == "check":
        sys.exit(1 if check() else 0)
    else:
        print(__doc__); sys.exit(2)
