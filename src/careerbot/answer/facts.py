"""Which facts answer a question: subjects named in it, the measure it asks for, the level it means."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from careerbot.records import Fact
from careerbot.answer.compose import sort_value
from careerbot.text.places import place_of
from careerbot.text.values import FIGURE
from careerbot.answer.query import MEASURE_WORDS, OPERATOR_WORDS, Query, phrase_around
from careerbot.index.store import CorpusIndex
from careerbot.text.terms import STOPWORDS, levels, name_key, singular, subject_words, tokens, weighted_share

SUBJECT_BONUS = 0.25  # the question names the fact's row label or subject
LEVEL_BONUS = 0.10  # the fact is stated for the level the question asks about
LEVEL_PENALTY = 0.15  # the fact is stated for another level
UNLEVELLED_PENALTY = 0.08  # the question asks about a level and the fact names none
NAMED_MARGIN = 0.15  # facts about a subject the question names are shown within this of the best one
CONFLICT_MARGIN = 0.20  # other sources' figures for the same thing (subject, level, kind) are shown within this
LEXICAL_BONUS = 0.15  # the question's rare words appear in the fact's caption, column or row
ATTRIBUTE_BONUS = 0.03  # ... and in its own column name: tells apart the cells of one row
MONEY_BONUS = 0.10  # a question about pay and a fact that is a sum of money
EXACT_SUBJECT_BONUS = 0.15  # the question names the fact's subject in full, as one phrase ("ML engineer manager")
_PAY = re.compile(r"\b(?:pay(?:s|ing)?|paid|earn(?:s|ing|ings)?|make|makes|wages?|salar(?:y|ies)|income|"
                  r"compensation)\b", re.I)
FACT_MIN = 0.45  # a best fact scoring below this does not answer the question
FACT_MARGIN = 0.08  # facts this close to the best one are shown beside it
MAX_FACTS = 8
COVERED_MARGIN = 0.30  # tables this close to the best one are offered when the subject asked about is missing
_QUANTITY = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|"
                       r"number of|percent(?:age)?|share of|salary|salaries|pay|wage|earn|make|"
                       r"most|least|highest|lowest|largest|biggest|top)\b", re.I)


_COUNTING = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|"
                       r"number of|percent(?:age)?|salar(?:y|ies)|pay|wages?|earn|make)\b", re.I)


@dataclass(frozen=True)
class FactMatch:
    fact: Fact
    score: float
    subject_named: bool  # the question names this fact's subject, and the name is specific (not in every text)
    named: tuple[str, ...] = ()  # the subject's words the question names


def specificity(named: list[str], corpus: CorpusIndex, rare: float) -> float:
    """0 for words every document uses ("machine learning engineer"), 1 for rare ones ("Seattle").

    `rare` is the corpus's highest idf; a token the sentences never contain as a word (a year) counts as rare.
    """
    weights = [corpus.idf.get(t, rare) for t in named]
    if not weights or rare <= math.log(2):
        return 0.0
    # Scaled between a word in every sentence (idf log 2) and a word in one sentence (the rarest). Every word of
    # the subject is in the question: its rarest word says how specific the match is ("Engineer Manager").
    typical = (sum(weights) / len(weights) + max(weights)) / 2
    return min(1.0, max(0.0, (typical - math.log(2)) / (rare - math.log(2))))


def question_tokens(question: str, corpus: CorpusIndex) -> set[str]:
    """The question's tokens, with the acronyms the corpus defines spelled out (ML -> machine learning)."""
    found = set(tokens(question))
    for token in list(found):
        if token in corpus.acronyms:
            found.update(tokens(corpus.acronyms[token]))
    return found


def named_tokens(subject: str, asked: set[str], question_lower: str) -> list[str]:
    """The subject's words the question names: all of them, or the leading two of a proper name ("New York" City)."""
    name = subject.split(",")[0]
    words = list(subject_words(subject))
    if not words:
        return []
    if all(w in asked for w in words):
        return words
    leading = name.split()[:2]
    if len(words) > 2 and all(w[:1].isupper() for w in leading) and " ".join(leading).lower() in question_lower:
        return words[:2]
    return []


def asks_for_figure(question: str, best: Fact, asked: set[str], sentence_scores: np.ndarray) -> bool:
    """A question wants a figure when it asks how much or how many, or names the measure a table gives and no
    passage matches it better than the fact's own row or sentence does."""
    if _QUANTITY.search(question):
        return True
    names_measure = bool(_stems(best.attribute) & _stems(" ".join(asked)))
    return names_measure and float(sentence_scores[best.sentence_id]) >= float(sentence_scores.max()) - 0.05


