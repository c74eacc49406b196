"""Follow-up questions resolved from the earlier turns, without a language model.

What a follow-up leaves out (the subject, the measure, the level, the topic) is carried over from the question
before it, using what the corpus knows: the subjects its facts are about and the names it uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from careerbot.answer.facts import asks_pay
from careerbot.answer.query import MEASURE_WORDS, OPERATOR_WORDS, WHICH_PLACE, Mention, asks_figure, phrase_around
from careerbot.answer.rewrite import (
    FIRST_PERSON,
    compared_with,
    normalise,
    points_into_itself,
    split_questions,
    strip_preamble,
)
from careerbot.answer.understand import (
    STATISTIC,
    SUPERLATIVE,
    places_in,
    sources_named,
    subject_mentions,
    tables_of,
    titled_names,
    understand,
)
from careerbot.index.corpus_index import CorpusIndex
from careerbot.records import Turn
from careerbot.text.places import is_country, is_known_place, place_of
from careerbot.text.terms import (
    LEVEL_PATTERNS,
    STOPWORDS,
    YEARS_SPAN,
    lemma,
    levels,
    name_key,
    parts_of_speech,
    singular,
    spelled_out,
    subject_words,
    words,
)

MAX_CONTEXT_QUESTIONS = 6  # earlier user turns that can matter to the next question

_MARKER = re.compile(r"^\s*(?:(?:and|but|also|so|ok(?:ay)?|then)\b[\s,]*)?(?:(?:what|how) about\b|(?:and|also)\b|"
                     r"same (?:for|in)\b|(?:in|for|at|with)\b(?=[^?]{0,40}\??\s*$))", re.I)
_LEADING_FILLER = re.compile(r"^\s*(?:and|but|also|so|ok(?:ay)?|then)?[\s,]*"
                             r"(?:(?:what|how) about|same (?:for|in))?[\s,]*",
                             re.I)
_POINTS_BACK = re.compile(r"\b(?:that|this|it|those|these|they|them)\b", re.I)  # words pointing at what was said
_PRONOUN = re.compile(r"\b(it|its|they|them|their|theirs|this|these|those|ones?)\b", re.I)
_PERSONAL = frozenset({"it", "its", "they", "them", "their"})  # pronouns that stand for what was spoken of
# "that job", "this field", "the same role": the job the conversation is about, named by a general noun (English).
_THAT_JOB = re.compile(r"\b(?:that|this|the same|such an?)\s+(?:job|role|occupation|career|field|profession|position|"
                       r"line of work|trade|kind of work|type of work)s?\b", re.I)
# "... for that?", "what about that?": a question ending on a demonstrative means the subject before (English).
_THAT_LAST = re.compile(r"\b(?:for|4|to|about|in|into|of|with|like|on|as|is|was)\s+(that|this)\W*$", re.I)
# The whole country rather than a place in it ("what about nationally?", "in the US?") (English).
_NATIONAL = re.compile(r"^(?:nationally|nationwide|national|overall|in general|(?:in|across|throughout)\s+(.+?))\W*$",
                       re.I)
# "what was it for 2022?", "how much is that in Boston?": the same question again, for another year, place or
# subject; read as "and for 2022?" (English).
_ASKED_AGAIN = re.compile(r"^\s*(?:(?:and|but|so|ok(?:ay)?)\b[\s,]*)?(?:what|how much|how many)(?:['’]s\b)?\s*"
                          r"(?:(?:is|was|are|were|will|would)\s+)?(?:it|that|this|they|those|these)\s+(?:be\s+)?"
                          r"(?=(?:for|in|at|during)\s+\S)", re.I)
_QUESTION_WORD = re.compile(r"^(?:who|what|when|where|why|how|which|is|are|do|does|can|should|tell|list|give)\b", re.I)


@dataclass(frozen=True)
class Resolution:
    question: str  # the question actually answered
    carried: str  # what was carried over: "" | subject | measure | level | topic
    topic: str = ""  # the topic a pronoun was read as: a later pronoun in the chain means it too


def _names_anything(question: str, corpus: CorpusIndex) -> bool:
    """Whether a question has words of its own beyond asking (how many, employed, earn, the median): a subject."""
    query = understand(question, corpus)
    # a level ("seniors") says which of them, not who; so do the years it spans ("seniors with 5+ years"), though
    # years alone may be what is asked ("how many have more than 5 years?")
    spans = {w.lower() for span in YEARS_SPAN.finditer(question) for w in re.findall(r"[a-z]+", span.group(0), re.I)
             } if levels(question) else set()
    return bool(query.places or query.missing_places or any(
        w not in MEASURE_WORDS and w not in OPERATOR_WORDS and w not in _ASKING_WORDS and w not in spans
        for w in query.topic))


# Words that ask for a measure or a kind without naming its subject ("How many are employed?", "What do they
# earn?", "Which level is most common?").
_ASKING_WORDS = frozenset("employed employ work working earn earning make paid pay get gets cost costs expect "
                          "common popular typical usual frequent level kind type one".split())


def _topic_named(topic: str) -> bool:
    """Whether a topic is a short name a pronoun "one" can stand for ("a senior one" -> "a senior ML engineer")."""
    return 0 < len(topic.split()) <= 4 and not topic.endswith("?")


def _strip_filler(question: str) -> str:
    return _LEADING_FILLER.sub("", question, count=1).strip()


def _topic(question: str, corpus: CorpusIndex, names: dict[str, str]) -> str:
    """What a question is about: its last specific name, or else the words after its question word."""
    cited = {source.lower() for source in sources_named(question, corpus)}  # "According to PayScale": where from
    mentions = [m for m in subject_mentions(question, corpus, names) if m.text.lower() not in cited]
    if mentions:  # a proper name ("Amazon") before a generic subject ("entry-level ML engineers")
        proper = [m for m in mentions if m.text[:1].isupper() and not levels(m.text)]
        return (proper or mentions)[-1].text
    # Else the longest run of its topic words ("registered nurses" in "What skills do registered nurses need?",
    # "locksmith" in "What does a locksmith do?"), never the whole question.
    query = understand(question, corpus)
    # "involve" says what is asked, not about what (unless nothing else is there: "google" can be a verb too)
    topic = [w for w in query.topic if parts_of_speech(w) != frozenset({"VERB"})] or list(query.topic)
    phrases = [phrase_around(query.text, word) for word in topic]
    # a place is where, not who: "their" after "how many electricians are there in the US" is the electricians
    phrases = [p for p in phrases if p and not is_known_place(p) and not (is_country(p) and not p.islower())] or \
        [p for p in phrases if p]
    if phrases:
        # a thing, not a quality: "certification", not "popular", in "Which certification is the most popular?"
        return max(reversed(phrases), key=lambda p: (any("NOUN" in parts_of_speech(w.lower()) for w in p.split()),
                                                     len(p.split())))
    return _body(question)


SHORT_NAME = 5  # words of a previous question that, all of it a name, is the subject "that job" points at


def _body(question: str) -> str:
    """A question without its opening words ("what is", "tell me about") and closing mark."""
    body = re.sub(r"^(?:tell me about|what (?:is|are)|who (?:is|are)|explain|describe)\s+", "", question.strip(),
                  flags=re.I)
    return body.rstrip("?.! ")


# "which of the two jobs", "which of them", "which one of these": one of the subjects just named (English).
_WHICH_OF_PAIR = re.compile(r"^\s*(?:so\s+|and\s+)?which\s+(?:one\s+)?of\s+"
                            r"(?:the\s+two|the\s+both|both|them|these|those)"
                            r"(?:\s+(?:jobs?|roles?|occupations?|careers?|professions?|ones?))?\b", re.I)
_OF_TWO = re.compile(r"\b(?:two|both)\b", re.I)
_WHICH_OF_THEM = re.compile(r"^\s*(?:so\s+|and\s+)?(?:which|who|what)\s+(?:one\s+)?(?:is|are|pays?|has|gets?|earns?)\s+"
                            r"(?:the\s+)?(?:higher|lower|more|less|better|bigger|most|least|highest|lowest)\b", re.I)
# "which one needs more schooling?", "who earns less?": a verb of its own and a comparative (English).
_WHICH_ONE_MORE = re.compile(r"^\s*(?:so\s+|and\s+)?(?:which|who)\s+(?:one\s+)?(?!(?:do|does|did|is|are|was|were)\b)"
                             r"[a-z]+\s+(?:more|less|fewer)\b", re.I)


def _own_measure(question: str) -> str:
    """What "which one needs more schooling?" asks of the two just named ("needs more schooling"), when it names
    a thing of its own after its comparative and no alternatives of its own ("... a degree or experience?");
    "" otherwise ("which is higher?": the measure asked before)."""
    match = _WHICH_ONE_MORE.match(question)
    if match is None or re.search(r"\bor\b", question, re.I) \
            or not [w for w in words(question[match.end():]) if w not in STOPWORDS]:
        return ""
    return re.sub(r"^\s*(?:so\s+|and\s+)?(?:which|who)\s+(?:one\s+)?", "", question).rstrip("?.! ")


def _of_both(measure: str, named: Sequence[str]) -> str:
    """ "which needs more schooling, dental hygienists or dental assistants?" """
    return f"which {measure}, {' or '.join(dict.fromkeys(named))}?"


# "in that list", "on this table", "among those": the things the question before asked for (English).
_IN_THAT_LIST = re.compile(r"\b(?:in|on|from|of|among)\s+(?:that|this|the|those|these)\s+(?:list|table|ones)\b|"
                           r"\bamong\s+(?:them|those|these)\b", re.I)


# "the year after that", "the following year", "a year earlier": the year next to the one just asked about (English)
_YEAR_SHIFT = re.compile(r"\b(?:the|a)\s+year\s+(?:(?P<after>after|later)|before|earlier|prior)\b|"
                         r"\bthe\s+(?:(?P<next>next|following)|previous|prior|preceding)\s+year\b", re.I)


def _asked_for(question: str) -> str:
    """The noun a which/what question asks for ("certification" in "Which certification does Google issue?")."""
    match = re.search(r"\b(?:which|what)\s+(?:(?:are|is)\s+)?(?:the\s+)?((?:\w+\s+){0,2}?\w+)\s+(?:does|do|did|is|"
                      r"are|can|could|should|would|will|has|have|pays?|offers?|issues?|gives?)\b", question, re.I)
    if match:
        return match.group(1)
    # "What certifications help ML engineers get hired?": things (a plural) and a verb of their own
    opening = re.search(r"\b(?:which|what)\s+(?:the\s+)?((?:[\w-]+\s+){1,3}[\w-]+)", question, re.I)
    said = opening.group(1).split() if opening else []
    plural = next((size for size, word in enumerate(said, 1) if singular(word.lower()) != word.lower()
                   and word.lower() not in STOPWORDS), 0)  # (the first: "What tools data scientists use?": tools)
    if plural and any("VERB" in parts_of_speech(w.lower()) and w.lower() not in STOPWORDS for w in said[plural:]):
        return " ".join(said[:plural])
    return ""


# "the one in Seattle", "the one that pays most": one of the things asked for before, picked out (English wording)
_THE_ONE = re.compile(r"\bthe\s+(one)\s+(?=(?:in|at|from|with|based|located|that|which|who|on|headquartered)\b)",
                      re.I)
# "does it take", "does it cost", "is it worth": an "it" that stands for what follows, not for anything said (English).
_IT_OF_NOTHING = re.compile(r"\b(?:it|they)\s+(?:takes?|took|costs?|pays?\s+to|worth|possible|hard|easy|make\s+sense|"
                            r"matters?|helps?\s+to)\b", re.I)
_POINTING_WORDS = frozenset({"that", "this", "same", "each", "every", "which", "what", "any", "your", "my", "their"})
_AT_LEVEL = re.compile(r"\b((?:at|for|on)\s+)?(?:the\s+)?([a-z]+)[- ]level\b", re.I)  # (English wording)


def _names_rung(word: str, corpus: CorpusIndex) -> bool:
    """Whether some subject's name holds the word ("manager": Machine Learning Engineer Manager)."""
    return word.lower() not in STOPWORDS and any(word.lower() in name.lower().split()
                                                 for name in corpus.subject_names.values())


