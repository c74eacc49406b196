"""Facts for the questions that are more than a look-up: a ranking over one table (or one group of documents), two
named subjects side by side, who/when/where, and the tables a subject the sources lack would be in."""

from __future__ import annotations

import re

import numpy as np

from careerbot.answer.compose import sort_value
from careerbot.answer.evidence import about_focus, focus_words, from_source, title_words
from careerbot.answer.facts import (
    FACT_MIN,
    HEAD_COUNT,
    NAMED_MARGIN,
    asks_pay,
    fit_measure,
    score_facts,
    statistics_stated,
)
from careerbot.answer.query import MEASURE_WORDS, OPERATOR_WORDS, FactMatch, Query, SentenceScores, phrase_around
from careerbot.answer.understand import tables_of, titled_names
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Fact
from careerbot.text.places import place_of
from careerbot.text.terms import (
    STOPWORDS,
    every_lemma,
    lemma,
    levels,
    name_key,
    name_words,
    parts_of_speech,
    singular,
    spelled_out,
    stems,
    subject_words,
    words,
)
from careerbot.text.values import FIGURE


def rank_facts(corpus: CorpusIndex, query: Query,
               sentence_scores: SentenceScores) -> tuple[list[FactMatch], int, bool] | None:
    """A ranking question's figures, in order: the best-matching measure within its table, or across documents
    when each document's table has one row of it (one occupation per document). With the size of the field and
    whether it is one document's."""
    matches = [m for m in score_facts(corpus, query.text, sentence_scores)
               if sort_value(m.fact.parsed) is not None and m.fact.parsed.kind != "text"]
    subject_said = {w for m in query.subjects for w in words(m.text.lower())}  # "childcare workers": a name
    if (set(words(query.text.lower())) - subject_said) & HEAD_COUNT:  # "employs the most people": a head count
        matches = [m for m in matches if m.fact.parsed.kind not in ("percent", "money")] or matches
    if _HOW_OFTEN.search(query.text):  # "which level is most common": a share of people, not a score or a sum
        matches = [m for m in matches if m.fact.parsed.kind == "percent"] or matches
    matches = fit_measure(matches, query.text)  # "makes the most per hour": hourly wages
    if not matches or matches[0].score < FACT_MIN - 0.1:
        return None
    wants_places = asks_places(corpus, query.text)
    focus = ranking_focus(corpus, query)
    group: list[Fact] = []
    named_all = False
    tables = [m for m in matches if m.fact.source == "table"]
    top = tables[0].score if tables else matches[0].score  # rankings are read from tables: measured from theirs
    tried: set[tuple[object, ...]] = set()  # the measures already tried: many matches share one
    widest = bool(_EVERY_ONE.search(query.text))
    fitting: list[tuple[list[Fact], bool]] = []
    for match in matches[:80]:  # the best-matching measure that has something to rank
        if match.score < top - (2 * NAMED_MARGIN if wants_places or query.levels else NAMED_MARGIN):
            break
        measure = _measure_key(match.fact)
        if measure in tried:
            continue
        tried.add(measure)
        whole = _ranking_group(corpus, match.fact)
        group = _within(corpus, whole, query, focus)
        among = _among_named(corpus, query, whole)  # those named, whatever words they share with the question
        group, named_all = (among, True) if len(among) >= 2 else (group, False)
        placed = not wants_places or (sum(place_of(f.subject) is not None for f in group) >= 2
                                      and speaks_of_subjects(corpus, query, group[0].doc_id, focus))
        levelled = not query.levels or any(set(query.levels) & set(levels(" ".join(f.qualifiers))) for f in group)
        if len(group) >= 2 and placed and levelled and about_focus(group, focus, query.text) \
                and (named_all or _of_the_kind_asked(group, query.text)):
            fitting.append((group, named_all))
            if (not widest or named_all) and _sourced(corpus, query, group[0]):
                break
    # "which glassdoor career step pays the most": the named source's table before another's
    fitting.sort(key=lambda g: not _sourced(corpus, query, g[0][0]))
    # "of all the jobs", "in your data": the measure that ranks the most documents, not one article's table
    across = [g for g in fitting if len({f.doc_id for f in g[0]}) > 1]
    asked = {"avg": "average", "mean": "average"}.get(query.statistic, query.statistic)
    across = [g for g in across if asked in statistics_stated(g[0][0])] + \
        [g for g in across if asked not in statistics_stated(g[0][0])]  # "the highest average": the mean's column
    group, named_all = (across or fitting)[0] if fitting else ([], False)
    if not group and wants_places:  # "where do they get paid the least": the tables whose rows are places
        group = _place_table(corpus, query, sentence_scores)
        # of the people asked about: "which city pays truck drivers the most?" is not ranked by another job's cities
        group = group if group and speaks_of_subjects(corpus, query, group[0].doc_id, focus) else []
    if not group:
        return None
    if query.levels:
        at_level = [f for f in group if set(query.levels) & set(levels(" ".join(f.qualifiers) + " " + f.subject))]
        group = at_level or group
    ordered = sorted(group, key=lambda f: sort_value(f.parsed) or 0.0, reverse=query.direction != "least")
    # "Which ... pays the most?" asks for one (and those tied with it); "which cities", "top 3" for more
    ties = [f for f in ordered if sort_value(f.parsed) == sort_value(ordered[0].parsed)]
    shown = query.top_n or ((len(ordered) if len(ordered) <= 6 else 5) if query.plural or named_all else len(ties))
    scored = {id(m.fact): m.score for m in matches}
    one_document = len({f.doc_id for f in ordered}) == 1
    return ([FactMatch(f, scored.get(id(f), matches[0].score), True) for f in ordered[:shown]], len(ordered),
            one_document)