@lru_cache(maxsize=200_000)
def _stems(text: str) -> frozenset[str]:
    """Crude stems for matching a question's words with a column name (popular ~ Popularity, hire ~ hiring).

    Cached: captions, headers and rows repeat across the cells of a table and across questions."""
    return frozenset(t[:5] for t in tokens(text) if t not in STOPWORDS and len(t) > 2)


def _lexical(fact: Fact, context: str, asked_weights: dict[str, float]) -> float:
    """IDF-weighted share of the question's words found in the fact's caption, header, row or sentence."""
    present = (_stems(fact.caption) | _stems(context) | _stems(fact.attribute) | _stems(fact.quote)
               | _stems(" ".join(fact.qualifiers)) | _stems(fact.title))
    return weighted_share(asked_weights, present)


CANDIDATE_SENTENCES = 400  # facts are scored only for the best sentences and for subjects the question names


def _candidates(corpus: CorpusIndex, asked: set[str], sentence_scores: np.ndarray) -> set[int]:
    """Facts worth scoring: those of the best-matching sentences and those whose subject shares a question word."""
    count = min(CANDIDATE_SENTENCES, len(sentence_scores))
    best = np.argpartition(-sentence_scores, count - 1)[:count] if count else []
    found = {position for sid in best for position in corpus.facts_by_sentence.get(int(sid), [])}
    for word in asked:
        found.update(corpus.facts_by_word.get(word, []))
    return found


def _subject_key(text: str, corpus: CorpusIndex) -> str:
    """A subject as looked up: acronyms the corpus defines written out, plurals folded."""
    return name_key([w for t in text.split() for w in (corpus.acronyms.get(t.lower(), t) if t.isupper() else t).split()])


def score_facts(corpus: CorpusIndex, question: str, sentence_scores: np.ndarray,
                subjects: tuple[str, ...] = ()) -> list[FactMatch]:
    """Every candidate fact scored for the question; `subjects` are the phrases the question names as subjects."""
    asked = question_tokens(question, corpus)
    exact = {_subject_key(s, corpus) for s in subjects}
    lowered = question.lower()
    wanted_levels = set(levels(question))
    rare = max(corpus.idf.values(), default=0.0)
    asked_weights: dict[str, float] = {}
    for token in tokens(question):
        if token not in STOPWORDS and len(token) > 2:
            asked_weights[token[:5]] = max(asked_weights.get(token[:5], 0.0), corpus.idf.get(token, rare))
    asks_pay = bool(_PAY.search(question))
    matches: list[FactMatch] = []
    for position in _candidates(corpus, asked, sentence_scores):
        fact = corpus.facts[position]
        named_words = named_tokens(fact.subject, asked, lowered)
        if not named_words and fact.parsed.kind == "text":  # "which certification does Microsoft offer?"
            named_words = named_tokens(fact.value, asked, lowered)
        weight = specificity(named_words, corpus, rare)
        named = weight > 0.3
        score = float(sentence_scores[fact.sentence_id]) + SUBJECT_BONUS * weight
        if named and exact and _subject_key(fact.subject, corpus) in exact:
            score += EXACT_SUBJECT_BONUS
        fact_levels = set(levels(" ".join(fact.qualifiers)))
        if wanted_levels:
            if not fact_levels:
                score -= UNLEVELLED_PENALTY
            else:
                score += LEVEL_BONUS if wanted_levels & fact_levels else -LEVEL_PENALTY
        score += LEXICAL_BONUS * _lexical(fact, corpus.sentences[fact.sentence_id].context, asked_weights)
        if asks_pay and (fact.parsed.kind == "money" or _pay_in_words(fact)):  # "what does it pay": a sum of money
            score += MONEY_BONUS
        # Cells of one row share their sentence: the column the question names tells them apart.
        score += ATTRIBUTE_BONUS * weighted_share(asked_weights, _stems(fact.attribute))
        matches.append(FactMatch(fact, score, named, tuple(named_words) if named else ()))
    matches.sort(key=lambda m: m.score, reverse=True)
    return matches


