"""Words of a text, as the advisor compares questions with the corpus's vocabulary."""

from __future__ import annotations

import re

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
""".split())


def words(text: str) -> list[str]:
    """Lower-cased word tokens; keeps C++ and C# whole and drops possessive endings."""
    return [re.sub(r"['’][a-z]+$", "", token.lower()) for token in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS and len(word) > 1 or word in ("r", "c")]


def singular(word: str) -> str:
    """A light plural folding (engineers -> engineer, salaries -> salary) for vocabulary look-ups."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
