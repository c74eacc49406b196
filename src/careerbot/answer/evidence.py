"""Which sentences answer a question: scored by meaning and by the question's rare words, pointers followed to what
they point at (a lead-in to the list or table after it, an FAQ question to its answer), near-duplicates dropped."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from functools import cache, lru_cache

from careerbot.answer.pointers import answer_to, enumerates, is_name_list, labelled_list, labelled_run, pointed_block
from careerbot.answer.query import MEASURE_WORDS, WHAT_IS, Query, Retrieval, Scored
from careerbot.answer.understand import title_set
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Fact, Sentence
from careerbot.text.places import place_of
from careerbot.text.terms import (
    OTHER_NAMES,
    STOPWORDS,
    content_words,
    every_lemma,
    lemma,
    levels,
    name_words,
    parts_of_speech,
    singular,
    stems,
    term_set,
    weighted_share,
    words,
)
from careerbot.text.values import FIGURE

GLOBAL_SENTENCES = 24  # best sentences taken from the whole corpus, beside those of the best chunks
NEAR_DUPLICATE = 0.92  # sentences this similar to one already chosen add nothing
SENTENCE_MARGIN = 0.12  # a sentence scoring this far below the best one is not worth quoting
LEXICAL_WEIGHT = 0.15  # how much sharing the question's rare words (a city, a tool) lifts a sentence
SETTING_WEIGHT = 0.3  # how much sharing the words of the setting a "can I ...?" turns on lifts a sentence
RARE_TERMS = 3  # the question's rarest words whose sentences are candidates too
RARE_POSTINGS = 40  # ... at most this many sentences each
SOURCE_BONUS = 0.15  # the question names a source ("according to Glassdoor") and the sentence is from or cites it
FIGURE_LINE = re.compile(r"^\S*\d[\d,.]*\S*(?:\s+\S+){0,4}$")  # a figure and a few words, no sentence
TEMPLATE_MARGIN = 0.1  # a passage of the subject's own that says what was asked leads over a template this close
FOCUS_MARGIN = 0.05  # a passage using the question's focus words leads over a better-scored one this close
WORDS_HELD = 0.8  # a passage with this share of the question's informative words (IDF-weighted) is kept
THEME_SHARE = 0.25  # a word in this share of the corpus's sentences is its theme ("machine", "engineer"), not a focus
MIN_LEAD_IN_WORDS = 5  # a shorter text pointing at a list is its heading ("Potential Career Paths"), not a lead-in
# Verbs that carry little meaning of their own in a question ("what tools do they use", "how do I become"): English.
LIGHT_VERBS = frozenset("use become make take go start find help come put say see look try keep let seem begin show "
                        "call mean give".split())
_YEAR_OR_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:January|February|March|April|May|June|July|August|"
                           r"September|October|November|December)\b|\b\d+\s+(?:years?|months?|weeks?)\b", re.I)
_BY_AGENT = re.compile(r"\b[A-Za-z][a-z]+ed by (?:[A-Z][\w&.-]+)")
_NAME_INSIDE = re.compile(r"(?<=[a-z,;] )(?:[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*)")


def weighted_terms(corpus: CorpusIndex, text: str) -> dict[str, float]:
    terms = {singular(w) for w in content_words(text)}
    return {t: corpus.idf.get(t, 0.0) for t in terms}


def overlap(question_terms: dict[str, float], sentence: Sentence) -> float:
    """Share of the question's informative words (IDF-weighted) that the sentence or its row header contains."""
    return weighted_share(question_terms, term_set(sentence.text) | term_set(sentence.context))


# What a source's text is called ("the Glassdoor article"): its words are held by any text of that source (English).
_DOCUMENT_WORDS = ("article", "post", "page", "piece", "guide", "report", "site", "website", "blog", "source")


def lexical_cover(corpus: CorpusIndex, query: Query, chosen: Scored) -> float:
    """Share of the question's topic words (IDF-weighted, acronyms spelled out) that a chosen sentence, or the text
    that handed it its match, holds."""
    terms = weighted_terms(corpus, " ".join(query.topic) + " " + query.search_text.split("(", 1)[-1]
                           if "(" in query.search_text else " ".join(query.topic))
    if not terms:
        return 0.0
    said = f"{chosen.sentence.text} {chosen.sentence.context} {chosen.matched}"
    if query.sources and from_source(corpus, query.sources, chosen.sentence.doc_id, chosen.sentence.text,
                                     (chosen.sentence.start, chosen.sentence.end)):
        # "which certifications does Glassdoor recommend?", "... the Glassdoor article ...": Glassdoor's own
        said += " " + " ".join([*query.sources, *(m.group(1) for source in query.sources for m in re.finditer(
            rf"\b{re.escape(source)}\s+({'|'.join(_DOCUMENT_WORDS)})\b", query.text, re.I))])
    present = {form for w in words(said) for form in every_lemma(w)}  # any form: "building" holds "build"
    return weighted_share({lemma(t) if t not in present else t: w for t, w in terms.items()}, present)


def title_overlap(corpus: CorpusIndex, question_terms: dict[str, float], sentence: Sentence) -> float:
    """Share of the question's rare words in the title of the sentence's document ("... according to Glassdoor")."""
    return weighted_share(question_terms, term_set(corpus.documents[sentence.doc_id].title))


# A unit of the shape the question's kind wants (a list for "which skills", "X is ..." for "what is X").
KIND_BONUS = 0.06
# A sentence that says how to do something: a means after a verb ("... by getting an education"), what the reader
# can or should do, where to start.
_SAYS_HOW = re.compile(r"(?<=\w )by\s+(?!the\b|a\b|an\b)\w+ing\b|"
                       r"\b(?:you|one)\s+(?:can|could|should|need|must|will|may|might|have to|ought)\b|"
                       r"\bstart(?:ing)?\s+(?:by|with)\b", re.I)
_SAYS_WHERE = re.compile(r"\b(?:is|are)\s+(?:in|at|on|not|now|still|also|often|very|highly|more|less|so)\b",
                         re.I)  # "ML engineers are in high demand": where they stand, not what they are
_DEFINING = re.compile(r"\b(?:is|are|refers? to|means?|involves?|consists? of)\b|,\s(?:a|an|the)\s", re.I)


# A section about what a job does (English headings).
_DUTY_SECTION = re.compile(r"\b(?:tasks|duties|responsibilit\w*|day[- ]to[- ]day|job description|"
                           r"what\b.+\bdo(?:es)?)\b", re.I)


# Whether two things are one: asked ("the same as", "A and B the same role?", "different from"), and said (English).
_ASKS_SAME = re.compile(r"\bthe same\s+(?:as|thing|role|job|position|career|field|work)\b|\bthe same\s*\?|"
                        r"\b(?:different|differ)\s+from\b|\binterchangeable\b|\bidentical\b", re.I)