def select_facts(corpus: CorpusIndex, question: str, sentence_scores: np.ndarray,
                 figure_asked: bool = False, subjects: tuple[str, ...] = ()) -> list[FactMatch]:
    """The facts that answer a figure question, best first; empty when it asks for none or none fits."""
    matches = score_facts(corpus, question, sentence_scores, subjects)
    statistic = re.search(r"\b(median|mean|average|\d{1,2}(?:st|nd|rd|th) percentile)\b", question, re.I)
    if _COUNTING.search(question):  # "how many", "what percentage": the words of a text cell do not answer it,
        # unless it is the very statistic asked for, written in words ("at or above the top BLS value")
        matches = [m for m in matches if m.fact.parsed.kind != "text"
                   or (statistic and statistic.group(1).lower() in m.fact.attribute.lower())]
    counted = re.search(r"\bhow many\s+(\w+)(?:\s+(\w+))?", question, re.I)
    if counted:  # "how many pillars ...": a figure that counts something else does not answer it
        things = [w.lower() for w in counted.groups() if w and w.lower() not in STOPWORDS]
        stems = {t[:5] for t in things} | {singular(t)[:5] for t in things}
        matches = [m for m in matches if not stems or stems & (
            _stems(m.fact.attribute) | _stems(m.fact.caption) | _stems(m.fact.quote) | _stems(m.fact.subject))]
    if not matches or matches[0].score < FACT_MIN:
        return []
    best = matches[0]
    if not figure_asked and not asks_for_figure(question, best.fact, question_tokens(question, corpus),
                                                sentence_scores):
        return []
    if not best.subject_named and best.fact.source == "table":
        # The question names no row: the best table answers it whole ("which companies are hiring?").
        key = (best.fact.doc_id, best.fact.table)
        scored = {id(m.fact): m for m in matches}
        table = [scored.get(id(corpus.facts[p])) or FactMatch(corpus.facts[p], best.score - 1, False)
                 for p in corpus.facts_by_table.get(key, [])]
        # Other documents' best figure of the same kind, if close: a source that disagrees is shown, not dropped.
        others: dict[str, FactMatch] = {}
        for match in matches:
            if match.score < best.score - CONFLICT_MARGIN:
                break
            if match.fact.doc_id != best.fact.doc_id and match.fact.parsed.kind == best.fact.parsed.kind:
                others.setdefault(match.fact.doc_id, match)
        whole = sorted(table, key=lambda m: m.fact.start) + list(others.values())
        return _fit_measure(whole, question)[:MAX_FACTS]
    best_levels = set(levels(" ".join(best.fact.qualifiers)))

    def same_thing(match: FactMatch) -> bool:
        """Another figure for what the best fact measures: same subject named, same level, same kind of value."""
        if match.fact.parsed.kind != best.fact.parsed.kind:
            return False
        if best.named:  # the same subject, named by the question, or spoken of in the fact's sentence
            return match.named == best.named or (match.fact.source == "prose"
                                                 and set(best.named) <= set(tokens(match.fact.quote)))
        return not match.named and set(levels(" ".join(match.fact.qualifiers))) == best_levels

    chosen = []
    for match in matches:
        same = same_thing(match)
        # Another document's figure for the very subject named is shown beside the best, not dropped.
        margin = (CONFLICT_MARGIN + 0.1 if same and best.named and match.fact.doc_id != best.fact.doc_id
                  else CONFLICT_MARGIN if same else NAMED_MARGIN if match.subject_named else FACT_MARGIN)
        if match.score < best.score - margin or (match.fact.source == "table" and not match.subject_named):
            continue
        if best.subject_named and not (match.subject_named or same):
            continue  # the question names its subject: figures about other things stay out
        chosen.append(match)
    if best.fact.parsed.kind != "text":  # a figure was asked for: the words of a text column are not one,
        chosen = [m for m in chosen if m.fact.parsed.kind != "text"  # unless it is the statistic asked for
                  or (statistic and statistic.group(1).lower() in m.fact.attribute.lower())]
    if not levels(question) and not levels(" ".join(best.fact.qualifiers)) and not best.subject_named:
        # No level asked for: a figure stated for one level is not the answer, unless nothing else is.
        chosen = [m for m in chosen if not levels(" ".join(m.fact.qualifiers))] or chosen
    return _best_cells(_fit_measure(chosen, question), statistic.group(1).lower() if statistic else "")[:MAX_FACTS]


def _pay_in_words(fact: Fact) -> bool:
    """A pay column's cell written in words ("at or above the top BLS value")."""
    return fact.parsed.kind == "text" and bool(re.search(r"\b(?:wage|salary|pay|earnings)\b", fact.attribute, re.I))


_HOURLY = re.compile(r"\b(?:hourly|per hour|an hour|a hour|/\s?hr|by the hour)\b", re.I)


