"""The question's text brought to the corpus's terms before it is read: greetings, self-introductions and "can you
tell me" dropped, abbreviations and clipped words written out, typos corrected against the corpus's vocabulary,
"top 10 percent" named as a percentile, acronyms followed by their long form, a double question split in two."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from careerbot.answer.query import MEASURE_WORDS, QUESTION_WORD, asks_figure
from careerbot.index.corpus_index import CorpusIndex, confusable, slip
from careerbot.text.places import CITY_NICKNAMES, is_known_place
from careerbot.text.terms import (
    STOPWORDS,
    in_dictionary,
    parts_of_speech,
    plural,
    singular,
    word_forms,
    word_meant,
    words,
)

_GREETING = re.compile(r"^\s*(?:(?:hi|hello|hey) there|hi|hello|hey|hiya|howdy|greetings|"
                       r"good (?:morning|afternoon|evening|day)|dear \w+|thanks|thank you|ok(?:ay)?|so|well|um+|yo|"
                       r"great|cool|perfect|awesome|nice|oh|ah|aw|wow|whoa|alright|all right|"
                       r"interesting|got it|i see|sounds good|good to know|(?:that|this|it)(?:\s*['’]?s| is| was)? "
                       r"(?:helps|helped|helpful|useful|great|interesting|clear)|(?:that|it) makes sense|"
                       r"makes sense)\b[\s,!.:;-]*", re.I)


# "I'm Priya, a physics teacher:" / "I am a nurse." / "My name is Sam and": who is asking, not what is asked.
_INTRO = re.compile(r"^\s*(?:i\s*['’]?\s*m|i am|my name\s*['’]?\s*s|my name is|this is|i work (?:as|in|at|for)|"
                    r"i (?:study|teach)|i\s*['’]?ve been|"
                    r"i have been|i currently|currently i)\b[^.!?:;]*?(?:[.!?:;]+|,\s*(?=(?:and\s+|so\s+|but\s+)?"
                    r"(?:i\b|can|could|should|would|what|how|is|are|do|does|which|who|when|where|why|will|tell)\b)"
                    r"|\s+and\s+(?=i\b)"
                    # no mark at all: "im a data engineer rn how do i switch ...", up to the question's first words
                    r"|\s+(?=(?:how|what|which|where|when|why|can|could|should|would|do|does|is|are)\s+(?:do|does|"
                    r"can|could|should|would|i|is|are|much|many|long|to)\b))\s*", re.I)


# A first sentence that tells about the asker ("I just finished my CS degree.", "Long story short, I teach
# physics.", "CS sophomore here.", "career changer here with no background."), before the question itself: a
# statement with a first-person word in it, or one saying "... here".
_FIRST_PERSON = r"\b(?:i|i['’]m|im|i['’]ve|ive|me|my|we|our)\b"
_ABOUT_ME = re.compile(rf"^\s*(?:(?:[^.!?]*{_FIRST_PERSON}[^.!?]*|[^.!?]{{1,60}}\bhere\b[^.!?]{{0,60}})[.!]+\s+(?=\S)"
                       # "I work in online retail and I'm curious: what ...": a colon, then the question
                       rf"|(?!\s*(?:what|how|which|who|where|when|why|is|are|do|does|can|could|should|would|will)\b)"
                       rf"[^.!?:]*{_FIRST_PERSON}[^.!?:]*:\s+(?=(?:what|how|which|who|where|when|why|is|are|do|"
                       r"does|can|could|should|would|will)\b))", re.I)
FIRST_PERSON = re.compile(_FIRST_PERSON, re.I)  # the asker speaking of themselves


SELF_NAME = re.compile(r"\b(?:i\s*['’]?\s*m|i am|my name is|name\s*['’]?s|call me)\s+([A-Z][a-z]+)")


_FILLER = re.compile(r"^\s*(?:(?:can|could|would) you (?:please )?(?:tell me|let me know|explain|say)|please tell me|"
                     r"tell me|i(?:\s*['’]?d| would)? (?:like|want|wanted) to (?:know|ask|understand)|"
                     r"i (?:was|am) wondering|i wonder|do you know|any idea|quick question)\b[\s,:]*"
                     r"(?:(?:if|whether)\b\s*)?", re.I)


def _without_greetings(question: str) -> str:
    body = question
    while True:
        before = body
        for pattern in (_GREETING, _INTRO, _ABOUT_ME, _FILLER):
            body = pattern.sub("", body, count=1)
        if body == before:
            return body


def strip_preamble(question: str) -> tuple[str, str]:
    """(preamble, question): greetings, self-introductions and "can you tell me" dropped from the front."""
    body = _without_greetings(question)
    if not body.strip() or len(body.split()) < 2:
        return "", question
    supposed, pointer = _supposed_job(body)
    if supposed and pointer:  # "If I take a software engineer job to prepare, what would I be doing in it?": the
        # job the clause supposes is what the question asks about; the clause is the asker's setting
        rest = supposed.group("rest")
        job = supposed.group("job")
        article = "an" if job[:1].lower() in "aeiou" else "a"
        asked = f"{rest[:pointer.start()]}as {article} {job}{rest[pointer.end():]}"
        return f"{question[: len(question) - len(body)]} {body[:supposed.start('rest')]}".strip(), asked
    preamble = question[: len(question) - len(body)].strip()
    return preamble, body.strip()


# "If I take a software engineer job ..., what would I be doing in it?": a job the asker supposes holding, then a
# question pointing back at it (English wording).
_SUPPOSED_JOB = re.compile(r"^\s*(?:if|when|once|say|suppose|assuming)\s+(?:i|you)\b[^,?]*?\b(?:an?|the|that)\s+"
                           r"(?P<job>(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:job|role|position)\b[^,?]*,\s*(?P<rest>\S.*)$",
                           re.I)
def _supposed_job(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    supposed = _SUPPOSED_JOB.match(text)
    return supposed, _IN_THAT_JOB.search(supposed.group("rest")) if supposed else None


def points_into_itself(question: str) -> bool:
    """Whether the question's "it" is a job it supposes itself ("If I take a software engineer job ..., what would I
    be doing in it?"), not something said before."""
    supposed, pointer = _supposed_job(_without_greetings(question))
    return supposed is not None and pointer is not None


