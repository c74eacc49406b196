"""Whether the evidence found is about what was asked: a superlative the text states itself, a subject or name
the figures are not about, a place without the level asked, and the answer when the sources do not cover it."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from careerbot.answer.evidence import ASKS_NAMES, LIGHT_VERBS, page_words
from careerbot.answer.facts import FACT_MIN, asks_pay, score_facts, statistics_stated
from careerbot.answer.pointers import answer_to, is_pointer
from careerbot.answer.query import MEASURE_WORDS, OPERATOR_WORDS, FactMatch, Query, Retrieval, Scored, SentenceScores
from careerbot.answer.query import phrase_around as _phrase
from careerbot.answer.understand import NUMBER_WORDS
from careerbot.index.corpus_index import CorpusIndex
from careerbot.index.embedding import Embedder
from careerbot.records import Answer, Fact
from careerbot.text.places import is_country, said_place
from careerbot.text.terms import (
    LEVEL_PATTERNS,
    OTHER_NAMES,
    STOPWORDS,
    every_lemma,
    joined_names,
    lemma,
    levels,
    name_words,
    parts_of_speech,
    same_root,
    singular,
    stems,
    term_set,
    words,
)

MAX_LISTED = 12  # subjects named in a "not covered" answer, per table
MAX_TABLES = 6  # tables compared with a name the sources lack


def states_superlative(query: Query, chosen: list[Scored], corpus: CorpusIndex | None = None,
                       found: Retrieval | None = None, ranked: Collection[str] = ()) -> Scored | None:
    """The passage that states the superlative itself ("The minimum education level ... is a master's degree"):
    then it is quoted, not computed from a table. Beyond the passages chosen, any sentence of the passages retrieved
    that states it of what is ranked (`ranked`: "certification" in "which certification is the most popular?"):
    "Amazon ... This is the most popular certification option ..." may stand below a table of certifications."""
    phrase = re.search(r"\b(?:most|least|highest|lowest|minimum|maximum|best|top)\s+(?!of\b)\w+", query.text, re.I)
    if phrase is None:  # ("most of them": how many, no superlative)
        return None
    said = phrase.group(0).lower()
    stated = next((c for c in chosen if said in c.sentence.text.lower()), None)
    if stated is not None and corpus is not None and stated.sentence.kind in ("block", "list"):
        # a list whose item says it ("Amazon: ... This is the most popular certification option ..."): that item,
        # whole, not the list (which shows each item's first sentence)
        unit = stated.sentence
        for position in range(unit.sentence_id, len(corpus.sentences)):
            inner = corpus.sentences[position]
            if inner.doc_id != unit.doc_id or inner.start >= unit.end:
                break
            if said in inner.text.lower():
                return Scored(answer_to(corpus, inner) or inner, stated.score, stated.why, stated.matched)
    kinds = {w for w in ranked if len(w) > 3} - {form for w in words(said) for form in every_lemma(w)}
    if stated is not None or corpus is None or found is None or not kinds:
        return stated
    for chunk_id, score in sorted(found.chunk_scores.items(), key=lambda item: -item[1]):
        for sentence_id in corpus.sentences_by_chunk.get(chunk_id, []):
            sentence = corpus.sentences[sentence_id]
            text = sentence.text.lower()
            if said in text and not is_pointer(sentence) and sentence.kind in ("sentence", "item") \
                    and kinds & {form for w in words(text) for form in every_lemma(w)}:  # not "The table below ..."
                return Scored(answer_to(corpus, sentence) or sentence, score,
                              "states the superlative of what is ranked", sentence.text)
    return None


def unlisted_subject(corpus: CorpusIndex, query: Query, facts: list[FactMatch], chosen: list[Scored]) -> str:
    """A name or year a figure question asks about that none of the evidence found is about or even mentions
    ("How many open positions does IBM have?" answered by a table without IBM)."""
    if not query.asks_figure or not (facts or chosen):
        return ""
    said = " ".join(f"{m.fact.subject} {m.fact.quote} {' '.join(m.fact.qualifiers)} {m.fact.title} "
                    f"{m.fact.caption}" for m in facts) if facts else \
        " ".join(f"{c.sentence.text} {c.sentence.section} {corpus.documents[c.sentence.doc_id].title}"
                 for c in chosen[:1])
    said = said.lower().replace("’", "'")
    places = {w.lower() for p in query.places for w in p.text.split()}
    names = [m.text for m in query.subjects if m.role == "name"]
    names += [w for w in re.findall(r"\b[A-Z]{2,5}\b", query.text)
              if w.lower() not in corpus.acronyms and w.lower() not in places]
    if facts:  # a rare word of the subject asked about that the figure's source never uses ("quantum plumber")
        source = facts[0].fact
        # the whole source document, its other names ("Also called: Deep Sea Diver") included
        bundle = set(term_set(f"{said} {corpus.documents[source.doc_id].text}"))
        bundle |= {lemma(w) for w in bundle}
        levelled = {w for pattern, _ in LEVEL_PATTERNS for m in pattern.finditer(query.text) for w in words(m.group(0))}
        for word in query.topic:
            if len(word) > 3 and corpus.idf.get(singular(word), 0.0) > corpus.rare_idf and word not in levelled \
                    and not ({singular(word), lemma(word)} & bundle) and word not in corpus.acronyms \
                    and not _used_as_verb(query.text, word) and not _light_verb_or_adverb(word):
                return _phrase(query.text, word)
        headless = _named_without_head(query, facts[0], bundle) or _other_kind(corpus, query, facts[0], levelled)
        if headless:
            return headless
    if any(m.subject_named for m in facts):
        return ""
    document = corpus.documents[facts[0].fact.doc_id].text.lower() if facts else ""
    for name in names:
        if name.lower().replace("’", "'") in said or name.lower() in places or is_country(name):
            continue  # a country is the figures' scope ("in the US"), not what they are about
        if document and re.search(rf"\b{re.escape(name.lower())}\b", document) and \
                not _only_in_other_tables(corpus, name, facts[0].fact):
            continue  # the figure's document names it ("Also called: HVAC Technician")
        whole = re.search(rf"{re.escape(name)}(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&.-]*)*", query.text)
        return whole.group(0) if whole else name
    return ""


def _named_without_head(query: Query, match: FactMatch, bundle: set[str]) -> str:
    """The phrase asked about when the figure's subject shares only a modifier with it: "life coaches" matched
    "Life, Physical, and Social Science Technicians" by "life", but its head noun ("coaches") is nowhere in that
    subject's name or document."""
    for word in match.named:
        phrase = _phrase(query.text, word)
        nouns = [w for w in words(phrase) if "NOUN" in parts_of_speech(w) and w not in MEASURE_WORDS]
        while nouns and _used_as_verb(query.text, nouns[-1]):  # "engineers move up to lead": what they do
            nouns.pop()
        if len(phrase.split()) < 2 or not nouns or nouns[-1] == word.lower():
            continue
        head = nouns[-1]
        if not {singular(head), lemma(head)} & (bundle | name_words(match.fact.subject)):
            return phrase
    return ""