_SAYS_SAME = re.compile(r"\b(?:the same|interchangeabl[ey]|identical|different|differ(?:s|ences?)?|distinct)\b", re.I)
# "Is X a Y?", "Are X really an entry-level job?": what a yes/no question asks X to be (English).
_IS_A = re.compile(r"^\W*(?:is|are|isn['’]?t|aren['’]?t)\b.+?\b(?:a|an)\s+([^?.!,;:]+)", re.I)
_CLAUSE_END = re.compile(r"\s+(?:and|or|but|if|for|in|at|with|without|because|like|right|straight)\b.*$", re.I)


@lru_cache(maxsize=4096)  # (a server reads many questions: the cache is bounded)
def _predicate(question: str) -> re.Pattern[str] | None:
    """What a yes/no question asks its subject to be, two words or more, as a pattern matching it written with
    spaces or hyphens ("entry-level job"); None when it asks no such thing."""
    match = _IS_A.match(question)
    if match is None:
        return None
    said = words(_CLAUSE_END.sub("", match.group(1)).lower())
    if len(said) < 2:
        return None
    return re.compile(r"\b" + r"[\s-]+".join(re.escape(w) for w in said) + r"\b", re.I)


def _shape_bonus(query: Query | None, sentence: Sentence, corpus: CorpusIndex, matched: str = "",
                 focus: Collection[str] = ()) -> float:
    """How well a unit's shape fits what the question asks for (`matched`: the text that handed it its match)."""
    if query is None:
        return 0.0
    if query.kind == "yesno":  # "Yes. ...": an answer to a yes/no question, if to one about what this one asks
        if re.match(r"^(?:yes|no)\b", sentence.text.strip(), re.I) and _focus_share(
                corpus, focus, matched or sentence.text) > 0:
            return 2 * KIND_BONUS
        # "Is an ML engineer the same as a data scientist?": a sentence saying whether they are the same or differ
        if _ASKS_SAME.search(query.text):  # (not whether one of them is the other: "Are A and B the same role?")
            return 2 * KIND_BONUS if _SAYS_SAME.search(sentence.text) and _focus_share(
                corpus, focus, sentence.text) > 0 else 0.0
        # "Is ML engineering an entry-level job?": "... this isn't an entry-level job" says it of what is asked
        predicate = _predicate(query.text)
        return 2 * KIND_BONUS if predicate is not None and predicate.search(sentence.text) else 0.0
    if query.kind == "howto" and sentence.kind == "sentence" and _SAYS_HOW.search(sentence.text):
        # "You can become ... by getting an education in ...": a way, not a setting; a way to do what was asked
        # ("... a portfolio"), as much as it speaks of it (its share of the question's focus, rare words weighing
        # most), not any advice ("You can start by taking some free courses")
        return 2 * KIND_BONUS * _focus_share(corpus, focus, f"{matched} {sentence.text}")
    if query.kind == "howto" and sentence.kind in ("block", "list"):  # steps, as much as they are steps to it
        return 2 * KIND_BONUS * _focus_share(corpus, focus, f"{matched} {sentence.text}")
    if query.kind in ("list", "ranking"):  # a list, or a sentence naming its items ("Cloud platforms like AWS,
        # Microsoft Azure, and Google Cloud ...")
        return 2 * KIND_BONUS if sentence.kind in ("block", "list") or (
            query.kind == "list" and sentence.kind == "sentence" and enumerates(sentence.text)) else 0.0
    if query.kind == "duties" and _DUTY_SECTION.search(sentence.section or ""):
        # under "Tasks of ...", "Responsibilities", "What ... do": what the job does, not what it takes; the job
        # asked about, when the section or its document names it (not a software engineer's duties from a section
        # on ML engineers')
        term = _term_asked(query, corpus)
        named = {lemma(w) for w in words(f"{sentence.section} {corpus.documents[sentence.doc_id].title}")}
        # the opening sentence of a "What X do" section sums the job up, before its list of tasks ("Draw blood ...")
        summary = KIND_BONUS / 2 if _WHAT_IT_DOES.match(sentence.section or "") \
            and _opens_section(corpus, sentence) else 0.0
        return (3 * KIND_BONUS if not term or {lemma(w) for w in term} <= named else KIND_BONUS) + summary
    if query.kind == "definition" and _WHAT_IT_DOES.match(sentence.section or "") and \
            _opens_section(corpus, sentence):  # "What Orthoptists do" opens with what one is
        term = _term_asked(query, corpus)
        heading = {form for w in words(sentence.section) for form in (singular(w), lemma(w))}
        if term and all(singular(w) in heading or lemma(w) in heading for w in term):
            return 3 * KIND_BONUS
    if query.kind in ("definition", "duties"):
        term = _term_asked(query, corpus)
        # "Machine learning is a subset of ...", "Entry-level ML engineers develop ...": the thing asked about first
        if term and any(_opens_with(sentence.text, named, query.kind == "definition")
                        for named in (term, core_term(corpus, term))) and (
                not query.levels or set(query.levels) & set(levels(" ".join(sentence.text.split()[:4])))):
            return 3 * KIND_BONUS
        if term and referent(corpus, sentence, term) and _says_of_referent(sentence.text, term,
                                                                           query.kind == "definition"):
            # "Bootcamps have become ... They are short-term intensive programs ..."; "In this position, you will
            # write, test, and fix ...": a job's description, said to the one who would hold it, is what it does
            return 3 * KIND_BONUS + (KIND_BONUS if query.kind == "duties" and _describes_the_job(sentence.text)
                                     else 0.0)
    if query.kind in ("definition", "duties") and query.topic:
        topic = [w for t in query.topic for w in corpus.acronyms.get(t, t).split() if len(w) > 2]
        if not topic:
            return 0.0
        opening = words(" ".join(sentence.text.split()[:len(topic) + 2]))
        forms = {lemma(w) for w in opening} | {singular(w) for w in opening}
        share = sum(lemma(w) in forms or singular(w) in forms for w in topic) / len(topic)
        follows = " ".join(sentence.text.split()[len(topic) - 1:len(topic) + 3])
        defining = query.kind == "definition" and bool(_DEFINING.search(follows)) and not _SAYS_WHERE.search(follows)
        return KIND_BONUS * share + (KIND_BONUS if defining and share >= 0.5 else 0.0)
    return 0.0


LEVEL_OPENING = 5  # words at a unit's start that say which career level it is about


def _level_bonus(query: Query | None, unit: Sentence, term: Sequence[str] = ()) -> float:
    """What a job at the level the question names does, or is: a unit that opens by naming that level ("Mid-Level
    Machine Learning Engineer: ...", "Entry-level ML engineers develop ...") over the job's generic list."""
    if query is None or not query.levels or query.kind not in ("duties", "definition"):
        return 0.0
    opening = unit.text.split()[:LEVEL_OPENING + len(term)]
    if term and not {lemma(w) for w in term} <= {lemma(w) for w in words(" ".join(opening))}:
        return 0.0  # the level of another job ("an entry-level job as a software engineer" is not an ML engineer's)
    return 2 * KIND_BONUS if set(query.levels) & set(levels(" ".join(unit.text.split()[:LEVEL_OPENING]))) else 0.0