_IN_THAT_JOB = re.compile(r"\b(?:in|at|on)\s+(?:it|(?:that|this|the|such an?)\s+(?:role|job|position))(?=\W*$)",
                          re.I)


# Seniority as people abbreviate it (English usage, not any document's words).
LEVEL_ABBREVIATIONS = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior"}

# Chat shorthand (English usage): "can u", "rn", "w/o".
_SHORTHAND = {"u": "you", "ur": "your", "rn": "right now", "bc": "because", "cuz": "because", "pls": "please",
              "plz": "please", "thx": "thanks", "tho": "though", "abt": "about", "ppl": "people", "idk": "I don't know",
              "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "wk": "week", "wks": "weeks",
              "yrly": "yearly", "hrly": "hourly", "mthly": "monthly", "wkly": "weekly", "proj": "projected",
              "govt": "government", "mgmt": "management", "mgr": "manager", "mgrs": "managers", "dept": "department",
              "edu": "education", "exp": "experience", "reqs": "requirements", "certs": "certifications",
              "cert": "certification", "qual": "qualification", "quals": "qualifications",
              "co": "company", "comp": "compensation", "org": "organization", "orgs": "organizations",
              "kinda": "kind of", "sorta": "sort of", "gonna": "going to", "wanna": "want to",
              "gotta": "have to", "wat": "what", "wut": "what", "wht": "what",
              "req'd": "required", "reqd": "required", "req’d": "required", "avg": "average", "approx": "about",
              # apostrophes left out
              "im": "I'm", "ive": "I've", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't",
              "isnt": "isn't", "arent": "aren't", "wont": "won't", "whats": "what's", "thats": "that's",
              "youre": "you're", "theyre": "they're", "shouldnt": "shouldn't", "wouldnt": "wouldn't",
              "couldnt": "couldn't", "hows": "how's", "wheres": "where's", "whos": "who's"}
# Chat interjections and asides that say nothing of what is asked ("what percent use python lol").
_ASIDES = frozenset({"lol", "lmao", "rofl", "haha", "hahaha", "hehe", "tbh", "imo", "imho", "ngl", "btw", "fyi",
                     "smh", "lmk", "ty", "tia", "xd"})
# "how do I go about landing a job": the doing asked about, "landing a job" (English wording); its gerund stays
# ("networking" is what the sources call it, not "network")
_GO_ABOUT = re.compile(r"\b(?:go|goes|going)\s+about\s+(?=[a-z]+ing\b)([a-z]+ing)\b", re.I)

# Framing that only says where the thing asked about sits: "in the context of machine learning", "when it comes to
# pay", "in terms of salary" (English usage).
_FRAMING = re.compile(r"\b(?:in the (?:context|realm|world) of|when it comes to|in terms of|with (?:respect|regard) "
                      r"to)\b", re.I)
_FRAMED = {"in the": "in", "when it": "for", "in terms": "for", "with respect": "for", "with regard": "for"}
# "on a typical day", "all day", "day to day": when, not what, a job does (English usage).
_A_DAY = re.compile(r"\b(?:on|in|during)\s+an?\s+(?:typical|normal|average|regular|usual|given)\s+(?:work\s*)?day\b|"
                    r"\b(?:all|every|each)\s+day(?:\s+long)?\b|(?:\bon\s+an?\s+)?\bday[- ]to[- ]day(?:\s+basis)?\b|"
                    r"\bday[- ]in[- ](?:the[- ])?life\b",
                    re.I)
# When the question is asked ("right now", "these days"): every answer is from the corpus as it stands.
# "according to your data", "in the data", "based on your sources": the corpus as a whole, no source or subject of its
# own (English wording)
_IN_THE_SOURCES = re.compile(r",?\s*\b(?:(?:according to|based on|per|going by)\s+(?:your|the|these|those)|"
                             r"(?:in|from)\s+your)\s+(?:data|sources?|documents?|records?|info(?:rmation)?|numbers|"
                             r"files|database)(?=\s*(?:[?.!,;]|$))", re.I)
_NOW = re.compile(r"\b(?:right now|these days|nowadays|currently|at the moment|at present|as of now)\b", re.I)
# An intensifier after the question word asks nothing more: "What exactly is machine learning?" is "What is ..."
# (English usage).
_INTENSIFIED = re.compile(r"\b(what|who|how|where|why|when|which)\s+(?:exactly|actually|precisely|really|basically)\b",
                          re.I)
# "what does an ML engineer actually do?", "what do they really earn?": the same question without it (English usage).
_INTENSIFIER_BEFORE_VERB = re.compile(r"\s+\b(?:actually|really|exactly|basically|precisely)\b(?=\s+(?:do|does|did|"
                                      r"make|makes|earn|earns|mean|means|involve|involves|get|gets)\b)", re.I)
_SLASHED = {"w/o": "without", "b/c": "because", "w/": "with", "s/w": "software", "h/w": "hardware"}
_SLASHED_FORM = re.compile(r"(?<!\w)(?:w/o|b/c|s/w|h/w|w/)(?=[\s?.!,]|$)", re.I)