def _other_kind(corpus: CorpusIndex, query: Query, match: FactMatch, levelled: set[str]) -> str:
    """The role asked about when it is another kind of the figure's subject: "data engineers" (the subject's head
    noun after another word) or "summer intern ML engineers" (a word before the whole subject) answered with machine
    learning engineers' pay. That word is neither in the subject nor in what the figure's sentence says of it (a
    level, a place, an acronym are no kind)."""
    named = words(match.fact.subject)
    if not named:
        return ""
    subject = name_words(match.fact.subject)
    # its head noun, or that of each name it joins with "and" ("Coaches and Scouts": coach, scout)
    heads = {singular(words(name)[-1]) for name in joined_names(match.fact.subject.split(",")[0])} \
        | {singular(named[-1])}
    said = {form for w in words(f"{match.fact.subject} {match.fact.quote} {' '.join(match.fact.qualifiers)}")
            for form in (singular(w), lemma(w))}
    places = {w.lower() for p in query.places for w in words(p.text)}
    # (a title put in brackets after the other name it is asked by is that name's, not a word after it)
    typed = words(re.sub(r"\s*\(([^()]+)\)", lambda gloss: "" if gloss.group(1) in corpus.titles else gloss.group(0),
                         query.text))
    # each word typed, with the words it stands for ("ml": machine, learning)
    spelled = [[singular(w) for w in words(corpus.acronyms.get(t, t))] for t in typed]
    for position, kind in enumerate(typed[:-1]):
        if {singular(kind), lemma(kind)} & said or kind in levelled or kind in places or kind in corpus.acronyms \
                or kind in STOPWORDS or kind in MEASURE_WORDS or kind in OPERATOR_WORDS or levels(kind) \
                or "NOUN" not in parts_of_speech(kind) or kind not in query.topic \
                or kind in NUMBER_WORDS or kind[:1].isdigit() \
                or _used_as_verb(query.text, kind):  # "less than two years": a span, not a kind; "say": a verb
            continue
        run: list[str] = []
        taken = 0
        for forms in spelled[position + 1:]:
            if not forms or not set(forms) <= subject:
                break
            run += forms
            taken += 1
        whole = bool(run) and set(run) >= subject and len(subject) >= 2  # "summer intern ML engineers", not "use R"
        other = len(spelled[position + 1]) == 1 and spelled[position + 1][0] in heads \
            and "VERB" not in parts_of_speech(kind) \
            and not (match.subject_named and name_words(" ".join(match.named)) >= subject)  # "data engineers"
        if (whole or other) and _called(corpus, match.fact.doc_id, kind, typed[position + 1]):
            continue  # "deep sea divers": the figure's document says its subject is also called so
        if whole or other:
            first = position
            while first > 0 and typed[first - 1] in query.topic and "NOUN" in parts_of_speech(typed[first - 1]):
                first -= 1  # "summer intern ..."
            return " ".join(typed[first:position + 1 + (taken if whole else 1)])
    return ""


