"""Words of a text, as the advisor compares questions with the corpus's vocabulary."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[+#]+|(?:['’][a-z]+)?)")

# English function words and question words: they say nothing about what a question is about.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves tell know give get got much many also please like want need
s t don doesn isn aren wasn weren won ll ve re d m
someone anyone everyone somebody anybody everybody something anything everything nothing nobody
via per thru among amongst whilst toward towards upon within without across along around beside besides beyond
despite onto since throughout unlike unto whether though tho although unless yet ever even
actually really exactly basically literally still
""".split())


# English adverbials that say how, when or how much, not about what: "on a day-to-day basis", "with five years under
# their belt", "in a nutshell". Their nouns name nothing a question is about.
MANNER_PHRASES = re.compile(
    r"\b(?:on an? (?:[\w-]+ )?basis|under (?:my|your|his|her|their|our|one's|the|his or her) belts?|in a nutshell|"
    r"in (?:plain|simple|layman'?s?'?|everyday) (?:english|terms|words|language)|at the end of the day|"
    r"in the long run|off the top of (?:my|your) head|for the most part|by and large|as a rule|"
    r"in (?:the )?real life|in the real world)\b", re.I)
# English prefixes written before a hyphen ("self-study", "non-technical"): part of a word, never a name of its own.
BOUND_PREFIXES = frozenset("self non co semi multi pre post re sub cross anti inter ex mid half part full well".split())


def words(text: str) -> list[str]:
    """Lower-cased word tokens; keeps C++ and C# whole and drops possessive endings."""
    return [re.sub(r"['’][a-z]+$", "", token.lower()) for token in _WORD.findall(text)]


@lru_cache(maxsize=200_000)
def term_set(text: str) -> frozenset[str]:
    """The singular word forms of a text, cached: sentences, headers and titles are compared with every question."""
    return frozenset(singular(w) for w in words(text))


def tokens(text: str) -> list[str]:
    """Lower-case word and number tokens, plural folded; C++ and C# kept whole."""
    return [singular(t) for t in re.findall(r"[a-z0-9][a-z0-9+#]*", text.lower().replace("’", "'"))]


@lru_cache(maxsize=200_000)
def subject_words(subject: str) -> tuple[str, ...]:
    """The words that name a fact's subject: its tokens before any comma, function words left out."""
    name = tokens(subject.split(",")[0])
    return tuple(t for t in name if t not in STOPWORDS or len(name) == 1)


MAX_MODIFIER_WORDS = 2  # "Cooks, Restaurant": a short kind after the comma, not "Architects, Except Landscape ..."


def inverted_name(subject: str) -> str | None:
    """A subject written last name first, as said: "Cooks, Restaurant" -> "Restaurant Cooks"; None when what
    follows the comma is no short kind of it ("Engineers, All Other", "Architects, Except Landscape and Naval")."""
    head, comma, kind = subject.partition(",")
    said = kind.split()
    if not comma or "," in kind or not 0 < len(said) <= MAX_MODIFIER_WORDS or not head.strip() \
            or any(w.lower() in STOPWORDS or not w.isalpha() for w in said):
        return None
    return f"{' '.join(said)} {' '.join(head.split())}"


_SERIES = re.compile(r"^[^,]+,(?:[^,]+,)*\s+(?:and|or|&)\s", re.I)  # "Life, Physical, and Social Science ..."


def name_before_comma(subject: str) -> str:
    """What a subject is called before its comma ("Boston" of "Boston, MA", "Architects" of "Architects, Except ..."),
    "" when the comma starts a series of modifiers sharing the name's head ("Life, Physical, and Social Science
    Technicians": "Life" names nothing; "Plumbers, Pipefitters, and Steamfitters": "Plumbers" does)."""
    head = " ".join(subject.split(",")[0].split())
    last = head.split()[-1] if head else ""
    if _SERIES.match(subject) and singular(last.lower()) == last.lower():
        return ""
    return head


def name_words(name: str) -> set[str]:
    """A name's words in their singular form, a kind after its comma with them: "bartender" names "Bartenders",
    "restaurant cook" names "Cooks, Restaurant" (not "Cooks, Fast Food" or "Cooks, All Other")."""
    return {singular(w) for w in subject_words(inverted_name(name) or name)}


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS and len(word) > 1 or word in ("r", "c")]


