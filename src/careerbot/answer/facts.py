"""Which facts answer a question: subjects named in it, the measure it asks for, the level it means."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import combinations

from careerbot.answer.query import FactMatch, SentenceScores, asks_figure
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Fact
from careerbot.text.terms import (
    STOPWORDS,
    levels,
    name_key,
    name_words,
    singular,
    spelled_out,
    stems,
    subject_words,
    tokens,
    weighted_share,
    words,
)

SUBJECT_BONUS = 0.25  # the question names the fact's row label or subject
LEVEL_BONUS = 0.10  # the fact is stated for the level the question asks about
LEVEL_PENALTY = 0.15  # the fact is stated for another level
UNLEVELLED_PENALTY = 0.08  # the question asks about a level and the fact names none
NAMED_MARGIN = 0.15  # facts about a subject the question names are shown within this of the best one
CONFLICT_MARGIN = 0.20  # other sources' figures for the same thing (subject, level, kind) are shown within this
LEXICAL_BONUS = 0.15  # the question's rare words appear in the fact's caption, column or row
ATTRIBUTE_BONUS = 0.03  # ... and in its own column name: tells apart the cells of one row
PAGE_BONUS = 0.10  # the fact stands on the page of a subject the question names (not in that subject's row)
MONEY_BONUS = 0.10  # a question about pay and a fact that is a sum of money
EXACT_SUBJECT_BONUS = 0.15  # the question names the fact's subject in full, as one phrase ("ML engineer manager")
_PAY = re.compile(r"\b(?:pay(?:s|ing)?|paid|earn(?:s|ing|ings)?|make|makes|wages?|salar(?:y|ies)|income|"
                  r"compensation)\b", re.I)
FACT_MIN = 0.45  # a best fact scoring below this does not answer the question
FACT_MARGIN = 0.08  # facts this close to the best one are shown beside it
MAX_FACTS = 8
_QUANTITY = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|"
                       r"number of|percent(?:age)?|share of|salary|salaries|pay|wage|earn|make|"
                       r"most|least|highest|lowest|largest|biggest|top)\b", re.I)


_SHARE = re.compile(r"\b(?:percent(?:age)?s?|share|proportion|fraction|ratio)\b|%", re.I)
_COUNTING = re.compile(r"\b(?:how (?:much|many)|what (?:share|percent(?:age)?|proportion|fraction|number)|"
                       r"number of|percent(?:age)?|salar(?:y|ies)|pay|wages?|earn|make)\b", re.I)


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


def _own_words_named(corpus: CorpusIndex, fact: Fact, asked: set[str]) -> list[str]:
    """A table row named without the head word it shares with its neighbours: "have a master's" names "Master's
    Degree" (beside "Bachelor's Degree"); every word of the row's own is asked, and it is no career level."""
    own = [w for w in subject_words(fact.subject) if w not in _row_heads(corpus, fact.doc_id, fact.table)]
    if own and len(own) < len(subject_words(fact.subject)) and all(w in asked and w.isalpha() for w in own) \
            and not levels(" ".join(own)):  # (not a span of numbers: "5+ years" beside "2-5 years")
        return own
    return []


def _row_heads(corpus: CorpusIndex, doc_id: str, table: int) -> frozenset[str]:
    """Words two or more rows of a table name their subject with ("Degree" in "Bachelor's Degree", "Master's
    Degree"): they say what kind of row it is, not which one."""
    rows = corpus.facts_by_table.get((doc_id, table), [])
    return _shared_words(tuple(dict.fromkeys(corpus.facts[p].subject for p in rows)))


@lru_cache(maxsize=20_000)
def _shared_words(subjects: tuple[str, ...]) -> frozenset[str]:
    seen: Counter[str] = Counter(w for subject in subjects for w in set(subject_words(subject)))
    return frozenset(w for w, n in seen.items() if n >= 2)


def asks_for_figure(question: str, best: Fact, asked: set[str], sentence_scores: SentenceScores,
                    row_named: bool = False) -> bool:
    """A question wants a figure when it asks how much or how many, or names the measure a table gives and the
    row it is in (`row_named`: "what roles in healthcare?"), or no passage matches it better than the fact's own row
    or sentence does."""
    quantity = {m.group(0).lower() for m in _QUANTITY.finditer(question)}
    if quantity - {"make", "pay"} or (quantity and asks_figure(question)):  # (not "titles make up the path")
        return True
    names_measure = bool(stems(best.attribute) & stems(" ".join(asked)))
    return names_measure and (row_named or float(sentence_scores[best.sentence_id])
                              >= float(sentence_scores.max()) - 0.05)


def _lexical(fact: Fact, context: str, asked_weights: dict[str, float]) -> float:
    """IDF-weighted share of the question's words found in the fact's caption, header, row or sentence."""
    present = (stems(fact.caption) | stems(context) | stems(fact.attribute) | stems(fact.quote)
               | stems(" ".join(fact.qualifiers)) | stems(fact.title))
    return weighted_share(asked_weights, present)


MAX_NAME_WORDS = 5  # a subject named whole by a question is found by up to this many of its words
MAX_NAME_WORDS_ASKED = 12  # content words of a question tried in those combinations, at most
CANDIDATE_SENTENCES = 400  # facts are scored only for the best sentences and for subjects the question names


def _candidates(corpus: CorpusIndex, asked: set[str], sentence_scores: SentenceScores) -> set[int]:
    """Facts worth scoring: those of the best-matching sentences and those whose subject shares a question word."""
    found = {position for sid in sentence_scores.best(CANDIDATE_SENTENCES)
             for position in corpus.facts_by_sentence.get(sid, [])}
    for word in asked:
        found.update(corpus.facts_by_word.get(word, []))
    # subjects the question names whole: looked up by their words, not by scanning every subject with one of them
    named = sorted(w for w in asked if w not in STOPWORDS)[:MAX_NAME_WORDS_ASKED]
    for size in range(2, min(len(named), MAX_NAME_WORDS) + 1):
        for combination in combinations(named, size):
            found.update(corpus.facts_by_name.get(frozenset(combination), []))
    return found


def _subject_key(text: str, corpus: CorpusIndex) -> str:
    """A subject as looked up: acronyms the corpus defines written out, plurals folded."""
    return name_key([w for t in text.split() for w in spelled_out(t, corpus.acronyms).split()])


def score_facts(corpus: CorpusIndex, question: str, sentence_scores: SentenceScores,
                subjects: tuple[str, ...] = ()) -> list[FactMatch]:
    """Every candidate fact scored for the question; `subjects` are the phrases the question names as subjects.
    Worked out once per question and subjects (rankings, comparisons and coverage ask again)."""
    key = ("score_facts", question, subjects)
    if key not in sentence_scores.memo:
        sentence_scores.memo[key] = _score_facts(corpus, question, sentence_scores, subjects)
    return list(sentence_scores.memo[key])


def _score_facts(corpus: CorpusIndex, question: str, sentence_scores: SentenceScores,
                 subjects: tuple[str, ...]) -> list[FactMatch]:
    asked = question_tokens(question, corpus)
    exact = {_subject_key(s, corpus) for s in subjects}
    # the pages about a subject the question names ("janitors": the page "Janitors and Cleaners, Except Maids and
    # Housekeeping Cleaners"): their figures are that subject's, though their rows name something else ("High
    # School Diploma")
    called = exact | {_subject_key(corpus.subject_names[key], corpus) for key in map(name_key, map(str.split, subjects))
                      if key in corpus.subject_names}
    named_pages = {doc_id for doc_id, title in corpus.pages.items()
                   if {_subject_key(title, corpus), _subject_key(title.split(",")[0], corpus)} & called}
    lowered = question.lower()
    wanted_levels = set(levels(question))
    rare = corpus.max_idf
    asked_weights: dict[str, float] = {}
    for token in tokens(question):
        if token not in STOPWORDS and len(token) > 2:
            asked_weights[token[:5]] = max(asked_weights.get(token[:5], 0.0), corpus.idf.get(token, rare))
    asks_pay = bool(_PAY.search(question))
    matches: list[FactMatch] = []
    for position in _candidates(corpus, asked, sentence_scores):
        fact = corpus.facts[position]
        named_words = named_tokens(fact.subject, asked, lowered)
        if not named_words and fact.table >= 0:  # "a master's": the row "Master's Degree", named by its own word
            named_words = _own_words_named(corpus, fact, asked)
        if not named_words and fact.parsed.kind == "text":  # "which certification does Microsoft offer?"
            named_words = named_tokens(fact.value, asked, lowered)
        weight = specificity(named_words, corpus, rare)
        # a row the question names whole is named, however common its words ("ML engineers" in an ML corpus)
        whole = bool(exact) and _subject_key(fact.subject, corpus) in exact
        named = weight > 0.3 or whole
        score = float(sentence_scores[fact.sentence_id]) + SUBJECT_BONUS * weight
        if whole:
            score += EXACT_SUBJECT_BONUS
            named_words = named_words or words(fact.subject)
        elif fact.doc_id in named_pages:
            score += PAGE_BONUS
            if _subject_key(fact.subject.split(",")[0], corpus) in called:  # the page's own row, named by the
                named = True  # name it goes by ("janitors": "Janitors and Cleaners, Except Maids and ...")
                named_words = named_words or [w for w in words(fact.subject) if w in asked]
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
        score += ATTRIBUTE_BONUS * weighted_share(asked_weights, stems(fact.attribute))
        matches.append(FactMatch(fact, score, named, tuple(named_words) if named else ()))
    matches.sort(key=lambda m: m.score, reverse=True)
    return matches


def select_facts(corpus: CorpusIndex, question: str, sentence_scores: SentenceScores,
                 figure_asked: bool = False, subjects: tuple[str, ...] = (), rows_answer: bool = True
                 ) -> list[FactMatch]:
    """The facts that answer a figure question, best first; empty when it asks for none or none fits.
    `rows_answer`: a row the question names, in a column it names, answers it (not for a yes/no question)."""
    matches = score_facts(corpus, question, sentence_scores, subjects)
    statistic = re.search(r"\b(median|mean|average|\d{1,2}(?:st|nd|rd|th) percentile)\b", question, re.I)
    if _COUNTING.search(question):  # "how many", "what percentage": the words of a text cell do not answer it,
        # unless it is the very statistic asked for, written in words ("at or above the top BLS value")
        matches = [m for m in matches if m.fact.parsed.kind != "text"
                   or (statistic and statistic.group(1).lower() in m.fact.attribute.lower())]
    if _SHARE.search(question):  # "what percentage ...": a share answers it, not a sum or a count
        matches = [m for m in matches if m.fact.parsed.kind == "percent"] or matches
    elif asks_pay(question) and not re.search(r"\bhow many\b", question, re.I):
        # "how much do they get paid": a sum of money, never a share of respondents or a count of workers
        matches = [m for m in matches if m.fact.parsed.kind == "money" or _pay_in_words(m.fact)]
    if statistic and "percentile" in statistic.group(1).lower():  # "the 90th percentile for locksmiths": that
        # column (or those: "at the 25th percentile? and at the 75th?"), not a share of respondents
        ranks = {f"{rank.lower()} percentile" for rank in re.findall(r"\b(\d{1,2}(?:st|nd|rd|th))\b", question, re.I)}
        matches = [m for m in matches if any(rank in m.fact.attribute.lower() for rank in ranks)] or matches
    if TIME_COUNTED.search(question):  # "how many hours a week": a count of time, not an hourly wage
        matches = [m for m in matches if m.fact.parsed.kind != "money"]
    # "ML (machine learning)": as typed; "CNAs (Nursing Assistants)": a short form's long form counts them too
    counted = [found for text in (re.sub(r"\s*\([^)]*\)", "", question),
                                  re.sub(r"\b[\w-]+\s*\(([^)]*)\)", r"\1", question))
               if (found := _COUNTED.search(text))]
    if counted:  # "how many pillars ...": a figure that counts something else does not answer it
        things = [[w.lower() for w in found.group(1).split() if w.lower() not in STOPWORDS
                   and w.lower() not in HEAD_COUNT and not levels(w)] for found in counted]
        # the thing counted is the phrase's last plural ("how many open MLE positions": positions)
        heads = {singular(([w for w in said if singular(w) != w] or said)[-1]) for said in things if said}
        heads |= {singular(words(corpus.acronyms[short])[-1]) for head in heads  # "RNs": registered nurses
                  for short in {head, head.removesuffix("s")} if short in corpus.acronyms
                  and words(corpus.acronyms[short])}
        if heads:
            def counts(fact: Fact) -> bool:
                said = f"{fact.attribute} {fact.caption} {fact.quote} {fact.subject}"
                if heads & _OPENINGS:  # "how many jobs": "Open Positions" counts them too
                    return bool({singular(w) for w in words(said)} & _OPENINGS)
                return any(_shares_opening(head, said) for head in heads)
            matches = [m for m in matches if counts(m.fact)]
        if not heads or any(any(_shares_opening(head, m.fact.subject) and not _shares_opening(head, m.fact.attribute)
                                for head in heads)
                            for m in matches):  # (a row named by one word of a long title: "Janitors and ...")
            # "how many electricians are there", "how many people ...": a head count, a whole number (742,580),
            # not a share of them or a score
            matches = [m for m in matches if _WHOLE_NUMBER.fullmatch(m.fact.value.strip())] or matches
    wanted = set(levels(question))
    if wanted:  # "how many years of experience for senior ML engineers?": a figure stated for another level only
        # (the entry-level table's "5+ years: 10%") does not answer it
        matches = [m for m in matches if not (at := set(levels(" ".join(m.fact.qualifiers)))) or at & wanted]
    if not matches or matches[0].score < FACT_MIN:
        return []
    best = matches[0]
    # "what share of ML engineers move up to lead engineer?", "their pay at the manager level": a row the question
    # names by a word of its own, beyond the subject every row is about ("Lead" Machine Learning Engineer), answers
    # it before a row it does not name (Technology, among industries hiring ML engineers) or names by less
    about = {singular(t) for t in question_tokens(" ".join(subjects), corpus)}  # ("ML": machine learning)
    named_best = _named_forms(best)
    # (the best row's own words count as named: "Entry-Level (0-2 years)" is what "entry-level" asks, unnamed or not)
    said_best = named_best | {singular(w) for w in tokens(best.fact.subject)}
    own = next((m for m in matches if m is not best and m.score >= best.score - NAMED_MARGIN and m.subject_named
                and m.fact.parsed.kind == best.fact.parsed.kind and _named_forms(m) >= named_best
                and _named_forms(m) - said_best - about), None)
    if own is not None:  # figures of rows named by those words too, best first
        words_own = _named_forms(own) - said_best - about
        matches = [own] + [m for m in matches if m is not own and words_own <= _named_forms(m)]
        best = own
    if not figure_asked and not asks_for_figure(question, best.fact, question_tokens(question, corpus),
                                                sentence_scores, rows_answer and best.fact.source == "table"
                                                and best.subject_named
                                                and set(best.named) >= set(subject_words(best.fact.subject))):
        return []
    if not best.subject_named and best.fact.source == "table":
        # The question names no row: the best table answers it whole ("which companies are hiring?").
        key = (best.fact.doc_id, best.fact.table)
        scored = {id(m.fact): m for m in matches}
        table = [scored.get(id(corpus.facts[p])) or FactMatch(corpus.facts[p], best.score - 1, False)
                 for p in corpus.facts_by_table.get(key, [])]
        if _COUNTING.search(question) and best.fact.parsed.kind != "text":  # (as above: a figure asked, not the
            table = [m for m in table if m.fact.parsed.kind != "text"]  # table's cells of words)
        # Other documents' best figure of the same kind, if close: a source that disagrees is shown, not dropped.
        others: dict[str, FactMatch] = {}
        for match in matches:
            if match.score < best.score - CONFLICT_MARGIN:
                break
            if match.fact.doc_id != best.fact.doc_id and match.fact.parsed.kind == best.fact.parsed.kind:
                others.setdefault(match.fact.doc_id, match)
        whole = sorted(table, key=lambda m: m.fact.start) + list(others.values())
        if statistic:  # "at the 25th percentile": that column of the table, when it has one
            whole = [m for m in whole if statistic.group(1).lower() in m.fact.attribute.lower()] or whole
        return fit_measure(whole, question)[:MAX_FACTS]
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
    other_sources: set[str] = set()
    for match in matches:
        same = same_thing(match)
        if (best.subject_named and match.fact.doc_id != best.fact.doc_id and match.fact.source == "table"
                and not match.subject_named and match.fact.parsed.kind == best.fact.parsed.kind
                and match.score >= best.score - CONFLICT_MARGIN and match.fact.doc_id not in other_sources
                and not set(subject_words(match.fact.subject)) & set(subject_words(best.fact.subject))
                and match.fact.subject.lower() != corpus.documents[match.fact.doc_id].title.lower()
                and set(levels(f"{match.fact.subject} {' '.join(match.fact.qualifiers)}")) == best_levels):
            # another document's table of the same kind of figure, as close to the question, whose row is not
            # another thing of its own ("Helpers--Electricians", an occupation's own row): a source that may
            # disagree ("Female: 18%" beside "Machine Learning Engineer: 30% women"); one_subject keeps it only if
            # that document is about the same thing
            other_sources.add(match.fact.doc_id)
            chosen.append(match)
            continue
        if best.subject_named and match.subject_named and match.fact.table >= 0 and \
                (match.fact.doc_id, match.fact.table, match.fact.attribute) == \
                (best.fact.doc_id, best.fact.table, best.fact.attribute):
            chosen.append(match)  # rows of one column the question names ("in finance, healthcare or e-commerce")
            continue
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
    if not levels(question) and not levels(" ".join(best.fact.qualifiers)) and not (
            best.subject_named and levels(best.fact.subject)):
        # No level asked for: a figure stated for one level is not the answer, unless nothing else is. When the
        # question names its subject, only a row of another level ("Senior-Level (5+ years)") is left out: the
        # subject's own figure at a level (San Francisco's entry-level range) is another source's answer.
        def stated(match: FactMatch) -> list[str]:
            return levels(match.fact.subject) if best.subject_named else levels(" ".join(match.fact.qualifiers))
        chosen = [m for m in chosen if not stated(m)] or chosen
    return _best_cells(fit_measure(chosen, question), statistic.group(1).lower() if statistic else "")[:MAX_FACTS]


def _named_forms(match: FactMatch) -> set[str]:
    """The words the question names the fact's row by, singular."""
    return {singular(w) for w in match.named}


def _shares_opening(word: str, text: str) -> bool:
    """Whether a text has a word opening the way `word` does, four letters or more of it ("openings" ~ "Open
    Positions", "pillars" ~ "pillar")."""
    return any(len(other) >= 4 and (word.startswith(other) or other.startswith(word[:max(4, len(word) - 3)]))
               for other in words(text))


# Where the phrase naming what is counted ends ("how many open entry-level positions | does ..."): English verbs
# and prepositions.
_PHRASE_ENDS = ("does|do|did|are|is|were|was|have|has|had|can|could|will|would|should|in|at|for|of|on|with|from|"
                "by|per|there|get|work|make|earn")
_COUNTED = re.compile(rf"\bhow many\s+((?:[\w-]+\s+){{0,7}}?[\w-]+)(?=\s+(?:{_PHRASE_ENDS})\b|\s*[?.!,]|$)", re.I)
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # a count as written: 742,580
# "how many hours a week": a count of a unit of time (the unit is the group)
TIME_COUNTED = re.compile(r"\bhow many\s+(hours|days|weeks|months|years)\b", re.I)
# "how many jobs": jobs, open positions, openings, vacancies and postings are counted alike (English words)
_OPENINGS = frozenset(("job", "position", "opening", "vacancy", "posting"))
# "How many people ...": a head count, which a table calls employment or openings (English words).
HEAD_COUNT = frozenset("people persons workers employees individuals professionals".split())


def one_subject(corpus: CorpusIndex, facts: list[FactMatch]) -> list[FactMatch]:
    """Facts about what the best one is about: another document's figure stays only when that document is about the
    same thing (a source that disagrees: most words of the best one's title in its title); another occupation's
    figure ("Paralegals" after "Lawyers", "Physical Therapist Aides" after "Physical Therapists") is left out."""
    if not facts:
        return facts
    best = facts[0].fact
    title = {w for w in name_words(corpus.documents[best.doc_id].title) if w not in STOPWORDS}
    kept = []
    for match in facts:
        other = match.fact.doc_id
        if other == best.doc_id:
            kept.append(match)
            continue
        shared = title & name_words(corpus.documents[other].title)
        longer = name_words(match.fact.subject) - name_words(best.subject)
        if longer and name_words(best.subject) < name_words(match.fact.subject) and not levels(" ".join(longer)):
            continue  # a narrower occupation ("Physical Therapist Aides" beside "Physical Therapists")
        if title and len(shared) > len(title) / 2:
            kept.append(match)
    return kept


def statistics_stated(fact: Fact) -> set[str]:
    """Which of the median and the average a fact's column or qualifiers say it is ("Mean annual wage": average)."""
    said = f"{fact.attribute} {' '.join(fact.qualifiers)}".lower().replace("mean", "average")
    return {word for word in ("median", "average") if word in said}


def stating_statistic(statistic: str, facts: list[FactMatch]) -> list[FactMatch]:
    """The facts that are the statistic asked for ("the median salary") first, when any is: a source's median
    before another's average for the same subject."""
    asked = {"avg": "average", "mean": "average"}.get(statistic, statistic)
    if asked not in ("median", "average"):
        return facts
    stating = [m for m in facts if asked in statistics_stated(m.fact)]
    return stating + [m for m in facts if asked not in statistics_stated(m.fact)] if stating else facts


def asks_pay(question: str) -> bool:
    """Whether a question asks what a job pays (earn, salary, wages, make...)."""
    return bool(_PAY.search(question))


def _pay_in_words(fact: Fact) -> bool:
    """A pay column's cell written in words ("at or above the top BLS value")."""
    return fact.parsed.kind == "text" and bool(re.search(r"\b(?:wage|salary|pay|earnings)\b", fact.attribute, re.I))


_HOURLY = re.compile(r"\b(?:hourly|per hour|an hour|a hour|/\s?hr|by the hour)\b", re.I)


def fit_measure(chosen: list[FactMatch], question: str) -> list[FactMatch]:
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