_ACRONYM_HEAD = re.compile(r"\b([A-Z]{2,4})\s+([A-Za-z]+)\b")


def _headed_name(match: re.Match[str], corpus: CorpusIndex) -> str:
    """An acronym and the head noun after it ("HR manager", "PR mgr") as the one name whose initials they make
    ("Human Resources Managers"), when the corpus does not define the acronym itself."""
    acronym, typed = match.group(1), match.group(2)
    headed = corpus.subjects_by_initials.get(acronym.lower() + typed[0].lower(), set())
    if acronym.lower() in corpus.acronyms:
        return match.group(0)
    if len(headed) != 1:
        return _clipped_head(acronym, typed, corpus) or match.group(0)
    name = next(iter(headed)).split()
    if singular(name[-1].lower()) not in {singular(w) for w in [typed.lower(), *corpus.clipped_words(typed.lower())]}:
        return match.group(0)
    return " ".join(name[:-1] + [name[-1] if typed.endswith("s") else singular(name[-1].lower())])


def _completing_name(match: re.Match[str], short: str, corpus: CorpusIndex) -> str | None:
    """The word a clipped one stands for when, with the word before or after it, it makes two words of a name the
    corpus uses ("software devs": Software Developers; "vet assistants": Veterinary Assistants); None if it
    already does or none does."""
    if short in STOPWORDS or short in MEASURE_WORDS or short in corpus.acronyms or len(short) < 3:
        return None
    if corpus.idf.get(singular(short), corpus.max_idf) < corpus.rare_idf:  # a word the corpus uses ("pay")
        return None
    before = re.findall(r"[A-Za-z][\w'-]*", match.string[:match.start()])[-1:]
    after = re.findall(r"[A-Za-z][\w'-]*", match.string[match.end():])[:1]
    pairs = corpus.name_pairs
    # the neighbour and which side of the clipped word it stands on
    beside = [(singular(w.lower()), side) for w, side in [*((w, True) for w in before), *((w, False) for w in after)]
              if w.lower() not in STOPWORDS]

    def pair(neighbour: str, first: bool, word: str) -> bool:
        return ((neighbour, word) if first else (word, neighbour)) in pairs

    def said_together(neighbour: str, first: bool, word: str) -> bool:
        """The two words side by side in a sentence that uses the (rare) neighbour: "feature engineering"."""
        a, b = (neighbour, word) if first else (word, neighbour)
        together = re.compile(rf"\b{re.escape(a)}s?\s+{re.escape(b)}s?\b", re.I)
        return any(together.search(corpus.sentences[sid].text)
                   for sid in corpus.sentences_by_word.get(neighbour, [])[:SENTENCES_READ])

    if not beside or any(pair(n, first, singular(short)) for n, first in beside):
        return None
    candidates = corpus.spelling.clipped_all(short)[:200]
    for candidate in candidates:
        if any(pair(n, first, singular(candidate)) for n, first in beside):
            return candidate
    # the neighbour clipped too ("surg tech": Surgical Technologists): a word it opens, paired with a candidate that
    # opens with the word typed (not an acronym typed in capitals, nor a long neighbour)
    typed_as_acronym = match.group(0).rstrip("s").isupper()
    opened = [(singular(word), first) for n, first in beside if len(n) <= CLIPPED_NEIGHBOUR and not typed_as_acronym
              for word in corpus.spelling.clipped_all(n)[:CLIPPED_NEIGHBOURS] if word.startswith(n)]
    fitting = {singular(candidate) for candidate in candidates if candidate.startswith(short)
               for n, first in opened if pair(n, first, singular(candidate))}  # ("pharmacy", "pharmacies": one)
    if len(fitting) == 1:
        return fitting.pop()
    if re.match(r"\.", match.string[match.end():]):  # written as a short form ("feature eng."): the word the
        for candidate in candidates:  # corpus says beside its neighbour
            if any(said_together(n, first, candidate) for n, first in beside):
                return candidate
    return None


def _long_form_names(match: re.Match[str], short: str, long: str, corpus: CorpusIndex) -> bool:
    """Whether the long form of a short word (as the corpus's lists of other names swap them), with a word typed
    beside it, is in some document's title ("auto mechanics": Automotive Service Technicians and Mechanics) or is
    a name or other name itself ("bike mechanic": Bicycle Mechanic), when the two typed are no name of their own."""
    beside = {singular(w.lower()) for w in re.findall(r"[A-Za-z][\w'-]*", match.string[:match.start()])[-1:]
              + re.findall(r"[A-Za-z][\w'-]*", match.string[match.end():])[:1] if w.lower() not in STOPWORDS}
    if not beside:
        return False

    def named(word: str) -> bool:  # the word and a neighbour, either way round, make a name the corpus gives
        return any(" ".join(pair) in lookup for n in beside for pair in ((word, n), (n, word))
                   for lookup in (corpus.other_names, corpus.shared_names, corpus.subject_names))

    if named(short):
        return False
    return named(singular(long)) or any(singular(long) in name and name & beside for name in
                                        ({singular(w) for w in words(title)} for title in corpus.titles))