# "which certification ...", "which of the companies ...": the words naming what a ranking ranks (English).
_WHICH_KIND = re.compile(r"^\W*(?:which|what)\s+(?:one\s+)?(?:of\s+(?:the|these|those|them)\s+)?((?:[\w-]+\s+){1,3})",
                         re.I)


def _of_the_kind_asked(group: list[Fact], question: str) -> bool:
    """Whether a table's rows are of the kind the question ranks ("which certification is the most popular?" is
    not ranked by a table of programming languages' popularity): a noun after "which" (not a word for any one
    thing, a place or a measure) said in the rows, their columns or caption; True when it names none."""
    match = _WHICH_KIND.match(question)
    if match is None or len({f.doc_id for f in group}) > 1:
        return True  # a group across documents is of their subjects, narrowed to what is asked (`_within`)
    kinds: set[str] = set()
    for word in words(match.group(1).lower()):
        speech = parts_of_speech(word)
        if word in STOPWORDS or "NOUN" not in speech or (speech == {"VERB", "NOUN"} and kinds):
            break  # "which industry hires": the noun phrase ends at "hires"
        if len(word) > 3 and not {word, singular(word)} & (_ONE_OF_THEM | _ANY_KIND) \
                and not _PLACE_WORDS.fullmatch(word) and word not in MEASURE_WORDS:
            kinds |= every_lemma(word) | {singular(word)}
    if not kinds or (kinds & {"year", "years"} and all(_YEAR.fullmatch(f.subject.strip()) for f in group)):
        return True  # "which year ...": rows labelled 2022, 2023, ... are years
    text = " ".join(f"{f.subject} {f.attribute} {f.caption} {' '.join(f.qualifiers)}" for f in group[:MAX_READ])
    return bool(kinds & {form for w in set(words(text.lower())) for form in every_lemma(w) | {singular(w)}})