_WHAT_IT_DOES = re.compile(r"^\W*what\b.+\bdo(?:es)?\W*$", re.I)  # a heading "What X do" (English)


def _opens_section(corpus: CorpusIndex, unit: Sentence) -> bool:
    """Whether a unit is the first its section says (after its heading)."""
    before = corpus.sentences[unit.sentence_id - 1] if unit.sentence_id > 0 else None
    return before is None or before.doc_id != unit.doc_id or before.kind == "heading" or before.section != unit.section


def _focus_share(corpus: CorpusIndex, focus: Collection[str], text: str) -> float:
    """The IDF-weighted share of the question's focus words a text uses (1 when the question has none)."""
    if not focus:
        return 1.0
    said = {form for w in words(text) for form in every_lemma(w) | {singular(w)}}
    weights = {word: corpus.idf.get(singular(word), corpus.max_idf) for word in focus}
    return sum(w for word, w in weights.items() if word in said) / (sum(weights.values()) or 1.0)


_TERM = re.compile(WHAT_IS + r"(?:an?\s+|the\s+)?(.+?)[?.!]*$|"
                   r"^what (?:does|do|did) (?:an?\s+|the\s+)?(.+?) "
                   r"(?:actually |really |typically |usually )?do\b|"
                   r"^what (?:would|will|do|does|should|might) (?:i|you|one|we) (?:actually |really |typically )?"
                   r"(?:do|be doing) as (?:an?\s+|the\s+)?(.+?)(?:\s+(?:before|after|when|while|if|day)\b.*)?[?.!]*$|"
                   r"^what (?:does|do|did|would|will) (?:an?\s+|the\s+)?(.+?)(?:\s+(?:job|role|position|work))?\s+"
                   r"(?:entails?|involves?|consists? of)\b", re.I)
_DETERMINER = {"a", "an", "the", "as", "every", "each", "most", "many"}


def _term_asked(query: Query, corpus: CorpusIndex) -> list[str]:
    """The words of what a definition or duties question asks about ("ML" -> machine, learning), level words and
    determiners left out."""
    match = _TERM.match(query.text.strip())
    if match is None:
        return []
    phrase = match.group(1) or match.group(2) or match.group(3) or \
        re.sub(r"^(?:job|role|work|position) of (?:an?\s+|the\s+)?", "", match.group(4) or "", flags=re.I)
    # what is asked about, not how it should be said: "machine learning in simple terms", "keras exactly"
    phrase = re.split(r"\s+(?:in|for|on|at|with|exactly|actually|really|basically|anyway|briefly|again)\b", phrase,
                      maxsplit=1, flags=re.I)[0]
    if len(phrase.split()) > 5:
        return []
    expanded = [w for t in words(phrase) for w in corpus.acronyms.get(t.lower(), t).split()]
    return [w.lower() for w in expanded if not levels(w) and w.lower() not in _DETERMINER]


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "become", "becomes"})
_DOING = frozenset({"responsible", "tasked", "charged", "involved", "in", "expected", "required", "often", "usually",
                    "typically", "also"})


def _opens_with(text: str, term: list[str], defining: bool) -> bool:
    """Whether a sentence opens with the term (any word form), after determiners and level words, and says
    something of it next: a verb follows ("Machine learning is", "ML engineers develop"), not more of a name
    ("Machine learning engineers' salaries")."""
    tokens = text.split()[:len(term) + 8]
    while tokens and (tokens[0].lower() in _DETERMINER or levels(tokens[0])):
        tokens = tokens[1:]
    label, colon, _ = " ".join(tokens).partition(":")
    if colon and _same_words(words(label), term, levelled=True):  # "Senior Machine Learning Engineer: Senior ..."
        said = text.partition(":")[2]
        # a definition under the label: "Deep learning: a subset of ...", not "Bootcamps: Bootcamps have become ..."
        return not defining or _opens_with(said, term, defining) or not _same_words(words(said)[:len(term)], term)
    opening = words(" ".join(tokens))
    head, rest = opening[:len(term)], opening[len(term):len(term) + 3]
    if len(head) < len(term) or not rest:
        return False
    if not _same_words(head, term):
        return False
    if rest[0].isalpha() and len(rest) > 1 and rest[0] in [w.lower() for w in re.findall(r"\(([A-Z]{2,})\)", text)]:
        rest = rest[1:]  # "Machine Learning (ML) is ..."
    if defining:  # "Machine learning is a subset of ...", not "ML engineers are in high demand" (where they are)
        return rest[0] in _DEFINING_VERBS and not (rest[0] in _COPULAS and len(rest) > 1 and rest[1] in STOPWORDS
                                                   and rest[1] not in ("a", "an", "the", "one"))
    if rest[0] in _COPULAS:  # "ML engineers are in high demand" says what they are, not what they do; "are
        return len(rest) > 1 and rest[1] in _DOING  # responsible for" says it
    speech = parts_of_speech(rest[0])
    return "AUX" in speech or ("VERB" in speech and ("NOUN" not in speech or
                                                    (len(rest) > 1 and rest[1] in _OBJECT_START)))


# A sentence that opens by pointing back ("They are short-term programs ...", "In this position, you will ..."): what
# it speaks of was named just before it (English).
_POINTS_BACK = re.compile(r"^(?:(?P<phrase>(?:in|as|with|for|at)\s+(?:this|that|such|these|those)\s+(?:\w+\s+)?"
                          r"(?:role|position|job|capacity|career|profession|program)s?)(?=\s*,)|"
                          r"(?P<pronoun>they|it|these|this|such)\s+(?=(?:are|is|were|was|have|has|can|will|may|"
                          r"often|usually|typically|also|include|involve|offer|provide|require|cover|help|let|"
                          r"allow|focus|combine)\b))", re.I)
# What a pointing sentence goes on to say a person in the role does ("..., you will use ... to write, test, and fix").
_YOU_WILL = re.compile(r"^\W*(?:you|they)\s+(?:will|would|may|might|can|could|get to|['’]ll)?\s*\w+", re.I)


def _describes_the_job(text: str) -> bool:
    """Whether a sentence pointing back at a job says what the one holding it will do ("In this position, you will
    ...")."""
    match = _POINTS_BACK.match(text.strip())
    return match is not None and bool(match.group("phrase")) and bool(
        _YOU_WILL.match(text.strip()[match.end():].lstrip(" ,")))