def _clipped_head(acronym: str, typed: str, corpus: CorpusIndex) -> str | None:
    """A word clipped to a few capitals before the head noun of a name ("SW devs", "HW engineer"): the one word
    whose letters the capitals open and run through that makes a name with the head (or a word it clips), as
    written out ("software developers"); None if none or several do, or the capitals are the initials of words a
    title runs together before the head ("QA analyst": Quality Assurance Analysts)."""
    short, head = acronym.lower(), typed.lower()
    if head in STOPWORDS:
        return None
    runs = re.compile(short[0] + "".join(f"[a-z]*{re.escape(c)}" for c in short[1:]))
    stem = re.sub(r"s$", "", head)
    heads = [singular(head), *(singular(w) for w in corpus.clipped_words(stem) if w.startswith(stem))]
    heads = heads[:CLIPPED_NEIGHBOURS]
    found = {(first, second) for first, second in corpus.name_pairs if second in heads
             and first.startswith(short[0]) and len(first) > len(short) and runs.match(first)}
    if len({first for first, _ in found}) != 1:
        return None
    if any("".join(w[0] for w in said[i:i + len(short)]) == short and singular(said[i + len(short)]) in heads
           for said in (words(title) for title in corpus.titles) for i in range(len(said) - len(short))):
        return None
    first, second = min(found, key=lambda pair: heads.index(pair[1]))
    return f"{first} {second}s" if head.endswith("s") and not second.endswith("s") else f"{first} {second}"


CLIPPED_NEIGHBOUR = 5  # letters of a neighbour, at most, read as clipped too
CLIPPED_NEIGHBOURS = 20  # words a clipped neighbour may open, read for a pair with a clipped word
SENTENCES_READ = 200  # sentences using a neighbour read for a clipped word written beside it


