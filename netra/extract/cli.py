"""``netra extract [--format jsonl|json|table] PATH...`` - no Django needed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from netra.extract.pipeline import extract_path
from netra.extract.record import Document

FORMATS = ("jsonl", "json", "table")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="netra extract",
        description="Extract neutrality facts (events, dates, regions, organisations, people, violations, "
                    "statistics) from Indonesian news pages.",
    )
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="jsonl: one JSON object per line (default); json: one JSON array; "
                             "table: a short human-readable summary")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".txt (line 1 = title), .html (a saved page) or .json "
                             '({"url", "html"|"text", "published"}) file')
    return parser.parse_args(argv)


def table_row(doc: Document) -> str:
    record = doc.as_dict()
    people = "; ".join(f"{p['name']} ({p['position']})" for p in record["people"])
    return "\n".join([
        f"== {record['source']}",
        f"   title:         {record['title']}",
        f"   events:        {', '.join(record['event_types'])}",
        f"   event date:    {record['event_date']}   published: {record['publication_date']}",
        f"   regions:       {', '.join(r['name'] for r in record['regions'])}",
        f"   organisations: {', '.join(record['organizations'])}",
        f"   people:        {people}",
        f"   violations:    {len(record['violations'])}   statistics: "
        f"{', '.join(str(s['quantity']) for s in record['statistics'])}",
        *(f"   warning:       {w}" for w in record["warnings"]),
    ])


def write(docs: Iterable[Document], output_format: str, out) -> int:
    """Write the records; returns how many inputs could be read."""
    readable = 0
    collected = []
    for doc in docs:
        readable += int(doc.loaded)
        if output_format == "jsonl":
            out.write(json.dumps(doc.as_dict(), ensure_ascii=False) + "\n")
            out.flush()
        elif output_format == "table":
            out.write(table_row(doc) + "\n")
        else:
            collected.append(doc.as_dict())
    if output_format == "json":
        out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return readable


def main(argv: list[str] | None = None) -> int:
    """Exit status 0 when at least one input could be read, else 1."""
    args = parse_args(argv)
    readable = write((extract_path(path) for path in args.paths), args.format, sys.stdout)
    return 0 if readable else 1
