"""Twenty-fourth round (issue 10): two words typed apart that a name writes as one ("hair stylists": Hairstylists);
a count of workers asked by a short form ("how many RNs are employed?"); a yes or no on which of two is higher
("do barbers make more than hairdressers?"); things asked for without a question word ("main ML frameworks an MLE
should know?"); a clipped plural written out as a plural ("libs": libraries), a misspelt one as the corpus writes it
("citys": cities); a subject's initials in capitals ("DS") or in lower case ("mle"); "paid online courses" asks no
pay; "the duties of", "the main responsibilities of" are a duties question's frame, not its topic; "they" after a
question about one level is that level (answer/rewrite.py, answer/conversation.py, answer/facts.py, answer/advisor.py,
answer/assemble.py, answer/understand.py, answer/query.py, text/terms.py)."""

import pytest

from careerbot.answer.query import asks_figure
from careerbot.answer.rewrite import normalise
from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.text.terms import plural
from helpers import history, pages_advisor


def _page(title: str, other_names: str, employed: str, annual: str) -> str:
    return (f"# {title}\n\n## What {title} do\n\n{title} look after people's hair, skin or health in salons, shops "
            f"and clinics.\n\nAlso called: {other_names}.\n\n"
            f"## Wages of {title}\n\nThe table below gives U.S. national employment and wages of {title}.\n\n"
            "| Occupation | Employment | Median annual wage |\n|---|---|---|\n"
            f"| {title} | {employed} | {annual} |\n")


PAGES = {
    "Hairdressers, Hairstylists, and Cosmetologists": ("Beautician, Colorist, Cosmetologist", "351,000", "$35,080"),
    "Barbers": ("Barber Stylist, Master Barber", "57,000", "$38,040"),
    "Registered Nurses": ("Registered Nurse (RN), Charge Nurse, Staff Nurse", "3,282,010", "$93,600"),
    "Nursing Assistants": ("Certified Nursing Assistant (CNA), Nurse Aide", "1,388,430", "$39,530"),
}


@pytest.fixture(scope="module")
def pages(embedder, tmp_path_factory):
    return pages_advisor(tmp_path_factory.mktemp("names"), embedder, PAGES, _page)


def test_two_words_typed_apart_that_a_name_writes_as_one_are_joined(pages):
    assert normalise("what do hair stylists make?", pages.corpus) == "what do hairstylists make?"
    answer = pages.ask("what do hair stylists make?")
    assert answer.found and "$35,080" in first_sentence(answer.answer), answer.answer
    # (not words a name writes apart, nor function words)
    assert normalise("how much does a nurse aide make?", pages.corpus) == "how much does a nurse aide make?"


def test_a_count_of_workers_asked_by_a_short_form_is_their_employment(pages):
    answer = pages.ask("how many RNs are employed?")
    assert "3,282,010" in first_sentence(answer.answer) and "$93,600" not in answer.answer, answer.answer
    answer = pages.ask("how many CNAs are employed in the US?")
    assert "1,388,430" in first_sentence(answer.answer), answer.answer


def test_a_yes_or_no_on_which_of_two_is_higher_is_answered_yes_or_no_first(pages):
    answer = pages.ask("do barbers make more than hairdressers?")
    assert first_sentence(answer.answer).startswith("Yes: Barbers have the higher"), answer.answer
    answer = pages.ask("do barbers make less than hairdressers?")
    assert first_sentence(answer.answer).startswith("No: "), answer.answer
    answer = pages.ask("is a registered nurse paid less than a barber?")
    assert first_sentence(answer.answer).startswith("No: Barbers have the lower"), answer.answer
    answer = pages.ask("which pays more, barbers or hairdressers?")  # a which-question: no yes or no
    assert first_sentence(answer.answer).startswith("Barbers have the higher"), answer.answer


def test_things_asked_for_without_a_question_word_are_a_list(advisor):
    assert understand("main ML frameworks/libs an MLE should know?", advisor.corpus).kind == "list"
    assert understand("key skills for data scientists?", advisor.corpus).kind == "list"
    answer = advisor.ask("main ML frameworks/libs an MLE should know?")
    assert "TensorFlow" in first_sentence(answer.answer) and "PyTorch" in first_sentence(answer.answer), \
        answer.answer


def test_a_clipped_plural_is_written_out_as_a_plural(advisor):
    assert "libraries" in normalise("which ML libs should I learn?", advisor.corpus)
    assert plural("library") == "libraries" and plural("machine learning engineer") == "machine learning engineers"
    assert plural("Machine Learning Engineers") == "Machine Learning Engineers"  # already plural


def test_a_plural_misspelt_as_a_regular_one_is_the_plural_the_corpus_writes(advisor):
    assert "which of the cities has" in normalise("which of the citys has the lowest entry-level ML salary",
                                                  advisor.corpus)
    assert "pays" in normalise("Which city pays entry-level ML engineers the most?", advisor.corpus)  # a verb's


def test_a_subjects_initials_in_capitals_name_it_though_a_letter_is_a_word(advisor):
    assert "Data Scientist" in normalise("MLE vs DS job openings - which has more?", advisor.corpus)


def test_paid_before_an_adjective_and_a_noun_asks_no_pay(advisor):
    assert not asks_figure("Should I start with free or paid online machine learning courses?")
    assert asks_figure("are nurses paid well?") and asks_figure("are nurses paid more than teachers?")
    answer = advisor.ask("Should I start with free or paid online machine learning courses?")
    assert answer.found and "free courses" in first_sentence(answer.answer), answer.answer


def test_duties_asked_by_a_word_the_sources_do_not_use_are_the_duties(advisor):
    for question in ("What are the duties of a machine learning engineer?",
                     "What are the main responsibilities of a machine learning engineer?"):  # ("main": which ones)
        answer = advisor.ask(question)
        assert answer.found and "Designing machine learning systems" in first_sentence(answer.answer), answer.answer


def test_a_subjects_initials_typed_in_lower_case_name_it(advisor):
    assert "machine learning engineer" in normalise("how much do entry level mle make in sf?", advisor.corpus)
    answer = advisor.ask("hey, how much do entry levle mle make in sf?")
    assert "$100,000 – $135,000" in first_sentence(answer.answer), answer.answer


def test_they_after_a_question_about_one_level_is_that_level(advisor):
    answer = advisor.ask("how much experience do they need?", history("how much do senior ml engineers make?"))
    assert answer.resolved_question == "how much experience do senior ml engineers need?"
    assert "5+ years" in first_sentence(answer.answer), answer.answer


def test_what_these_rules_leave_alone(advisor):
    answer = advisor.ask("how much does a chemical engineer make?")  # a kind of engineer no source covers
    assert not answer.found, answer.answer
    assert "TA" in normalise("Should I be a TA during my master's?", advisor.corpus)
    assert normalise("hwo much do ml engineers make?", advisor.corpus).startswith("how much")
    assert "realtime" not in normalise("real time systems engineers pay", advisor.corpus)
    assert understand("Python libraries are important?", advisor.corpus).kind != "list"
    assert understand("Tell me about ML engineer jobs", advisor.corpus).kind != "list"
    answer = advisor.ask("Does an ML engineer make more or less than a data scientist?")  # no claim to say yes to
    assert not first_sentence(answer.answer).startswith(("Yes", "No")), answer.answer
    answer = advisor.ask("Do AI engineers earn more than ML engineers?")  # named first by their own word
    assert first_sentence(answer.answer).startswith("No: Machine Learning Engineer has the higher"), answer.answer
    assert not asks_figure("Should I take paid online courses?") and asks_figure("are nurses paid weekly or monthly?")