def _joined_clippings(word: str, corpus: CorpusIndex) -> str | None:
    """Two clipped words written as one, that open two words following one another in a name the corpus uses
    ("infosec": information security, of Information Security Analysts); None if no split does, or two could."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        joined = {(a, b) for a, b in corpus.name_pairs if a.startswith(head) and b.startswith(tail)}
        if len(joined) == 1:
            return " ".join(joined.pop())
    return None


PHRASE_USES = 3  # times a phrase is written for its initials to stand for it, twice as often as any other's
INITIALS_REMEMBERED = 4096  # acronyms looked up, over every version served, before the memory starts over
_BY_INITIALS: dict[tuple[str, str], str | None] = {}  # (version, acronym) -> phrase: each read of the texts once


def phrase_by_initials(corpus: CorpusIndex, short: str) -> str | None:
    """The phrase of the corpus whose words' initials an acronym it never defines spells ("dl": deep learning), when
    the corpus writes it often and far more often than any other phrase with those initials; else None."""
    key = (corpus.version, short)
    if key not in _BY_INITIALS:
        if len(_BY_INITIALS) >= INITIALS_REMEMBERED:  # versions swapped in over a long run: not kept forever
            _BY_INITIALS.clear()
        if not 2 <= len(short) <= 4 or not short.isalpha():
            _BY_INITIALS[key] = None
            return None
        pattern = re.compile(r"\b" + r"\s+".join(rf"({letter}[a-z]{{2,}})" for letter in short) + r"\b", re.I)
        counts: dict[str, int] = {}
        for document in corpus.documents.values():
            for match in pattern.finditer(document.text):
                if not any(w.lower() in STOPWORDS for w in match.groups()):
                    phrase = " ".join(w.lower() for w in match.groups())
                    counts[phrase] = counts.get(phrase, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        fits = ranked and ranked[0][1] >= PHRASE_USES and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
        _BY_INITIALS[key] = ranked[0][0] if fits else None
    return _BY_INITIALS[key]


def _initials_inside_name(match: re.Match[str], short: str, corpus: CorpusIndex) -> str | None:
    """The words of a document's title an acronym the corpus never defines stands for, when a word typed beside it
    is in that title too ("software QA analyst": Software Quality Assurance Analysts and Testers); None unless
    exactly one run of words fits."""
    beside = {singular(w.lower()) for w in re.findall(r"[A-Za-z][\w'-]*", match.string[:match.start()])[-2:]
              + re.findall(r"[A-Za-z][\w'-]*", match.string[match.end():])[:2] if w.lower() not in STOPWORDS}
    if len(short) < 2 or not beside:
        return None
    found: dict[str, int] = {}  # each run of words, by the most words typed beside it that its title has
    for title in corpus.titles:
        named = re.findall(r"[A-Za-z][\w'-]*", title)
        shared = len(beside & {singular(w.lower()) for w in named})
        if not shared:
            continue
        for start in range(len(named) - len(short) + 1):
            run = named[start:start + len(short)]
            if all(w[0].lower() == letter for w, letter in zip(run, short, strict=True)) \
                    and not any(w.lower() in STOPWORDS for w in run):
                found[" ".join(run)] = max(shared, found.get(" ".join(run), 0))
    best = [run for run, shared in found.items() if shared == max(found.values(), default=0)]
    return best[0] if len(best) == 1 else None


def _expand_abbreviations(text: str, corpus: CorpusIndex) -> str:
    """Short forms the corpus does not use, written out as it writes them: an acronym it defines (ML -> machine
    learning) or that a subject's initials make (MLE -> Machine Learning Engineer), and a clipped word whose
    letters open and run through one of its words (eng -> engineer, lvl -> level, mgmt -> management)."""
    subjects_by_initials = corpus.subjects_by_initials

    def expand(match: re.Match[str]) -> str:
        word = match.group(0)
        bare = re.sub(r"(?<=[a-rt-z])s$|(?<=[A-Z])s$", "", word)  # "langs": lang; "less" is no plural
        lowered = bare.lower()
        if word in _SHORTHAND and word not in corpus.acronyms:  # typed in lower case: "U" may be a name; "rn" is
            # "right now" unless the corpus defines RN
            return _SHORTHAND[word]
        owner = re.match(r"(\w+)(['’]s)$", word)
        if owner and owner.group(1) in _SHORTHAND and owner.group(1) not in corpus.acronyms:  # "org's"
            return _SHORTHAND[owner.group(1)] + owner.group(2)
        if word in _ASIDES:
            return ""
        if lowered in LEVEL_ABBREVIATIONS:  # sr -> senior: searched and matched as the text writes it
            return LEVEL_ABBREVIATIONS[lowered]
        # (an acronym typed in capitals, "BI", is not a short word: it stands for its own initials)
        long = corpus.short_forms.get(lowered) if not bare.isupper() and lowered not in corpus.acronyms else None
        if long and _long_form_names(match, lowered, long, corpus):  # "auto mechanics": automotive mechanics
            return plural(long) if word != bare and not long.endswith("s") else long
        completed = _completing_name(match, lowered, corpus) if len(bare) <= 5 else None
        if completed:  # "software devs" -> software developers, "vet assistants" -> veterinary assistants
            return plural(completed) if word != bare and not completed.endswith("s") else completed
        if bare.isupper() and lowered not in corpus.acronyms and lowered not in STOPWORDS:
            inside = _initials_inside_name(match, lowered, corpus)
            if inside:  # "software QA analyst": Software Quality Assurance Analysts
                return inside
        unknown = not word_forms(word.lower()) & corpus.vocabulary and not parts_of_speech(lowered)
        joined = _joined_clippings(lowered, corpus) if len(bare) > 5 and unknown else None
        if joined:  # "infosec": two words of a name, each clipped, written as one (before any slip it is near)
            return joined
        if len(bare) > 5 and unknown and not in_dictionary(lowered) and not corpus.closest_word(lowered):
            runs = corpus.clipped_words(lowered)
            opened = [w for w in runs if w.startswith(lowered)] or [w for w in runs if w.endswith(lowered[-3:])]
            # "cytotech": the one word of the corpus it opens; "pctile": one it runs through, ending as it does
            return opened[0] if opened else word
        named = {n for n in subjects_by_initials.get(lowered, set()) if " " in n and not is_known_place(n)}
        if word.isupper() and len(named) == 1 and lowered not in corpus.acronyms and lowered not in STOPWORDS \
                and not {f for f in word_forms(lowered) if len(f) > 1} & corpus.vocabulary:
            return next(iter(named))  # "DS": Data Scientist, a subject's initials (though the letter "d" is a word)
        if len(bare) > 5 or word_forms(word.lower()) & corpus.vocabulary or lowered in STOPWORDS:
            return word
        if word.isupper() or (bare.isupper() and word.endswith("s")):
            if lowered in corpus.acronyms:
                return word  # understood where it matters (facts, retrieval): the corpus defines it
            names = subjects_by_initials.get(lowered, set())
            if len(names) == 1:
                return plural(next(iter(names))) if word != bare else next(iter(names))
            phrase = phrase_by_initials(corpus, lowered)
            if phrase:  # "DL": deep learning, a phrase the corpus uses often but never shortens
                return plural(phrase) if word != bare else phrase
            if len(lowered) < 3:
                return word
            clipped = corpus.clipped_word(lowered)  # MSFT -> microsoft
            return clipped.capitalize() if clipped else word
        if parts_of_speech(lowered) or len(lowered) < 2 or match.start() in kept:
            return word
        swapped = _SWAPPED_FUNCTION_WORDS.get(lowered)  # "hwo", "teh": two letters of a function word swapped
        if swapped:
            return swapped
        if len(named) == 1 and len(lowered) >= 3 and word.islower() and not in_dictionary(lowered):
            return plural(next(iter(named))) if word != bare else next(iter(named))  # "mle": in lower case
        clipped = corpus.clipped_word(lowered)
        if clipped and word != bare and not clipped.endswith("s") and "NOUN" in parts_of_speech(clipped):
            clipped = plural(clipped)  # "langs" -> languages, "libs" -> libraries: the plural kept
        if clipped and clipped.startswith(lowered) and len(lowered) >= 4:  # "lang", "info": the word's start
            return clipped
        if len(lowered) >= 4 and corpus.closest_word(lowered):  # a slip ("isues", "waht"), not a clipped word
            return word
        return clipped if clipped else word
    text = _ACRONYM_HEAD.sub(lambda m: _headed_name(m, corpus), text)
    # "proj. job growth": a shorthand's full stop inside the sentence is no end of it
    text = re.sub(r"\b([A-Za-z]+)\.(?=\s+[a-z])", lambda m: m.group(1) if m.group(1) in _SHORTHAND else m.group(0),
                  text)
    text = _SLASHED_FORM.sub(lambda m: _SLASHED[m.group(0).lower()], text)
    text = _FRAMING.sub(lambda m: _FRAMED[" ".join(m.group(0).lower().split()[:2])], text)
    text = _A_DAY.sub("", text)
    text = _INTENSIFIED.sub(lambda m: m.group(1), text)
    text = _INTENSIFIER_BEFORE_VERB.sub("", text)
    text = _GO_ABOUT.sub(lambda m: m.group(1), text)
    text = _PLAIN_KIND.sub(lambda m: f"{m.group(1)} ", text)
    kept = _place_words(text)
    expanded = QUESTION_WORD.sub(expand, text)
    if expanded != text:  # "info sec analysts": "sec" is "security" beside "analysts", then "info" beside "security"
        kept = _place_words(expanded)
        expanded = QUESTION_WORD.sub(expand, expanded)
    return " ".join(_IN_THE_SOURCES.sub("", _NOW.sub("", expanded)).split())


# "a regular machine learning engineer", "a normal nurse": the job itself, not a kind of it (English).
_PLAIN_KIND = re.compile(r"\b(a|an|the)\s+(?:regular|normal|ordinary|plain|standard|generic)\s+(?=[a-z])", re.I)


_SWAPPED_FUNCTION_WORDS = {w[:i] + w[i + 1] + w[i] + w[i + 2:]: w for w in sorted(STOPWORDS, reverse=True)
                           if len(w) == 3 for i in range(2) if w[i] != w[i + 1]}


def _place_words(text: str) -> set[int]:
    """Where the words of a place name start ("los angeles", "san jose", "Texas"): kept as typed."""
    tokens = list(QUESTION_WORD.finditer(text))
    kept: set[int] = set()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            said = text[tokens[i].start():tokens[i + size - 1].end()]
            if is_known_place(said) or said.lower() in CITY_NICKNAMES:  # (a city's short name: "nyc", "philly")
                kept.update(t.start() for t in tokens[i:i + size])
    return kept


def _correct_spelling(text: str, corpus: CorpusIndex) -> str:
    """Words the corpus lacks that are one slip away from one it uses, replaced by it (salery -> salary)."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if len(word) < 4 or lowered in STOPWORDS or match.start() in kept:
            return word
        if lowered.endswith("s") and lowered not in corpus.vocabulary and not parts_of_speech(lowered) \
                and "NOUN" in parts_of_speech(lowered[:-1]) \
                and (proper := plural(lowered[:-1])) != lowered and proper in corpus.vocabulary:
            return proper.capitalize() if word[:1].isupper() else proper  # "citys": cities, as the corpus writes it
        if word_forms(lowered) & corpus.vocabulary:
            return word
        if lowered in corpus.compounds:  # "ecommerce": the corpus writes it "E-commerce"
            return corpus.compounds[lowered]
        if len(word) == 4 and not word.islower() and not (  # "AWS", "Java": four letters in capitals are a name;
                word[1:].islower() and re.search(r"(?:^|[.?!:]\s*)$", text[:match.start()])  # "Wich" opening a
                and corpus.closest_word(lowered) in STOPWORDS):  # question is "Which"
            return word
        closest = corpus.closest_word(lowered)
        if parts_of_speech(lowered) and not (closest and confusable(lowered, closest)):
            return word  # an English word the corpus happens not to use ("released") stays
        if (closest is None or slip(lowered, closest) > 0) and (meant := word_meant(lowered)):
            # "tensorflow exacty", "realy" (not "ready"), "mentoined": a slip, not a name
            return meant.capitalize() if word[:1].isupper() else meant
        if closest is None or closest in word_forms(lowered):
            return word
        return closest.capitalize() if word[:1].isupper() else closest
    kept = _place_words(text)
    return QUESTION_WORD.sub(fix, text)