def _replace_level(question: str, new_level: str) -> str:
    for pattern, _ in LEVEL_PATTERNS:
        if pattern.search(question):
            return pattern.sub(new_level, question, count=1)
    return f"{question.rstrip('?.! ')} ({new_level})?"


def _proper(mention: Mention) -> bool:
    """A name ("Google", "PayScale"), not a common noun or an acronym's phrase ("data scientists", "ML engineers")."""
    first = mention.text.split()[0]
    return first[:1].isupper() and not first.isupper()


def _swapped(before: Sequence[Mention], new: Mention, corpus: CorpusIndex) -> Mention:
    """Which of the previous question's mentions a follow-up's mention takes the place of: one of its role (a
    subject for a subject, a source for a source) and kind (a name for a name), a row of the same table if one is
    ("what about R?" after "what share of ML engineers use Python?": R and Python are rows of one table), one
    sharing its words if one does ("all machine learning engineers" after "entry-level machine learning engineer ...
    PayScale"), else the last."""
    alike = [m for m in before if m.role == new.role and _proper(m) == _proper(new)] or \
        [m for m in before if m.role == new.role] or list(before)
    tables = tables_of(corpus, new.text) if len(before) > 1 else set()
    rows = [m for m in before if tables & tables_of(corpus, m.text)]
    said = {w.lower() for w in new.text.split()}
    sharing = [m for m in alike if said & {w.lower() for w in m.text.split()}]
    return (rows or sharing or alike)[-1]


