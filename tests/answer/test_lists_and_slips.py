"""Lists quoted whole, a lead-in that points back joined to its list, the rows of a table a question names, and the
slips and framing of casual questions (answer/evidence.py, answer/pointers.py, answer/rewrite.py,
answer/understand.py, index/corpus_index.py)."""

from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.index.corpus_index import Spelling


def test_items_of_one_list_chosen_one_by_one_are_quoted_as_the_list(advisor):
    head = first_sentence(advisor.ask("what kinds of neural networks should i know").answer)
    for kind in ("Convolutional Neural Networks", "Recurrent Neural Networks", "Generative Adversarial Networks"):
        assert kind in head, head


def test_a_lead_in_that_points_back_is_one_sentence_with_its_list(advisor):
    answer = advisor.ask("what all goes into preprocessing data before you train a model")
    head = first_sentence(answer.answer)
    assert "preprocessing data" in head and "Data cleaning" in head and "Feature engineering" in head, head
    citation = answer.citations[0]  # the quote spans the sentence, its lead-in and the list, verbatim
    assert advisor.corpus.documents[citation.doc_id].text[citation.start:citation.end] == citation.quote


def test_the_row_a_question_names_answers_it_not_the_whole_table(advisor):
    answer = advisor.ask("What jobs can an entry-level ML engineer get in healthcare?")
    assert "Medical Imaging Engineer" in first_sentence(answer.answer), answer.answer
    assert "Fraud Detection" not in answer.answer and "Algorithmic Trading" not in answer.answer


def test_rows_of_one_column_named_together_are_all_shown_and_a_joined_word_finds_its_hyphenated_form(advisor):
    answer = advisor.ask("what kinda roles can entry level ml engineers get in finance healthcare or ecommerce")
    for role in ("Recommendation Systems Engineer", "Algorithmic Trading Engineer", "Medical Imaging Engineer"):
        assert role in answer.answer, answer.answer
    assert "roles are" in answer.answer  # the measure's verb agrees with it


def test_a_slip_keeps_its_first_letter():
    spelling = Spelling(frozenset({"carrier", "salary", "engineer"}), {})
    assert spelling.closest("farrier") is None  # another trade, not "carrier" mistyped
    assert spelling.closest("salery") == "salary" and spelling.closest("enginer") == "engineer"


def test_casual_wording_is_read_for_what_it_asks(advisor):
    corpus = advisor.corpus
    assert understand("what edu level do most hydrologists say the job needs?", corpus).kind != "ranking"
    assert understand("which skills are most valued by employers", corpus).kind == "ranking"
    assert understand("Besides Python, which programming languages should I learn?", corpus).kind == "list"
    assert understand("hwo much do ml engineers make", corpus).text.startswith("how much")
    role = understand("Hello! My cousin says she works as a wellhead pumper. What is that?", corpus)
    assert role.text == "What is a wellhead pumper?" and role.kind == "definition"
    assert "right" not in understand("which co has the most openings rn", corpus).topic


def test_a_count_of_hours_is_not_answered_by_a_passage_about_years(advisor):
    answer = advisor.ask("How many hours a week do ML engineers usually work?")
    assert not answer.found, answer.answer