MAX_READ = 40  # rows read to tell what a table ranks
# Words for a kind of anything ("which level is most common", "which type"): they name no kind of row (English).
_ANY_KIND = frozenset({"level", "type", "kind", "sort", "category", "option", "thing", "item", "factor", "area"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


_HOW_OFTEN = re.compile(r"\b(?:most|least)\s+(?:common|frequent|usual|typical|popular)(?:ly)?\b", re.I)


def _sourced(corpus: CorpusIndex, query: Query, fact: Fact) -> bool:
    """Whether a fact is from a source the question names (any fact is, when it names none)."""
    return not query.sources or from_source(corpus, query.sources, fact.doc_id,
                                            f"{fact.quote} {' '.join(fact.qualifiers)}", (fact.start, fact.end))


# A ranking over everything the sources hold ("out of all of them", "in your data", "of any job") (English).
_EVERY_ONE = re.compile(r"\b(?:of|out of|among|from)\s+(?:them\s+)?all\b|\ball\s+(?:of\s+)?(?:them|the\s+\w+)\b|"
                        r"\b(?:any|which|what)\s+(?:other\s+|\w+-paying\s+)?(?:jobs?|occupations?|careers?|"
                        r"professions?)\b|\boverall\b|"
                        r"\bin\s+(?:the|your|this|these)\s+(?:data(?:set|base)?|sources?|corpus|documents?|files?)\b",
                        re.I)


def ranking_focus(corpus: CorpusIndex, query: Query) -> set[str]:
    """What a ranking is about beyond its measure: not the places it ranks ("which city"), nor the people a head
    count counts ("employs the most people")."""
    return {w for w in focus_words(corpus, query) if not _PLACE_WORDS.fullmatch(w) and w not in HEAD_COUNT
            and w not in _ONE_OF_THEM}


# Words for the one thing ranked, whatever it is: a person, or a job as a step of a career ("which career step
# pays the most", "which position") (English).
_ONE_OF_THEM = frozenset({"person", "worker", "employee", "individual", "professional", "step", "stage", "rung",
                          "position", "role", "title", "job", "occupation", "profession"})


_PLACE_WORDS = re.compile(r"\b(?:city|cities|location|locations|place|places|state|states|where|area|region)\b",
                          re.I)


def asks_places(corpus: CorpusIndex, text: str) -> bool:
    """Whether a question asks which places ("which city pays the most?"): a word for places that is not a kind of
    job the documents are about ("city bus drivers", "state troopers": a title's head noun a word or two after)."""
    heads = {key.split()[-1] for key in titled_names(corpus) if key}
    return any(not {singular(w) for w in words(text[m.end():])[:2]} & heads for m in _PLACE_WORDS.finditer(text))


def is_extreme(corpus: CorpusIndex, fact: Fact, direction: str) -> bool:
    """Whether a fact's figure is the highest (or, for "least", the lowest) of those it ranks among: a table that
    agrees with a sentence stating the superlative."""
    top = extreme_of(corpus, fact, direction)
    value = sort_value(fact.parsed)
    return top is not None and value is not None and sort_value(top.parsed) == value


def extreme_of(corpus: CorpusIndex, fact: Fact, direction: str) -> Fact | None:
    """The highest (or, for "least", the lowest) figure of those a fact ranks among, or None when it ranks among
    none."""
    group = [f for f in _ranking_group(corpus, fact) if sort_value(f.parsed) is not None]
    if len(group) < 2:
        return None
    pick = min if direction == "least" else max
    return pick(group, key=lambda f: sort_value(f.parsed) or 0.0)


def _place_table(corpus: CorpusIndex, query: Query, sentence_scores: SentenceScores) -> list[Fact]:
    """The column of a table of places that best fits a ranking by place: of money when pay is asked, at the level
    asked, the one whose rows score best for the question."""
    found: dict[tuple[str, int, str], list[Fact]] = {}
    for label in corpus.gazetteer.row_labels:
        first = subject_words(label)[:1]
        for position in corpus.facts_by_word.get(first[0], []) if first else []:
            fact = corpus.facts[position]
            if fact.subject == label and fact.table >= 0 and sort_value(fact.parsed) is not None:
                found.setdefault((fact.doc_id, fact.table, fact.attribute), [])
                if fact not in found[(fact.doc_id, fact.table, fact.attribute)]:
                    found[(fact.doc_id, fact.table, fact.attribute)].append(fact)
    pay = asks_pay(query.text)
    fitting = [group for group in found.values() if len(group) >= 2
               and (not pay or all(f.parsed.kind == "money" for f in group))
               and (not query.levels or set(query.levels) & set(levels(" ".join(group[0].qualifiers))))]
    if not fitting:
        return []
    return max(fitting, key=lambda g: float(np.mean([sentence_scores[f.sentence_id] for f in g])))


def speaks_of_subjects(corpus: CorpusIndex, query: Query, doc_id: str, focus: set[str] | None = None) -> bool:
    """Whether a document uses every word of the subjects the question names, and of the words of occupations'
    titles it says ("truck drivers"; an acronym the corpus defines by its long form or itself): a table of places in
    it may rank them. `focus`: the ranking's (`ranking_focus`), when already read."""
    focus = ranking_focus(corpus, query) if focus is None else focus
    titled = title_words(corpus)
    asked = {w for m in query.subjects if m.role == "subject" for w in words(m.text.lower()) if w not in STOPWORDS}
    asked |= {w for w in focus if w in titled}
    if not asked:
        return True
    said = _document_forms(corpus, doc_id)
    for word in asked:
        long_form = words(corpus.acronyms.get(word, ""))
        if not (every_lemma(word) | {singular(word)}) & said and not (long_form and all(w in said for w in long_form)):
            return False
    return True


_FORMS: dict[tuple[str, str], frozenset[str]] = {}  # (index version, document) -> every form of its words


def _document_forms(corpus: CorpusIndex, doc_id: str) -> frozenset[str]:
    """Every form of a document's words (as written, singular, lemmas), read once per index version."""
    key = (corpus.version, doc_id)
    forms = _FORMS.get(key)  # (read into a name of this call's own: another request may clear the memory)
    if forms is None:
        if len(_FORMS) >= MAX_DOCUMENTS_READ:
            _FORMS.clear()
        text = corpus.documents[doc_id].text.lower() if doc_id in corpus.documents else ""
        forms = _FORMS[key] = frozenset(form for w in set(words(text)) for form in every_lemma(w) | {singular(w)})
    return forms


MAX_DOCUMENTS_READ = 256  # documents whose word forms are kept


def _measure_key(fact: Fact) -> tuple[object, ...]:
    """What decides the group a fact ranks among (see _ranking_group)."""
    return (fact.doc_id, fact.table, fact.attribute, fact.source, fact.parsed.kind, fact.parsed.unit)


def _within(corpus: CorpusIndex, group: list[Fact], query: Query, focus: set[str]) -> list[Fact]:
    """The rows of a ranking that a word cell of their own row puts in what the question names: "Which legal
    occupation pays the most?" ranks the rows whose group cell says "Legal Occupations". The cells that hold most of
    the question's focus words (those the measure does not use) decide; the whole group when none holds any."""
    measure = {form for f in group[:1] for w in words(f.attribute) for form in every_lemma(w)}
    wanted = [forms for forms in map(every_lemma, query.topic) if forms & focus and not forms & measure]
    if len({f.doc_id for f in group}) < 2 or not wanted:
        return group
    held: dict[int, int] = {}  # a row's fact -> how many wanted words a word cell of its row holds
    for position, fact in enumerate(group):
        for cell in corpus.facts_by_sentence.get(fact.sentence_id, []):
            other = corpus.facts[cell]
            if other.parsed.kind != "text" or other.fact_id == fact.fact_id:
                continue
            said = {form for w in words(other.value) for form in every_lemma(w)}
            held[position] = max(held.get(position, 0), sum(bool(forms & said) for forms in wanted))
    most = max(held.values(), default=0)
    narrowed = [group[p] for p, count in held.items() if most and count == most]
    return narrowed if len(narrowed) >= 2 else group


def _ranking_group(corpus: CorpusIndex, best: Fact) -> list[Fact]:
    """The figures a fact ranks among: its column in its table, or, when its table has one row of it, the same
    measure in every document (one occupation per document)."""
    if best.table >= 0:
        same_table = [corpus.facts[p] for p in corpus.facts_by_table.get((best.doc_id, best.table), [])
                      if corpus.facts[p].attribute == best.attribute and sort_value(corpus.facts[p].parsed) is not None]
        if len(same_table) >= 2:
            return same_table
    if best.source != "table":  # figure lines under headings, as on a scraped page's cards ("210K /yr Most Likely
        # Range" under each role): the same measure under one section of the document
        return [f for f in _same_measure(corpus, best) if f.source == "prose" and f.doc_id == best.doc_id
                and f.caption == best.caption]
    return [f for f in _same_measure(corpus, best) if f.source == "table"]


def _same_measure(corpus: CorpusIndex, fact: Fact) -> list[Fact]:
    return [corpus.facts[p] for p in corpus.facts_by_measure.get((fact.attribute, fact.parsed.kind, fact.parsed.unit),
                                                                 [])]


_STATISTIC_WORD = re.compile(r"^(?:mean|average|\d{1,2}(?:st|nd|rd|th) percentile)\b", re.I)


def compare_facts(corpus: CorpusIndex, query: Query,
                  sentence_scores: SentenceScores) -> list[tuple[str, list[FactMatch]]] | None:
    """Two or more named subjects side by side: for each, the figures the question asks for about it alone,
    highest first."""
    named: list[tuple[str, set[str]]] = [
        (p.known_as[0] if len(p.known_as) == 1 else p.text, {k.lower() for k in p.known_as}) for p in query.places]
    if len(named) < 2:  # two places: the subject is common to both ("ML engineers in Boston and Seattle")
        named += [(_spelled_out(m.text, corpus), set()) for m in query.subjects]
        sides = _either_side(query.text)
        aside = [m for m in query.subjects if not name_words(m.text) & name_words(" ".join(sides))]
        beside = [m for m in query.subjects if m not in aside]
        if len(named) == 2 and sides and len(aside) == 1 and _SCOPE.search(query.text[:aside[0].start]) and not any(
                tables_of(corpus, _spelled_out(a.text, corpus)) & tables_of(corpus, _spelled_out(b.text, corpus))
                for a in aside for b in beside):
            # a subject on neither side of "or", "compared to", and no row beside those on it, is the scope of the
            # two compared ("among entry-level ML engineers, a bachelor's degree compared to a master's"; not "ML
            # engineers ... women compared with data scientists")
            named = [(_spelled_out(side, corpus), set()) for side in sides]
    if len(named) < 2 and len(query.levels) >= 2:  # "entry-level pay compared to mid-level pay": two levels of one
        # subject
        named = [(level, set()) for level in query.levels]
    if len(named) < 2:  # the runs of topic words: "plumbers" and "electricians", "police patrol officers"
        named = [(_spelled_out(p, corpus), set()) for p in _either_side(query.text)] or named
    if len(named) < 2:  # "the median wages of electricians and plumbers": the phrases either side of "and"
        pair = re.search(r"(?:\bof|\bbetween|\bfor|^compare)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+)?)\s+"
                         r"(?:and|or|vs\.?|versus|with|to)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+)?)\s*\??$",
                         query.text, re.I)
        # "how do real estate agents and real estate brokers compare ...": the phrases before "compare"
        pair = pair or re.search(r"\b(?:how|where|what)\s+(?:do|does|did)\s+(?:an?\s+|the\s+)?"
                                 r"([\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:and|vs\.?|versus)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+){0,3}?)\s+"
                                 r"(?:compare|stack up|differ)\b", query.text, re.I)
        if pair:
            named = [(pair.group(1), set()), (pair.group(2), set())]
    unique: dict[str, tuple[str, set[str]]] = {}
    for name, spellings in named:  # "2023" named as a subject and as a year: once
        unique.setdefault(name.lower(), (name, spellings))
    named = list(unique.values())
    if len(named) < 2:
        return None
    by_row = _row_compared(corpus, named, query.text)
    if by_row:
        return by_row
    candidates: list[tuple[str, list[FactMatch]]] = []
    spelled = _spelled_out(query.text, corpus)  # "ml engineer" read as the name the tables use
    for name, spellings in named:
        alone = spelled
        for other, _ in named:
            if other != name:
                alone = re.sub(re.escape(other), " ", alone, flags=re.I)
        # every fact about this subject that fits the question, not only the best family: the measure the
        # subjects share is chosen below
        scored = [m for m in score_facts(corpus, alone, sentence_scores) if m.score >= FACT_MIN]
        picked = [m for m in scored if _about(m.fact, name, spellings)]
        if not picked and not spellings:  # a name no row uses ("vet"): the subject its words found best, if it
            # is none of the others named
            others = [other for other, _ in named if other != name]
            near = list(dict.fromkeys(m.fact.subject for m in scored[:NEAREST] if m.fact.parsed.low is not None
                                      and not any(_about(m.fact, other, set()) for other in others)
                                      and _clips(name, m.fact.subject)))
            best = _shortest_holding(near)
            picked = [m for m in scored if m.fact.subject == best]
        # "entry-level pay in SF vs NYC": the figures stated for that level, when there are any; a level a row's
        # name compared holds is that name's ("MLE vs lead MLE": the lead's, not the other's)
        asked = set(levels(name)) or set(query.levels) - {level for other, _ in named if other != name
                                                         and name_key(other.split()) in corpus.subject_names
                                                         for level in levels(other)}
        if asked:
            picked = [m for m in picked if asked & set(levels(" ".join(m.fact.qualifiers)))] or picked
        # a figure before a word ("Google" as a certification's issuer), the subject itself before a longer name
        # ("physical therapist" is Physical Therapists, not Physical Therapist Aides)
        exact = name_words(name)
        # the subject the name names ("financial analyst": Financial and Investment Analysts, a title's own name)
        # before another that holds its words (Financial Quantitative Analysts)
        titled = corpus.subject_names.get(name_key(name.split()), "")
        if name_key(titled.split()) == name_key(name.split()):
            titled = ""  # (the name is the subject's own: nothing to put first)
        picked.sort(key=lambda m: (m.fact.parsed.low is None, bool(titled) and m.fact.subject != titled,
                                   m.fact.subject.lower() != name.lower()
                                   and ("," in m.fact.subject or name_words(m.fact.subject) != exact)))
        candidates.append((name, picked))
    # One measure for every subject when the sources give one: the one its subjects' best figures share.
    shared = [{m.fact.attribute for m in picked} for _, picked in candidates if picked]
    common = set.intersection(*shared) if shared else set()
    def standing(attribute: str) -> tuple[int, float]:
        """How high the measure's figures stand for every subject: their places, then their scores (a tie
        broken by what fits the question better, not by the order of a set)."""
        best = [next(m for m in p if m.fact.attribute == attribute) for _, p in candidates if p]
        return sum(p.index(m) for m, (_, p) in zip(best, [c for c in candidates if c[1]], strict=True)), \
            -sum(m.score for m in best)
    if common and len(candidates[0][1]) > 0:  # a pay question by the hour compares hourly wages, else annual ones
        fitting = {m.fact.attribute for m in fit_measure([m for m in candidates[0][1]
                                                          if m.fact.attribute in common], query.text)}
        common = common & fitting or common
    measure = min(common, key=standing) if common else None
    if measure is not None and not query.statistic:  # "which pays better": the typical figure, the
        median = _STATISTIC_WORD.sub("Median", measure, count=1)  # median of the measure, when one is given
        measure = median if median in common else measure
    result: list[tuple[str, list[FactMatch]]] = []
    for name, picked in candidates:
        if measure is not None:
            picked = [m for m in picked if m.fact.attribute == measure]
        else:
            first = next((found[0].fact for _, found in result if found), None)
            if first is not None:  # the same kind of figure for every subject
                picked = [m for m in picked if m.fact.parsed.kind == first.parsed.kind]
        result.append((name, picked[:1]))
    scope = {w for _, found in result for m in found for w in name_words(f"{m.fact.caption} {m.fact.title}")}
    # "python compared to R for machine learning engineers": whom the table is about is no subject compared
    result = [(name, found) for name, found in result if found or not name_words(name) <= scope]
    if sum(1 for _, found in result if found) < 1:
        return None
    return sorted(result, key=lambda item: -(sort_value(item[1][0].fact.parsed) or 0.0) if item[1] else 1.0)


def _shortest_holding(subjects: list[str]) -> str | None:
    """The first of the subjects, unless another holds all of its words but some ("Plumbers, Pipefitters, and
    Steamfitters" before "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters"): a title before a longer
    one built on it."""
    said = {s: {singular(w) for w in words(s.lower()) if w not in STOPWORDS} for s in subjects}
    for subject in subjects:
        if not any(said[other] < said[subject] for other in subjects):
            return subject
    return None


def compared_on_row(compared: list[tuple[str, list[FactMatch]]]) -> bool:
    """Whether the subjects compared are the pages one row of each stands on (`_row_compared`): one row label for
    all, which none of the names compared is."""
    leads = [(name, found[0].fact) for name, found in compared if found]
    return len(leads) >= 2 and len({fact.subject for _, fact in leads}) == 1 \
        and not any(name_words(name) <= name_words(fact.subject) for name, fact in leads)


def _row_compared(corpus: CorpusIndex, named: list[tuple[str, set[str]]],
                  question: str) -> list[tuple[str, list[FactMatch]]]:
    """"What share of court reporters versus medical transcriptionists need a post-secondary certificate?": a name
    that is a row of the pages of the others named (each about one occupation) is what they are compared on, that
    row's figure on each page; [] when no name is such a row."""
    pages = {name: [doc for doc, title in corpus.pages.items() if name_words(name) <= name_words(title)]
             if name_words(name) else [] for name, _ in named}
    for row, _ in named:
        others = [name for name, _ in named if name != row and len(pages[name]) == 1]  # (a name of one page)
        if len(others) < 2 or pages[row]:
            continue
        rows = [corpus.facts[p] for p in corpus.facts_by_name.get(frozenset(subject_words(row)), [])
                if corpus.facts[p].table >= 0 and sort_value(corpus.facts[p].parsed) is not None]
        result = [(name, fit_measure([FactMatch(f, 1.0, True) for f in rows if f.doc_id in pages[name]], question)[:1])
                  for name in others]  # (of a row with several columns, the one a pay question asks)
        if sum(1 for _, found in result if found) >= 2:
            return sorted(result, key=lambda item: -(sort_value(item[1][0].fact.parsed) or 0.0) if item[1] else 1.0)
    return []


def measure_named(query: Query, compared: list[tuple[str, list[FactMatch]]]) -> bool:
    """Whether the question names the measure the compared figures give ("job satisfaction" of a "Job Satisfaction
    Percentage" column), in any form of its words."""
    # the question's words but the subjects compared ("machine learning" is no measure of a table about it; its
    # measure words are: "employment", "popular" ~ "Popularity")
    named = {w.lower() for m in query.subjects for w in words(m.text)}
    asked = stems(" ".join(w for w in words(query.text) if w not in named and w not in STOPWORDS))
    return any(asked & stems(f"{match.fact.attribute} {match.fact.caption}")
               for _, matches in compared for match in matches[:1])


_CONNECTOR = re.compile(r"\b(?:or|and|vs\.?|versus|than|with|compared (?:to|with)|against)\s+(?:an?\s+|the\s+)?", re.I)


def _operator(word: str) -> bool:
    """A word that asks (more, pay, make, which) rather than names what is compared."""
    lowered = word.lower()
    return lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS


# The words that put a subject as the scope of what is compared: "among entry-level ML engineers, ..." (English).
_SCOPE = re.compile(r"\b(?:among|amongst|for|of|in|within|across)\s+(?:the\s+)?$", re.I)


def _either_side(text: str) -> list[str]:
    """The names either side of "or", "and", "vs", "than": "plumbers" and "electricians" in "do plumbers make
    more than electricians?", "police patrol officers" and "firefighters"."""
    tokens = list(re.finditer(r"[\w'’-]+", text))
    for connector in _CONNECTOR.finditer(text):
        before = [t for t in tokens if t.end() <= connector.start() and not _operator(t.group(0))]
        after = [t for t in tokens if t.start() >= connector.end() and not _operator(t.group(0))]
        if not before or not after:
            continue
        left = phrase_around(text, before[-1].group(0)) or before[-1].group(0)
        right = phrase_around(text, after[0].group(0)) or after[0].group(0)
        if left.lower() != right.lower() and left.lower() not in STOPWORDS and right.lower() not in STOPWORDS:
            return [left, right]
    return []


def _spelled_out(name: str, corpus: CorpusIndex) -> str:
    """A name with the acronyms the corpus defines written out ("AI engineers" -> "artificial intelligence
    engineers")."""
    return " ".join(spelled_out(w, corpus.acronyms) for w in name.split())


def _among_named(corpus: CorpusIndex, query: Query, group: list[Fact]) -> list[Fact]:
    """Of a ranking's figures, those of the subjects (or else the places) the question names when it names two or
    more ("which has the most openings: X, Y or Z?"): those named are ranked, every one of them."""
    names = [_spelled_out(m.text, corpus) for m in query.subjects]
    if len(names) < 2:  # "in seattle or new york, which pays most?": the places named
        names = [p.known_as[0] if len(p.known_as) == 1 else p.text for p in query.places]
    if len(names) < 2:
        return []
    return list({id(f): f for name in names for f in _named_rows(group, name)}.values())


def _named_rows(group: list[Fact], name: str) -> list[Fact]:
    """The figures of a group about a name: those whose subject is the name itself, else any it is about
    ("mechanical engineers" is not "Engineers, All Other" when the group has "Mechanical Engineers")."""
    about = [f for f in group if _about(f, name, set())]
    return [f for f in about if name_words(f.subject) == name_words(name)] or about


NEAREST = 10  # a name no row uses stands for a subject among the facts the question finds first, or none


def _clips(name: str, subject: str) -> bool:
    """Whether each word of a name opens a word of a subject's, as a clipped form does ("vet": Veterinarians)."""
    said = words(subject.lower())
    return bool(words(name)) and all(len(w) >= 3 and any(s.startswith(w.lower()) for s in said) for w in words(name))


def _about(fact: Fact, name: str, spellings: set[str]) -> bool:
    """Whether a fact is about a name the question gives: its row label, or a place it is stated for."""
    labels = {fact.subject.lower(), *(q.lower() for q in fact.qualifiers)}
    if spellings & labels or any(label.split(",")[0] in {s.split(",")[0] for s in spellings} for label in labels):
        return True
    wanted, own = name_words(name), name_words(fact.subject)
    return bool(wanted) and (wanted <= own or own <= wanted)



def wh_facts(query: Query, matches: list[FactMatch]) -> list[FactMatch]:
    """Facts that answer who/when/where: the row whose value the question quotes ("what year were there 10,000
    jobs?" -> its year), or, for where, a named subject's row stated for a place. `matches`: the question's
    scored facts (facts.score_facts), shared with wh_column."""
    figures = {m.group(0) for m in FIGURE.finditer(query.text)}
    if figures:
        quoted = [FactMatch(m.fact, m.score, True, m.named) for m in matches if m.fact.value in figures]
        if quoted:
            return quoted[:1]
    if query.wh == "where":  # the row's own place column ("Location: Seattle, WA") before a figure stated there
        # (a cell of words: a column of salaries "by location" holds no place)
        return [m for m in wh_column(query, matches) if m.fact.parsed.kind == "text"] or \
            [m for m in matches if m.subject_named and any(place_of(q) for q in m.fact.qualifiers)][:1]
    return []


def wh_column(query: Query, matches: list[FactMatch]) -> list[FactMatch]:
    """When no sentence states who/where/when: the cell of the row the question names in the column that holds
    it ("Who issues the Azure AI Engineer Associate certification?" -> the row's "Issuing Organization")."""
    # The column is named by the question's own words (issues ~ Issuing), or by what who / where / when asks for.
    asked = {lemma(w) for w in (*query.topic, *query.unmatched)
             if not any(w in m.text.lower() for m in query.subjects)}
    said = {singular(w) for w in words(query.text)}

    def names_row(match: FactMatch) -> bool:  # most of the row's name is in the question
        name = subject_words(match.fact.subject)
        hits = sum(1 for w in name if w in said)
        return match.subject_named or (hits >= 2 and 2 * hits >= len(name))
    wanted = asked | _WH_COLUMNS.get(query.wh, set())
    return [m for m in matches if m.fact.source == "table" and names_row(m)
            and wanted & {lemma(w) for w in words(m.fact.attribute)}][:1]


# Columns that hold what who / where / when asks for (English nouns of agents, places and times).
_WH_COLUMNS = {
    "who": {"organization", "organisation", "company", "employer", "issuer", "provider", "vendor", "institution",
            "agency", "author", "creator", "developer", "owner", "publisher", "university", "school", "sponsor"},
    "where": {"location", "city", "place", "state", "country", "region", "headquarters", "site", "office"},
    "when": {"year", "date", "founded", "released", "launched", "since"},
}