def referent(corpus: CorpusIndex, unit: Sentence, term: list[str]) -> str:
    """The words that name the term asked about in the sentence (or heading) just before a unit that opens by
    pointing back ("Bootcamps" before "They are short-term intensive programs ..."); "" when it does not point back
    or the sentence before does not name the term."""
    if not term or unit.kind != "sentence" or _POINTS_BACK.match(unit.text.strip()) is None or unit.sentence_id == 0:
        return ""
    before = corpus.sentences[unit.sentence_id - 1]
    if before.doc_id != unit.doc_id or before.kind not in ("sentence", "heading"):
        return ""
    tokens = re.findall(r"[\w'’+#-]+", before.text)
    found = [w.lower() for w in tokens]
    for named in dict.fromkeys((tuple(term), tuple(core_term(corpus, term)))):
        for start in range(len(found) - len(named) + 1):
            if _same_words(found[start:start + len(named)], list(named)):
                said = tokens[start:start + len(named)]
                return " ".join(w if w.isupper() or start > 0 else w.lower() for w in said)
    return ""


def _lists_titles(corpus: CorpusIndex, unit: Sentence) -> bool:
    """A line listing documents' subjects ("Related occupations: Light Truck Drivers, Taxi Drivers, ..."): other
    jobs, not what one takes."""
    body = unit.text.split(":", 1)[1] if ":" in unit.text else unit.text
    titles = title_set(corpus.titles)
    return sum(item.strip(" .") in titles for item in body.split(",")) >= 2


def job_named_before(corpus: CorpusIndex, unit: Sentence) -> str:
    """The job a sentence opening "In this position, ..." points back at, when the sentence before ends by naming
    it ("One job that can help you ... is software engineer."); "" otherwise."""
    pointer = _POINTS_BACK.match(unit.text.strip()) if unit.kind == "sentence" and unit.sentence_id else None
    if pointer is None or not pointer.group("phrase"):
        return ""
    before = corpus.sentences[unit.sentence_id - 1]
    if before.doc_id != unit.doc_id or before.kind != "sentence":
        return ""
    named = _ENDS_NAMING.search(before.text.strip())
    return named.group(1) if named else ""


# "... is software engineer.", "... as a data analyst.": a sentence ending by naming a job (English).
_ENDS_NAMING = re.compile(r"\b(?:is|as|be|become|becoming)\s+(?:an?\s+|the\s+)?((?:[\w-]+\s+){0,3}[\w-]+)\.?$", re.I)


def core_term(corpus: CorpusIndex, term: list[str]) -> list[str]:
    """A term without the modifiers that only repeat the corpus's theme ("ML bootcamp" -> bootcamp, where most
    sentences speak of machine learning); the term itself when it is all theme ("ML engineer")."""
    theme = math.log(1 + 1 / THEME_SHARE)
    start = 0
    while start < len(term) - 1 and corpus.idf.get(singular(term[start]), 0.0) < theme:
        start += 1
    core = term[start:] if start < len(term) and corpus.idf.get(singular(term[-1]), 0.0) >= theme else term
    if len(core) > 1 and not _said_together(corpus, core):  # "coding bootcamp" where the sources only speak of
        return core[-1:]  # bootcamps: the head noun is what they define (its modifier would match "Coding Dojo")
    return core


def _said_together(corpus: CorpusIndex, term: list[str]) -> bool:
    """Whether some sentence says the term's words one after another (any plural); True when its words are too
    common to have postings (not checked)."""
    postings = [corpus.sentences_by_word.get(singular(w)) for w in term]
    rarest = min((p for p in postings if p), key=len, default=None)
    if rarest is None:
        return True
    said = r"\W+".join(rf"{re.escape(singular(w))}\w{{0,3}}" for w in term)
    return any(re.search(rf"\b{said}\b", corpus.sentences[sid].text, re.I) for sid in rarest)


def resolved(text: str, refers_to: str) -> str:
    """A pointing sentence with what it points to set in brackets after the pointer ("They [bootcamps] are ...",
    "In this position [software engineer], you will ...")."""
    match = _POINTS_BACK.match(text)
    if not refers_to or match is None:
        return text
    end = match.end("phrase") if match.group("phrase") else match.end("pronoun")
    return f"{text[:end]} [{refers_to}]{text[end:]}"


def _says_of_referent(text: str, term: list[str], defining: bool) -> bool:
    """Whether a pointing sentence says what the term is (defining) or what one in it does, read as if it named the
    term: "They are short-term intensive programs" -> "bootcamps are ...", "In this position, you will write ..."."""
    match = _POINTS_BACK.match(text.strip())
    if match is None:
        return False
    rest = text.strip()[match.end():].lstrip(" ,")
    if not defining and _YOU_WILL.match(rest):
        return True
    return _opens_with(f"{' '.join(term)} {rest}", term, defining)


def _same_words(found: list[str], term: list[str], levelled: bool = False) -> bool:
    """The same words in any form ("engineers" ~ "engineer"); level words may lead a label when `levelled`."""
    if levelled:
        found = [w for w in found if not levels(w)]
    return len(found) == len(term) and all(lemma(a) == lemma(b) or singular(a) == singular(b)
                                           for a, b in zip(found, term, strict=False))


_DEFINING_VERBS = {"is", "are", "was", "were", "refers", "refer", "means", "mean", "involves", "consists",
                   "describes", "denotes"}
_OBJECT_START = {"a", "an", "the", "their", "its", "with", "to", "on", "in", "and"}  # function words only


def _prefer_specific_items(best: dict[tuple[int, int], tuple[float, Sentence, str, str]],
                           question_terms: dict[str, float], rare_terms: list[str]) -> None:
    """A list quoted whole loses to one of its own items (or a sentence inside it) that uses the question's rarest
    word and scores within the list's shape bonus: "how can networking help?" is answered by "Networking: Attend
    ML conferences ...", not by the five-step roadmap that holds it."""
    if not rare_terms:
        return
    for key, (score, unit, _, _) in list(best.items()):
        if unit.kind != "block":
            continue
        for inner_score, inner, _, _ in list(best.values()):
            if (inner.doc_id == unit.doc_id and unit.start <= inner.start and inner.end <= unit.end
                    and inner is not unit and inner_score + 2 * KIND_BONUS >= score
                    and set(rare_terms) & (term_set(inner.text) | term_set(inner.context))):
                best[key] = (inner_score - KIND_BONUS, *best[key][1:])  # the item is shown, the list after it
                break


OTHER_ASPECT_PENALTY = 0.12  # an FAQ question asking another aspect (how long, not how) hands its answer on less
# The aspect a question asks: "how long", "how much", "why"... (English question words).
_ASPECT = re.compile(r"^\W*(how\s+(?:long|much|many|often|hard|difficult|far|soon)|how|why|when|where|who)\b", re.I)