def _kin(word_said: str, old: str, corpus: CorpusIndex) -> str:
    """The subject a follow-up's word makes of the one before, when the sources name it: "and the manager?" after
    "a lead ML engineer" is the Machine Learning Engineer Manager (the same job, one word changed), not any
    manager. Empty when no one subject keeps all but one of the old words and adds the new ones."""
    def said(text: str) -> set[str]:
        return {singular(w.lower()) for t in re.findall(r"[\w+#-]+", text)
                for w in spelled_out(t, corpus.acronyms).split() if w.lower() not in STOPWORDS}
    new, before = said(word_said), said(old)
    if not new or new & before:
        return ""
    kin = [name for name in corpus.subject_names.values()
           if new <= (words := said(name)) and len(words & before) >= max(2, len(before) - 1)
           and len(words - new - before) == 0]
    return kin[0] if len(kin) == 1 else ""


def resolve(question: str, previous: str, corpus: CorpusIndex, topic: str = "") -> Resolution:
    """Read `question` in the light of the question before it (already resolved); a greeting or thanks before it
    ("Thanks, that helps! And what about data scientists?") is kept in front and does not hide the follow-up."""
    preamble, body = strip_preamble(question)  # before normalising: "hi, im ..." is no clipped word
    if FIRST_PERSON.search(preamble) and not _POINTS_BACK.search(body):
        previous = ""  # "I've been an ML engineer for 6 years. What can I earn?": a new question, about the asker
        # (but "I'm 25 and work full time, so how long would that take?" asks on about what came before)
    resolution = _resolve(normalise(body, corpus), previous, corpus, topic)
    if not preamble:
        return resolution
    if not resolution.carried:
        return Resolution(question, resolution.carried, resolution.topic)
    return Resolution(f"{preamble} {resolution.question}", resolution.carried, resolution.topic)


_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "do", "does", "did", "can", "could", "should", "would",
                          "will", "has", "have", "had", "may", "might", "must"})


# "per year?", "and an hour?": the rate a figure is given at, not another subject (English).
_RATE = re.compile(r"^(?:per|an?|each|every|by the)\s+(?:year|yr|hour|hr|month|week|day)s?\b", re.I)