def _fit_measure(chosen: list[FactMatch], question: str) -> list[FactMatch]:
    """A pay question is answered by sums of money (not a head count), by the hour only when asked by the hour:
    "how much do lawyers make" -> the annual wages of the row, "... per hour" -> the hourly ones."""
    if not _PAY.search(question):
        return chosen
    money = [m for m in chosen if m.fact.parsed.kind == "money" or _pay_in_words(m.fact)]
    if not money:
        return chosen

    def hourly(match: FactMatch) -> bool:
        return match.fact.parsed.unit == "per hour" or bool(re.search(r"\bhour", match.fact.attribute, re.I))
    by_hour = [m for m in money if hourly(m)]
    other = [m for m in money if not hourly(m)]
    if _HOURLY.search(question):
        return by_hour or money
    return other or money


def _best_cells(chosen: list[FactMatch], statistic: str = "") -> list[FactMatch]:
    """Of the cells of one row, those the question names best ("median wage": that column, not the whole row).
    When it names none, the typical figure leads: the statistic asked for, else a median, else a mean."""
    best_in_row: dict[int, float] = {}
    for match in chosen:
        best_in_row[match.fact.sentence_id] = max(best_in_row.get(match.fact.sentence_id, -1.0), match.score)
    kept = [m for m in chosen if m.score >= best_in_row[m.fact.sentence_id] - 0.005]

    def typical(match: FactMatch) -> int:
        attribute = f"{match.fact.attribute} {' '.join(match.fact.qualifiers)}".lower()
        for rank, word in enumerate((statistic or "median", "median", "mean", "average")):
            if word and word in attribute:
                return rank
        return 4

    order = {id(m): position for position, m in enumerate(kept)}
    return sorted(kept, key=lambda m: (-best_in_row[m.fact.sentence_id], typical(m), order[id(m)]))


def rank_facts(corpus: CorpusIndex, query: Query, sentence_scores: np.ndarray) -> tuple[list[FactMatch], int] | None:
    """A ranking question's figures, in order: the best-matching measure within its table, or across documents
    when each document's table has one row of it (one occupation per document). With the size of the field."""
    matches = [m for m in score_facts(corpus, query.text, sentence_scores)
               if sort_value(m.fact.parsed) is not None and m.fact.parsed.kind != "text"]
    if not matches or matches[0].score < FACT_MIN - 0.1:
        return None
    wants_places = bool(_PLACE_WORDS.search(query.text))
    group: list[Fact] = []
    tables = [m for m in matches if m.fact.source == "table"]
    top = tables[0].score if tables else matches[0].score  # rankings are read from tables: measured from theirs
    for match in matches[:80]:  # the best-matching measure that has something to rank
        if match.score < top - (2 * NAMED_MARGIN if wants_places or query.levels else NAMED_MARGIN):
            break
        group = _ranking_group(corpus, match.fact)
        placed = not wants_places or sum(place_of(f.subject) is not None for f in group) >= 2
        levelled = not query.levels or any(set(query.levels) & set(levels(" ".join(f.qualifiers))) for f in group)
        if len(group) >= 2 and placed and levelled:
            break
        group = []
    if not group:
        return None
    if query.levels:
        levelled = [f for f in group if set(query.levels) & set(levels(" ".join(f.qualifiers) + " " + f.subject))]
        group = levelled or group
    if len(query.subjects) >= 2:  # "which has the most openings: X, Y or Z?": among those named
        among = [f for f in group if any(_about(f, _spelled_out(m.text, corpus), set()) for m in query.subjects)]
        group = among if len(among) >= 2 else group
    ordered = sorted(group, key=lambda f: sort_value(f.parsed) or 0.0, reverse=query.direction != "least")
    shown = query.top_n or (len(ordered) if len(ordered) <= 6 else 5)
    scored = {id(m.fact): m.score for m in matches}
    return [FactMatch(f, scored.get(id(f), matches[0].score), True) for f in ordered[:shown]], len(ordered)


_PLACE_WORDS = re.compile(r"\b(?:city|cities|location|locations|place|places|state|states|where|area|region)\b",
                          re.I)


def _ranking_group(corpus: CorpusIndex, best: Fact) -> list[Fact]:
    """The figures a fact ranks among: its column in its table, or, when its table has one row of it, the same
    measure in every document (one occupation per document)."""
    if best.table >= 0:
        same_table = [corpus.facts[p] for p in corpus.facts_by_table.get((best.doc_id, best.table), [])
                      if corpus.facts[p].attribute == best.attribute and sort_value(corpus.facts[p].parsed) is not None]
        if len(same_table) >= 2:
            return same_table
    if best.source != "table":
        return []
    return [f for f in corpus.facts if f.attribute == best.attribute and f.parsed.kind == best.parsed.kind
            and f.parsed.unit == best.parsed.unit and sort_value(f.parsed) is not None]