def _asks_same(faq: str, question: str) -> bool:
    """Whether an FAQ question in a document asks the aspect the user's question asks ("How long does it take to
    become ...?" does not answer "How do I become ...?"); true when either names no aspect."""
    theirs, ours = _ASPECT.match(faq), _ASPECT.match(question)
    if not faq.rstrip().endswith("?") or theirs is None or ours is None:
        return True
    return " ".join(theirs.group(1).lower().split()) == " ".join(ours.group(1).lower().split())


# "What other titles do lifeguard jobs go by?", "what else is a podiatrist called?": the other names asked for
# (English wording).
ASKS_NAMES = re.compile(r"\b(?:other|alternat\w*|different|similar|job)\s+(?:job\s+)?(?:titles|names)\b|"
                        r"\b(?:also|else|other)\b.{0,30}\b(?:called|known as)\b|\b(?:titles|names)\b.{0,40}\b(?:go by|"
                        r"posted under|listed (?:as|under))\b", re.I)
NAME_LIST_BONUS = 0.25
ABOUT_ITSELF_PENALTY = 0.15
# A document speaking of itself: "this guide will help you ...", "in this article, we ...", "read on to learn"
# (English wording).
_ABOUT_ITSELF = re.compile(r"\b(?:this|our)\s+(?:guide|article|post|blog(?: post)?|piece|tutorial|page)\s+(?:will|"
                           r"would|can|is going to|aims|covers|explores|walks)\b|\bin this (?:guide|article|post|blog"
                           r"(?: post)?|piece|tutorial)\b|\bread on\b|\bwe(?:['’]ll| will) (?:explore|cover|look at|"
                           r"discuss|walk)\b", re.I)
NAMED_DOCUMENTS = 3  # documents whose lists of other names a question asking for them reads


def _name_lists(corpus: CorpusIndex, found: Retrieval) -> set[int]:
    """The lists of other names ("Also called: ...") of the documents retrieval found first."""
    lists: set[int] = set()
    documents = list(dict.fromkeys(corpus.chunks[cid].doc_id for cid in found.chunk_scores))[:NAMED_DOCUMENTS]
    for doc_id in documents:
        sid = next((s for cid in found.chunk_scores if corpus.chunks[cid].doc_id == doc_id
                    for s in corpus.sentences_by_chunk.get(cid, [])[:1]), None)
        if sid is None:
            continue
        while sid > 0 and corpus.sentences[sid - 1].doc_id == doc_id:
            sid -= 1
        while sid < len(corpus.sentences) and corpus.sentences[sid].doc_id == doc_id:
            if corpus.sentences[sid].kind == "sentence" and OTHER_NAMES.match(corpus.sentences[sid].text):
                lists.add(sid)
            sid += 1
    return lists


def choose_sentences(corpus: CorpusIndex, found: Retrieval, limit: int, query: Query | None = None,
                     aspects: Mapping[tuple[str, str], float] | None = None) -> list[Scored]:
    """The passages that best answer the question, at most `limit`; `aspects` gives the bonus of passages under the
    heading the question asks about (`aspects.aspect_bonus`)."""
    scores = found.sentence_scores
    candidates = {sid for cid in found.chunk_scores for sid in corpus.sentences_by_chunk.get(cid, [])}
    candidates.update(scores.best(GLOBAL_SENTENCES))
    floor = min(found.chunk_scores.values(), default=0.0)
    question_terms = weighted_terms(corpus, found.question)
    # Sentences that use the question's rarest words ("portfolio"), wherever they stand: retrieval by passage can
    # miss a list item that says it in passing.
    rare_terms = _rarest(corpus, question_terms)
    candidates.update(sid for t in rare_terms for sid in corpus.sentences_by_word[t][:RARE_POSTINGS])
    best: dict[tuple[int, int], tuple[float, Sentence, str, str]] = {}
    focus = focus_words(corpus, query) if query is not None and query.kind in ("yesno", "howto") else set()
    background = weighted_terms(corpus, query.preamble) if query is not None and query.preamble else {}
    asks_of_asker = query is not None and query.kind in ("yesno", "howto") and bool(_ASKER_CAN.match(query.text))
    # what the setting says that the corpus rarely does ("physics", not "work" or "high"; no place: "I live in
    # Ohio" is no condition of what it takes): the passages of the documents found that use it are candidates too
    setting = {t: w for t, w in background.items() if corpus.idf.get(t, 0.0) >= corpus.rare_idf
               and place_of(t) is None} if asks_of_asker else {}
    found_in = {corpus.chunks[c].doc_id for c in found.chunk_scores}
    candidates.update(sid for t in _rarest(corpus, setting) for sid in corpus.sentences_by_word[t][:RARE_POSTINGS]
                      if corpus.sentences[sid].doc_id in found_in)
    asks_names = query is not None and bool(ASKS_NAMES.search(query.text))
    if asks_names:
        candidates.update(_name_lists(corpus, found))
    term = _term_asked(query, corpus) if query is not None and query.kind in ("definition", "duties") else []
    if term:  # a sentence that goes on about a candidate's subject by pointing back ("They are ...") may say it
        candidates.update(sid + step for sid in list(candidates) for step in (1, 2)  # (a heading, its first sentence)
                          if sid + step < len(corpus.sentences)
                          and _POINTS_BACK.match(corpus.sentences[sid + step].text.strip()))
    for sid in candidates:
        sentence = corpus.sentences[sid]
        score = (0.5 * float(scores[sid]) + 0.5 * found.chunk_scores.get(sentence.chunk_id, floor)
                 + LEXICAL_WEIGHT * overlap(question_terms, sentence)
                 + LEXICAL_WEIGHT / 2 * title_overlap(corpus, question_terms, sentence))
        points = referent(corpus, sentence, term)  # "" unless it opens "They ..." after a sentence naming the term
        if asks_names and sentence.kind == "sentence" and OTHER_NAMES.match(sentence.text):
            target: Sentence | None = sentence  # "what other titles ...": the names are the answer, whatever
            score += NAME_LIST_BONUS  # their words share with the question's
        elif query is not None and query.kind == "list" and sentence.kind == "sentence" \
                and labelled_list(sentence.text):
            target = labelled_run(corpus, sentence)  # "In-demand technologies: ...", "Related occupations: ..."
        elif points and _says_of_referent(sentence.text, term, query is not None and query.kind == "definition"):
            target = sentence  # "They [bootcamps] are short-term intensive programs": it says it, on its own
        else:
            target = answer_to(corpus, sentence)
        if target is None:
            continue
        if target.kind == "sentence" and query is not None and is_name_list(target) and (
                (target is not sentence and query.kind in ("definition", "duties"))
                or (query.kind in ("figure", "comparison") and not FIGURE.search(target.text))
                or (query.kind in ("yesno", "howto") and not asks_names
                    and (OTHER_NAMES.match(target.text.strip()) is not None or _lists_titles(corpus, target)))):
            continue  # a heading's list of names ("Related occupations: ...") is not what a job is or does, nor
            # any figure, nor what it takes
        if target is not sentence and query is not None and query.kind in ("howto", "list") \
                and sentence.kind == "sentence" and OTHER_NAMES.match(sentence.text.strip()):
            continue  # "how do I become a CRNA?": the line listing it among other names says what the job is
            # called; what it points at says what the job is, not how to get it
        if query is not None and _of_another_level(corpus, query, target):
            continue  # "... for senior ML engineers?": a row of the entry-level table says nothing of seniors
        score += _shape_bonus(query, target, corpus, sentence.text, focus) + _level_bonus(query, target, term)
        if aspects and target.kind not in ("row", "item"):  # a section's whole list or table, not one of its lines
            score += aspects.get((target.doc_id, target.section), 0.0)
        refers = points if target is sentence else referent(corpus, target, term)
        if refers:  # "In this position [software engineer], ...": its words are what it speaks of
            score += LEXICAL_WEIGHT * (weighted_share(question_terms, term_set(f"{target.text} {refers}"))
                                       - overlap(question_terms, target))
        if target is not sentence and query is not None and not _asks_same(sentence.text, query.text):
            score -= OTHER_ASPECT_PENALTY  # "How long does it take to become ...?" answers no "how do I become"
        if _ABOUT_ITSELF.search(target.text):  # "this guide will help you navigate the next steps": what the
            score -= ABOUT_ITSELF_PENALTY  # document sets out to do, not what it says
        if background:  # the asker's own setting ("I'm a data engineer"): a passage that speaks of it, a little;
            # more than the question's own words when it asks whether they can ("I have a physics degree. Can I
            # still become ...?": the setting's rare words are what the answer turns on)
            score += SETTING_WEIGHT * overlap(setting, sentence) if setting \
                else LEXICAL_WEIGHT / 2 * overlap(background, sentence)
        if query is not None and query.sources and from_source(corpus, query.sources, target.doc_id, target.text,
                                                               (target.start, target.end)):
            score += SOURCE_BONUS
        why = "matched" if target is sentence else f"pointed at by: {sentence.text[:80]}"
        entry = best.get((target.sentence_id, target.end))
        if entry is None or score > entry[0]:
            best[(target.sentence_id, target.end)] = (score, target, why, sentence.text)
    _prefer_specific_items(best, question_terms, rare_terms)
    scored = sorted((Scored(s, score, why, matched, referent(corpus, s, term) or job_named_before(corpus, s))
                     for score, s, why, matched in best.values()), key=lambda s: s.score, reverse=True)
    chosen: list[Scored] = []
    for candidate in scored:
        if len(chosen) == limit or candidate.score < scored[0].score - SENTENCE_MARGIN:
            break
        if _covered_by(candidate.sentence, chosen):
            continue
        vector = corpus.sentence_vectors[candidate.sentence.sentence_id]
        if any(float(vector @ corpus.sentence_vectors[c.sentence.sentence_id]) > NEAR_DUPLICATE for c in chosen):
            continue
        chosen.append(candidate)
    # A passage that holds nearly every informative word of the question says what was asked, however its meaning
    # scored ("How do I meet potential employers?" -> "... meet potential employers").
    if question_terms and not any(overlap(question_terms, c.sentence) >= WORDS_HELD for c in chosen):
        holding = next((c for c in scored if overlap(question_terms, c.sentence) >= WORDS_HELD
                        and not _covered_by(c.sentence, chosen)), None)
        if holding is not None:
            # it takes the place of the weakest passage, never of a list a list question found
            listed = query is not None and query.kind == "list"
            weakest = next((c for c in reversed(chosen) if not (listed and (
                c.sentence.kind in ("list", "block") or labelled_list(c.sentence.text)))),  # ("Other tools: ...")
                           None) if len(chosen) >= limit else None
            chosen = [c for c in chosen if c is not weakest][:max(limit - 1, 1)] + [holding]
    return chosen