def _resolve(question: str, previous: str, corpus: CorpusIndex, topic: str = "") -> Resolution:
    names = corpus.subject_names
    question = re.sub(r"^\s*[&+]\s*", "and ", question)  # "& in the UK?"
    if previous:
        question = _ASKED_AGAIN.sub("and ", question)
    if previous:
        question = _there(question, previous, corpus)
    against = compared_with(question)
    if previous and against and asks_figure(previous):  # "how does that compare to pipefitters?" after a figure
        # question: both figures side by side (as "What's the median pay of A, and how does that compare to B?")
        return Resolution(f"{previous.rstrip('?.! ')} vs {against}?", "subject", topic)
    elliptical = bool(_MARKER.match(question)) or (len(question.split()) <= 3 and not _QUESTION_WORD.match(question))
    mentions = subject_mentions(question, corpus, names)
    if previous and mentions and (not elliptical or (_QUESTION_WORD.match(_strip_filler(question))
                                                     and asks_figure(_strip_filler(question)))):
        # "how many in 2017?", "and how much in Boston?": a question word and a new mention, no verb ("What is
        # Keras?", "And how many firefighters are employed in the US?" are questions of their own)
        mentioned = {w.lower() for m in mentions for w in re.findall(r"[\w+#-]+", m.text)}
        typed = re.findall(r"[\w+#-]+", question.lower())
        elliptical = all(w in STOPWORDS or w in mentioned for w in typed) and not set(typed) & _AUXILIARIES
    new_levels = levels(question)
    shift = _YEAR_SHIFT.search(question)
    years = list(re.finditer(r"\b(?:19|20)\d\d\b", previous))
    if shift and years and not re.search(r"\b(?:19|20)\d\d\b", question):
        # "And the year after that?" after "... in 2016?": 2017, the same question
        later = bool(shift.group("after") or shift.group("next"))
        year = years[-1]
        return Resolution(f"{previous[:year.start()]}{int(year.group(0)) + (1 if later else -1)}"
                          f"{previous[year.end():]}", "subject", topic)
    said_years = re.findall(r"\b(?:19|20)\d\d\b", question)
    asked_new = [w for w in re.findall(r"[a-z]+", question.lower()) if w not in STOPWORDS
                 and not _PRONOUN.fullmatch(w) and lemma(w) not in _SAME_MEASURE_VERBS]
    if years and said_years and _PRONOUN.search(question) and all(m.text in said_years for m in mentions) \
            and said_years[-1] != years[-1].group(0) and not asked_new:
        # "what is it expected to reach by 2024?" after "What growth rate is projected ... in 2022?": that, then
        year = years[-1]
        return Resolution(f"{previous[:year.start()]}{said_years[-1]}{previous[year.end():]}", "subject", topic)
    that_job = _THAT_JOB.search(question)
    that_last = _THAT_LAST.search(question)
    if that_last and re.search(r"\b(?:is|was)\s+\w+\W*$", question, re.I) \
            and not re.match(r"^\W*(?:what\s+is|how\s+(?:many|much|long)\b)", question, re.I):
        that_last = None  # "why is that?", "how accurate is that?": no subject asked again ("how many years is
        # that?", "what is that?" are)
    span = that_job.span() if that_job else that_last.span(1) if that_last else None
    if previous and span and not mentions:  # "top skills for that job?" after "what does a hostler do?"
        subject = topic or _topic(previous, corpus, names)
        # "Tell me about gambling cage workers." then "... in that occupation?": a short name is the subject too
        if subject and (subject.lower() != _body(previous).lower() or len(subject.split()) <= SHORT_NAME):
            before_it = re.sub(r"\b(work(?:ing|s)?|jobs?|employed)\s+in\s*$", r"\1 as ", question[:span[0]], flags=re.I)
            # "how many years is that?": for them ("what is that?" stays: what they are)
            before_it = re.sub(r"(?<!what )\b(?:is|was)\s*$", "for ", before_it, flags=re.I)
            # "how much experience is needed for that?" after "... entry level ml engineers ...": at that level
            return Resolution(before_it + _level_of(previous, question, subject) + subject + question[span[1]:],
                              "subject", topic)
    pronoun = _PRONOUN.search(question)
    pair = _WHICH_OF_PAIR.match(question) if previous and not mentions else None
    if pair:  # "which of the two jobs employs more people?" after "... fast food cooks ... restaurant cooks": the two
        named = [m.text for m in subject_mentions(previous, corpus, names) if m.role == "subject"]
        if len(named) >= 2:
            rest = question[pair.end():].strip().rstrip("?.! ")
            return Resolution(_of_both(rest, named), "subject", topic)
        if not SUPERLATIVE.search(previous) and not _OF_TWO.search(pair.group(0)):
            # "Which of those is the most popular one?" after "Which companies offer
            # certifications?": one of what that question asked for, with all it said of them (not "which of the
            # two": two subjects named one after the other, read against both questions before)
            return Resolution(f"{previous.rstrip('?.! ')}: {question}", "topic", topic)
        thing = _asked_for(previous)
        if thing:  # "which of those is used the least?" after "which languages do they use most?": of the languages
            rest = question[pair.end():]
            return Resolution(f"which {thing}{rest}", "topic", topic)
    listed = _IN_THAT_LIST.search(question) if previous else None
    if listed:  # "how important is data analysis in that list?" after "what skills matter most ...?": among them
        # (the things, not the ranking that picked them: "most" there is not asked here)
        things = " ".join(SUPERLATIVE.sub("", _body(previous)).split())
        return Resolution(f"{question[:listed.start()]}among {things}{question[listed.end():]}", "topic", topic)
    measure = _own_measure(question) if previous and not mentions else ""
    named = [m.text for m in subject_mentions(previous, corpus, names) if m.role == "subject"] if measure else []
    if len(named) >= 2:  # "which one needs more schooling?" after a question about two: that, of both
        return Resolution(_of_both(measure, named), "subject", topic)
    if previous and _WHICH_OF_THEM.match(question) and not mentions:  # "Which is higher?" after a comparison
        return Resolution(f"{previous.rstrip('?.! ')}: {question}", "topic")
    asks_anew = not elliptical or bool(_QUESTION_WORD.match(_strip_filler(question)))  # "and what do ... earn?"
    if previous and asks_anew and not pronoun and not mentions and not _names_anything(question, corpus):
        # "How many are employed?" after a question about software developers: the same subject, another measure
        subject = topic or _topic(previous, corpus, names)
        if subject and subject.lower() != _body(previous).lower():
            return Resolution(f"{question.rstrip('?.! ')} ({subject})?", "subject", topic)
    if not previous or (not elliptical and not pronoun):
        return Resolution(question, "")
    fragment = _strip_filler(question).rstrip("?.! ")
    placed = places_in(previous, corpus) if previous else []
    national = _NATIONAL.match(fragment)
    if elliptical and placed and national and (national.group(1) is None or (
            is_country(national.group(1)) and not places_in(fragment, corpus))):
        # "what about nationally?", "and across the US?" after "... in Texas?": the country, not the place (a
        # country the corpus gives figures in, "& in the UK?", is another place)
        before_place = re.sub(r"\s+(?:in|at|for|near)\s*$", "", previous[:placed[-1].start])
        return Resolution(f"{before_place}{previous[placed[-1].end:]}", "subject", topic)
    before = subject_mentions(previous, corpus, names)
    if elliptical and not mentions and name_key(fragment.split()) in names:  # "and java" (typed in lower case)
        name = names[name_key(fragment.split())]
        mentions = [Mention(name, 0, len(question), "subject")]
    which_one = re.search(r"\b(?:which|what|each|every)\s+(ones?)\b", question, re.I)
    thing = _asked_for(previous) if which_one else ""
    if which_one and thing:  # "Which one does Microsoft offer?" after "Which certification does Google issue?"
        if which_one.group(1).lower() == "one":  # (one of "What certifications help ...?": a certification)
            thing = " ".join([*thing.split()[:-1], singular(thing.split()[-1])])
        return Resolution(question[:which_one.start(1)] + thing + question[which_one.end(1):], "topic")
    the_one = _THE_ONE.search(question) if previous and not which_one else None
    thing = _asked_for(previous) if the_one else ""
    plural = bool(thing) and singular(thing.split()[-1]) != thing.split()[-1]
    if the_one and plural:  # "How many openings does the one in Seattle have?" after "Which companies are hiring
        # the most ...?": one of the things asked for (plural; not "the median pay" of one subject), there
        return Resolution(question[:the_one.start(1)] + singular(thing) + question[the_one.end(1):], "topic")
    said_now, said_before = SUPERLATIVE.search(fragment), SUPERLATIVE.search(previous)
    if elliptical and said_now and said_before and not mentions and len(fragment.split()) <= 3:
        # "What about the lowest?" after "Which city pays ... the most?": the same ranking, the other way
        return Resolution(previous[:said_before.start()] + said_now.group(0) + previous[said_before.end():],
                          "measure", topic)
    new_places, old_places = places_in(question, corpus), places_in(previous, corpus)
    if elliptical and new_places and len(old_places) >= 2:  # "what about london" after "... in San Francisco or
        # New York, which is higher?": the figure for that place alone
        asked = re.sub(r",\s*(?:which|who)\b.*$", "", previous[old_places[-1].end:], flags=re.I)
        return Resolution(f"{previous[:old_places[0].start]}{new_places[-1].text}{asked}", "subject")
    if elliptical and new_places and all(is_country(p.text) for p in old_places) \
            and not _mentions_beside(mentions, new_places):
        # "and what about austin?" after "which city pays ml engineers the most?": the pay asked, in that place
        ranked = understand(previous, corpus)
        named = [m.text for m in ranked.subjects if m.role == "subject"]
        if ranked.kind == "ranking" and (ranked.wh == "where" or WHICH_PLACE.search(previous)) and named \
                and asks_pay(previous):
            level = f"{ranked.levels[0]} " if ranked.levels else ""
            return Resolution(f"how much do {level}{named[0]} make in {new_places[-1].text}?", "subject", topic)
    if elliptical and new_places and old_places:  # "what about boston" after a question about Seattle ("how
        # about boston and austin?": both)
        old = old_places[-1]
        run = question[new_places[0].start:new_places[-1].end]
        said = run if len(new_places) > 1 and re.fullmatch(
            r"(?:[^,]+?)(?:\s*(?:,|\band\b|\bor\b|\bvs\.?)\s*[^,]+?)+", run) else new_places[-1].text
        return Resolution(previous[:old.start] + said + previous[old.end:], "subject")
    if elliptical and mentions:  # "And in Boston?" / "What about Amazon?": the subject changes
        new = mentions[-1].text
        if before:
            old = _swapped(before, mentions[-1], corpus)
            return Resolution(previous[:old.start] + new + previous[old.end:], "subject")
        said = _topic(previous, corpus, names)  # "How much do electricians make?" -> "electricians"
        at = previous.lower().find(said.lower()) if said and said.lower() != previous.lower().rstrip("?.! ") else -1
        if at >= 0 and not fragment.lower().startswith(("in ", "at ")):
            return Resolution(previous[:at] + new + previous[at + len(said):], "subject")
        joiner = fragment if fragment.lower().startswith(("in ", "for ", "at ")) else f"for {new}"
        return Resolution(f"{previous.rstrip('?.! ')} {joiner}?", "subject")
    span_now, span_before = YEARS_SPAN.search(fragment), YEARS_SPAN.search(previous)
    if elliptical and span_now and span_before and not mentions:
        # "how about 3-5 years?" after "... with 0-2 years of experience?": the same question, the other span
        return Resolution(previous[:span_before.start()] + span_now.group(0) + previous[span_before.end():], "level")
    if elliptical and new_levels:  # "What about senior ones?": the level changes
        written = next(m.group(0) if len(m.group(0).split()) <= 2 else name  # ("new CS grads": entry-level)
                       for p, name in LEVEL_PATTERNS if (m := p.search(question)))
        if len(written.split()) == 1 and levels(singular(written.lower())):  # "seniors": a senior one
            written = singular(written.lower()) if written.islower() else singular(written)
        return Resolution(_replace_level(previous, written), "level")
    rung = _AT_LEVEL.search(question)
    if rung and rung.group(2).lower() in _POINTING_WORDS:  # "at that level": the level before, no new rung
        rung = None
    if elliptical and rung and not mentions and (rung.group(1) or _names_rung(rung.group(2), corpus)):
        # "And at the manager level?": a rung of a career path the sources name as a row ("Machine Learning
        # Engineer Manager"), asked as a level; without "at", only a word some subject's name holds ("the manager
        # level", not "the next level"), in place of a level the question before named ("for a lead ML engineer"
        # -> "for a manager ML engineer")
        word = rung.group(2)
        return Resolution(_replace_level(previous, word if levels(previous) else f"at the {word} level"), "level")
    if pronoun and not mentions:  # "Who developed it?": the pronoun stands for the last topic
        topic = topic or _topic(previous, corpus, names)
        if topic:
            word = pronoun.group(0).lower()
            level = _level_of(previous, question, topic) if word in ("they", "them", "their") else ""
            # "how much experience do they need?" after "how much do senior ml engineers make?": at that level
            replacement = f"{topic}'s" if word == "its" else f"{level}{topic}"
            thing = _asked_for(previous) if word in ("them", "those", "these") else ""
            typed_before: list[str] = re.findall(r"[\w'’]+", question[:pronoun.start()].lower())
            if thing.endswith("s") and typed_before and typed_before[-1] not in STOPWORDS:
                # "Which companies offer them?" after "Which certifications can an ML engineer earn?": the things
                # asked for are the object, not the people they are for
                replacement = thing
            resolved = question[:pronoun.start()] + replacement + question[pronoun.end():]
            if word in ("ones", "one") and not _topic_named(topic):
                resolved = question[:pronoun.start()].rstrip() + question[pronoun.end():]
                return Resolution(_strip_filler(resolved) or question, "topic")
            return Resolution(resolved, "topic", topic)
    if pronoun and mentions and pronoun.group(0).lower() in _PERSONAL and pronoun.end() <= mentions[0].start \
            and not _DUMMY_IT.search(question) and not _IT_OF_NOTHING.search(question):
        # "Is it written in Python?" after "What is Keras?": the pronoun, before what the question names, stands
        # for the last topic (not for the thing named after it; nor "how long does it take to become a ...")
        topic = topic or _topic(previous, corpus, names)
        if topic and _topic_named(topic) and topic.lower() not in {m.text.lower() for m in mentions}:
            word = pronoun.group(0).lower()
            replacement = f"{topic}'s" if word == "its" else topic
            return Resolution(question[:pronoun.start()] + replacement + question[pronoun.end():], "topic", topic)
    asked_now, asked_before = STATISTIC.search(fragment), STATISTIC.search(previous)
    if elliptical and asked_now and asked_before and not mentions and len(fragment.split()) <= 4:
        # "What about the median?" after a question about the 90th percentile: the statistic changes
        return Resolution(previous[:asked_before.start()] + asked_now.group(0) + previous[asked_before.end():],
                          "measure", topic)
    fragment = re.sub(r"^(?:for|about)\s+", "", fragment, flags=re.I)  # "and for plumbers?"
    content = [w for w in re.findall(r"[\w+#-]+", fragment.lower()) if w not in STOPWORDS]
    names_other = (elliptical and not mentions and 0 < len(content) <= 3 and not new_levels
                   and not _QUESTION_WORD.match(fragment) and not re.match(r"^(?:in|at|on|with|by|from|to)\b",
                                                                            fragment, re.I)
                   and not _RATE.match(fragment)
                   and not any(w in MEASURE_WORDS or w in OPERATOR_WORDS or any(c.isdigit() for c in w)
                               for w in content))
    if names_other:  # "and keras?" after "What is TensorFlow?": the same question about another thing
        fragment = re.sub(r"^(?:an?|the)\s+", "", fragment, flags=re.I)
        if before:
            old = before[-1]
            fragment = _kin(fragment, old.text, corpus) or fragment
            return Resolution(previous[:old.start] + fragment + previous[old.end:], "subject")
        said = _topic(previous, corpus, names)
        at = previous.lower().find(said.lower()) if said and said.lower() != _body(previous).lower() else -1
        if at >= 0:
            return Resolution(previous[:at] + fragment + previous[at + len(said):], "subject")
    if elliptical and before and not _QUESTION_WORD.match(fragment):  # "And the number of openings?"
        measure = fragment[:1].upper() + fragment[1:]
        return Resolution(f"{measure} for {before[-1].text}?", "measure")
    if elliptical and not _QUESTION_WORD.match(fragment):
        return Resolution(f"{fragment[:1].upper() + fragment[1:]} ({_body(previous)})?", "topic")
    return Resolution(question, "")