def compare_facts(corpus: CorpusIndex, query: Query,
                  sentence_scores: np.ndarray) -> list[tuple[str, list[FactMatch]]] | None:
    """Two or more named subjects side by side: for each, the figures the question asks for about it alone,
    highest first."""
    named: list[tuple[str, set[str]]] = [
        (p.known_as[0] if len(p.known_as) == 1 else p.text, {k.lower() for k in p.known_as}) for p in query.places]
    if len(named) < 2:  # two places: the subject is common to both ("ML engineers in Boston and Seattle")
        named += [(_spelled_out(m.text, corpus), set()) for m in query.subjects]
    if len(named) < 2:  # the runs of topic words: "plumbers" and "electricians", "police patrol officers"
        named = [(_spelled_out(p, corpus), set()) for p in _either_side(query.text)] or named
    if len(named) < 2:  # "the median wages of electricians and plumbers": the phrases either side of "and"
        pair = re.search(r"(?:\bof|\bbetween|\bfor|^compare)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+)?)\s+"
                         r"(?:and|or|vs\.?|versus|with|to)\s+(?:an?\s+|the\s+)?([\w-]+(?:\s+[\w-]+)?)\s*\??$",
                         query.text, re.I)
        if pair:
            named = [(pair.group(1), set()), (pair.group(2), set())]
    if len(named) < 2:
        return None
    result: list[tuple[str, list[FactMatch]]] = []
    for name, spellings in named:
        alone = query.text
        for other, _ in named:
            if other != name:
                alone = re.sub(re.escape(other), " ", alone, flags=re.I)
        picked = [m for m in select_facts(corpus, alone, sentence_scores, True) if _about(m.fact, name, spellings)]
        first = next((found[0].fact for _, found in result if found), None)
        if first is not None:  # the same measure for every subject, when the sources give it
            picked = [m for m in picked if m.fact.attribute == first.attribute] or \
                     [m for m in picked if m.fact.parsed.kind == first.parsed.kind]
        result.append((name, picked[:1]))
    if sum(1 for _, found in result if found) < 1:
        return None
    return sorted(result, key=lambda item: -(sort_value(item[1][0].fact.parsed) or 0.0) if item[1] else 1.0)


_CONNECTOR = re.compile(r"\b(?:or|and|vs\.?|versus|than|with)\s+(?:an?\s+|the\s+)?", re.I)


def _operator(word: str) -> bool:
    """A word that asks (more, pay, make, which) rather than names what is compared."""
    lowered = word.lower()
    return lowered in STOPWORDS or lowered in OPERATOR_WORDS or lowered in MEASURE_WORDS


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
    return " ".join(corpus.acronyms.get(w.lower(), w) if w.isupper() else w for w in name.split())


def _about(fact: Fact, name: str, spellings: set[str]) -> bool:
    """Whether a fact is about a name the question gives: its row label, or a place it is stated for."""
    labels = {fact.subject.lower(), *(q.lower() for q in fact.qualifiers)}
    if spellings & labels or any(label.split(",")[0] in {s.split(",")[0] for s in spellings} for label in labels):
        return True
    wanted = set(subject_words(name))
    return bool(wanted) and (wanted <= set(subject_words(fact.subject)) or set(subject_words(fact.subject)) <= wanted)


def wh_facts(corpus: CorpusIndex, query: Query, sentence_scores: np.ndarray) -> list[FactMatch]:
    """Facts that answer who/when/where: the row whose value the question quotes ("what year were there 10,000
    jobs?" -> its year), or, for where, a named subject's row stated for a place."""
    figures = {m.group(0) for m in FIGURE.finditer(query.text)}
    matches = score_facts(corpus, query.text, sentence_scores)
    if figures:
        quoted = [FactMatch(m.fact, m.score, True, m.named) for m in matches if m.fact.value in figures]
        if quoted:
            return quoted[:1]
    if query.wh == "where":
        return [m for m in matches if m.subject_named and any(place_of(q) for q in m.fact.qualifiers)][:1]
    return []


def covered_tables(corpus: CorpusIndex, question: str, sentence_scores: np.ndarray) -> list[tuple[str, list[str]]]:
    """For a question about a subject the facts lack: the tables that give what it asks for, as
    (the measure, the subjects they give it for), best first."""
    matches = [m for m in score_facts(corpus, question, sentence_scores) if m.fact.source == "table"]
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
