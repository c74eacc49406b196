"""Quotable units as an answer shows them, and pointers followed to what they point at: a lead-in ("...include the
following:") to the list or table after it, an FAQ question to its answer, a label to its description."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from careerbot.answer.compose import plain
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Sentence
from careerbot.text.terms import OTHER_NAMES, lemma, parts_of_speech

MIN_QUOTE_WORDS = 4
MAX_POINTED = 12  # items or rows a pointer hands its match to


# A sentence that announces what follows it rather than saying it: "...include the following:", "The table below
# lists...", "...may face several challenges." English wording of documents in general.
# "Several" only in the sentence's last clause, and not of a duration: "... or several years of vocational training,
# and often must have passed a licensing exam" says it all itself.
_DURATIONS = r"(?:years|months|weeks|days|hours|minutes|decades|times|percent)\b"  # counted, they announce nothing
_POINTER = re.compile(r"(?::\s*$|\b(?:below|following|as follows|listed here|here are|these include)\b|"
                      rf"\bseveral\s+(?!{_DURATIONS})[^.,;]*\.?$)", re.I)


# "Machine learning consists of four pillars that ...": a count of things the next sentence names (English number
# words and small numbers before a plural noun; not a duration).
_COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[a-z-]+\s+)?"
                      rf"(?!{_DURATIONS})[a-z]{{3,}}s\b", re.I)


def announces_count(sentence: Sentence) -> bool:
    """A sentence that counts what it does not name ("... four pillars that require mathematical skills.")."""
    return sentence.kind == "sentence" and _counts(sentence.text)


@lru_cache(maxsize=65536)
def _counts(text: str) -> bool:
    return text.count(",") < 2 and bool(_COUNTED.search(text))


# A sentence that opens by pointing back ("This is ...", "They are ..."): it says nothing without the one before.
_ANAPHORIC = re.compile(r"^(?:This|These|That|Those|It|They)\s+(?:is|are|was|were|has|have|can|will|offers?|"
                        r"includes?|covers?)\b")


_BULLET_LINE = re.compile(r"^\s*(?:[•·▪◦‣*+\-–]|\d{1,2}[.)])\s+")


def display(sentence: Sentence) -> str:
    """A quotable unit as the answer shows it: a list or table as one line of items."""
    if sentence.kind in ("list", "block"):
        items = [_BULLET_LINE.sub("", line).strip().strip("|").strip().rstrip(".;")
                 for line in sentence.text.splitlines()]
        items = [re.sub(r"\s*\|\s*", ", ", item) for item in items if item and not set(item) <= set("-|: ")]
        return plain("; ".join(items)) + "."
    text = _verdict_joined(_correction_joined(_counted_named(plain(sentence.text))))
    context = plain(sentence.context)
    return f"{context}: {text}" if context else text


# "... four pillars that require mathematical skills. They include statistics, ...": the second sentence only names
# what the first counts.
_NAMING = re.compile(r"^(?P<count>[^.]+?)\.\s+(?:They|These|Those)\s+(?:include|are|comprise|consist of)\s+"
                     r"(?P<items>[^.]+,[^.]+)\.?$")


# "Yes. ML engineers are in high demand ...": a bare verdict is one sentence with its reason.
_BARE_VERDICT = re.compile(r"^(Yes|No|Not really|Not always|Not necessarily|Absolutely)[.!]\s+(?=[A-Z0-9])")


def _verdict_joined(text: str) -> str:
    return _BARE_VERDICT.sub(r"\1 — ", text)


def _correction_joined(text: str) -> str:
    """A belief and the correction after it, as one sentence ("One misconception is that ...; however, domain
    knowledge is crucial ..."): the belief alone says the opposite of the source."""
    end = text.find(". ")
    if end < 0:
        return text
    rest = text[end + 2:]
    if not (_reports_belief(text[:end]) and _CORRECTION.match(rest)) and not _TURNS.match(rest):
        return text  # "The time frame depends on ...; however, employers require ...": a hedge and its turn too
    return f"{text[:end]}; {rest[:1].lower()}{rest[1:]}"


def _counted_named(text: str) -> str:
    """A count and the sentence that names what it counts, as one sentence: "Machine learning consists of four
    pillars that require mathematical skills: statistics, probability, calculus, and linear algebra." (both quoted)."""
    match = _NAMING.match(text)
    if match is None or not _COUNTED.search(match.group("count")):
        return text
    return f"{match.group('count')}: {match.group('items')}."


def render_block(corpus: CorpusIndex, sentence: Sentence) -> str:
    """A quoted table as its rows' facts ("E-commerce: Recommendation Systems Engineer; Finance: ..."), a list as
    its items; one row as its facts too ("Data Science Certification: IBM", not under its header's words)."""
    position = sentence.sentence_id
    if sentence.kind == "row" and position < len(corpus.sentences) and corpus.sentences[position] is sentence \
            and corpus.facts_by_sentence.get(position):
        return _row(corpus, sentence.sentence_id, alone=True) + "."
    if sentence.kind == "steps":  # a section's steps, each a line of its own: the steps, not what explains them
        steps = [unit.text.strip().rstrip(".") for unit in step_units(corpus, sentence)]
        return plain(f"{sentence.context}: {'; '.join(steps)}.")
    if sentence.kind != "block":
        return display(sentence)
    rows: list[str] = []
    lead: list[str] = []  # what a list is of, when its lead-in only points ("... training models. This includes:")
    position = sentence.sentence_id
    while position < len(corpus.sentences) and corpus.sentences[position].end <= sentence.end:
        unit = corpus.sentences[position]
        if unit.doc_id != sentence.doc_id:
            break
        if unit.kind == "sentence" and not rows:
            lead.append(unit.text.strip())
        elif unit.kind == "row" and corpus.facts_by_sentence.get(position):  # a table of one row names its column
            rows.append(_row(corpus, position, alone=unit.end == sentence.end and unit.start == sentence.start))
        elif unit.kind == "row" or (unit.kind == "item" and _opens_line(corpus, unit)):
            # an item's first sentence: "Machine learning professionals are in high demand", not the figures
            # its later sentences give
            rows.append(_BULLET_LINE.sub("", unit.text).strip().rstrip(".;"))
        position += 1
    if lead and rows:  # one sentence: the lead-in's pointer joined to what it points back at
        said = "; ".join(text[:1].lower() + text[1:] if number else text.rstrip(".")
                         for number, text in enumerate(lead))
        return plain(f"{said} {'; '.join(rows)}") + "."
    heading = sentence.section.strip().lstrip("#").strip()
    table = corpus.sentences[sentence.sentence_id].kind == "row"
    if rows and table and heading and not heading.endswith(("?", ":")):
        # a table with nothing before it: the heading it stands under says what it is ("Education of Welders")
        return plain(f"{heading} — {'; '.join(rows)}") + "."
    return plain("; ".join(rows)) + "." if rows else display(sentence)


def _opens_line(corpus: CorpusIndex, unit: Sentence) -> bool:
    text = corpus.documents[unit.doc_id].text
    line_start = text.rfind("\n", 0, unit.start) + 1
    return not text[line_start:unit.start].strip() or bool(_BULLET_LINE.fullmatch(text[line_start:unit.start]))


# "..., including regression, classification, and clustering.": a sentence that names what it announces.
_NAMES_ITS_OWN = re.compile(r"\b(?:including|include|includes|such as|like|namely)\s+[^.:]*,[^.:]*\b(?:and|or)\b",
                            re.I)


def _row(corpus: CorpusIndex, position: int, alone: bool = False) -> str:
    """A table row as its facts: "Austin, TX: $80,000 – $110,000" among its table's rows, "Python: importance 95%,
    level high"; a row quoted `alone` names its column ("Apple: number of open positions 21")."""
    facts = [corpus.facts[p] for p in corpus.facts_by_sentence.get(position, [])]
    values = ", ".join(f"{_lowered(f.attribute)} {f.value}" if len(facts) > 1 or alone else f.value for f in facts)
    return plain(f"{facts[0].subject}: {values}")


def _lowered(label: str) -> str:
    """A column's name inside a sentence: its words in lower case, acronyms kept ("salary (USD)")."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in label.split())


def enumerates(text: str) -> bool:
    """Whether a sentence names several things itself ("..., including regression, classification, and
    clustering", "knowledge of Apache Hadoop, Spark, and Kafka")."""
    return bool(_NAMES_ITS_OWN.search(text)) or (text.count(", ") >= 2 and bool(re.search(r",\s+(?:and|or)\s", text)))


# "..., there are distinct differences between the two positions.": a sentence that says several things exist
# without naming them (its last clause; no figure, no list of its own). It announces the list right after it, if
# one follows, or the sentence after it.
_EXISTS = re.compile(r"\b(?:there (?:are|exist)|they (?:have|had))\s+(?:some\s+)?(?:distinct|different|several|many|"
                     r"various|key|main|important|major|notable|a few|a number of)\s+(?:[a-z-]+\s+)?[a-z]+s\b"
                     r"[^,;:\d]*\.?$", re.I)


def announced_by_existence(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """The list right after a sentence that says its things exist without naming them, if one follows, or the
    sentence and the next one of its passage, which names them ("... they have distinct focuses. A machine learning
    engineer focuses on ..., whereas a data scientist ...")."""
    if sentence.kind != "sentence" or not _EXISTS.search(sentence.text.strip()) or enumerates(sentence.text):
        return None
    block = pointed_block(corpus, sentence)
    if block is not None:
        return block
    naming = _next_unit(corpus, sentence, follow=False)
    return None if naming is None else _joined(corpus, sentence, naming)


def is_pointer(sentence: Sentence) -> bool:
    return sentence.kind in ("sentence", "item") and _points(sentence.text)


@lru_cache(maxsize=65536)
def _points(text: str) -> bool:
    """Whether a text announces what follows it (cached: every question reads the same candidate sentences)."""
    text = text.strip()
    return bool(_POINTER.search(text)) and not (not text.endswith(":") and _NAMES_ITS_OWN.search(text))


def pointed_block(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """The list or table right after a sentence that announces it, as one quotable unit spanning it."""
    following: list[Sentence] = []
    position = sentence.sentence_id + 1
    while position < len(corpus.sentences) and len(following) < MAX_POINTED:
        candidate = corpus.sentences[position]
        if candidate.doc_id != sentence.doc_id or candidate.kind not in ("item", "row", "heading"):
            break
        if candidate.kind == "heading":  # a table's header line may stand between the pointer and its rows
            upcoming = corpus.sentences[position + 1] if position + 1 < len(corpus.sentences) else None
            if following or upcoming is None or upcoming.kind != "row":
                break
        else:
            following.append(candidate)
        position += 1
    if len(following) < 2 and not (following and following[0].kind == "row" and following[0].context):
        return None  # a table of one row under its header is still the table announced
    return rows_block(corpus, following[0], following[-1])


def table_of_row(corpus: CorpusIndex, row: Sentence) -> Sentence:
    """The whole table a row stands in (the rows next to it, in the document's order), as one quotable unit."""
    first = last = row.sentence_id
    while first > 0 and corpus.sentences[first - 1].kind == "row" and corpus.sentences[first - 1].doc_id == row.doc_id:
        first -= 1
    while last + 1 < len(corpus.sentences) and corpus.sentences[last + 1].kind == "row" \
            and corpus.sentences[last + 1].doc_id == row.doc_id:
        last += 1
    return rows_block(corpus, corpus.sentences[first], corpus.sentences[last]) if last > first else row


def rows_block(corpus: CorpusIndex, first: Sentence, last: Sentence) -> Sentence:
    """The items or rows from `first` to `last` as one quotable unit."""
    text = corpus.documents[first.doc_id].text[first.start:last.end]
    return Sentence(first.sentence_id, first.chunk_id, first.doc_id, first.start, last.end, text, "block", "",
                    first.section)


def is_name_list(sentence: Sentence) -> bool:
    """A line that only lists names ("Also called: Airport Electrician, Antenna Installer, ..."): it says what
    something is called, not what it is or does."""
    if OTHER_NAMES.match(sentence.text.strip()):  # "Also called: ...", however few
        return True
    body = sentence.text.split(":", 1)[1] if ":" in sentence.text[:40] else sentence.text
    items = [item.strip(" .") for item in body.split(",")]
    named = [item for item in items if item and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in
                                                       ("of", "and", "the", "de", "for", "in")
                                                       for w in item.split()) and len(item.split()) <= 6]
    return len(items) >= 4 and len(named) >= 0.8 * len(items)


def labelled_list(text: str) -> bool:
    """A line that is a label and a list of things ("Other tools: A, B, software for C, ..."), not a thing's other
    names ("Also called: ...")."""
    text = text.strip()
    label, _, body = text.partition(":") if ":" in text[:40] else ("", "", "")
    return bool(label.strip()) and "," in body and not OTHER_NAMES.match(text)


def labelled_run(corpus: CorpusIndex, sentence: Sentence) -> Sentence:
    """A labelled list of names with the labelled lists around it in its section, as one quote ("In-demand
    technologies: ..." and "Other tools: ..." under "Technologies X use")."""
    def beside(unit: Sentence, step: int) -> Sentence | None:
        position = unit.sentence_id + step
        if not 0 <= position < len(corpus.sentences):
            return None
        other = corpus.sentences[position]
        # (of one section, whichever passage: long lines of tools are passages of their own)
        same = other.doc_id == unit.doc_id and other.section == unit.section and other.kind == unit.kind
        return other if same and labelled_list(other.text) else None
    first = last = sentence
    while (earlier := beside(first, -1)) is not None:
        first = earlier
    while (later := beside(last, 1)) is not None:
        last = later
    if first is last:
        return sentence
    return Sentence(first.sentence_id, first.chunk_id, first.doc_id, first.start, last.end,
                    corpus.documents[first.doc_id].text[first.start:last.end], first.kind, first.context,
                    first.section)


def _described(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """For a list of names: the first sentence of its passage that says something, headed by the document's name
    ("Pharmacists: Dispense drugs prescribed by physicians ...")."""
    for sid in corpus.sentences_by_chunk.get(sentence.chunk_id, []):
        unit = corpus.sentences[sid]
        if unit.kind == "sentence" and unit.sentence_id != sentence.sentence_id and not is_name_list(unit) \
                and len(unit.text.split()) >= MIN_QUOTE_WORDS:
            return replace(unit, context=corpus.documents[unit.doc_id].title)
    return None


def answer_to(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """The unit worth quoting for a match: an FAQ question in the text is answered by the next sentence, a lead-in
    by the list or table it announces, a list of names by what the passage says the named thing is."""
    stripped = sentence.text.rstrip()
    if sentence.kind == "sentence" and is_name_list(sentence):
        run = labelled_run(corpus, sentence) if labelled_list(sentence.text) else sentence
        # lists under their labels, one after another ("In-demand technologies: ..." "Other tools: ..."): the
        # lists are what the passage says; a list of names alone, what the passage says the named thing is
        return run if run is not sentence else _described(corpus, sentence)
    if sentence.kind == "heading":  # a section's heading hands its match to what the section says first, or to
        if sentence.context or not stripped:  # the list its opening lines announce ("... the following tools:")
            return None
        names = corpus.sentences[sentence.sentence_id + 1] \
            if sentence.sentence_id + 1 < len(corpus.sentences) else None
        if names is not None and names.doc_id == sentence.doc_id and names.kind == "sentence" \
                and is_name_list(names):  # "Related occupations: ...": the names are what the section says
            return labelled_run(corpus, names) if labelled_list(names.text) else names
        opening = announced_list(corpus, sentence) or section_steps(corpus, sentence) \
            or _next_unit(corpus, sentence, follow=True)
        return labelled_run(corpus, opening) if opening is not None and labelled_list(opening.text) else opening
    if stripped.endswith("?"):
        block = pointed_block(corpus, sentence)  # a question answered by the list or table under it
        if block is not None:
            return block
        following = sentence.sentence_id + 1
        if following < len(corpus.sentences) and corpus.sentences[following].doc_id == sentence.doc_id:
            answer = corpus.sentences[following]
            if len(answer.text.split()) < MIN_QUOTE_WORDS and following + 1 < len(corpus.sentences):
                return _joined(corpus, answer, corpus.sentences[following + 1])  # "Yes." and its reason
            turn = _next_unit(corpus, answer, follow=False)
            if turn is not None and _TURNS.match(turn.text) and "\n" not in \
                    corpus.documents[answer.doc_id].text[answer.end:turn.start]:
                # "The time frame depends on your education path. However, employers require ... four years.":
                # the answer is in the turn
                return _joined(corpus, answer, turn) or answer
            return answer_to(corpus, answer)
        return None
    led = _led_list(corpus, sentence)
    if led is not None:
        return led
    if _SOURCE_NOTE.match(stripped):  # "Based on resume data from ...": a note on the list above it
        noted = _list_before(corpus, sentence)
        if noted is not None:
            return noted
    if is_pointer(sentence):
        block = pointed_block(corpus, sentence) or _next_unit(corpus, sentence, follow=False)
        if block is not None:
            return block
        if stripped.endswith(":") or _FORWARD.search(stripped):  # "Below is a comprehensive list ...": the list a
            return _list_ahead(corpus, sentence)  # little further on, under a heading, or nothing worth quoting
    if sentence.kind not in ("row", "list") and len(sentence.text.split()) < MIN_QUOTE_WORDS:
        return None
    if _ANAPHORIC.match(sentence.text) and sentence.sentence_id > 0:  # "This is the most popular ...": quoted with
        before = corpus.sentences[sentence.sentence_id - 1]  # the sentence that says what "this" is
        gap = corpus.documents[sentence.doc_id].text[before.end:sentence.start]
        if before.kind == sentence.kind and before.kind in ("sentence", "item") and "\n" not in gap:  # one line
            return _joined(corpus, before, sentence) or sentence
    existence = announced_by_existence(corpus, sentence)
    if existence is not None:  # "..., there are distinct differences between the two positions.": the differences
        return existence
    if _reports_belief(sentence.text):  # a belief the text corrects, with its correction
        correction = _next_unit(corpus, sentence, follow=False)
        if correction is not None and _CORRECTION.match(correction.text):
            return announced_by_existence(corpus, correction) or _joined(corpus, sentence, correction) or sentence
    if announces_count(sentence):  # the count and the sentence that names them, as one quote
        naming = _next_unit(corpus, sentence, follow=False)
        if naming is not None and naming.text.count(",") >= 2:
            return _joined(corpus, sentence, naming) or sentence
        return section_steps(corpus, sentence) or sentence  # "we cover the five steps": the steps
    return sentence


# A sentence that turns the one before it ("However, ...", "That said, ..."): English connectives.
_TURNS = re.compile(r"^(?:However|But|Still|That said|Even so|Nonetheless|Nevertheless)\b")


# A note under a list or table on where its figures come from ("Based on resume data from ...", "Source: ...")
# (English wording of documents in general).
_SOURCE_NOTE = re.compile(r"^(?:based on|source[sd]?\b|data (?:from|based on|collected)|figures (?:from|based on))",
                          re.I)


def _list_before(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """The list or table right before a sentence (its note), as one quotable unit."""
    before: list[Sentence] = []
    position = sentence.sentence_id - 1
    if position >= 0 and corpus.sentences[position].kind == "list" \
            and corpus.sentences[position].doc_id == sentence.doc_id:  # the list whole, after its items
        return corpus.sentences[position]
    while position >= 0 and len(before) < MAX_POINTED:
        candidate = corpus.sentences[position]
        if candidate.doc_id != sentence.doc_id or candidate.kind not in ("item", "row"):
            break
        before.append(candidate)
        position -= 1
    if len(before) < 2:
        return None
    return rows_block(corpus, before[-1], before[0])


# "This includes:", "These are:": a lead-in that says nothing without the sentence before it (English wording).
_POINTS_BACK = re.compile(r"^(?:This|These|They|It|Such|Some|Examples?)\b[^.:]{0,30}:\s*$")


def _led_list(corpus: CorpusIndex, sentence: Sentence) -> Sentence | None:
    """A sentence whose next is a lead-in pointing back at it ("Machine learning engineers spend ... preprocessing
    data .... This includes:"), or that lead-in: both, with the list after them, as one quotable unit."""
    if sentence.kind != "sentence":
        return None
    position = sentence.sentence_id
    following = corpus.sentences[position + 1] if position + 1 < len(corpus.sentences) else None
    if _POINTS_BACK.match(sentence.text.strip()) and position > 0:
        lead, pointer = corpus.sentences[position - 1], sentence
    elif following is not None and _POINTS_BACK.match(following.text.strip()):
        lead, pointer = sentence, following
    else:
        return None
    if lead.kind != "sentence" or pointer.kind != "sentence" or lead.chunk_id != pointer.chunk_id:
        return None
    block = pointed_block(corpus, pointer)
    if block is None:
        return None
    text = corpus.documents[lead.doc_id].text[lead.start:block.end]
    return Sentence(lead.sentence_id, lead.chunk_id, lead.doc_id, lead.start, block.end, text, "block", "",
                    lead.section)


# "Many people mistakenly believe that ...", "Another misconception is that ...": a belief the text reports in
# order to correct it in the next sentence ("However, ...", "While ..., it is not ..."). English wording.
_BELIEF = re.compile(r"\b(?:misconceptions?|myths?)\b[^.]*\bthat\b|\b(?:mistakenly|wrongly|falsely|incorrectly)\s+"
                     r"(?:believe|think|assume|say)|\b(?:it is|it's) (?:a )?(?:common(?:ly)? )?(?:believed|thought|"
                     r"assumed) that\b", re.I)
_CORRECTION = re.compile(r"^(?:however|but|while|although|though|in fact|in reality|actually|on the contrary|"
                         r"contrary to|yet|rather)\b", re.I)


_FORWARD = re.compile(r"\b(?:below|following|as follows)\b", re.I)
LOOK_AHEAD = 6  # units a lead-in that points "below" may stand before its list


def _list_ahead(corpus: CorpusIndex, pointer: Sentence) -> Sentence | None:
    """The first list or table a few units after a lead-in whose own next unit is not one (a heading and an
    introduction between them)."""
    for unit in corpus.sentences[pointer.sentence_id + 1:pointer.sentence_id + 1 + LOOK_AHEAD]:
        if unit.doc_id != pointer.doc_id:
            return None
        if unit.kind in ("item", "row"):
            return pointed_block(corpus, corpus.sentences[unit.sentence_id - 1])
    return None


MIN_STEPS = 3
MAX_STEP_WORDS = 14


def is_step(corpus: CorpusIndex, unit: Sentence) -> bool:
    """A step: a short line of its own that opens with a verb's base form ("Get programming experience.", "Earn a
    certification, like in ..."), the paragraphs after it explaining it."""
    if unit.kind != "sentence":
        return False
    text = corpus.documents[unit.doc_id].text
    alone = (unit.start == 0 or text[unit.start - 1] == "\n") and (unit.end >= len(text) or text[unit.end] == "\n")
    return alone and _steplike(unit.text.strip())


@lru_cache(maxsize=65536)
def _steplike(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_STEP_WORDS or text.endswith(("?", ":")) or not words[0][:1].isupper():
        return False
    verb = words[0].lower()
    return "VERB" in parts_of_speech(verb) and lemma(verb) == verb


def step_units(corpus: CorpusIndex, steps: Sentence) -> list[Sentence]:
    """The step lines a "steps" unit spans, each quotable on its own."""
    return [unit for unit in corpus.sentences[steps.sentence_id:]
            if unit.doc_id == steps.doc_id and unit.end <= steps.end and is_step(corpus, unit)]


def section_steps(corpus: CorpusIndex, opening: Sentence) -> Sentence | None:
    """The steps of the section a heading (or a sentence counting steps) opens, as one quotable unit spanning
    them; None when the section has fewer than three."""
    steps: list[Sentence] = []
    for unit in corpus.sentences[opening.sentence_id + 1:]:
        if unit.doc_id != opening.doc_id or unit.kind == "heading":
            break
        if is_step(corpus, unit):
            steps.append(unit)
    if len(steps) < MIN_STEPS:
        return None
    first, last = steps[0], steps[-1]
    text = corpus.documents[first.doc_id].text[first.start:last.end]
    return Sentence(first.sentence_id, first.chunk_id, first.doc_id, first.start, last.end, text, "steps",
                    first.section, first.section)


SECTION_OPENING = 3  # sentences of a section's opening that may announce its list


def announced_list(corpus: CorpusIndex, heading: Sentence) -> Sentence | None:
    """The list or table a section's opening sentences announce, if one of them does (or the sentences after a
    unit: "Deep learning ... layers. Machine learning engineers should be familiar with the following:")."""
    for position in range(heading.sentence_id + 1, min(heading.sentence_id + 1 + SECTION_OPENING,
                                                       len(corpus.sentences))):
        unit = corpus.sentences[position]
        if unit.doc_id != heading.doc_id or unit.kind != "sentence":
            return None
        if is_pointer(unit):
            return pointed_block(corpus, unit)
        existence = announced_by_existence(corpus, unit)
        if existence is not None:
            return existence
    return None


@lru_cache(maxsize=65536)
def _reports_belief(text: str) -> bool:
    return bool(_BELIEF.search(text))


def _joined(corpus: CorpusIndex, first: Sentence, second: Sentence) -> Sentence | None:
    """Two consecutive sentences of one passage as one quote ("Yes. ML engineers are in high demand...")."""
    if second.doc_id != first.doc_id or second.chunk_id != first.chunk_id or second.kind != first.kind:
        return None
    text = corpus.documents[first.doc_id].text[first.start:second.end]
    return Sentence(first.sentence_id, first.chunk_id, first.doc_id, first.start, second.end, text, first.kind,
                    first.context, first.section)


def _next_unit(corpus: CorpusIndex, sentence: Sentence, follow: bool) -> Sentence | None:
    """The unit after a heading (any kind, itself followed if it points on) or after a pointer sentence (the next
    sentence of the same passage)."""
    position = sentence.sentence_id + 1
    if position >= len(corpus.sentences):
        return None
    following = corpus.sentences[position]
    if following.doc_id != sentence.doc_id or following.kind == "heading":
        return None
    if follow:
        return pointed_block(corpus, sentence) or answer_to(corpus, following)
    if following.chunk_id == sentence.chunk_id and following.kind == "sentence":
        return following
    return None