def _called(corpus: CorpusIndex, doc_id: str, *typed: str) -> bool:
    """Whether a document's title or its list of other names ("Also called: Deep Sea Diver, ...") holds the words
    typed together, in any form of each."""
    document = corpus.documents[doc_id]
    lines = [document.title] + [line for line in document.text.splitlines() if OTHER_NAMES.match(line.strip())]
    wanted = [{singular(w), lemma(w)} for w in typed]
    for line in lines:
        said = [{singular(w), lemma(w)} for w in words(line)]
        if any(all(said[i + j] & wanted[j] or any(same_root(w, s) for w in wanted[j] for s in said[i + j])
                   for j in range(len(wanted))) for i in range(len(said) - len(wanted) + 1)):
            return True  # (in any form: "cremation operator", Crematory Operators)
    return False


def _only_in_other_tables(corpus: CorpusIndex, name: str, fact: Fact) -> bool:
    """Whether the fact's document names `name` only in rows of other tables (IBM as a certification's issuer
    says nothing of the openings table beside it)."""
    said = [corpus.sentences[sid] for sid in corpus.sentences_by_word.get(singular(name.lower()), [])
            if corpus.sentences[sid].doc_id == fact.doc_id]
    tables = {corpus.facts[p].table for s in said for p in corpus.facts_by_sentence.get(s.sentence_id, [])}
    return bool(said) and all(s.kind == "row" for s in said) and fact.table not in tables


def _light_verb_or_adverb(word: str) -> bool:
    """A light verb ("come in with", "get") or a word that can only be an adverb ("roughly") says how the question
    is put, not about whom: it names no subject the figure could miss ("promoted" still may)."""
    speech = parts_of_speech(word)
    return lemma(word) in LIGHT_VERBS or speech == {"ADV"}