def _rarest(corpus: CorpusIndex, terms: dict[str, float]) -> list[str]:
    """The terms the corpus has postings for, the weightiest first (at most RARE_TERMS)."""
    return sorted((t for t in terms if t in corpus.sentences_by_word), key=lambda t: -terms[t])[:RARE_TERMS]


# "Can I still become ...?", "Could I get ...", "Is it possible for me to ...": whether the asker can (English).
_ASKER_CAN = re.compile(r"^\W*(?:can|could|would|will|should|am|do)\s+i\b|^\W*is\s+it\s+(?:possible|realistic|"
                        r"feasible|too late)\s+for\s+me\b", re.I)


def focus_words(corpus: CorpusIndex, query: Query) -> set[str]:
    """The question's words that say what it is about beyond the corpus's theme: "skills" and "become" in "What
    skills do I need to become an ML engineer?" when most sentences speak of ML engineers. Every form of each."""
    theme = math.log(1 + 1 / THEME_SHARE)
    focus: set[str] = set()
    named_sources = {w for source in query.sources for w in words(source)} | {"according"}
    for word in query.topic:
        if word in named_sources:  # "according to Glassdoor" says where from, not what about
            continue
        if word in corpus.acronyms:  # "ML": as common as the words it stands for
            if all(corpus.idf.get(singular(w), 0.0) < theme for w in words(corpus.acronyms[word])):
                continue
        forms = every_lemma(word) | {singular(word)}
        rarity = corpus.idf.get(singular(word)) or max((corpus.idf.get(form, 0.0) for form in forms), default=0.0)
        # as written ("learning" is the theme even where "learn" is not); a light verb says nothing of the topic
        if rarity >= theme and not forms & LIGHT_VERBS:
            focus |= forms
    return focus


def about_focus(facts: Sequence[Fact], focus: set[str], question: str = "") -> bool:
    """Whether facts speak of what the question is about ("certification" in "the most popular certification") in
    their rows, columns, captions or quotes, or measure what it asks ("openings"): the most popular certification
    is not read from a table of languages."""
    if not focus:
        return True
    text = " ".join(f"{f.subject} {f.attribute} {f.caption} {' '.join(f.qualifiers)} {f.quote}"
                    for f in facts[:MAX_FACTS_READ])
    said = {form for w in set(words(text)) for form in every_lemma(w)}
    measures = {form for w in words(question) if w in MEASURE_WORDS and len(w) > 3 for form in every_lemma(w)}
    measured = {form for f in facts[:1] for w in words(f.attribute) for form in every_lemma(w)}
    return bool(said & focus) or bool(measured & measures) or bool(
        stems(" ".join(focus)) & stems(" ".join(f.attribute for f in facts[:1])))  # "employs" ~ "Employment"


MAX_FACTS_READ = 40  # facts read to tell what a table is about


