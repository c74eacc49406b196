"""What the command line prints: an answer with its numbered sources, and the facts of an index as a table, CSV or
JSON."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from dataclasses import asdict

from careerbot.records import Answer, Fact

FACT_COLUMNS = ["subject", "attribute", "value", "qualifiers", "caption", "doc_id", "start", "end"]


def format_answer(answer: Answer, width: int = 100) -> str:
    lines = [textwrap.fill(answer.answer, width)]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for citation in answer.citations:
            lines.append(f"  [{citation.id}] {citation.title} — {citation.section} "
                         f"({citation.doc_id}, characters {citation.start}-{citation.end})")
            lines.append(textwrap.fill(f"“{' '.join(citation.quote.split())}”", width, initial_indent="      ",
                                       subsequent_indent="      "))
    return "\n".join(lines)


def facts_text(facts: list[Fact], output: str) -> str:
    """The facts as `table` (one line each and a count), `csv` or `json`."""
    if output == "json":
        return json.dumps([asdict(f) for f in facts], ensure_ascii=False, indent=2) + "\n"
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(FACT_COLUMNS)
        for fact in facts:
            writer.writerow([fact.subject, fact.attribute, fact.value, "; ".join(fact.qualifiers), fact.caption,
                             fact.doc_id, fact.start, fact.end])
        return buffer.getvalue()
    lines = []
    for fact in facts:
        stated = f" ({', '.join(fact.qualifiers)})" if fact.qualifiers else ""
        where = f"[{fact.doc_id}:{fact.start}-{fact.end}]"
        lines.append(f"{fact.subject} — {fact.attribute}: {fact.value}{stated}  {where}")
    lines.append(f"{len(facts)} facts")
    return "\n".join(lines) + "\n"
