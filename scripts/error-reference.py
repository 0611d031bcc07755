#!/usr/bin/env python3
"""Writes docs/api-errors.md from ErrorCodes.cs, Problems.StatusFor and the English ErrorMessages.resx."""
import os, re, xml.etree.ElementTree as ET

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
codes = re.findall(r'public const string (\w+) = "([a-z_]+)";', open(os.path.join(root, "src/Cpor.Domain/ErrorCodes.cs")).read())
texts = {d.get("name"): d.findtext("value") for d in ET.parse(os.path.join(root, "src/Cpor.Web/Resources/ErrorMessages.resx")).getroot().findall("data")}
problems = open(os.path.join(root, "src/Cpor.Web/Infrastructure/Problems.cs")).read()
status = {}
for names, code in re.findall(r"((?:ErrorCodes\.\w+\s*(?:or\s*)?)+)=>\s*StatusCodes\.Status(\d+)", problems):
    for name in re.findall(r"ErrorCodes\.(\w+)", names):
        status[name] = code
lines = [
    "# API error codes", "",
    "Every refused request answers `application/problem+json` with these stable codes (the",
    "title and detail are localized by `Accept-Language`; this table shows the English text).", "",
    "| code | HTTP | meaning |", "|---|---|---|",
]
lines += ["| `%s` | %s | %s |" % (code, status.get(const, "422"), texts.get(code + ".detail") or texts.get(code, "")) for const, code in codes]
open(os.path.join(root, "docs/api-errors.md"), "w").write("\n".join(lines) + "\n")
print("%d codes" % len(codes))