def _lists(sentence: Sentence) -> bool:
    """A list, a table or a sentence naming its items ("Cloud platforms like AWS, Microsoft Azure, and ...")."""
    return sentence.kind in ("block", "list") or (sentence.kind == "sentence" and enumerates(sentence.text))


_PAGES: dict[str, list[tuple[str, frozenset[str]]]] = {}  # index version -> its occupations' pages, read once


def page_words(corpus: CorpusIndex) -> list[tuple[str, frozenset[str]]]:
    """The documents that are an occupation's page (`CorpusIndex.pages`), with their titles' name words."""
    if corpus.version not in _PAGES:
        if len(_PAGES) >= 4:
            _PAGES.clear()
        _PAGES[corpus.version] = [(doc_id, frozenset(name_words(title))) for doc_id, title in corpus.pages.items()]
    return _PAGES[corpus.version]


def title_words(corpus: CorpusIndex) -> frozenset[str]:
    return frozenset(w for _, named in page_words(corpus) for w in named)


def focused(corpus: CorpusIndex, query: Query, chosen: list[Scored], lead: int = 1,
            pool: Sequence[Scored] = ()) -> list[Scored]:
    """The best passage (`lead` of them: 0 when facts lead the answer), and after it only passages that use one of
    the question's focus words: a passage that shares nothing but the corpus's theme with the question is padding.
    A close second leads instead of the best when it says what is asked of the subject ("certifications" of
    welders: their education table, not their skills), or else names the subject where the best does not; `pool`
    holds the passages it may come from, when more than those chosen."""
    focus = focus_words(corpus, query)
    if not focus or len(chosen) <= lead:
        return chosen
    # "what other titles do X go by?": the names they go by lead, not a list that has the word in a name
    # ("Related occupations: ..., Title Examiners, ...")
    reorder = lead and not (ASKS_NAMES.search(query.text) and OTHER_NAMES.match(chosen[0].sentence.text))
    named = {form for m in query.subjects for w in words(m.text) for form in every_lemma(w) | {singular(w)}}
    asked = focus - named
    asked_stems = stems(" ".join(w for w in asked if w in query.topic))

    @cache  # each passage read once, whichever test asks
    def said(item: Scored) -> tuple[frozenset[str], frozenset[str]]:
        # a list or table is about what its lead-in says; a sentence a heading handed its match to stands for its
        # section ("In-demand technologies: ..." under "Technologies X use", with "Other tools: ... software")
        lead_in = item.sentence.kind in ("block", "list") and len(item.matched.split()) >= MIN_LEAD_IN_WORDS
        pointer = item.matched if lead_in or item.matched.endswith("?") else ""
        if item.matched.startswith("#"):
            pointer = " ".join([item.matched] + [corpus.sentences[p].text for p in corpus.sentences_by_chunk.get(
                item.sentence.chunk_id, []) if corpus.sentences[p].section == item.sentence.section])
        sid = item.sentence.sentence_id
        if item.sentence.kind in ("block", "list") and sid > 0 \
                and corpus.sentences[sid - 1].doc_id == item.sentence.doc_id:  # and the line that leads into it
            pointer += f" {corpus.sentences[sid - 1].text}"  # ("Your day-to-day tasks will include ... below.")
        text = f"{item.sentence.text} {item.sentence.context} {pointer} {item.refers_to}"
        return frozenset(form for w in words(text) for form in every_lemma(w) | {singular(w)}), stems(text)

    def uses_focus(item: Scored) -> bool:
        return bool(said(item)[0] & focus)

    def says_asked(item: Scored) -> bool:
        forms, item_stems = said(item)
        return bool(forms & asked) or bool(asked_stems & item_stems)  # "certifications" ~ "Certificate"
    if reorder and len(query.subjects) == 1 and chosen[0].sentence.doc_id in corpus.pages:
        # another occupation's page leads ("Related occupations: ..., Ship Engineers, ..." on the Sailors' page):
        # a close passage of the subject's own page that says as much leads instead
        wanted = name_words(query.subjects[0].text)

        def own(item: Scored) -> bool:
            title = corpus.pages.get(item.sentence.doc_id)
            return title is not None and bool(wanted) and wanted <= name_words(title)
        if not own(chosen[0]):
            mine = next((c for c in (pool or chosen)[1:] if own(c) and c.score >= chosen[0].score - FOCUS_MARGIN
                         and (says_asked(c) if asked else uses_focus(c))), None)
            if mine is not None:
                chosen = [mine] + [c for c in chosen if c.sentence != mine.sentence][:len(chosen) - 1]
    titled = title_words(corpus)  # "interpreter or translator": the page it names, not what is asked of it
    asked_words = [w for w in query.topic if every_lemma(w) & asked and singular(w) not in titled]
    if reorder and len(asked_words) >= 2:  # a close second that says more of what was asked leads ("which industries
        # are hiring ...": the industries hiring, over the companies hiring)
        def says_how_much(item: Scored) -> int:
            forms, item_stems = said(item)
            return sum(bool(every_lemma(w) & forms) or bool(stems(w) & item_stems) for w in asked_words)
        most = says_how_much(chosen[0])
        listing = query.kind == "list" and _lists(chosen[0].sentence)  # a list is not passed over for a sentence
        more = next((c for c in (pool or chosen)[1:] if c.score >= chosen[0].score - FOCUS_MARGIN
                     and says_how_much(c) > most and (not listing or _lists(c.sentence))), None)
        if more is not None:
            chosen = [more] + [c for c in chosen if c.sentence != more.sentence][:len(chosen) - 1]
    if reorder:  # a close second that says what was asked leads instead
        first = chosen[0]
        # (not over a passage about the level asked, for one about no level: "Senior engineers typically lead teams
        # ..." answers "the responsibilities of a senior ML engineer", the job's generic list of them does not)
        levelled = _at_level(query, first)
        # a sentence many documents say word for word ("Most of these occupations require ...") is said of a
        # class: the subject's own passage that says what was asked (its education table) leads over it
        template = bool(query.subjects) and bool(asked) and first.sentence.text in corpus.shared
        for test in ((says_asked,) if asked else ()) + (uses_focus,):
            if test(first) and not template:
                break
            margin = TEMPLATE_MARGIN if template else FOCUS_MARGIN
            better = next((c for c in (pool or chosen)[1:] if test(c) and c.score >= first.score - margin
                           and not (template and c.sentence.text in corpus.shared)
                           and (not levelled or _at_level(query, c))), None)
            if better is not None:
                chosen = [better] + [c for c in chosen if c.sentence != better.sentence][:len(chosen) - 1]
                break
            template = False  # naming the subject is no reason to pass over a template
    kept = chosen[:lead]
    for item in chosen[lead:]:
        if not query.asks_figure and (FIGURE_LINE.match(item.sentence.text.strip()) or _figures_row(corpus, item)):
            continue  # "287K /yr Most Likely Range", a row of wages: figures, where none was asked
        if uses_focus(item):
            kept.append(item)
    return kept