# Verbs that ask for the same figure at another time ("what is it expected to reach by 2024?") (English).
_SAME_MEASURE_VERBS = frozenset("be expect reach project hit rise grow go stand look forecast predict".split())


def _level_of(previous: str, question: str, subject: str) -> str:
    """The level the question before named, by its folded name ("senior ", "entry-level "), carried to a question
    that names none, pointing at its subject; "" when either names one already."""
    if levels(question) or levels(subject):
        return ""
    return next((f"{name} " for pattern, name in LEVEL_PATTERNS if pattern.search(previous)), "")


def resolve_history(question: str, history: Sequence[Turn], corpus: CorpusIndex,
                    answer_of: Callable[[str], str] | None = None) -> Resolution:
    """Resolve the earlier user questions in order, then this one against the last of them (or against the answer
    to it, when that answer named the one thing asked for and the question points at it). `answer_of` answers a
    question again, for a history whose answers were left out (an API client may send only what was asked)."""
    asked = [turn.content.strip() for turn in history if turn.role == "user" and turn.content.strip()]
    replies = [following.content if following.role == "assistant" else ""  # each question's answer, as sent
               for turn, following in zip(history, [*history[1:], Turn("user", "")], strict=True)
               if turn.role == "user" and turn.content.strip()]
    previous = ""
    topic = ""
    chain: list[str] = []
    replies = replies[-MAX_CONTEXT_QUESTIONS:]
    for earlier in asked[-MAX_CONTEXT_QUESTIONS:]:
        paired = _places_paired(earlier, chain, corpus)
        resolution = Resolution(paired, "subject", topic) if paired else _resolve_last(
            " ".join(earlier.split()), previous, topic, list(zip(chain, replies, strict=False)), corpus, answer_of)
        previous, topic = resolution.question, resolution.topic
        chain.append(previous)
    paired = _places_paired(question, chain, corpus)
    if paired:
        return Resolution(paired, "subject", topic)
    preamble, body = strip_preamble(question)  # ("Thanks, that helps! And what about ...?": one question)
    parts = split_questions(body)
    if len(parts) > 1 and previous and not preamble:  # "What about 2024, and how many jobs were there in 2017?":
        # the first part is the follow-up; the others are read after it, each against the one before
        first = _resolve_last(parts[0], previous, topic, list(zip(chain, replies, strict=True)),
                              corpus, answer_of)
        if first.question != parts[0]:
            return Resolution(f"{first.question.rstrip('?.! ')}? {' '.join(parts[1:])}", first.carried, first.topic)
    return _resolve_last(question, previous, topic, list(zip(chain, replies, strict=True)), corpus,
                         answer_of)