def _used_as_verb(text: str, word: str) -> bool:
    """A word that can be a verb, followed by what it acts on ("... on Glassdoor hold a bachelor's degree") or by
    its particle ("move up to"), or after "does" and a subject ("What does PayScale report as ..."): what the
    subject does, not the subject."""
    if "VERB" not in parts_of_speech(word):
        return False
    acts_on = rf"\b{re.escape(word)}\s+(?:a|an|the|their|his|her|its|my|your|our|this|that|these|those|any|some)\b"
    # "What does PayScale report as ...", "what can a junior engineer expect in ...": the verb after "does" (or a
    # modal) and its subject, before a preposition or the end
    # (in "What does a tattoo artist make?" the noun goes on)
    after_subject = rf"\b(?:do|does|did|can|could|will|would|should|might|may|must)\s+(?:[\w'’.-]+\s+){{1,6}}?" \
                    rf"{re.escape(word)}(?:\s+(?:as|for|about|on|in|" \
                    r"at|to|of|with|by|from|a|an|the)\b|\s*[?.!,]|\s*$)"
    # "engineers move up to lead": a verb with its particle (English wording)
    particle = rf"\b{re.escape(word)}\s+(?:up|down|into|onto|out|over|ahead|forward|away|through)\b"
    # "how much does PayScale say ML engineers make": a verb of saying, before what is said
    reports = lemma(word) in _REPORTING and re.search(
        rf"\b(?:do|does|did)\s+(?:[\w'’.-]+\s+){{1,3}}?{re.escape(word)}\s+\w", text, re.I)
    return bool(reports) or any(re.search(pattern, text, re.I) for pattern in (acts_on, after_subject, particle))


# Verbs a source says something with ("what does Glassdoor say ... earn?") (English).
# ("state", "show", "list" are too often nouns: "state troopers", "TV show hosts")
_REPORTING = frozenset("say report claim estimate suggest predict think".split())


def _row_levels(fact: Fact) -> set[str]:
    """The levels a row names ("Lead Machine Learning Engineer", "Senior-Level (5+ years)"); not a level a whole
    document or table is about ("Machine Learning Engineer Entry Level"), which every row shares."""
    return set(levels(fact.subject))


def _level_missing(query: Query, facts: list[FactMatch], corpus: CorpusIndex) -> tuple[list[FactMatch], str]:
    """What is missing when the documents of these facts give figures by level, row by row, but none at the level
    asked. The best fact found is followed by the figures those documents give at other levels (they show which
    levels the sources have), not by the rest found."""
    docs = {m.fact.doc_id for m in facts}
    levelled = [(f, _row_levels(f)) for f in corpus.facts if f.doc_id in docs]
    levelled = [(f, named) for f, named in levelled if named]
    stated = set().union(*(named for _, named in levelled))
    if not stated or stated & set(query.levels) or any(set(query.levels) & _fact_levels(m.fact) for m in facts):
        return facts, ""
    kind = facts[0].fact.parsed.kind
    others = [FactMatch(f, facts[-1].score, False) for f, _ in levelled if f.parsed.kind == kind
              and f != facts[0].fact]
    return facts[:1] + others, f"figure at the {' and '.join(query.levels)} level"


def _fact_levels(fact: Fact) -> set[str]:
    return set(levels(f"{fact.subject} {' '.join(fact.qualifiers)}"))