def _of_another_level(corpus: CorpusIndex, query: Query, unit: Sentence) -> bool:
    """Whether a table row states its figures for career levels other than the ones the question asks about."""
    if not query.levels or unit.kind not in ("row", "block"):
        return False
    rows = [unit.sentence_id]
    while unit.kind == "block" and rows[-1] + 1 < len(corpus.sentences) and \
            corpus.sentences[rows[-1] + 1].doc_id == unit.doc_id and corpus.sentences[rows[-1] + 1].end <= unit.end:
        rows.append(rows[-1] + 1)  # a table: each of its rows
    stated = {level for row in rows for position in corpus.facts_by_sentence.get(row, [])
              for level in levels(" ".join(corpus.facts[position].qualifiers))}
    return bool(stated) and not stated & set(query.levels)


def _at_level(query: Query, item: Scored) -> bool:
    """Whether a passage opens by naming the career level the question names ("Senior Machine Learning Engineer:
    ...", "Entry-level ML engineers ...")."""
    return bool(query.levels) and bool(set(query.levels) & set(levels(" ".join(
        item.sentence.text.split()[:LEVEL_OPENING]))))


def _figures_row(corpus: CorpusIndex, item: Scored) -> bool:
    """A table row whose cells are figures (a row of wages), quoted on its own (or as a table of one row)."""
    if item.sentence.kind not in ("row", "block"):
        return False
    units = [u for u in corpus.sentences[item.sentence.sentence_id:item.sentence.sentence_id + 3]
             if u.doc_id == item.sentence.doc_id and u.end <= item.sentence.end]
    cells = [corpus.facts[p] for u in units for p in corpus.facts_by_sentence.get(u.sentence_id, [])]
    return all(u.kind == "row" for u in units) and len(units) == 1 and bool(cells) and \
        2 * sum(f.parsed.kind != "text" for f in cells) > len(cells)  # (a wages row names its occupation group)


def from_source(corpus: CorpusIndex, sources: Sequence[str], doc_id: str, text: str,
                span: tuple[int, int] | None = None) -> bool:
    """Whether a text (a sentence, a fact's quote and qualifiers) comes from a document a named source wrote (its
    title) or cites that source, in the text itself or in the paragraph around its `span` ("According to PayScale,
    ... An entry-level engineer takes home ...": the second sentence is PayScale's too)."""
    document = corpus.documents[doc_id]
    said = f"{document.title} {text}"
    if span is not None:
        start = document.text.rfind("\n", 0, span[0]) + 1
        end = document.text.find("\n", span[1])
        said += " " + document.text[start:end if end >= 0 else len(document.text)]
    lowered = said.lower()
    return any(source.lower() in lowered for source in sources)


def _covered_by(sentence: Sentence, chosen: list[Scored]) -> bool:
    """A unit inside a list or table already quoted (or the block around one already quoted) adds nothing."""
    for other in chosen:
        if other.sentence.doc_id != sentence.doc_id:
            continue
        a, b = (sentence.start, sentence.end), (other.sentence.start, other.sentence.end)
        if a[0] >= b[0] and a[1] <= b[1] or b[0] >= a[0] and b[1] <= a[1]:
            return True
    return False


def states_answer(query: Query, sentence: Sentence, acronyms: Collection[str] = ()) -> bool:
    """Whether a sentence holds the kind of answer a who/when/where question wants, about what it names and with
    what it asks (the verb: "released", "developed")."""
    text = sentence.text
    lowered = {lemma(w) for w in words(text)} | {singular(w) for w in words(text)}
    for mention in query.subjects:
        if not all(singular(w) in lowered or lemma(w) in lowered for w in words(mention.text)):
            return False
    predicate = [w for w in query.unmatched] + [w for w in query.topic
                                                  if not any(w in m.text.lower() for m in query.subjects)]
    if predicate and not any(lemma(w) in lowered or singular(w) in lowered for w in predicate) \
            and not (query.wh == "who" and _BY_AGENT.search(text)):  # "Developed by Google" answers who made it
        return False
    if query.wh == "when":
        return bool(_YEAR_OR_DATE.search(text))
    if query.wh in ("who", "where"):
        asked = [m.text.lower() for m in query.subjects] + list(query.topic)
        names = [n for n in _NAME_INSIDE.findall(text) if n.lower() not in acronyms
                 and not any(n.lower() in a or a in n.lower() for a in asked)]
        return bool(names)
    return True


def whole_lists(corpus: CorpusIndex, chosen: list[Scored]) -> list[Scored]:
    """Items of one list chosen one by one ("Recurrent Neural Networks: ...", "Convolutional Neural Networks: ...")
    as the list they are items of, where the first of them stood: a question asking for things wants them all."""
    merged: list[Scored] = []
    taken: set[int] = set()
    for position, item in enumerate(chosen):
        if position in taken:
            continue
        run = _list_around(corpus, item.sentence)
        fellows = [i for i, other in enumerate(chosen) if i != position and i not in taken and run is not None
                   and other.sentence.doc_id == run.doc_id and run.start <= other.sentence.start
                   and other.sentence.end <= run.end]
        if run is None or not fellows:
            merged.append(item)
            continue
        taken.update(fellows)
        merged.append(Scored(run, max([item.score] + [chosen[i].score for i in fellows]), "items of one list",
                             item.matched))
    return merged


def _list_around(corpus: CorpusIndex, unit: Sentence) -> Sentence | None:
    """The run of list items (or table rows) a unit is one of, as one quotable unit."""
    if unit.kind not in ("item", "row"):
        return None
    first = unit.sentence_id
    while first > 0 and corpus.sentences[first - 1].kind == unit.kind and \
            corpus.sentences[first - 1].doc_id == unit.doc_id:
        first -= 1
    return pointed_block(corpus, corpus.sentences[first - 1]) if first > 0 else None


def rows_named(corpus: CorpusIndex, query: Query, block: Sentence) -> list[Sentence]:
    """The rows of a quoted table whose label the question names ("... in healthcare?"), when it names some of
    them and not all: those rows answer it, the others are about something else."""
    if block.kind != "block":
        return []
    asked = {form for w in words(query.text) for form in (singular(w), lemma(w))}
    rows: list[Sentence] = []
    total = 0
    for unit in corpus.sentences[block.sentence_id:]:
        if unit.doc_id != block.doc_id or unit.end > block.end:
            break
        facts = corpus.facts_by_sentence.get(unit.sentence_id)
        if unit.kind != "row" or not facts:
            continue
        total += 1
        label = [w for w in words(corpus.facts[facts[0]].subject) if len(w) > 1]
        if label and all(singular(w) in asked or lemma(w) in asked for w in label):
            rows.append(unit)
    return rows if 0 < len(rows) < total else []