def _places_paired(question: str, chain: list[str], corpus: CorpusIndex) -> str:
    """ "which of those two is higher?" after "the median pay in San Francisco?" and "and New York?": the question
    before, of both places ("... in San Francisco or New York, which of those two is higher?"), or of both subjects;
    "" otherwise."""
    if len(chain) < 2 or not (_WHICH_OF_PAIR.match(question) or _WHICH_OF_THEM.match(question)
                              or _own_measure(question)) \
            or places_in(question, corpus) or subject_mentions(question, corpus, corpus.subject_names):
        return ""
    old, new = places_in(chain[-2], corpus), places_in(chain[-1], corpus)
    previous = chain[-1]
    if not old and not new:  # "which of the two pays more?" after "median pay for veterinarians?" and "and
        # veterinary technicians?" (or "and LPNs?", read as the occupation it names): the two subjects, one asked
        # after the other
        before, last = understand(chain[-2], corpus), understand(chain[-1], corpus)
        old, new = ([m for m in q.subjects if m.role in ("subject", "name")] for q in (before, last))
        previous = last.text
        asked_before, asked_last = _asked_besides(before.text, old), _asked_besides(last.text, new)
        if not (asked_before <= asked_last or asked_last <= asked_before):  # two questions, not one asked twice
            return ""
    if len(old) != 1 or len(new) != 1 or old[0].text.lower() == new[0].text.lower():
        return ""
    measure = _own_measure(question)
    if measure and not places_in(previous, corpus):  # "which one needs more schooling?": that, of both
        return _of_both(measure, [old[0].text, new[0].text])
    start, end = new[0].start, new[0].end
    if previous[start - 1:start] == "(" and previous[end:end + 1] == ")":  # "LPNs (Licensed Practical ...)": the
        # name as typed, then the occupation it names, then the other subject
        return f"{previous[:end + 1]} or {old[0].text}{previous[end + 1:].rstrip('?.! ')}, {question}"
    return f"{previous[:start]}{old[0].text} or {new[0].text}{previous[end:].rstrip('?.! ')}, {question}"


