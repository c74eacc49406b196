"""Slips of the keyboard and clipped words against a version's vocabulary (index/corpus_index.Spelling)."""

from careerbot.index.corpus_index import Spelling

VOCABULARY = frozenset({"salary", "engineer", "certification", "issue", "issues", "with", "wish", "learn",
                        "language", "management", "level", "written"})
IDF = {word: 3.0 for word in VOCABULARY}


def test_a_four_letter_slip_is_the_word_with_a_letter_left_out_or_swapped():
    spelling = Spelling(VOCABULARY, IDF)
    assert spelling.closest("wich") == "which"  # a letter left out: before "with" (a wrong letter)
    assert spelling.closest("waht") == "what"  # two letters swapped
    assert spelling.closest("lern") == "learn"
    assert spelling.closest("zqxv") is None


def test_longer_slips_and_clipped_words():
    spelling = Spelling(VOCABULARY, IDF)
    assert spelling.closest("salery") == "salary"
    assert spelling.closest("isues") == "issues"
    assert spelling.closest("unicorn") is None
    assert spelling.clipped("mgmt") == "management"
    assert spelling.clipped("lvl") == "level"