_SECOND_QUESTION = re.compile(r"(?:\?\s+(?:and\s+|also\s+|plus\s+)?|,?\s+and\s+|;\s*)(?=(?:which|what|how|where|"
                              r"who|when|why|is|are|do|does|can|should)\b)", re.I)


# "how does that compare to ...", "how do they stack up against ...", "how does their pay compare to ...": the
# question before, of one more subject
# ("how does New York compare?", "how do nurses stack up against that?": the other subject first)
COMPARED_AFTER = re.compile(r"^how\s+(?:does|do|did|would|will)\s+(?:(?:that|it|this|they|those|these|that figure|"
                            r"(?:their|its|that|this|the)\s+(?:[\w-]+\s+){0,2}?(?:pay|salary|salaries|wages?|"
                            r"earnings|income|figure|number))\s+"
                            r"(?:compare|stack up|measure up)\s+(?:to|with|against)\s+(?P<after>.+)|"
                            r"(?P<first>(?!(?:that|it|this|they|those|these|that figure)\b).+?)\s+"
                            r"(?:compare|stack up|measure up)(?:\s+(?:to|with|against)\s+(?:that|it|this|them))?"
                            r"\W*)$", re.I)


def compared_with(text: str) -> str:
    """The other subject a "how does that compare to B?" / "how does B compare?" question asks of; "" for none (nor
    for "how do the two compare?", "how do salaries compare?", "how does the one in Seattle compare?": no subject)."""
    match = COMPARED_AFTER.match(text.strip())
    if match is None:
        return ""
    if match.group("after"):
        return match.group("after").rstrip("?.! ")
    first = match.group("first").rstrip("?.! ")
    said = [w.lower() for w in re.findall(r"[\w'’-]+", first)]
    if not said or said[0] in _NOT_A_SUBJECT or re.match(r"the (?:one|two|three|\w+ ones?)\b", " ".join(said)) \
            or all(w in STOPWORDS or w in MEASURE_WORDS for w in said):
        return ""
    return first


# Words that open no subject a "how does B compare?" names: pronouns, "both", "each" (English).
_NOT_A_SUBJECT = frozenset("i we you he she it they them this that these those both each all".split())


_OF_EACH = re.compile(r"\beach(?:\s+(?:one|of\s+(?:them|these|those)))?\b", re.I)  # (English words)


# "which frameworks", "what certifications": two words asking for things (not "how much?", "what else?") (English).
_WHICH_THINGS = re.compile(r"^(?:which|what)\s+(?!(?:else|about|now|then|so|more|for|if)\b)[a-z][\w-]+\W*$", re.I)