def _there(question: str, previous: str, corpus: CorpusIndex) -> str:
    """"there" as a place at the end of a clause ("how many companies are hiring there?"; not "are there", "will
    there be", "from there", "get there"): the place the question before named, or, after "Where is Apple hiring
    ...?", the one named there that it asked where of (a name, not an occupation)."""
    there = _THERE.search(question)
    if there is None or places_in(question, corpus) or _MARKER.match(question):  # ("what about seniors there?":
        return question  # the level changes, the place stays, below)
    said = re.findall(r"[\w'’]+", question[:there.start()].lower())
    if not said or said[-1] in _NOT_PLACE_BEFORE or said[-1] in _AUXILIARIES:
        return question
    placed = places_in(previous, corpus)
    named = [m.text for m in subject_mentions(previous, corpus, corpus.subject_names) if m.role == "subject"
             and _placed_row(corpus, m.text) and name_key(m.text.split()) not in titled_names(corpus)]
    if placed:
        where = f"in {placed[-1].text}"
    elif re.match(r"^\W*where\b", previous, re.I) and named:
        where = f"at {named[0]}"
    else:
        return question
    return question[:there.start()] + where + question[there.end():]


def _placed_row(corpus: CorpusIndex, name: str) -> bool:
    """Whether a name is a row the sources state a place in ("Apple ... Cupertino, CA"): where it is, they say."""
    return any(place_of(fact.value) or any(place_of(q) for q in fact.qualifiers)
               for fact in (corpus.facts[p] for p in corpus.facts_by_name.get(frozenset(subject_words(name)), [])))


# "there" at the end of a clause, as a place (English).
_THERE = re.compile(r"\bthere\b(?=\s*(?:[?.!,;]|$))", re.I)
# Words before "there" that make it no place asked about: "from there", "get there", "over there" (English).
_NOT_PLACE_BEFORE = frozenset({"from", "get", "got", "getting", "go", "going", "out", "over", "up", "in", "here",
                               "isn't", "aren't", "wasn't", "weren't"})


def _mentions_beside(mentions: Sequence[Mention], places: Sequence[Mention]) -> bool:
    """Whether a question names a subject besides its places."""
    said = {name.lower() for p in places for name in (p.text, *p.known_as)}
    return any(m.role == "subject" and m.text.lower() not in said for m in mentions)


def _asked_besides(text: str, mentions: Sequence[Mention]) -> set[str]:
    """What a question asks besides the subjects it names (and the names glossed after them, in brackets)."""
    for mention in sorted(mentions, key=lambda m: -m.start):
        text = text[:mention.start] + " " + text[mention.end:]
    said = re.sub(r"[\w'’-]*\s*\([^()]*\)", " ", text)  # ("LPNs (...)": the name typed, then what it names)
    return {w for w in re.findall(r"[\w'’]+", said.lower()) if w not in STOPWORDS}


