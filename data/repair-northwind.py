#!/usr/bin/env python3
"""Repairs the unquoted commas in the Northwind CSV export.

The export in shared/data/northwind writes some text fields that hold a
comma without quotes ("Pavlova, Ltd.", "Rua do Paco, 67"), so those rows
have one field too many and a strict RFC 4180 reader refuses them, as
kontor's does.  In every such row the stray piece begins with a blank; this
joins it back onto the field before it, quotes the result, and prints what
it changed.  Run once by hand: python3 repair-northwind.py SRC DST
"""
import csv
import io
import sys

src, dst = sys.argv[1], sys.argv[2]
for name in ("customers", "orders", "suppliers"):
    with open(f"{src}/{name}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    width = len(rows[0])
    out = []
    for lineno, row in enumerate(rows, 1):
        while len(row) > width:
            cut = [i for i in range(1, len(row)) if row[i].startswith(" ")]
            if len(cut) != 1:
                sys.exit(f"{name}.csv:{lineno}: cannot tell where the comma belongs")
            i = cut[0]
            print(f"{name}.csv:{lineno}: joined {row[i-1]!r} and {row[i]!r}")
            row[i - 1:i + 1] = [row[i - 1] + "," + row[i]]
        out.append(row)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(out)
    with open(f"{dst}/{name}.csv", "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