def split_questions(text: str) -> tuple[str, ...]:
    """A double question as its parts ("Which MOOC providers offer ML courses, and which course is the best?");
    one part for a single question."""
    pieces = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text) if p.strip(" ,;")]
    if len(pieces) < 2 or len(pieces[0].split()) < 3 or any(len(p.split()) < 3 and not _WHICH_THINGS.match(p)
                                                            for p in pieces[1:]):
        return (text,)  # (but "... ML engineering? and which frameworks": things asked for, after the part before)
    if len(pieces) == 2 and _OF_EACH.search(pieces[-1]):
        # "What kinds of networks should I know, and what is each one used for?": the things the first asks for,
        # each said with what it is: one question
        return (text,)
    against = compared_with(pieces[-1])
    if len(pieces) == 2 and against and asks_figure(pieces[0]):
        # "What's the median pay of A, and how does that compare to B?": one question, the figures side by side
        return (f"{pieces[0].rstrip('?.! ')} vs {against}?",)
    return tuple(p if p.endswith("?") else p + "?" for p in pieces)


# "the top 10 percent", "bottom 25%", "the lowest 10 percent of earners": a share of earners is a percentile (English
# usage).
_SHARE_OF_EARNERS = re.compile(r"\b(?:the\s+)?(top|highest(?:[- ]paid)?|best[- ]paid|bottom|lowest(?:[- ]paid)?|"
                               r"worst[- ]paid)\s+(\d{1,2})\s*(?:%|percent\b|per cent\b)"
                               r"(?:\s+of\s+(?:wage\s+)?earners\b)?", re.I)


def _percentiles(text: str) -> str:
    def percentile(match: re.Match[str]) -> str:
        share = int(match.group(2))
        upper = match.group(1).lower().startswith(("top", "highest", "best"))
        rank = 100 - share if upper else share
        suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"the {rank}{suffix} percentile"
    return _SHARE_OF_EARNERS.sub(percentile, text)


# A percent sign standing for the word, with no figure before it ("what % of engineers", "the % who use R").