def facts_for_place_and_level(query: Query, facts: list[FactMatch], corpus: CorpusIndex,
                               found: Retrieval) -> tuple[list[FactMatch], str]:
    """Facts for the place the question names, at the level it names. When the sources have the place but not
    at that level (a senior figure for Boston), the place's figures come back with what is missing. Without a place,
    a level the question names that the facts' documents state no figure for, though they state figures by level
    ("a principal engineer's pay" from a page with the pay of lead engineers and managers), is missing too."""
    if not query.places and facts and query.levels:
        facts, missing = _level_missing(query, facts, corpus)
        if not missing and query.kind != "comparison" and asks_pay(query.text) \
                and set(query.levels) & _fact_levels(facts[0].fact):
            # the best figure is the pay at the level asked: pay of no level or another (every engineer's average)
            # is not that level's (unless set beside it: "and how does that compare to the overall average?")
            facts = [m for m in facts if set(query.levels) & _fact_levels(m.fact)]
        return facts, missing
    if not query.places or not facts:
        return facts, ""
    spellings = {s.lower() for place in query.places for s in place.known_as}
    cities = {s.split(",")[0] for s in spellings}

    def at_place(fact: Fact) -> bool:
        labels = [fact.subject.lower(), *(q.lower() for q in fact.qualifiers)]
        return any(label in spellings or label.split(",")[0] in cities for label in labels)

    located = [m for m in facts if at_place(m.fact)]
    if not located:  # the best figures are not the place's: its own, if the sources have any
        placed = [m for m in score_facts(corpus, query.text, found.sentence_scores) if at_place(m.fact)]
        # A row about the place ("Seattle, WA") before a row merely stated there (a company in Redmond, WA).
        placed.sort(key=lambda m: (m.fact.subject.lower() not in spellings, -m.score))
        located = [m for m in placed if m.fact.sentence_id == placed[0].fact.sentence_id] if placed else []
    if not located:
        return facts, ""
    place = query.places[0].known_as[0] if len(query.places[0].known_as) == 1 else said_place(query.places[0].text)
    place_words = {w.lower() for p in query.places for w in words(f"{p.text} {' '.join(p.known_as)}")}
    asked = [w for w in query.topic if w not in place_words and not levels(w)]
    source = term_set(corpus.documents[located[0].fact.doc_id].text)
    def in_source(word: str) -> bool:  # an acronym by the words it stands for ("rn": registered nurse)
        spelled = words(corpus.acronyms[word]) if word in corpus.acronyms else [word]
        return all({singular(w), lemma(w)} & source for w in spelled)

    if asked and not any(in_source(w) for w in asked):
        # the place's figures are about something else ("electricians in Texas" vs ML engineers in Austin)
        others = [m for m in facts if not at_place(m.fact)]
        return others, f"figure for {_phrase(query.text, asked[0])} in {said_place(query.places[0].text)}"
    if query.levels:
        def at_level(match: FactMatch) -> bool:
            return bool(set(query.levels) & set(levels(" ".join(match.fact.qualifiers))))

        levelled = [m for m in located if at_level(m)]
        if not levelled:  # the place's best figures are another level's: its figures at the level, if any are stated
            levelled = [m for m in score_facts(corpus, query.text, found.sentence_scores)
                        if at_place(m.fact) and at_level(m)]
            levelled = [m for m in levelled if m.fact.sentence_id == levelled[0].fact.sentence_id] if levelled else []
        if not levelled:
            return located, f"{' and '.join(query.levels)} figure for {place}"
        located = levelled
    statistic = {"avg": "average", "mean": "average"}.get(query.statistic, query.statistic)
    if statistic in ("median", "average"):
        if all(statistics_stated(m.fact) and statistic not in statistics_stated(m.fact) for m in located):
            return located, f"{statistic} figure for {place}"
    return located, ""


