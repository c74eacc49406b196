"""Which part of a page a question asks about, by meaning.

"What jobs are similar to pharmacists?" asks for the section headed "Occupations related to Pharmacists", though it
shares no word with that heading but the subject's; "how do I become an orthotist?" asks for "Education of ...", not
"Skills of ...". A heading's stored vector is mostly its subject's name, so each heading is read here without the
subject of its page ("Occupations related to"), the question without the page subjects it names ("what jobs are
similar to"), and the embedding model says which heading reads closest. Only headings several pages share (a
template's) are read so; an article's own headings are left to the words they share with the question. The
closest gains by how far it stands ahead of the next: a question that reads alike to several headings favours none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

import numpy as np

from careerbot.answer.coverage import page_of
from careerbot.answer.evidence import ASKS_NAMES
from careerbot.answer.pointers import rows_block
from careerbot.answer.query import Query, Retrieval
from careerbot.answer.understand import titled_names
from careerbot.index.corpus_index import CorpusIndex
from careerbot.index.embedding import Embedder
from careerbot.records import Sentence
from careerbot.text.terms import STOPWORDS, name_key, name_words, singular, words

MARGIN_WEIGHT = 0.5  # the bonus per unit of cosine the closest heading stands ahead of the next
MAX_BONUS = 0.08  # at most this
MIN_HEADINGS = 3  # fewer different headings among the passages found: nothing to choose between
MAX_REMEMBERED = 4096  # bare headings' vectors kept (of any corpus: a heading's words are its key)
KINDS = ("list", "howto", "duties", "definition", "yesno", "other")  # figures are read from tables, not sections

MIN_PAGES = 3  # a heading is a template when this many pages share it
_MAX_TYPED = 4  # words of a name typed before the title it was read as, in brackets

_VECTORS: dict[str, np.ndarray] = {}
_TEMPLATES: dict[str, frozenset[str]] = {}  # index version -> its templates


def bare_heading(corpus: CorpusIndex, doc_id: str, section: str, named: set[str]) -> str:
    """A section's heading without the words of its page's subject, nor those of the subjects the question names:
    "Occupations related to Pharmacists" -> "Occupations related to"."""
    title = corpus.pages.get(doc_id, "")  # every word of it: "Plumbers, Pipefitters, and Steamfitters" is no kind
    subject = name_words(title) | {singular(w) for w in words(title) if w not in STOPWORDS} | named  # after a comma
    said = re.findall(r"[\w'’+#-]+|&", section.lstrip("#"))
    gone = [singular(w.lower()) in subject or w.lower() in subject for w in said]
    # and the words joining two of the subject's ("Orthotists and Prosthetists")
    gone = [g or (0 < i < len(said) - 1 and said[i].lower() in _JOINERS and gone[i - 1] and gone[i + 1])
            for i, g in enumerate(gone)]
    return " ".join(w for w, g in zip(said, gone, strict=True) if not g)


_JOINERS = frozenset({"and", "or", "&"})


def bare_question(query: Query, pages: frozenset[str], glossed: Collection[str] = ()) -> str:
    """The question without the places and page subjects it names (`pages`: as looked up): what it asks of them
    ("do genetic counselors need a master's degree?" -> "do need a master's degree?"). A name typed before the
    title it was read as, in brackets ("a CRNA (Nurse Anesthetists)"), goes too when it is one of `glossed` (the
    corpus's other names, as looked up); the words before it are what is asked ("education requirements")."""
    text = query.text
    named = [m for m in query.subjects if name_key(m.text.split()) in pages]
    for mention in sorted((*named, *query.places), key=lambda m: -m.start):
        if text[mention.start:mention.end] == mention.text:
            start, end = mention.start, mention.end
            if text[start - 1:start] == "(" and text[end:end + 1] == ")":
                start, end = start - 1, end + 1
                typed = list(re.finditer(r"[\w'’-]+", text[:start]))[-_MAX_TYPED:]
                for first in range(len(typed)):  # the longest run before the bracket that is a name
                    if name_key([t.group(0) for t in typed[first:]]) in glossed:
                        start = typed[first].start()
                        break
            text = text[:start] + text[end:]
    return " ".join(text.split())


def _glossed(corpus: CorpusIndex) -> Collection[str]:
    """The names a typed name may stand for before its gloss: the corpus's other names and initials."""
    return corpus.other_names.keys() | corpus.subjects_by_initials.keys()


def templates(corpus: CorpusIndex) -> frozenset[str]:
    """The headings several pages share once their subjects are taken out ("Tasks of", "Education of"): a
    template's sections say the same kind of thing on every page, so what a question asks picks one. An article's
    own headings are left to the words they share with the question."""
    known = _TEMPLATES.get(corpus.version)
    if known is None:
        pages: dict[str, set[str]] = {}
        for doc_id, section in {(s.doc_id, s.section) for s in corpus.sentences if s.doc_id in corpus.pages}:
            heading = bare_heading(corpus, doc_id, section, set())
            if heading:
                pages.setdefault(heading, set()).add(doc_id)
        known = frozenset(h for h, docs in pages.items() if len(docs) >= MIN_PAGES)
        if len(_TEMPLATES) >= 4:
            _TEMPLATES.clear()
        _TEMPLATES[corpus.version] = known
    return known


def _vectors(embedder: Embedder, headings: Iterable[str]) -> dict[str, np.ndarray]:
    """The headings' vectors, embedded once and remembered (read into a dict of this call's own, so that another
    request clearing the memory meanwhile loses nothing)."""
    found: dict[str, np.ndarray] = {}
    for heading in set(headings):
        vector = _VECTORS.get(heading)
        if vector is not None:
            found[heading] = vector
    missing = sorted(set(headings) - found.keys())
    if missing:
        if len(_VECTORS) + len(missing) > MAX_REMEMBERED:
            _VECTORS.clear()
        for heading, vector in zip(missing, embedder.embed(missing), strict=True):
            _VECTORS[heading] = found[heading] = vector
    return found


def aspect_bonus(embedder: Embedder, corpus: CorpusIndex, query: Query, found: Retrieval
                 ) -> Mapping[tuple[str, str], float]:
    """(doc_id, section) -> the bonus its passages gain for being under the heading the question asks about."""
    if query.kind not in KINDS or ASKS_NAMES.search(query.text):  # "what other titles ...": a name list, wherever
        return {}
    pages = titled_names(corpus)
    named = {form for m in query.subjects if name_key(m.text.split()) in pages
             for w in words(m.text) for form in (w, singular(w))}
    chunks = set(found.chunk_scores)
    if named:  # the headings of each page the question names are what it may ask of it, found or not
        keys = {name_key(m.text.split()) for m in query.subjects}
        own = {doc_id for doc_id, title in corpus.pages.items() if name_key(title.split()) in keys}
        chunks.update(position for doc_id in own for position in corpus.chunks_by_doc.get(doc_id, ()))
    sections = {(corpus.sentences[sid].doc_id, corpus.sentences[sid].section) for chunk in chunks
                for sid in corpus.sentences_by_chunk.get(chunk, [])}
    shared = templates(corpus)
    bare = {key: bare_heading(corpus, *key, named) for key in sections}
    bare = {key: heading for key, heading in bare.items() if heading in shared}
    headings = set(bare.values())
    asked = bare_question(query, pages, _glossed(corpus))
    if len(headings) < MIN_HEADINGS or not words(asked):
        return {}
    vectors = _vectors(embedder, headings)
    question = embedder.embed([asked])[0]
    cosines = sorted(((float(vectors[h] @ question), h) for h in headings), reverse=True)
    margin = cosines[0][0] - cosines[1][0]
    bonus = min(MAX_BONUS, MARGIN_WEIGHT * margin)
    return {key: bonus for key, heading in bare.items() if heading == cosines[0][1]} if bonus > 0 else {}


MIN_ASKED = 0.35  # a heading the question reads this close to, at least, is what it compares
MIN_AHEAD = 0.05  # and this far ahead of the next: "compare electricians and plumbers" asks none in particular
COMPARED_ROWS = 6  # rows of each page's table shown side by side


def compared_tables(embedder: Embedder, corpus: CorpusIndex, query: Query) -> list[Sentence]:
    """"Which needs more schooling, dental hygienists or dental assistants?": the pages compared are two
    occupations', and what is compared a table of categories each page has under one template heading ("Education
    of ..."), the one the question reads closest to by meaning: each page's table, in the order named. [] when the
    subjects are not each one page, no heading is asked by a margin, or its table's rows are the pages' subjects
    themselves (their wages: compared figure by figure, elsewhere)."""
    pages = list(dict.fromkeys(page for page in (page_of(corpus, m.text) for m in query.subjects) if page))
    if len(pages) < 2 or len(pages) != len(query.subjects):
        return []
    named = {form for m in query.subjects for w in words(m.text) for form in (w, singular(w))}
    shared = templates(corpus)
    tables: dict[str, dict[str, tuple[str, int]]] = {}  # bare heading -> page -> its table
    for doc_id, table in corpus.facts_by_table:
        if doc_id in pages:
            section = corpus.sentences[corpus.facts[corpus.facts_by_table[(doc_id, table)][0]].sentence_id].section
            heading = bare_heading(corpus, doc_id, section, named)
            if heading in shared:
                tables.setdefault(heading, {}).setdefault(doc_id, (doc_id, table))
    headings = sorted(h for h, of in tables.items() if len(of) == len(pages))
    asked = bare_question(query, titled_names(corpus), _glossed(corpus))
    if len(headings) < 2 or not words(asked):
        return []
    vectors = _vectors(embedder, headings)
    question = embedder.embed([asked])[0]
    cosines = sorted(((float(vectors[h] @ question), h) for h in headings), reverse=True)
    (closest, heading), (second, _) = cosines[0], cosines[1]
    if closest < MIN_ASKED or closest - second < MIN_AHEAD:
        return []
    chosen = [tables[heading][page] for page in pages]
    facts = [[corpus.facts[p] for p in corpus.facts_by_table[key]] for key in chosen]
    if any(page_of(corpus, f.subject) == f.doc_id for of in facts for f in of):
        return []  # a row of the page's own subject (its wages): figures, compared as such
    rows = [sorted({f.sentence_id for f in of})[:COMPARED_ROWS] for of in facts]  # each table's first rows
    return [rows_block(corpus, corpus.sentences[ids[0]], corpus.sentences[ids[-1]]) for ids in rows]