def _percent_word(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        before = match.group(2) or (" " if match.group(1) else "")  # "what%" -> "what percent"
        return f"{match.group(1)}{before}percent{' ' if match.group(3) else ''}"  # "%of" -> "percent of"
    return re.sub(r"(^|[^\d\s])(\s*)%(?=(\w)|)", word, text)


_WORD = re.compile(r"[A-Za-z]+")


def _joined_words(text: str, corpus: CorpusIndex) -> str:
    """Two words typed apart that a title of the corpus writes as one ("hair stylists": Hairstylists, "stone
    masons"), joined; not when some name writes them apart, nor a function word."""
    found = list(_WORD.finditer(text))
    out: list[str] = []
    at = 0
    for first, second in zip(found, found[1:], strict=False):
        a, b = first.group(0), second.group(0)
        if first.start() < at or text[first.end():second.start()] != " " or min(len(a), len(b)) < 3 \
                or a.lower() in STOPWORDS or b.lower() in STOPWORDS:
            continue
        joined = singular((a + b).lower())
        if joined in corpus.title_words and (singular(a.lower()), singular(b.lower())) not in corpus.names_apart \
                and f"{a}-{singular(b)}".lower() not in corpus.name_words:  # ("post secondary": Post-Secondary)
            out += [text[at:first.end()], b if b.isupper() else b.lower()]
            at = second.end()
    return "".join(out) + text[at:]


# "hrs/week", "$30/hr": so much per a span of time (English shorthand)
_PER_SPAN = re.compile(r"\b(\d[\d,.]*k?|hrs?|hours?|days?|shifts?|dollars?|bucks)\s*/\s*"
                       r"(weeks?|wks?|days?|months?|mos?|years?|yrs?|hours?|hrs?|annum)\b", re.I)


# "which languages does Glassdoor recommend learning?": a verb of advice or habit, then a gerund whose object is the
# thing asked for, fronted ("which languages"): the gerund says nothing more (and "learning" is no "machine
# learning") (English).
_GERUND_OF_ASKED = re.compile(r"\b((?:recommend|suggest|advise|consider|start|begin|keep|try|avoid)(?:s|ed|ing)?)\s+"
                              r"(?:learning|studying|using|mastering|picking up|getting|taking|doing)"
                              r"(?=\s*(?:[,?.!;]|$|\s+(?:and|first|next|now|today|too|as well)\b))", re.I)


# "keep my skills up to date", "stay up to date": go on learning, as plain English says it.
_STAY_CURRENT = re.compile(r"\b(?:keep(?:ing|s)?|kept)\s+(?:(?:my|your|their|his|her|our|one['’]?s)\s+)?"
                           r"(?:(?P<field>\w+)\s+)??(?:skills?|knowledge|skill\s?set)\s+"
                           r"(?:up[- ]to[- ]date|current|sharp|fresh)\b|"
                           r"\b(?:stay(?:ing|s)?)\s+(?:up[- ]to[- ]date|updated)\b", re.I)


# "which languages ...", not "what do ...": the thing asked for put first (English).
_FRONTED_OBJECT = re.compile(r"^\W*(?:besides\s+[^,]+,\s*)?(?:which|what)\s+"
                             r"(?!(?:is|are|was|were|do|does|did|can|should|would|will|has|have)\b)[a-z]", re.I)


def normalise(text: str, corpus: CorpusIndex) -> str:
    """The words of a question as the corpus spells them: short forms written out, slips of the keyboard mended,
    a share of earners ("top 10 percent") named as the percentile tables give, a field of work by its workers,
    learning on one's own by the corpus's word for it, keeping one's skills current as learning on."""
    text = _percent_word(_PER_SPAN.sub(r"\1 per \2", text))
    if _FRONTED_OBJECT.match(text):
        text = _GERUND_OF_ASKED.sub(r"\1", text)
    text = _correct_spelling(_expand_abbreviations(text, corpus), corpus)
    text = _self_taught(_field_as_workers(_percentiles(_joined_words(text, corpus)), corpus), corpus)
    return _STAY_CURRENT.sub(lambda m: " ".join(("continue learning", *(
        [m.group("field")] if m.group("field") and m.group("field").lower() not in STOPWORDS else []))), text)


# Learning with no school or teacher, as English says it ("learn ML on my own", "teach myself Python"), and the
# compounds English names it with, likeliest first.
_ON_ONES_OWN = re.compile(r"\b((?:learn|study|pick up)\b(?:(?!\bto\b)[^.?!,;]){0,40}?)\s+"
                          r"(?:on\s+(?:my|your|one['’]?s|our|their)\s+own|by\s+(?:myself|yourself|oneself|ourselves|"
                          r"themselves)|independently)\b", re.I)
_TEACH_ONESELF = re.compile(r"\bteach(?:ing)?\s+(?:myself|yourself|oneself|ourselves|themselves)\b", re.I)
_SELF_LEARNING = ("study", "taught", "learning", "directed", "paced")


def _self_taught(text: str, corpus: CorpusIndex) -> str:
    """"How can I learn ML on my own?" -> "... learn ML through self-study?": learning on one's own named by the
    self- compound the corpus writes for it (none: the question as it stands)."""
    word = next((corpus.compounds["self" + w] for w in _SELF_LEARNING if "self" + w in corpus.compounds), None)
    if word is None:
        return text
    word = word.lower()
    text = _ON_ONES_OWN.sub(lambda m: f"{m.group(1)} through {word}", text)
    return _TEACH_ONESELF.sub(word if word == "self-study" else f"learn {word}", text)


# A field of work named by what its workers do, as where a career is ("get into commercial diving", "a career in
# welding", "jobs in plumbing") (English usage).
_FIELD = re.compile(r"\b(?:get(?:ting)?|go(?:ing)?|break(?:ing)?|mov(?:e|ing)|switch(?:ing)?|transition(?:ing)?)\s+"
                    r"into\s+|\b(?:careers?|jobs?|work(?:ing)?|start(?:ing)?(?: out)?|interested|future|employment)\s+"
                    r"in\s+|\bfield of\s+", re.I)


_GERUND = re.compile(r"((?:[a-z]+\s+)?)([a-z]+ing)\b", re.I)  # "commercial diving", "welding"


def _workers(gerund: str) -> list[str]:
    """The nouns for those who do what a gerund says: diving -> diver, welding -> welder, nursing -> nurse."""
    stem = gerund[:-3]
    bases = [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    return [agent for base in bases for agent in (base + "er", base + "r" if base.endswith("e") else "", base + "or",
                                                  base if base.endswith("e") else "") if agent]


def _field_as_workers(text: str, corpus: CorpusIndex) -> str:
    """"How do I get into commercial diving?" -> "... commercial divers?": the field read as the occupation whose
    name its workers' noun makes with the word before it (or alone), when the corpus has that name."""
    def swap(match: re.Match[str]) -> str:
        before, gerund = (match.group(1) or "").strip(), match.group(2)
        key = singular(before.lower()) if before else ""
        if (key, gerund.lower()) in corpus.name_pairs or gerund.lower() in corpus.subject_names:
            return match.group(0)  # "machine learning": a name as it stands
        for worker in _workers(gerund.lower()):
            if (key and (key, worker) in corpus.name_pairs) or worker in corpus.subject_names:
                return f"{before} {worker}s".strip() if before else worker + "s"
        return match.group(0)
    out, last = [], 0
    for field in _FIELD.finditer(text):
        phrase = _GERUND.match(text, field.end())
        if phrase is None or phrase.start() < last:
            continue
        out.append(text[last:phrase.start()] + swap(phrase))
        last = phrase.end()
    return "".join(out) + text[last:]


def with_acronyms(text: str, corpus: CorpusIndex) -> str:
    """The text with each acronym the corpus defines followed by its long form, for search ("ML" finds "machine
    learning" too)."""
    def expand(match: re.Match[str]) -> str:
        word = match.group(0)
        key = re.sub(r"s$", "", word).lower()
        if word[:1].isupper() and key in corpus.acronyms:
            return f"{word} ({corpus.acronyms[key]})"
        return word
    return QUESTION_WORD.sub(expand, text)


_WORD = re.compile(r"[\w'’-]+")
MAX_TYPED_DISTANCE = 2  # a corrected word is put back as typed when it is this close to a typed word


def as_typed(text: str, typed: str) -> str:
    """The question's words as the user typed them where the rewrite corrected them, for saying it back: "social
    media influencer", not the corpus word it was taken for ("influences")."""
    from rapidfuzz.distance import OSA

    typed_words: list[str] = _WORD.findall(typed)
    said = {w.lower() for w in typed_words}
    # a word the rewrite put in place of one typed at the same place ("feng" read as "filtering") is said back as
    # typed, however far from it
    written: list[str] = _WORD.findall(text)
    aligned = SequenceMatcher(None, [w.lower() for w in written], [w.lower() for w in typed_words], autojunk=False)
    in_place = {i1 + k: typed_words[j1 + k] for op, i1, i2, j1, j2 in aligned.get_opcodes()
                if op == "replace" and i2 - i1 == j2 - j1 for k in range(i2 - i1)}
    position = iter(range(len(written)))

    def back(match: re.Match[str]) -> str:
        word = match.group(0)
        at = next(position)
        if word.lower() in said:
            return word
        if at in in_place:
            return in_place[at]
        near = [t for t in typed_words if t[:1].lower() == word[:1].lower()
                and OSA.distance(t.lower(), word.lower()) <= MAX_TYPED_DISTANCE]
        return min(near, key=lambda t: OSA.distance(t.lower(), word.lower())) if near else word
    return _WORD.sub(back, text)
