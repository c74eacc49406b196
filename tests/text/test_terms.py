"""Words of a text as the advisor compares them (text/terms.py)."""

from careerbot.text.terms import content_words, singular, tokens, words


def test_words_keep_language_names_whole_and_drop_possessives():
    assert words("C++ and C# engineers' salaries, Python's reach") == [
        "c++", "and", "c#", "engineers", "salaries", "python", "reach"]


def test_plurals_fold_to_their_singular_but_short_words_and_double_s_do_not():
    assert [singular(w) for w in ("salaries", "engineers", "class", "bus", "is")] == [
        "salary", "engineer", "class", "bus", "is"]
    assert tokens("Engineers use C++") == ["engineer", "use", "c++"]


def test_content_words_leave_out_function_words_but_keep_one_letter_languages():
    assert content_words("What is the salary of an R programmer?") == ["salary", "r", "programmer"]
