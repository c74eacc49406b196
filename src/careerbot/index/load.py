"""load_corpus_index: one published version read from disk, with everything answering looks up worked out once:
BM25 over the chunks, word statistics over the sentences, fact look-ups, the places and source names the corpus
uses, and its vocabulary for typos."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

from careerbot.index.corpus_index import CorpusIndex, Spelling
from careerbot.index.lexical import LexicalIndex
from careerbot.index.store import read_version
from careerbot.records import Chunk, Document, Fact, Sentence
from careerbot.text.places import build_gazetteer
from careerbot.text.terms import (
    MAX_NAME_WORDS,
    OTHER_NAMES,
    STOPWORDS,
    acronyms,
    inverted_name,
    joined_names,
    lemma,
    name_before_comma,
    name_key,
    parts_of_speech,
    singular,
    subject_words,
    title_alternates,
    words,
)


def load_corpus_index(index_dir: Path, version: str | None = None) -> CorpusIndex:
    """The version CURRENT points at (or the one named), with everything answering looks up worked out once."""
    stored = read_version(index_dir, version)
    documents, chunks, sentences, facts = stored.documents, stored.chunks, stored.sentences, stored.facts
    by_chunk: dict[int, list[int]] = {}
    for sentence in sentences:
        by_chunk.setdefault(sentence.chunk_id, []).append(sentence.sentence_id)
    defined: dict[str, str] = {}
    for document in documents.values():
        for short, long in acronyms(document.text).items():
            defined.setdefault(short, long)
    by_sentence: dict[int, list[int]] = {}
    by_subject: dict[str, list[int]] = {}
    by_table: dict[tuple[str, int], list[int]] = {}
    by_measure: dict[tuple[str, str, str | None], list[int]] = {}
    for position, fact in enumerate(facts):
        by_sentence.setdefault(fact.sentence_id, []).append(position)
        by_subject.setdefault(fact.subject, []).append(position)
        if fact.table >= 0:
            by_table.setdefault((fact.doc_id, fact.table), []).append(position)
        if fact.parsed.low is not None:
            by_measure.setdefault((fact.attribute, fact.parsed.kind, fact.parsed.unit), []).append(position)
    by_word, by_name = _subject_lookups(by_subject)
    lexical = LexicalIndex([f"{c.section}\n{c.text}" for c in chunks])
    names: dict[str, str] = {}
    for fact in facts:  # subject names (before any comma) a follow-up question may name
        name = name_before_comma(fact.subject)
        if 0 < len(name) <= 60 and len(name.split()) <= 5:
            names.setdefault(name_key(name.split()), name)
        inverted = inverted_name(fact.subject)  # "restaurant cooks" for "Cooks, Restaurant"
        if inverted is not None and len(inverted.split()) <= 5:
            names.setdefault(name_key(inverted.split()), inverted)
    pages = _pages(documents, chunks, facts)
    joined: dict[str, str] = {}
    for title in pages.values():  # an occupation's page names it, with or without figures of its own
        name = name_before_comma(title)
        if 0 < len(name) <= 60 and len(name.split()) <= 5:
            names.setdefault(name_key(name.split()), name)
        for part in joined_names(name):  # "Waiters and Waitresses": a waiter is named by the page too; of several
            key = name_key(part.split())  # titles that join it, the one that adds least ("Secretaries and
            if key not in joined or len(name.split()) < len(joined[key].split()):  # Administrative Assistants",
                joined[key] = name  # not "Legal Secretaries and Administrative Assistants")
    for key, name in joined.items():
        names.setdefault(key, name)
    idf, by_term, written = _sentence_terms(sentences)
    vocabulary = frozenset(form for term in idf for form in (term, lemma(term))) | written
    labels = [fact.subject for fact in facts] + [q for fact in facts for q in fact.qualifiers]
    median_idf = sorted(idf.values())[len(idf) // 2] if idf else 0.0
    initials: dict[str, set[str]] = {}
    for name in names.values():
        if len(name.split()) >= 2:
            initials.setdefault(_initials(name), set()).add(name)
    for document in documents.values():  # "JavaScript" -> "js": a word's inner capitals are its initials too
        for word in set(_CAMEL_CASE.findall(document.text)):
            initials.setdefault("".join(c for c in word if c.isupper()).lower(), set()).add(word)
    other_names, shared_names = _other_names(sentences, documents, names)
    return CorpusIndex(
        version=stored.version, manifest=stored.manifest, documents=documents, chunks=chunks, sentences=sentences,
        chunk_vectors=stored.chunk_vectors, sentence_vectors=stored.sentence_vectors, facts=facts, acronyms=defined,
        sentences_by_chunk=by_chunk, idf=idf, facts_by_sentence=by_sentence, facts_by_word=by_word,
        facts_by_table=by_table, facts_by_name=by_name, facts_by_measure=by_measure, chunk_matrix=stored.chunk_matrix,
        lexical=lexical, subject_names=names,
        vocabulary=vocabulary, gazetteer=build_gazetteer(labels, {fact.subject for fact in facts}),
        source_names=_source_names(documents, facts, idf, median_idf), spelling=Spelling(vocabulary, idf),
        median_idf=median_idf, sentences_by_word=by_term, max_idf=max(idf.values(), default=0.0),
        subjects_by_initials=initials, other_names=other_names, shared_names=shared_names,
        titles=tuple(sorted({d.title for d in documents.values()})), compounds=_compounds(documents, vocabulary),
        sentence_index=stored.sentence_index, name_pairs=_name_pairs(facts), pages=pages,
        shared=_shared(sentences), short_forms=_short_forms(sentences))


def _listed_names(text: str) -> tuple[list[list[str]], list[tuple[list[str], list[str]]]]:
    """The names a list of other names gives, as written, each bracketed name on its own; and the pairs of a name
    and the one in brackets after it ("Bike Assembler Tech (Bicycle Assembler Technician)", "Certified Nursing
    Assistant (CNA)")."""
    listed = OTHER_NAMES.match(text.strip())
    if listed is None:
        return [], []
    names: list[list[str]] = []
    glossed: list[tuple[list[str], list[str]]] = []
    for listed_name in listed.group(1).rstrip(". ").split(","):
        bracketed = re.fullmatch(r"\s*(.+?)\s*\(([^()]+)\)\s*", listed_name)
        said = [name.split() for name in (bracketed.groups() if bracketed else (listed_name,))]
        names += [name for name in said if name]
        if bracketed:
            glossed.append((said[0], said[1]))
    return names, glossed


def _short_forms(sentences: list[Sentence]) -> dict[str, str]:
    """Short words a corpus's lists of other names use for longer ones: "Auto Body Repairer" beside "Automotive Body
    Repairer", "Lab Technician" beside "Laboratory Technician" (one word swapped, before the name's last: the short
    word's letters in order from the long one's first, the swap made MIN_SWAPS times or more), or a name spelled out
    word for word in brackets ("Bike Assembler Tech (Bicycle Assembler Technician)": the same first letter is
    enough). The short word is at most SHORT_FORM letters and not written in capitals (an acronym: "NGS"); of
    several long forms, the one most lists pair it with."""
    seen: dict[str, Counter[str]] = {}
    spelled: dict[str, Counter[str]] = {}
    for sentence in sentences:
        names, glossed = _listed_names(sentence.text)
        by_rest: dict[tuple[int, tuple[str, ...]], set[str]] = {}  # each name with one word taken out
        for name in (n for n in names if not any(w.isupper() and len(w) > 1 for w in n)):
            lowered = [w.lower() for w in name]
            for position in range(len(lowered) - 1):
                by_rest.setdefault((position, tuple(lowered[:position] + lowered[position + 1:])), set()).add(
                    lowered[position])
        for swapped in by_rest.values():
            for short in swapped:
                for long in swapped:
                    if _shortens(short, long) and _opens_as(short, long):
                        seen.setdefault(short, Counter())[long] += 1
        for name, gloss in glossed:
            if len(name) == len(gloss):
                for short, long in zip(name, gloss, strict=True):
                    if _shortens(short.lower(), long.lower()) and short.isalpha() and not short.isupper() \
                            and short[0].lower() == long[0].lower():
                        spelled.setdefault(short.lower(), Counter())[long.lower()] += 1
    forms = {short: longs.most_common(1)[0][0] for short, longs in seen.items()
             if longs.most_common(1)[0][1] >= MIN_SWAPS}
    forms.update({short: longs.most_common(1)[0][0] for short, longs in spelled.items() if short not in forms})
    return forms


def _shortens(short: str, long: str) -> bool:
    return 2 <= len(short) <= SHORT_FORM and len(long) >= len(short) + 2


SHORT_FORM = 4  # letters a short form of a word has at most ("auto", "lab", "tv")
MIN_SWAPS = 2  # pairs of names swapping a short word for a long one, for it to be that word's short form


def _opens_as(short: str, long: str) -> bool:
    """Whether a long word could be what a short one stands for: all its letters, in order, from the first
    ("lab": laboratory, "tv": television)."""
    if not short.isalpha() or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(letter in rest for letter in short)


MIN_SHARING = 3  # documents saying a sentence word for word for it to be a template's


def _shared(sentences: list[Sentence]) -> frozenset[str]:
    """Sentences that several documents say word for word ("Most of these occupations require a four-year
    bachelor's degree, but some do not."): a template's, true of a class, saying nothing of any one subject."""
    saying: dict[str, set[str]] = {}
    for sentence in sentences:
        if sentence.kind == "sentence":
            saying.setdefault(sentence.text, set()).add(sentence.doc_id)
    return frozenset(text for text, docs in saying.items() if len(docs) >= MIN_SHARING)


MIN_NAMING_SECTIONS = 2  # sections whose headings name a document's title, for it to be that subject's page


def _pages(documents: dict[str, Document], chunks: list[Chunk], facts: list[Fact]) -> dict[str, str]:
    """The documents about one named subject, by their titles: the title is the subject of the document's own
    figures, or its sections' headings name it ("Tasks of Mental Health Counselors", "Education of ..."). An
    article's title ("How to Become ...") is neither."""
    own = {(f.doc_id, f.subject) for f in facts}
    naming: Counter[str] = Counter()
    for doc_id, section in {(c.doc_id, c.section) for c in chunks}:
        title = documents[doc_id].title
        if section != title and title and re.search(rf"\b{re.escape(title)}\b", section):
            naming[doc_id] += 1
    return {d.doc_id: d.title for d in documents.values()
            if (d.doc_id, d.title) in own or naming[d.doc_id] >= MIN_NAMING_SECTIONS}


def _name_pairs(facts: list[Fact]) -> frozenset[tuple[str, str]]:
    """Each two words that follow one another in a fact's subject, singular and in lower case ("software
    developer", "veterinary assistant"): what a clipped word beside another may complete."""
    pairs: set[tuple[str, str]] = set()
    for name in {fact.subject for fact in facts}:
        said = [singular(w.lower()) for w in re.findall(r"[A-Za-z][\w'-]*", name)]
        pairs.update(zip(said, said[1:], strict=False))
    return frozenset(pairs)


def _other_names(sentences: list[Sentence], documents: dict[str, Document],
                 names: dict[str, str]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Each other name a document gives its subject -> the document's title, for names only one document gives (or
    only one whose title shares a word with it) and no fact's subject already has; and the names a few documents
    give (MAX_SHARED at most) that none of them has more right to -> their titles ("Arborist": Fallers, Soil and
    Plant Scientists, Tree Trimmers and Pruners)."""
    titles_of: dict[str, set[str]] = {}
    spelled: dict[str, Counter[str]] = {}  # an acronym in brackets -> the titles of the names it follows, counted
    for sentence in sentences:
        # "Certified Nursing Assistant (CNA)", "Automotive Carrier Driver (Auto Carrier Driver)": the name and the one
        # in brackets (an acronym is read as the words it stands for)
        listed, glossed = _listed_names(sentence.text)
        for _, gloss in glossed:
            spelled.setdefault(name_key(gloss), Counter())[documents[sentence.doc_id].title] += 1
        for listed_name in listed:
            if len(listed_name) <= MAX_NAME_WORDS and name_key(listed_name) not in names:
                titles_of.setdefault(name_key(listed_name), set()).add(documents[sentence.doc_id].title)
    for document in documents.values():
        for name in title_alternates(document.title):
            if name_key(name.split()) not in names:
                titles_of.setdefault(name_key(name.split()), set()).add(document.title)
    chosen: dict[str, str] = {}
    shared_by: dict[str, tuple[str, ...]] = {}
    for key, titles in titles_of.items():
        if len(titles) == 1:
            chosen[key] = next(iter(titles))
            continue
        # several documents list it: the one whose title shares its words ("Court Stenographer" is a court
        # reporter's other name, though a typists' list has it too), or that shares the most of them when only one
        # does ("Certified Nursing Assistant": Nursing Assistants, not Surgical Assistants)
        said = {singular(w) for w in key.split()}
        shared = {t: len(said & {singular(w) for w in words(t)}) for t in titles}
        most = max(shared.values())
        sharing = [t for t, count in shared.items() if count == most]
        if most and len(sharing) == 1:
            chosen[key] = sharing[0]
        elif len(sharing) <= MAX_SHARED:
            shared_by[key] = tuple(sorted(sharing))
    for short, pages in spelled.items():  # "CNA", in brackets after five names of nursing assistants and one name on
        # each of two other pages: the page that spells it out most, when one does
        ranked = pages.most_common(2)
        if short not in chosen and short in titles_of and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
            chosen[short] = ranked[0][0]
    return chosen, {key: titles for key, titles in shared_by.items() if key not in chosen}


MAX_SHARED = 4  # pages a name is listed on, at most, for a question by it to be answered for each


SUBJECTS_PER_WORD = 40  # a word of many subjects' names ("workers") lists the facts of its shortest names only


def _subject_lookups(by_subject: dict[str, list[int]]) -> tuple[dict[str, list[int]], dict[frozenset[str], list[int]]]:
    """Facts by a word of their subject's name, and by the whole set of its words: the first for a question that
    names part of a subject ("nurses"), capped so a common word costs the same in any corpus; the second for one that
    names all of it ("registered nurses"), however many subjects share its words."""
    subjects_of: dict[str, list[str]] = {}
    by_name: dict[frozenset[str], list[int]] = {}
    for subject, positions in by_subject.items():
        named = subject_words(subject)
        by_name.setdefault(frozenset(named), []).extend(positions)
        for word in set(named):
            subjects_of.setdefault(word, []).append(subject)
    by_word: dict[str, list[int]] = {}
    for word, subjects in subjects_of.items():
        if len(subjects) > SUBJECTS_PER_WORD:
            subjects = sorted(subjects, key=lambda s: len(subject_words(s)))[:SUBJECTS_PER_WORD]
        by_word[word] = sorted(p for s in subjects for p in by_subject[s])
    return by_word, by_name


_CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")


def _initials(phrase: str) -> str:
    return "".join(word[0] for word in phrase.lower().split() if word not in STOPWORDS)


def _source_names(documents: dict[str, Document], facts: list[Fact], idf: dict[str, float],
                  common: float) -> dict[str, str]:
    """Names of sources a question may ask for: sources the facts cite ("according to PayScale") and the rare
    capitalised words of document titles ("Glassdoor"; not a compound such as "Tractor-Trailer", which describes)."""
    names: dict[str, str] = {}
    for fact in facts:
        for qualifier in fact.qualifiers:
            if qualifier.startswith("according to "):
                name = qualifier[len("according to "):]
                names.setdefault(name.lower(), name)
    for document in documents.values():
        for word in re.findall(r"\b[A-Z][\w&.-]*[A-Za-z]", document.title):
            if idf.get(singular(word.lower()), 99.0) > common and len(word) > 3 and not parts_of_speech(word) \
                    and "-" not in word:
                names.setdefault(word.lower(), word)
    return names


_HYPHENATED = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")


def _compounds(documents: dict[str, Document], vocabulary: frozenset[str]) -> dict[str, str]:
    """Hyphenated words by their letters run together ("ecommerce" -> "E-commerce"), when that run is no word of the
    corpus itself: a question typing them joined means them."""
    found: dict[str, str] = {}
    for document in documents.values():
        for written in set(_HYPHENATED.findall(document.text)):
            joined = written.replace("-", "").lower()
            if joined not in vocabulary:
                found.setdefault(joined, written)
    return found


def sentence_idf(sentences: list[Sentence]) -> dict[str, float]:
    return _sentence_terms(sentences)[0]


MAX_POSTINGS = 200  # a word in more sentences than this is not rare: it gets no list of its own


def _sentence_terms(sentences: list[Sentence]) -> tuple[dict[str, float], dict[str, list[int]], frozenset[str]]:
    """IDF of every word (singular) over the sentences, for the rarer words the sentences that use them, and every
    word as written ("keras", "industries": what a typo is measured against)."""
    frequency: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    written: set[str] = set()
    for sentence in sentences:
        said = set(words(sentence.text + " " + sentence.context))
        written |= said
        terms = {singular(w) for w in said}
        frequency.update(terms)
        for term in terms:
            listed = postings.setdefault(term, [])
            if len(listed) <= MAX_POSTINGS:
                listed.append(sentence.sentence_id)
    count = max(len(sentences), 1)
    rare = max(20, min(MAX_POSTINGS, count // 20))  # in at most 5% of the sentences
    return ({term: math.log(1 + count / df) for term, df in frequency.items()},
            {term: ids for term, ids in postings.items() if len(ids) <= rare}, frozenset(written))
