"""Starter questions for an empty conversation, drawn from what the corpus itself asks and tabulates."""

from __future__ import annotations

from collections import Counter

from careerbot.index.corpus_index import CorpusIndex

MAX_STARTERS = 4
MAX_LENGTH = 80


def starter_questions(corpus: CorpusIndex) -> list[str]:
    """A figure question about the corpus's largest money table, then questions its documents ask themselves."""
    starters: list[str] = []
    money = Counter((f.doc_id, f.table) for f in corpus.facts if f.source == "table" and f.parsed.kind == "money")
    if money:
        (doc_id, table), _ = money.most_common(1)[0]
        fact = next(f for f in corpus.facts if (f.doc_id, f.table) == (doc_id, table) and f.parsed.kind == "money")
        if fact.attribute:
            starters.append(f"What is the {fact.attribute.lower()} for {fact.subject.split(',')[0]}?")
    asked = [" ".join(s.text.split()) for s in corpus.sentences
             if s.text.rstrip().endswith("?") and s.kind in ("sentence", "heading") and len(s.text) <= MAX_LENGTH]
    seen_docs: set[str] = set()
    by_text = {" ".join(s.text.split()): s.doc_id for s in corpus.sentences}
    for question in dict.fromkeys(asked):  # one per document first, for variety
        doc_id = by_text[question]
        if doc_id not in seen_docs and len(starters) < MAX_STARTERS:
            starters.append(question)
            seen_docs.add(doc_id)
    for question in dict.fromkeys(asked):
        if len(starters) >= MAX_STARTERS:
            break
        if question not in starters:
            starters.append(question)
    return starters