def _resolve_last(question: str, previous: str, topic: str, earlier: list[tuple[str, str]],
                  corpus: CorpusIndex, answer_of: Callable[[str], str] | None = None) -> Resolution:
    """`earlier`: the questions before (resolved) with their answers, in order."""
    pointer = _POINTS_AT_ONE.search(question)
    # "it" points into the last answer; "the second one" into the last that named things in order, further back
    # if the question before was about one of them ("How many openings does the top one have?")
    nth = pointer is not None and bool(pointer.group("nth"))
    for asked, said in reversed(earlier if nth else earlier[-1:]):
        if not said.strip() and answer_of is not None and nth:
            said = answer_of(asked)  # the answer the question points into, given again (an "it" without the
            # answer stands for the question's own topic, below)
        answered = _answered(question, asked, said, corpus)
        if answered:
            return Resolution(answered, "subject", topic)
    return resolve(question, previous, corpus, topic)


def _listed(answer: str) -> list[str]:
    """The things a list answer names in order: the labels of its items ("Convolutional Neural Networks (CNNs):
    Used for ...; Recurrent ..."), or the names of a plain list ("CNNs, RNNs and GANs.")."""
    head = re.split(r"\[\d+\]", answer.strip(), maxsplit=1)[0].strip().rstrip(".!")
    if ";" in head:  # "Label: what it is; Label: ...", the first perhaps after a lead-in ("... — Label: ...")
        parts = [p.strip() for p in head.split(";")]
        parts[0] = parts[0].rsplit(" — ", 1)[-1]
        items = [p.split(":", 1)[0].strip() if ":" in p else p for p in parts]
    else:  # "CNNs, RNNs and GANs", after a label if any ("Top skills: Python, R, SQL")
        items = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", head.rsplit(":", 1)[-1])]
    if len(items) < 2 or not all(item and len(item.split()) <= _MAX_ITEM_WORDS
                                 and not set(re.findall(r"[\w'’]+", item.lower())) & _NOT_IN_A_NAME for item in items):
        return []  # ("You should learn Python, R and SQL": a sentence, not a list of names)
    return items


_MAX_ITEM_WORDS = 8  # an item's name; longer is a sentence, not one thing named
# Words a name in a list does not hold: those of a sentence speaking to or of someone (English).
_NOT_IN_A_NAME = frozenset({"you", "your", "i", "we", "they", "should", "must", "can", "is", "are", "will"})


# "is it the same for ...", "it's hard to ...": an "it" that stands for nothing said (English).
_DUMMY_IT = re.compile(r"\b(?:is|was|isn't|wasn't)\s+it\s+(?:the same|worth|hard|easy|possible|better|true|"
                       r"likely|common|normal|ok(?:ay)?)\b|\bit(?:['’]s| is| was)\b", re.I)
_POINTS_AT_ONE = re.compile(r"\b(it|its|that one|this one|the\s+(?P<nth>top|first|second|third|fourth|fifth|last|"
                            r"bottom|1st|2nd|3rd|4th|5th)\s+one)\b", re.I)  # one thing, not the people named beside
# "the second one": which of the things an answer names, in its order (English ordinals).
_NTH = {"top": 0, "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
        "fifth": 4, "5th": 4, "last": -1, "bottom": -1}


def _answered(question: str, previous: str, answer: str, corpus: CorpusIndex) -> str:
    """"What percentage of ML engineers use it?" after "Which one is the most popular?" answered "Python": the
    question about the one thing the answer named first; "" when the question before asked for no one thing, or the
    answer names none, or the "it" stands for nothing said ("is it worth it?") or for a place."""
    pointer = _POINTS_AT_ONE.search(question)
    if not answer.strip() or not previous or pointer is None or _DUMMY_IT.search(question) \
            or places_in(question, corpus) or points_into_itself(question):
        return ""
    nth = _NTH[pointer.group("nth").lower()] if pointer.group("nth") else 0
    kind = understand(previous, corpus).kind
    if pointer.group("nth") and kind == "list":  # "what's the second one used for?" after a list of three
        items = _listed(answer)
        if -len(items) <= nth < len(items):
            return question[:pointer.start()] + items[nth] + question[pointer.end():]
    if not re.match(r"^\W*(?:which|who)\b", previous, re.I) and kind != "ranking":
        return ""
    if re.match(r"^\W*who\b", previous, re.I) and kind != "ranking" and any(
            singular(m.text.split()[-1].lower()) == m.text.split()[-1].lower()
            for m in subject_mentions(previous, corpus, corpus.subject_names)):
        return ""  # "Who developed TensorFlow, and what is it used for?": it is the one thing named, not its maker
    # the thing the answer names first (before its first citation), or, for "the second one", each its first
    # sentence names in turn ("Google ...: 45 [1]; then Microsoft (32) [2], ...")
    head = re.split(r"(?<=[.!?])\s" if nth else r"(?<=[.!?])\s|\[\d+\]", answer.strip(), maxsplit=1)[0]
    head = re.sub(r"“[^”]*”", "", head)  # (not the title of the document a figure is from)
    named = [m for m in subject_mentions(head, corpus, corpus.subject_names) if m.role == "subject"]
    if not named or (nth >= len(named)):
        return ""
    name = named[nth].text
    if is_known_place(name) or places_in(name, corpus):  # "San Francisco" answered "which city": "it" is not it
        return ""
    replacement = f"{name}'s" if pointer.group(1).lower() == "its" else name
    return question[:pointer.start()] + replacement + question[pointer.end():]