def singular(word: str) -> str:
    """A light plural folding (engineers -> engineer, salaries -> salary, coaches -> coach) for vocabulary
    look-ups."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]  # coaches -> coach, taxes -> tax, classes -> class
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Seniority as people say it, folded to one name each: general career vocabulary, not any document's words.
LEVEL_PATTERNS = [
    (re.compile(r"\b(?:entry[- ]level|junior|(?<!school )(?<!college )juniors|jr\.?|beginners?|starting out|"
                r"starting (?:salary|pay)|(?:new|recent|fresh)\s+(?:[\w-]+\s+){0,2}grad(?:uate)?s?|freshers?)\b", re.I),
     "entry-level"),
    (re.compile(r"\b(?:mid[- ]level|mid[- ]career|intermediate)\b", re.I), "mid-level"),
    # ("seniors", "juniors": of a job, not of a school: "high school seniors")
    (re.compile(r"\b(?:senior(?:[- ]level)?|(?<!school )(?<!college )seniors|sr\.?|experienced)\b", re.I),
     "senior"),
    (re.compile(r"\blead\b", re.I), "lead"),
    (re.compile(r"\bprincipal\b", re.I), "principal"),
]
_STATISTICS = re.compile(r"\b(average|median|mean)\b", re.I)
_ACCORDING_TO = re.compile(r"\b(?i:according to) (?:a |an |the )?((?:[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*)*)")


# A span of working years as written: "0-2 years", "3 to 5 yrs", "5+ years", "10 or more years" (groups: low, high, or
# the mark of an open end) (English).
YEARS_SPAN = re.compile(r"\b(\d{1,2})\s*(?:(?:[-–]|to)\s*(\d{1,2})|(\+|\s+or more|\s+plus))\s*(?:years?|yrs?)\b", re.I)


def levels(text: str) -> list[str]:
    """Career levels a text speaks of, by their folded names."""
    return [name for pattern, name in LEVEL_PATTERNS if pattern.search(text)]


def qualifiers(text: str) -> list[str]:
    """Level, statistic and cited source that a sentence or a table's caption states."""
    found = levels(text)
    found += list(dict.fromkeys(match.lower() for match in _STATISTICS.findall(text)))
    found += [f"according to {match}" for match in _ACCORDING_TO.findall(text)]
    return found


_ACRONYM = re.compile(r"\b((?:[A-Za-z][\w-]*\s+){1,5}?)\(([A-Z]{2,6})s?\)")


# An acronym written first and its long form after it: "ICU Travel RN (Intensive Care Unit Travel Registered Nurse)".
_ACRONYM_FIRST = re.compile(r"\b([A-Z]{2,6})s?\s+\(((?:[A-Za-z][\w-]*\s+){0,9}[A-Za-z][\w-]*)\)")


def acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines, as in 'machine learning (ML)' or 'RN (Registered Nurse)': {'ml': 'machine
    learning', 'rn': 'registered nurse'}."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        letters = match.group(2).lower()
        candidates = match.group(1).split()
        for size in range(len(letters), len(letters) + 2):
            phrase = candidates[-size:]
            initials = "".join(word[0].lower() for word in phrase if word.lower() not in STOPWORDS)
            if initials == letters:
                found.setdefault(letters, " ".join(phrase).lower())
                break
    for match in _ACRONYM_FIRST.finditer(text):  # the long form's last words spell the acronym
        letters, spelled = match.group(1).lower(), match.group(2).split()
        phrase = spelled[-len(letters):]
        if len(phrase) == len(letters) and "".join(word[0].lower() for word in phrase) == letters:
            found.setdefault(letters, " ".join(phrase).lower())
    return found


def weighted_share(weights: dict[str, float], present: Collection[str]) -> float:
    """The share of the weights (a question's terms, weighted by rarity) whose terms are present."""
    total = sum(weights.values())
    return sum(weight for term, weight in weights.items() if term in present) / total if total > 0 else 0.0


@lru_cache(maxsize=200_000)
def stems(text: str) -> frozenset[str]:
    """Crude stems for matching a question's words with a column name (popular ~ Popularity, hire ~ hiring,
    employs ~ Employment).

    Cached: captions, headers and rows repeat across the cells of a table and across questions."""
    return frozenset(t[:5] for t in tokens(text) if t not in STOPWORDS and len(t) > 2)


# Endings English derives one word of a root from another with ("cremation", "crematory", "cremator") (English).
_DERIVED = frozenset({"", "e", "s", "es", "ion", "ions", "ation", "ations", "ory", "ories", "or", "ors", "ator",
                      "ators", "er", "ers", "ing", "ist", "ists", "ian", "ians", "ic", "ics", "ical", "y"})
MIN_ROOT = 5  # letters two words share, at least, to be read as forms of one root


def same_root(word: str, other: str) -> bool:
    """Whether two words are forms of one root, one derived from the other by an English ending: "cremation" and
    "crematory", "pharmacy" and "pharmacist" (not "college" and "collector": "ge" is no ending)."""
    a, b = word.lower(), other.lower()
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return a != b and any(shared - back >= MIN_ROOT and a[shared - back:] in _DERIVED and b[shared - back:] in _DERIVED
                          for back in range(0, 3))


def spelled_out(token: str, acronyms: Mapping[str, str]) -> str:
    """A token with the acronym it is written out ("ML" -> "machine learning"), in capitals or, when the word is no
    dictionary word, as typed in lower case ("ml"); any other token as it is."""
    key = token.lower()
    if key in acronyms and (token.isupper() or not parts_of_speech(key)):
        return acronyms[key]
    if len(token) > 2 and token.endswith("s") and token[:-1].isupper() and key[:-1] in acronyms:  # "NPs"
        written = acronyms[key[:-1]]
        return written + ("es" if written.endswith(("s", "x", "ch", "sh")) else "s")
    return token


def joined_names(name: str) -> list[str]:
    """The names a title joins with "and": "Waiters and Waitresses" names waiters and waitresses; "Calibration
    Technologists and Technicians", calibration technologists and calibration technicians; "Crane and Tower
    Operators", crane operators. None from a list of three or more ("Heating, Air Conditioning, and Refrigeration
    Mechanics and Installers")."""
    parts = [part.strip() for part in re.split(r"\s+and\s+", name)]
    if len(parts) != 2 or any("," in part or not part for part in parts):
        return []
    first, second = parts[0].split(), parts[1].split()
    if len(first) >= 2 and len(second) == 1 and second[0].endswith("s"):  # "Calibration Technologists and
        return [parts[0], " ".join(first[:-1] + second)]  # Technicians": calibration technicians, not technicians
    if all(part[-1].endswith("s") and len(part) <= 5 for part in (first, second)):
        return parts
    if len(first) == 1 and len(second) >= 2 and second[-1].endswith("s"):  # "Crane and Tower Operators": a crane
        return [" ".join(first + second[-size:]) for size in (1, 2) if size < len(second)]  # operator, a heavy
    return []  # truck driver (of "Heavy and Tractor-Trailer Truck Drivers")


def name_key(words: Sequence[str]) -> str:
    """How a name is looked up: lower case, plurals and possessives folded ("Data Scientists" and "data scientist"
    meet, and "Master’s Degree", "master's degree" and "masters degree")."""
    return " ".join(singular(_APOSTROPHE_S.sub("", w.lower().rstrip("."))) for w in words)


_APOSTROPHE_S = re.compile(r"(?<=\w)['’]s?$")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of an English word (awarded -> award, salaries -> salary), from simplemma's data."""
    import simplemma  # its data loads on first use, not at import

    return simplemma.lemmatize(word.lower(), lang="en").lower()


@lru_cache(maxsize=50_000)
def in_dictionary(word: str) -> bool:
    """Whether English knows the word as written (simplemma's word list): "esports" is a word, not "escorts"
    mistyped."""
    import simplemma

    return bool(simplemma.is_known(word.lower(), lang="en"))


MAX_SLIPPED = 20  # letters of the longest word a slip is looked for in (each letter makes 27 look-ups)


@lru_cache(maxsize=10_000)
def word_meant(typed: str) -> str | None:
    """The English word, not a noun, that a word English does not know was typed for with a letter left out or two
    letters swapped ("exacty": exactly, "realy": really, "mentoined": mentioned), when exactly one fits; else None.
    Never a noun: a mistyped noun may be a name the sources lack ("groomr"), and stays as typed; nor an adjective's
    comparative ("farier" is no "fairer")."""
    from lemminflect import getAllLemmas

    lowered = typed.lower()
    if not 4 <= len(lowered) <= MAX_SLIPPED or not lowered.isalpha() or in_dictionary(lowered) \
            or parts_of_speech(lowered):
        return None
    splits = [(lowered[:i], lowered[i:]) for i in range(len(lowered) + 1)]
    candidates = {head + letter + tail for head, tail in splits for letter in "abcdefghijklmnopqrstuvwxyz"}
    candidates |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    meant = sorted(word for word in candidates - {lowered}
                   if (speech := parts_of_speech(word)) and not speech & {"NOUN", "PROPN"}
                   and ("ADJ" not in speech or word in getAllLemmas(word)["ADJ"]))  # ("fairer": no "farier")
    return meant[0] if len(meant) == 1 else None


def word_forms(word: str) -> set[str]:
    """The forms a word is looked up by in the corpus's vocabulary: as written, singular, and its lemma."""
    lowered = word.lower()
    return {lowered, singular(lowered), lemma(lowered)}


@lru_cache(maxsize=200_000)
def every_lemma(word: str) -> frozenset[str]:
    """Every dictionary form a word may be of, whatever its part of speech ("building" -> building, build)."""
    from lemminflect import getAllLemmas

    lowered = word.lower()
    return frozenset({lowered, singular(lowered), lemma(lowered)}
                     | {form.lower() for forms in getAllLemmas(lowered).values() for form in forms})


def plural(name: str) -> str:
    """A name with its last word in the plural ("machine learning engineer" -> ... engineers, "library" ->
    libraries), from lemminflect's dictionary; an "s" added to a word it lacks."""
    from lemminflect import getInflection, getLemma

    head, _, last = name.strip().rpartition(" ")
    if not last.isalpha():  # "Engineers/Architects", "Engineer (ML)": left as written
        return name
    lemmas = getLemma(last, upos="NOUN")
    forms = getInflection(lemmas[0], tag="NNS") if lemmas else ()
    return f"{head} {forms[0]}".lstrip() if forms else name if last.endswith("s") else f"{name.strip()}s"


@lru_cache(maxsize=50_000)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech a word can be (VERB, NOUN, ADJ, ...), from lemminflect's dictionary; empty if unknown."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.lower()))


# "Also called: Chiropodist, Foot Doctor, ...": the other names a document gives its subject (English wording).
MAX_NAME_WORDS = 5  # words of a name looked up whole ("Doctor of Podiatric Medicine")
OTHER_NAMES = re.compile(r"^(?:also (?:called|known as)|other (?:names|titles)|alternate (?:names|titles)|"
                         r"(?:sample )?(?:job )?titles)\s*:\s*(.+)$", re.I | re.S)


def title_alternates(title: str) -> list[str]:
    """The names after the first in a title that lists several ("Plumbers, Pipefitters, and Steamfitters": pipefitters,
    steamfitters), each a capitalised plural; none from a title that names one thing of others ("Helpers--Pipelayers,
    Plumbers, ...": helpers), nor from a series of modifiers ("Life, Physical, and Social Science Technicians")."""
    title = re.split(r",?\s+(?:Except|Including)\b", title)[0]  # not the ones it leaves out or takes in
    if "--" in title or title.count(",") < 1:
        return []
    parts = [part.strip() for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", title) if part.strip()]
    names = [part for part in parts[1:] if 0 < len(part.split()) <= 3 and all(w[:1].isupper() for w in part.split())
             and part.endswith("s") and not part.endswith("ss")
             and part.split()[0].lower() not in STOPWORDS | {"all", "other"}]  # not "All Other Specialists"
    return names if parts and parts[0].endswith("s") else []
