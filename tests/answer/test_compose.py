"""The sentences an answer is written in: figures verbatim, and what the sources do not say (answer/compose.py)."""

from careerbot.answer.advisor import load_advisor
from helpers import tiny_index


def test_footnote_numbers_in_the_source_do_not_pose_as_markers(embedder, tmp_path):
    settings = tiny_index(tmp_path, embedder, {
        "pilots.txt": "Pilot Careers\n\nAirline pilots must log 1,500 flight hours [2] before they can fly for an "
                      "airline.\n"})
    answer = load_advisor(settings, embedder).ask("How many flight hours must airline pilots log?")
    assert "(2)" in answer.answer and "[2]" not in answer.answer
    assert "[2]" in answer.citations[0].quote  # the quote stays exactly as written


def test_a_who_when_where_the_sources_do_not_answer_says_so(advisor):
    answer = advisor.ask("When was TensorFlow released?")
    assert not answer.found
    assert answer.answer.startswith("The sources do not say when TensorFlow was released.")