def tables_like(embedder: Embedder, names: list[str],
                tables: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The tables whose row labels are most like the names asked about (a city asked about: tables of cities)."""
    tables = [(measure, table[:MAX_LISTED * 2]) for measure, table in tables[:MAX_TABLES]]
    if not tables:
        return []
    subjects = [subject for _, table in tables for subject in table]
    vectors = embedder.embed(names + subjects)
    likeness = vectors[len(names):] @ vectors[:len(names)].T
    best_per_table: list[float] = []
    position = 0
    for _, table in tables:
        best_per_table.append(float(likeness[position:position + len(table)].max()))
        position += len(table)
    top = max(best_per_table)
    return [table for table, score in zip(tables, best_per_table, strict=False) if score >= top - 0.1][:2]


# Words any page about an occupation answers to (the work, the people in it) beyond the kind of thing a career
# question asks about (OPERATOR_WORDS: job, role, career ...), and the spans of time a figure may be asked over:
# none of them is a measure a page could lack (English).
_ANY_OCCUPATION = frozenset("work people person worker workers field line position year years month months week "
                            "weeks day days".split())
_TIME_ASKED = re.compile(r"\b(?:per|a|an|each|every|over the next|in the next|next)\s+(?:\w+\s+)?"
                         r"(?:years?|months?|weeks?|days?|hours?|decade)\b", re.I)


def page_of(corpus: CorpusIndex, name: str) -> str | None:
    """The document whose title names the one occupation a name stands for ("locksmiths": Locksmiths and Safe
    Repairers), or None: the name fits no title, or several without one that is the name itself."""
    wanted = name_words(name)
    if not wanted:
        return None
    pages = page_words(corpus)
    fitting = [(doc_id, words_of) for doc_id, words_of in pages if wanted <= words_of]
    exact = [doc_id for doc_id, words_of in fitting if words_of == wanted]
    chosen = exact or [doc_id for doc_id, _ in fitting]
    return chosen[0] if len(chosen) == 1 else None




# "the projected job growth for locksmiths", "the union membership rate of bridge tenders": a measure asked of an
# occupation, the words between "the" and the preposition before the occupation (English).
_MEASURE_OF = re.compile(r"(?:\bthe\s+|^\s*)((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:for|of|among)\s+(?:an?\s+|the\s+)?"
                         r"([\w'&-]+(?:\s+[\w'&-]+){0,6})", re.I)


# A word that opens a line, a sentence, a table cell or a list item: capitalised, but no name for that.
_OPENING = re.compile(r"(?:^|[.:;!?|]\s+|^[#*-]+\s+|^\s*)([A-Z][\w'-]*)", re.M)


@lru_cache(maxsize=256)
def _common_words(text: str) -> frozenset[str]:
    """The words a text uses as common words: in lower case, or capitalised where any word is (a heading, a
    sentence's start); not those it writes only inside a name ("Outlook" of Microsoft Outlook)."""
    lower = set(re.findall(r"\b[a-z][\w'-]*", text))
    opening = {m.group(1) for m in _OPENING.finditer(text)}
    return frozenset(singular(w) for said in lower | opening for w in words(said))


def measure_not_held(corpus: CorpusIndex, query: Query) -> tuple[str, str] | None:
    """What a question asks of one occupation that its page never speaks of ("the projected job growth for
    locksmiths"): (the measure as asked, the page's document), or None. Only nouns of a measure the question
    puts before the occupation can be missing: not its modifiers, nor a span of time."""
    if query.kind not in ("figure", "definition", "other", "wh", "list") or len(query.subjects) > 1 \
            or ASKS_NAMES.search(query.text):  # "other names for pen testers": its "Also called" line
        return None
    asked = _MEASURE_OF.search(query.text)
    if asked is None:
        return None
    rest = asked.group(2).split()
    # the occupation: the subject named, or the longest opening of what follows that names one page
    names = [m.text for m in query.subjects] or [" ".join(rest[:n]) for n in range(len(rest), 0, -1)] \
        + re.findall(r"\(([^()]+)\)", query.text)  # "ultrasound techs (sonographers)"
    doc_id = next((d for d in map(lambda n: page_of(corpus, n), names) if d), None)
    if doc_id is None:
        return None
    page = corpus.documents[doc_id]
    held = _common_words(page.text)
    held |= {lemma(w) for w in held}
    own = {form for w in words(page.title) for form in (singular(w), lemma(w))}
    timed = {w.lower() for m in _TIME_ASKED.finditer(query.text) for w in words(m.group(0))}
    for word in words(asked.group(1)):
        forms = {singular(word), lemma(word)}
        speech = parts_of_speech(word)
        if len(word) <= 3 or forms & own or forms & held or word in corpus.acronyms or word in _ANY_OCCUPATION \
                or word in STOPWORDS or word in MEASURE_WORDS or word in OPERATOR_WORDS or word in timed \
                or levels(word) \
                or "NOUN" not in speech or "ADJ" in speech or _light_verb_or_adverb(word) \
                or any(len(word) >= 6 and h.startswith(word[:6]) for h in held):  # "certification": certificate
            continue
        said = asked.group(1).split()
        while said and said[-1].lower() in STOPWORDS:  # "the work environment like for ...": "work environment"
            said.pop()
        while said and all(w in STOPWORDS for w in words(said[0])):  # "what's the job outlook": "job outlook"
            said.pop(0)
        return " ".join(said), doc_id
    return None


# A share asked for: "what percentage of ...", "what share of ...", "how many ... in percent" (English).
_SHARE_ASKED = re.compile(r"\b(?:percent(?:age)?|share|proportion|fraction|portion)\b|%", re.I)


def share_not_said(query: Query, facts: list[FactMatch]) -> bool:
    """Whether a question asks the share of a subject that does what the corpus has no word for ("what percentage
    of ML engineers work remotely?"), and the figures found say nothing else it asks (the share of women, of the
    satisfied): the share is not in the sources, whatever figures stand nearest."""
    if query.kind != "figure" or not facts or facts[0].fact.parsed.kind != "percent" or not query.subjects \
            or not _SHARE_ASKED.search(query.text):
        return False
    at = query.text.lower().find(query.subjects[0].text.lower())
    if at < 0:
        return False
    predicate = words(query.text[at + len(query.subjects[0].text):])
    # a manner the sources have no word for ("remotely"); not a quality they may say otherwise ("happy": satisfied)
    unknown = [w for w in predicate if w in {u.lower() for u in query.unmatched} and parts_of_speech(w) == {"ADV"}]
    if not unknown:
        return False
    named = {form for w in words(query.subjects[0].text) for form in every_lemma(w) | {singular(w)}}
    asked = {w for w in predicate if w not in unknown and w not in STOPWORDS and len(w) > 1
             and w not in MEASURE_WORDS and not every_lemma(w) & LIGHT_VERBS and not every_lemma(w) & named}
    text = " ".join(f"{m.fact.subject} {m.fact.attribute} {m.fact.caption} {' '.join(m.fact.qualifiers)}"
                    for m in facts)
    said = {form for w in words(text) for form in every_lemma(w) | {w}}
    # something asked beyond the unknown word, none of it said, and the unknown word no form of a word the figures
    # use ("satisfied": their "satisfaction")
    return bool(asked) and not any(every_lemma(w) & said or w in said for w in asked) \
        and not stems(" ".join(unknown)) & stems(text)


def pay_not_held(corpus: CorpusIndex, query: Query) -> tuple[str, str] | None:
    """A pay question about one occupation whose page gives no pay at all ("the hourly pay for home health aides"):
    (the pay as asked, the page's document), or None. Another occupation's wages are no answer to it."""
    if not query.asks_figure or not asks_pay(query.text) or len(query.subjects) != 1 or query.places:
        return None
    doc_id = page_of(corpus, query.subjects[0].text)
    if doc_id is None:
        return None
    tables = [positions for (doc, _), positions in corpus.facts_by_table.items() if doc == doc_id]
    if any(corpus.facts[p].parsed.currency or _pays_in_words(corpus.facts[p]) for ps in tables for p in ps):
        return None
    asked = _MEASURE_OF.search(query.text)
    return (asked.group(1) if asked else "pay"), doc_id


def _pays_in_words(fact: Fact) -> bool:
    return fact.parsed.kind == "text" and asks_pay(fact.attribute)


def not_held(corpus: CorpusIndex, found: Retrieval, asked: str, doc_id: str) -> Answer:
    """An occupation's page lacks what was asked: say so, and what the page does give (its sections)."""
    document = corpus.documents[doc_id]
    sections = [s for s in dict.fromkeys(c.section for c in corpus.chunks if c.doc_id == doc_id)
                if re.search(r"[A-Za-z]", s) and s != document.title]
    text = f"The sources give no {asked} for {document.title}."
    # each section by what it is about, without the occupation's name ("Wages of Locksmiths ..." -> "wages")
    kinds = [" ".join(re.sub(rf"(?:\s+(?:of|for|to))?\s+{re.escape(document.title)}(?=\s*(?:\(|$))", "",
                             s).replace(document.title, "they").split()) for s in sections]
    if kinds:
        text += f" What they give for {document.title}: {'; '.join(k[:1].lower() + k[1:] for k in kinds)}."
    return Answer(question=found.question, resolved_question=found.question, answer=text, found=False)


def not_covered(embedder: Embedder, corpus: CorpusIndex, found: Retrieval, unknown: list[str],
                places: bool = False, asked: str = "") -> Answer:
    """The sources do not cover the question: what they lack (or the question `asked`, named), and the tables that
    give what was asked for other subjects (other cities, when a city is what they lack)."""
    titles = corpus.titles
    asked = asked.strip().rstrip("?.! ")
    if unknown:
        opening = f"The sources do not mention {', '.join(unknown)}, so I cannot answer that from them."
    elif asked:
        opening = f"The sources do not cover that question ({asked[:1].lower()}{asked[1:]}), so I cannot answer it " \
                  "from them."
    else:
        opening = "The sources do not cover that question, so I cannot answer it from them."
    offered = covered_tables(corpus, found.question, found.sentence_scores) if unknown else []
    if places:  # a place the sources lack: the tables whose rows are places
        offered = [t for t in offered if sum(s in corpus.gazetteer.row_labels for s in t[1]) >= 2]
    tables = tables_like(embedder, unknown, offered)
    if tables:
        hint = "".join(f" They give {measure} for: {'; '.join(subjects[:MAX_LISTED])}"
                       f"{f' and {len(subjects) - MAX_LISTED} more' if len(subjects) > MAX_LISTED else ''}."
                       for measure, subjects in tables)
    else:
        # a few documents by name; many, by their number (the first eight of a thousand say nothing)
        hint = f" They cover: {'; '.join(titles)}." if len(titles) <= MAX_TITLES_LISTED else \
            f" They cover {len(titles):,} documents."
        nearby = list(dict.fromkeys(corpus.chunks[cid].section for cid in list(found.chunk_scores)[:3]))
        if nearby and not unknown:
            hint += f" The closest sections are: {'; '.join(nearby)}."
    return Answer(question=found.question, resolved_question=found.question, answer=opening + hint, found=False)


MAX_TITLES_LISTED = 8  # a corpus of more documents is described by their number when nothing closer is found
COVERED_MARGIN = 0.30  # tables this close to the best one are offered when the subject asked about is missing


def covered_tables(corpus: CorpusIndex, question: str, sentence_scores: SentenceScores) -> list[tuple[str, list[str]]]:
    """For a question about a subject the facts lack: the tables that give what it asks for, as
    (the measure, the subjects they give it for), best first."""
    matches = [m for m in score_facts(corpus, question, sentence_scores) if m.fact.source == "table"]
    if asks_pay(question):  # "what do they earn in Denver": the tables of pay, not of shares
        matches = [m for m in matches if m.fact.parsed.kind == "money"] or matches
    if not matches or matches[0].score < FACT_MIN - 0.1:
        return []
    top = matches[0]
    tables: dict[tuple[str, int], tuple[str, list[str]]] = {}
    for match in matches:
        if match.score < top.score - COVERED_MARGIN:
            break
        if match.fact.parsed.kind == top.fact.parsed.kind:
            tables.setdefault((match.fact.doc_id, match.fact.table), (match.fact.attribute or match.fact.caption, []))
    for key, (_, subjects) in tables.items():
        for position in corpus.facts_by_table.get(key, []):
            if corpus.facts[position].subject not in subjects:
                subjects.append(corpus.facts[position].subject)
    return list(tables.values())
