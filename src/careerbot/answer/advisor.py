"""A question (and its history) -> an Answer composed of retrieved facts and sentences, each cited to its text.

Advisor answers from one index version; CurrentAdvisor holds the advisor of the version CURRENT points at and
swaps in the next one when it is published (the server's index watcher owns one; POST /reindex swaps after its
build). A question holds the advisor, and so the version, it started with."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from careerbot.answer.aspects import aspect_bonus, compared_tables
from careerbot.answer.assemble import (
    compose_answer,
    compose_comparison,
    compose_neighbours,
    compose_ranking,
    join_answers,
    threshold_answer,
)
from careerbot.answer.compose import not_said, sort_value
from careerbot.answer.conversation import resolve_history
from careerbot.answer.coverage import (
    facts_for_place_and_level,
    measure_not_held,
    not_covered,
    not_held,
    page_of,
    pay_not_held,
    share_not_said,
    states_superlative,
    unlisted_subject,
)
from careerbot.answer.evidence import (
    GLOBAL_SENTENCES,
    about_focus,
    choose_sentences,
    focus_words,
    focused,
    from_source,
    lexical_cover,
    rows_named,
    states_answer,
    whole_lists,
)
from careerbot.answer.fact_kinds import (
    compare_facts,
    compared_on_row,
    extreme_of,
    is_extreme,
    measure_named,
    rank_facts,
    ranking_focus,
    speaks_of_subjects,
    wh_column,
    wh_facts,
)
from careerbot.answer.facts import (
    CANDIDATE_SENTENCES,
    HEAD_COUNT,
    TIME_COUNTED,
    asks_pay,
    fit_measure,
    one_subject,
    score_facts,
    select_facts,
    stating_statistic,
)
from careerbot.answer.pointers import announced_list, enumerates, is_name_list, is_pointer, labelled_list, table_of_row
from careerbot.answer.query import WHICH_PLACE, FactMatch, Query, Retrieval, Scored, SentenceScores
from careerbot.answer.rewrite import as_typed
from careerbot.answer.understand import NUMBER_WORDS, claims_order, shared_name, titled_names, understand
from careerbot.config import Settings
from careerbot.errors import CareerbotError, InvalidQuestion
from careerbot.index.corpus_index import CorpusIndex
from careerbot.index.embedding import Embedder
from careerbot.index.lexical import fuse
from careerbot.index.load import load_corpus_index
from careerbot.index.store import VERSIONS, check_model, current_version, read_manifest
from careerbot.records import Answer, Turn
from careerbot.text.places import place_of, said_place
from careerbot.text.terms import every_lemma, name_key, name_words, singular, stems, words
from careerbot.text.values import FIGURE, figure_value

FULL_COVER = 0.8  # a short question whose rare words one quoted sentence nearly all holds is covered ("what's a GAN?")
WH_SENTENCES = 10  # sentences searched for one that states who / when / where
NEIGHBOURS = 2  # figures of the nearest subject shown when the one asked about has none
LIST_MARGIN = 0.08  # a list question's list leads a sentence scoring at most this much higher
STRONG_MATCH = 0.5  # above this, a question with a word the sources lack is still answered (a typo, a synonym)


def _gives_sum(text: str) -> bool:
    """Whether a text gives a sum of money ("$93,339", "210K /yr"), as the figure parser reads it."""
    return any(figure_value(match).kind == "money" for match in FIGURE.finditer(text))


_COSTS = re.compile(r"\b(?:cost|costs|price|prices|priced|fee|fees|tuition)\b", re.I)  # a price asked (English)
_TIME_UNIT = re.compile(r"(?:year|month|week|day|hour|decade)s?", re.I)
# "how much experience", "how many years of training": the thing measured, after a time unit if one is named.
_HOW_MUCH_OF = re.compile(r"\bhow (?:much|many)\s+(?:(?:years?|months?|weeks?|hours?)\s+of\s+)?([a-z][\w-]*)",
                          re.I)
# The statistics a question names, each as a column may name it ("median", "mean", "25th": "25th percentile").
_STATISTICS_NAMED = re.compile(r"\b(median|mean|\d{1,2}(?:st|nd|rd|th))\b", re.I)



def _named_first(text: str, compared: list[tuple[str, list[FactMatch]]], corpus: CorpusIndex) -> str:
    """Which of the subjects compared the question names first, by a word of its name no other of them has (a short
    form counts as its long form, where typed: "RNs", "LPNs (Licensed Practical ...)"); "" when that is not plain."""
    spots: list[tuple[int, str]] = []
    for token in re.finditer(r"[\w'’-]+|\([^)]*\)", text):
        word = token.group(0)
        if word.startswith("("):  # a long form put after what was typed: where that was typed
            spots += [(spots[-1][0] if spots else token.start(), w) for w in name_words(word.strip("()"))]
            continue
        short = word.lower().removesuffix("s")
        said = corpus.acronyms.get(word.lower()) or corpus.acronyms.get(short) or word
        spots += [(token.start(), w) for w in name_words(said)]
    owned = {name: name_words(name) - {w for other, _ in compared if other != name for w in name_words(other)}
             for name, _ in compared}
    first = {name: min((at for at, w in spots if w in words_of), default=-1) for name, words_of in owned.items()}
    if -1 in first.values() or len(set(first.values())) < len(first):  # one not named by a word of its own, or a tie
        return ""
    return min(first, key=first.__getitem__)


# "what skills does a farrier need?", "what training do farriers need?", "how do I become a farrier?": the one the
# question asks about, the subject of its auxiliary or whom it asks to become (English wording; not "grow a lot")
def _holds_it(text: str, word: str) -> bool:
    """Whether a word the sources never use is who the question is about (not merely a word of its setting)."""
    return bool(re.search(rf"\b(?:(?:do|does|did)(?:\s+(?:an?|the))?|becom(?:e|ing)\s+(?:an?|the))\s+"
                          rf"(?:(?!(?:about|for|with|in|on|at|to|of|from|by)\b)[\w-]+\s+)?{re.escape(word)}\b",
                          text, re.I))


class Advisor:
    """Answers questions from one loaded index version; cheap to call from many threads at once."""

    def __init__(self, settings: Settings, embedder: Embedder, corpus: CorpusIndex) -> None:
        self.settings = settings
        self.embedder = embedder
        self.corpus = corpus  # one index version, never changed: a new version gets a new Advisor

    def validate(self, question: str, history: Sequence[Turn]) -> str:
        cleaned = " ".join(question.split()) if isinstance(question, str) else ""
        if not cleaned:
            raise InvalidQuestion("The question is empty: type a question, for example "
                                  "'What skills does this job need?'")
        if len(cleaned) > self.settings.max_question_chars:
            raise InvalidQuestion(f"The question is {len(cleaned)} characters long; the limit is "
                                  f"{self.settings.max_question_chars}. Shorten it and ask again.")
        if len(history) > self.settings.max_history_turns:
            raise InvalidQuestion(f"The history has {len(history)} turns; the limit is "
                                  f"{self.settings.max_history_turns}. Send only the recent turns.")
        for number, turn in enumerate(history):
            if turn.role not in ("user", "assistant"):
                raise InvalidQuestion(f"history[{number}].role is '{turn.role}'; it must be 'user' or 'assistant'.")
            if len(turn.content) > self.settings.max_turn_chars:
                raise InvalidQuestion(f"history[{number}].content is {len(turn.content)} characters long; the limit "
                                      f"is {self.settings.max_turn_chars}.")
        return cleaned

    def ask(self, question: str, history: Sequence[Turn] = (), explain: bool = False) -> Answer:
        cleaned = self.validate(question, history)
        corpus = self.corpus
        resolved = resolve_history(cleaned, history, corpus, lambda asked: self._answer(
            corpus, understand(asked, corpus), []).answer).question if history else cleaned
        query = understand(resolved, corpus)
        notes: list[str] = []
        if len(query.parts) > 1:  # "..., and which ...?": each question answered in order, a later one read as a
            # follow-up of the one before ("What does a paralegal do and how much do they make?")
            # (or as pointing into the answer before: "which company has the most openings, and where is it based?")
            parts = [query.parts[0]]
            answers = [self._answer(corpus, understand(parts[0], corpus), notes)]
            for part in query.parts[1:]:
                parts.append(resolve_history(part, [Turn("user", parts[-1]), Turn("assistant", answers[-1].answer)],
                                             corpus).question)
                answers.append(self._answer(corpus, understand(parts[-1], corpus), notes))
            notes.append(f"{len(parts)} questions in one: " + " | ".join(parts))
            answer = join_answers(answers, parts)
        elif (shared := shared_name(query.text, corpus)) and not query.subjects \
                and query.kind not in ("comparison", "ranking"):
            # "What does an arborist earn?": a name three pages list, none with more right to it: each page's answer
            end, name, titles = shared
            parts = [f"{query.text[:end]} ({title}){query.text[end:]}" for title in titles]
            notes.append(f"'{name}' is listed by {len(titles)} pages: " + " | ".join(parts))
            answer = join_answers([self._answer(corpus, understand(part, corpus), notes) for part in parts], parts)
            answer = replace(answer, answer=f"{answer.answer} (The sources list “{name}” as another name of each of "
                                            f"these {len(titles)} occupations: {'; '.join(titles)}.)")
        else:
            answer = self._answer(corpus, query, notes)
        details = {"query": query.describe(), "steps": notes} if explain else None
        return replace(answer, question=cleaned, resolved_question=resolved, index_version=corpus.version,
                       explain=details)

    def _answer(self, corpus: CorpusIndex, query: Query, notes: list[str]) -> Answer:
        found = self.retrieve(corpus, query.search_text)
        notes.append(f"retrieval: best passage cosine {found.best_chunk:.3f}; passages "
                     + "; ".join(f"{corpus.chunks[c].doc_id}#{corpus.chunks[c].section}" for c in
                                 list(found.chunk_scores)[:3]))
        weak = found.best_chunk < STRONG_MATCH
        about = query.kind in ("figure", "duties", "definition", "ranking", "comparison")
        # Only what the question is about can make it uncovered: a name, a real place, or a noun of its subject.
        # (a state typed by its code is named: "TX" -> "Texas (TX)")
        missing = [said_place(p) for p in query.missing_places] + [w for w in query.missing
                                                                   if w[:1].isupper() or about or weak
                                                or _holds_it(query.text, w)]
        if missing:
            notes.append(f"not covered: the sources never use {', '.join(missing)}")
            return not_covered(self.embedder, corpus, found, missing,
                               places=bool(query.missing_places) and len(missing) == len(query.missing_places))
        lacking = measure_not_held(corpus, query)
        if lacking:  # "the projected job growth for locksmiths": their page never speaks of growth
            notes.append(f"not covered: the page of {lacking[1]} never speaks of {lacking[0]}")
            return not_held(corpus, found, *lacking)
        unpaid = pay_not_held(corpus, query)
        if unpaid:  # "the hourly pay for home health aides": their page gives no pay
            notes.append(f"not covered: the page of {unpaid[1]} gives no pay")
            return not_held(corpus, found, *unpaid)
        # an acronym that names no subject the facts know ("LPNs") is matched by its long form too
        facts = [] if query.kind in ("howto", "duties") else select_facts(
            corpus, query.text if query.subjects else query.search_text, found.sentence_scores,
            query.asks_figure,
            tuple(m.text for m in query.subjects if m.role == "subject"), query.kind == "list")
        facts = stating_statistic(query.statistic, facts)  # "the median salary": a median before an average
        if query.kind == "wh" and query.wh in ("who", "where"):  # a cell that names one ("IBM"), or a figure stated
            # for a place, not a measure the question names ("who conducted the survey behind the salary figures?")
            quoted = [f.group(0) for f in FIGURE.finditer(query.text)]  # "where does the $112,850 figure come from?"
            facts = [m for m in facts if m.fact.parsed.kind == "text" or any(f in m.fact.value for f in quoted)
                     or (query.wh == "where" and any(place_of(q) for q in m.fact.qualifiers))]
        documents_named = [m for m in query.subjects if name_key(m.text.split()) in titled_names(corpus)]
        if query.kind not in ("comparison", "ranking") and (len(query.subjects) < 2 or len(documents_named) == 1):
            # one subject, or one occupation and a row of its tables ("share of electricians with a certificate")
            facts = one_subject(corpus, facts)
        if query.sources:  # "according to Glassdoor": that source's figures, when it gives any
            facts = [m for m in facts if self._sourced(corpus, query, m)] or facts
        focus = ranking_focus(corpus, query) if query.kind == "ranking" else focus_words(corpus, query)
        if facts and query.kind in ("ranking", "list") and not any(m.subject_named for m in facts) \
                and not about_focus([m.fact for m in facts], focus, query.text):
            notes.append(f"the facts found say nothing of {', '.join(sorted(focus))}: not shown")
            facts = []
        named = {form for m in query.subjects for w in words(m.text) for form in every_lemma(w) | {singular(w)}}
        if facts and query.kind in ("list", "yesno", "other") and not query.asks_figure and focus - named \
                and not about_focus([m.fact for m in facts], focus - named):
            # "what education do most telemarketers have?": their wages name them, but are not what is asked
            notes.append(f"the facts found are the subject's, not its {', '.join(sorted(focus - named))}: not shown")
            facts = []
        if share_not_said(query, facts):  # "what percentage of ML engineers work remotely?": shares of other things
            notes.append("not covered: a share of what the sources have no word for")
            return not_covered(self.embedder, corpus, found, [], asked=as_typed(query.text, query.original))
        notes.extend(f"fact {m.fact.subject} / {m.fact.attribute} = {m.fact.value} ({m.score:.3f})" for m in facts)
        limit = self.settings.answer_sentences
        # who/when/where: the sentence that states it may stand a little lower; chosen once, widely
        aspects = aspect_bonus(self.embedder, corpus, query, found)  # the section asked about, by meaning
        notes.extend(f"section asked about: {section} (+{bonus:.3f})"
                     for (_, section), bonus in list(aspects.items())[:1])
        wider = choose_sentences(corpus, found, max(limit, WH_SENTENCES) if query.kind == "wh" else limit, query,
                                 aspects)
        # a template's sentence leads ("Most of these occupations require ..."): the subject's own passage that says
        # what was asked may stand a little further down
        pool = choose_sentences(corpus, found, max(limit, WH_SENTENCES), query, aspects) if wider and query.subjects \
            and wider[0].sentence.text in corpus.shared and query.kind != "wh" else wider
        chosen = focused(corpus, query, wider[:limit], pool=pool)
        if query.kind in ("list", "duties"):  # items of one list chosen one by one: the list (of things, of tasks)
            chosen = whole_lists(corpus, chosen)
        how_much = _HOW_MUCH_OF.search(query.text)  # "how much experience", "how many years of training"
        measured_thing = how_much.group(1).lower() if how_much else ""
        unmeasured = {w for w in focus - named if not _TIME_UNIT.fullmatch(w)} if measured_thing \
            and measured_thing not in HEAD_COUNT and every_lemma(measured_thing) & focus else set()
        own_page = page_of(corpus, query.subjects[0].text) if unmeasured and len(query.subjects) == 1 else None
        if facts and query.kind == "figure" and unmeasured and not asks_pay(query.text) \
                and (not about_focus([m.fact for m in facts], unmeasured, query.text)
                     or (own_page is not None and all(m.fact.doc_id != own_page for m in facts))) \
                and any(unmeasured & {form for w in words(c.sentence.text) for form in every_lemma(w)}
                        for c in chosen):
            # "how much experience do pharmacists need?": a passage speaks of experience, the tables (their wages,
            # their education, or another subject's years of experience) do not; the figure is the passage's
            notes.append(f"the facts found do not measure {', '.join(sorted(unmeasured))}; a passage does")
            facts = []
        chosen = [narrowed for item in chosen for narrowed in  # a table's rows the question names, not the table
                  ([Scored(row, item.score, f"a row the question names, of: {item.why}", item.matched)
                    for row in rows_named(corpus, query, item.sentence)] or [item])]
        if query.kind == "yesno" and not facts and chosen and chosen[0].sentence.kind == "row" \
                and _NEEDS.search(query.text):
            # "do welders need a college degree?": the row the words matched ("Some College Courses: 11%") is
            # one answer of many; the table of them all, most first, says what most need
            table = table_of_row(corpus, chosen[0].sentence)
            notes.append(f"a row of a table answers what is needed: the whole table ({table.section})")
            chosen = [Scored(table, chosen[0].score, f"the table of: {chosen[0].why}", chosen[0].matched)] + [
                c for c in chosen[1:] if not (c.sentence.doc_id == table.doc_id
                                              and table.start <= c.sentence.start < table.end)]
        if query.kind == "list" and chosen and chosen[0].sentence.kind not in ("block", "list") \
                and not is_name_list(chosen[0].sentence) and not labelled_list(chosen[0].sentence.text):
            # a list question: the list leads when it scores close to the sentence above it (often its lead-in); a
            # list of names, or of things under their label ("Other tools: ..."), is a list
            # (or a sentence naming the things, after one that only says they matter: "Cloud platforms like AWS,
            # Microsoft Azure, and Google Cloud ..." after "... must be comfortable with cloud platforms")
            names_none = chosen[0].sentence.kind == "sentence" and not enumerates(chosen[0].sentence.text) \
                and not is_pointer(chosen[0].sentence)  # (a lead-in: the list it announces, below)
            listed = next((c for c in chosen[1:] if (c.sentence.kind in ("block", "list") or (
                names_none and c.sentence.kind == "sentence" and enumerates(c.sentence.text)
                and c.sentence.doc_id == chosen[0].sentence.doc_id))
                           and c.score >= chosen[0].score - LIST_MARGIN), None)
            announced = announced_list(corpus, chosen[0].sentence) \
                if listed is None and chosen[0].sentence.kind == "sentence" else None
            if announced is not None:  # "Deep learning ... with multiple layers. Machine learning engineers should
                # be familiar with the following: ...": the list the best passage's next lines announce
                listed = Scored(announced, chosen[0].score, f"announced after: {chosen[0].sentence.text[:80]}",
                                chosen[0].sentence.text)
                chosen = [c for c in chosen if not (c.sentence.doc_id == announced.doc_id
                                                    and announced.start <= c.sentence.start < announced.end)]
            if listed is not None:
                chosen = [listed] + [c for c in chosen if c is not listed]
        if query.sources:
            chosen = sorted(chosen, key=lambda c: not from_source(corpus, query.sources, c.sentence.doc_id,
                                                                  c.sentence.text, (c.sentence.start, c.sentence.end)))
            if facts and chosen and self._sourced(corpus, query, chosen[0]) \
                    and not any(self._sourced(corpus, query, m) for m in facts):
                # "which skills ... according to Glassdoor?": Glassdoor's passage, not another source's table
                notes.append(f"the facts found are not from {', '.join(query.sources)}; a passage is")
                facts = []
        stated = states_superlative(query, chosen, corpus, found, focus) if query.kind == "ranking" else None
        if stated is not None:
            notes.append("the text states the superlative itself: quoted, not ranked")
            chosen = [stated] + [c for c in chosen if c is not stated]
            # the figure of the subject it names, if a table gives one ("Python ... 83%")
            said = stated.sentence.text.lower()
            facts = [m for m in facts if re.search(rf"\b{re.escape(m.fact.subject.lower())}\b", said)
                     and is_extreme(corpus, m.fact, query.direction)][:1]
        if query.kind == "ranking" and not stated:
            ranked = rank_facts(corpus, query, found.sentence_scores)
            if ranked and query.sources and chosen and self._sourced(corpus, query, chosen[0]) \
                    and not self._sourced(corpus, query, ranked[0][0]):
                notes.append(f"the table ranked is not from {', '.join(query.sources)}; a passage is")
                ranked = None
            if ranked:
                notes.append(f"ranking over {ranked[1]} figures of '{ranked[0][0].fact.attribute}'")
                return compose_ranking(corpus, query, *ranked)
            unplaced = [m for m in facts if place_of(m.fact.subject) is None
                        and speaks_of_subjects(corpus, query, m.fact.doc_id)]  # (of what is asked)
            if unplaced and (query.wh == "where" or WHICH_PLACE.search(query.text)) and not any(
                    place_of(m.fact.subject) and speaks_of_subjects(corpus, query, m.fact.doc_id) for m in facts):
                # "which city pays truck drivers the most?": no figure by place for them; what the sources give
                notes.append("a ranking by place, and no table of places is about what is asked")
                facts = unplaced
                body = as_typed(query.text, query.original).strip().rstrip("?.! ")
                return compose_answer(corpus, found, facts, [], found_answer=False,
                                      lead=f"The sources give no figures by place for that ({body[:1].lower()}"
                                           f"{body[1:]}). The figures they give:")
            if facts and not asks_pay(query.text) and all(m.fact.parsed.kind == "money" for m in facts):
                # "what skills show up most on Glassdoor resumes": nothing ranked, and pay was not asked
                notes.append("the facts found are pay; the question asks for none")
                facts = []
        saying = next((c for c in chosen if lexical_cover(corpus, query, c) >= FULL_COVER), None)
        named_in_text = saying is not None
        if saying is not None and found.best_chunk < self.settings.min_score:  # a weak match overall, but this
            chosen = [saying] + [c for c in chosen if c is not saying]  # passage says what was asked: it leads
        # the question names nothing, and the best fact's column is what it asks ("how many openings are there?")
        names = [w for w in re.findall(r"(?<=\s)[A-Z][\w&-]*", query.text) if w.lower() not in corpus.acronyms]
        measured = bool(facts) and not query.subjects and not names and bool(
            {stem for stem in stems(facts[0].fact.attribute) if len(stem) > 3} & stems(query.text))
        # "Where is Microsoft based?": a row the question names holds the place (or the person, or the time)
        wh_matches = score_facts(corpus, query.text, found.sentence_scores) if query.kind == "wh" and not facts else []
        stated_in_row = bool(query.subjects) and bool(wh_facts(query, wh_matches))
        if found.best_chunk < self.settings.min_score and not any(m.subject_named for m in facts) \
                and not named_in_text and not measured and not stated_in_row:
            notes.append(f"not covered: best passage below {self.settings.min_score}")
            return not_covered(self.embedder, corpus, found, [], asked=as_typed(query.text, query.original))
        if query.kind == "comparison":
            compared = compare_facts(corpus, query, found.sentence_scores)
            tables = [] if compared and (compared_on_row(compared) or measure_named(query, compared)) \
                else compared_tables(self.embedder, corpus, query)  # (not when the figures are of what is named)
            if tables:  # "which needs more schooling, X or Y?": each page's table of what is asked, side by side
                notes.append("comparison of each page's table: " + "; ".join(t.section for t in tables))
                return compose_answer(corpus, found, [], [Scored(t, 1.0, "the table asked about, of a page compared")
                                                          for t in tables])
            # figures side by side when a figure is asked for, or the measure they share is what the question
            # names ("compare the job satisfaction of ..."); "the difference between X and Y" is said in words
            if compared and (query.asks_figure or measure_named(query, compared)):
                notes.append("comparison: " + "; ".join(f"{name}: {len(ms)} figures" for name, ms in compared))
                claimed = _named_first(query.text, compared, corpus) if claims_order(query.text) else ""
                return compose_comparison(corpus, found, compared, query.direction == "least",
                                          compared_on_row(compared), claimed)
        facts, missing_combination = facts_for_place_and_level(query, facts, corpus, found)
        placeless: list[FactMatch] = []
        if missing_combination and query.places:  # the facts left are the subject's of no place, or none are left
            placeless = self._of_no_place(corpus, query, found) if not facts \
                else facts if all(_no_place(m) for m in facts) else []
        if placeless:  # "air traffic controller salary in california?": none for the place; the subject's own
            # figures, stated for no place, said to be so
            notes.append(f"no figure for {missing_combination}; the subject's figures of no place shown as such")
            return compose_answer(corpus, found, placeless[:1], [], found_answer=False,
                                  lead=f"The sources give no {missing_combination}. {_NO_PLACE}")
        if missing_combination:
            notes.append(f"no figure for {missing_combination}; nearest figures shown as such")
            return compose_neighbours(corpus, found, facts, f"The sources give no {missing_combination}.")
        unlisted = unlisted_subject(corpus, query, facts, chosen)
        if unlisted:
            notes.append(f"the facts found are not about {unlisted}: a near miss, not an answer")
            said = as_typed(unlisted, query.original)
            return compose_neighbours(corpus, found, facts[:NEIGHBOURS], f"The sources give no figure for {said}.",
                                      whole_column=True)
        if query.kind == "wh" and not facts:
            wh_matches = wh_matches or score_facts(corpus, query.text, found.sentence_scores)  # (scored above)
            facts = wh_facts(query, wh_matches)
        notes.extend(f"sentence {c.score:.3f} {c.why}: {c.sentence.text[:90]}" for c in chosen)
        if query.kind == "wh" and not facts:
            stating = [c for c in wider if states_answer(query, c.sentence, corpus.acronyms)][:1]
            column = [] if stating else wh_column(query, wh_matches)
            if column:
                notes.append(f"a table states the {query.wh}: {column[0].fact.attribute} of {column[0].fact.subject}")
                return compose_answer(corpus, found, column, [])
            if not stating:
                subject = query.subjects[-1].text if query.subjects else ""
                notes.append(f"no chosen sentence states the {query.wh} asked for")
                return compose_answer(corpus, found, [], chosen[:1], found_answer=False,
                                     lead=not_said(query.text, query.wh, subject) + " The closest passage:")
            chosen = stating  # the sentence that says it; the rest would be padding
        if not facts and not chosen:
            return not_covered(self.embedder, corpus, found, [], asked=as_typed(query.text, query.original))
        costs = bool(_COSTS.search(query.text))  # "how much does the AWS certification cost?": a sum of money
        if costs:  # a price, not a salary nor a count
            facts = [m for m in facts if m.fact.parsed.kind == "money"
                     and _COSTS.search(f"{m.fact.attribute} {m.fact.caption} {m.fact.quote}")]
        pay = asks_pay(query.text) or costs
        unit = TIME_COUNTED.search(query.text)  # "how many hours a week": a count of hours, not of years
        if query.kind == "figure" and query.asks_figure and not facts \
                and not any((_gives_sum(c.sentence.text) if pay else FIGURE.search(c.sentence.text)
                             or set(words(c.sentence.text)) & NUMBER_WORDS.keys())
                            and (unit is None or re.search(rf"\b{unit.group(1)[:-1]}s?\b", c.sentence.text, re.I))
                            for c in chosen):
            # "how much does the Springboard bootcamp cost?": the sources speak of it but give no figure
            notes.append("a figure was asked for and no passage found gives one")
            body = as_typed(query.text, query.original).strip().rstrip("?.! ")
            return compose_answer(corpus, found, [], chosen[:1], found_answer=False,
                                  lead=f"The sources give no figure for that ({body[:1].lower()}{body[1:]}). "
                                       "The closest passage:")
        if query.threshold is not None and facts:  # "Do RNs earn more than $100,000?": yes or no, from the figure
            verdict = threshold_answer(corpus, found, query, facts)
            if verdict is not None:
                notes.append(f"measured against {query.threshold[2]}")
                return verdict
        if query.kind == "yesno" and query.direction and facts and facts[0].subject_named:
            # "Is Python the most used language?": its figure against the highest of those it ranks among
            top = extreme_of(corpus, facts[0].fact, query.direction)
            if top is not None:
                same = sort_value(top.parsed) == sort_value(facts[0].fact.parsed)
                notes.append(f"measured against the {'lowest' if query.direction == 'least' else 'highest'} "
                             f"{top.attribute}: {top.subject} {top.value}")
                shown = facts[:1] if same else [facts[0], FactMatch(top, facts[0].score, False)]
                return compose_answer(corpus, found, shown, [], lead="Yes." if same else "No.")
        if stated is not None and facts:  # "Python is the most popular ..." [1], then its figure
            return compose_answer(corpus, found, facts, [], opening=stated)
        if facts:  # the facts lead: a passage after them must be about what was asked too
            chosen = focused(corpus, query, chosen, lead=0)
            lead = facts[0].fact
            # not a line that gives the same measure for another subject ("287K /yr Most Likely Range" under the
            # next role's heading): beside the answer it reads as the answer's
            chosen = [c for c in chosen if c.sentence.kind in ("block", "row") or not any(
                other.attribute == lead.attribute and other.subject != lead.subject and other.doc_id == lead.doc_id
                for other in (corpus.facts[p] for p in corpus.facts_by_sentence.get(c.sentence.sentence_id, [])))]
        asked = _STATISTICS_NAMED.findall(query.text)
        if facts and asked:  # "the median salary for an RDH": that figure, not the other cells of its row (mean,
            # percentiles), which answer a question about pay in general; "the 25th percentile? and the 75th?": both
            row = facts[0].fact.sentence_id
            cells = [m for m in facts if m.fact.sentence_id == row and any(
                re.search(rf"\b{re.escape(said)}\b", m.fact.attribute, re.I) for said in asked)]
            facts = (fit_measure(cells, query.text) or facts[:1]) + [m for m in facts if m.fact.sentence_id != row]
            return compose_answer(corpus, found, facts, chosen, every_cell=True)
        return compose_answer(corpus, found, facts, chosen, place_first=query.wh == "where")

    @staticmethod
    def _of_no_place(corpus: CorpusIndex, query: Query, found: Retrieval) -> list[FactMatch]:
        """The figures of the subjects a question names, stated for no place (a page's national wages): what the
        sources give when the place asked is one they lack."""
        named = tuple(m.text for m in query.subjects if m.role == "subject")
        if not named:
            return []
        facts = select_facts(corpus, query.text, found.sentence_scores, True, named, False)
        facts = one_subject(corpus, [m for m in facts if _no_place(m)])
        return fit_measure(facts, query.text) if facts else []

    @staticmethod
    def _sourced(corpus: CorpusIndex, query: Query, item: Scored | FactMatch) -> bool:
        """Whether a passage or a fact comes from a source the question names ("according to Glassdoor")."""
        if isinstance(item, Scored):
            return from_source(corpus, query.sources, item.sentence.doc_id, item.sentence.text,
                               (item.sentence.start, item.sentence.end))
        return from_source(corpus, query.sources, item.fact.doc_id,
                           f"{item.fact.quote} {' '.join(item.fact.qualifiers)}", (item.fact.start, item.fact.end))

    def retrieve(self, corpus: CorpusIndex, question: str) -> Retrieval:
        """The best chunks by dense and lexical search fused, each with its cosine to the question."""
        query = self.embedder.embed([question])[0]
        depth = self.settings.top_k * 3
        dense = corpus.chunk_vectors.search(query, depth)
        lexical = corpus.lexical.search(question, depth) if corpus.lexical is not None else []
        fused = fuse(dense, lexical)[: self.settings.top_k]
        rows = [row for row, _ in fused]
        cosines = corpus.chunk_matrix[rows] @ query if corpus.chunk_matrix is not None and rows else []
        chunk_scores = {row: float(score) for row, score in zip(rows, cosines, strict=False)}
        # Whether the corpus covers the question at all is judged by meaning: the best dense match.
        return Retrieval(question, chunk_scores, score_sentences(corpus, query, rows), dense[0][1] if dense else 0.0)


# The most sentences any later stage reads in order of score (facts' candidates; the best sentences of the corpus).
SENTENCE_DEPTH = max(CANDIDATE_SENTENCES, GLOBAL_SENTENCES)
SAME_SENTENCE = 20  # of a sentence repeated word for word in many documents, the first this many


def score_sentences(corpus: CorpusIndex, query: np.ndarray, chunks: list[int]) -> SentenceScores:
    """The question's nearest sentences in the corpus (from the sentence index) and the sentences of the passages
    retrieval found, scored exactly; any other sentence is scored when a later stage asks for it."""
    own = [sid for chunk in chunks for sid in corpus.sentences_by_chunk.get(chunk, [])]
    scored = dict(zip(own, (corpus.sentence_vectors[own] @ query).tolist(), strict=True)) if own else {}
    if corpus.sentence_index is not None:
        scored.update(corpus.sentence_index.search(query, SENTENCE_DEPTH, SAME_SENTENCE))
    else:  # a version written before sentence indexes: every sentence scored, as then
        every = corpus.sentence_vectors @ query
        depth = min(SENTENCE_DEPTH, len(every))
        if depth:
            scored.update((int(i), float(every[i])) for i in np.argpartition(-every, depth - 1)[:depth])
    return SentenceScores(corpus.sentence_vectors, query, scored)


def load_advisor(settings: Settings, embedder: Embedder) -> Advisor:
    """An advisor over the current version, refused if the version was built with another model."""
    corpus = load_corpus_index(settings.index_dir)
    check_model(corpus.manifest, embedder.name, embedder.fingerprint)
    return Advisor(settings, embedder, corpus)


_NO_PLACE = "The figures they give are for no particular place:"


def _no_place(match: FactMatch) -> bool:
    """A figure of the subject the question names, stated for no place."""
    return match.subject_named and place_of(match.fact.subject) is None \
        and not any(place_of(q) for q in match.fact.qualifiers)


# "do I need a degree ...", "is a license required": a question of what something takes (English).
_NEEDS = re.compile(r"\b(?:need|needs|needed|require|requires|required|have to|has to|must)\b", re.I)


class CurrentAdvisor:
    """Holds the advisor of the current index version and swaps in the next one."""

    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor  # replaced whole, never changed in place
        self._reloading = threading.Lock()
        self._failed: str | None = None  # a published version that could not be loaded

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder) -> CurrentAdvisor:
        return cls(load_advisor(settings, embedder))

    @property
    def settings(self) -> Settings:
        return self.advisor.settings

    @property
    def version(self) -> str:
        return self.advisor.corpus.version

    def reload_if_changed(self) -> bool:
        """Swap in the version CURRENT points at, if it is not the loaded one. True when it swapped."""
        with self._reloading:
            settings, embedder = self.advisor.settings, self.advisor.embedder
            version = current_version(settings.index_dir)
            if version is None or version == self.version or version == self._failed:
                return False
            try:
                check_model(read_manifest(settings.index_dir / VERSIONS / version), embedder.name,
                            embedder.fingerprint)
                corpus = load_corpus_index(settings.index_dir, version)
            except CareerbotError:
                self._failed = version  # not retried every poll; the loaded version keeps answering
                raise
            self.advisor = Advisor(settings, embedder, corpus)  # one assignment: requests in flight keep theirs
            return True
