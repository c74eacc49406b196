"""What a question asks of a page, and names written as they sound or in part (issue 10, fourteenth round): the
section a question asks about by meaning ("similar jobs": "Occupations related to ..."), a word spelt as it sounds
("flebotomist"), a count of the people in a job a page's title names in part ("janitors"), another kind of a job a
title joins with "and" ("life coaches" beside "Coaches and Scouts"), a plural acronym ("NPs"), degrees typed
without their apostrophe, a scope beside two things compared, a greeting before a follow-up, a list the best
passage announces, and a place word that is part of a job's name (answer/aspects.py, answer/facts.py,
answer/coverage.py, answer/fact_kinds.py, answer/conversation.py, answer/advisor.py, index/corpus_index.py,
text/terms.py)."""

from types import SimpleNamespace

import pytest

from careerbot.answer.aspects import aspect_bonus
from careerbot.answer.fact_kinds import asks_places
from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn

# One occupation per page, shaped as the O*NET import writes them (made-up figures).
PAGES = {
    "Phlebotomists": ("Draw blood for tests, transfusions, donations, or research.",
                      "Dispose of contaminated sharps, in accordance with applicable laws.",
                      ("Medical Assistants, Nursing Assistants, Medical and Clinical Laboratory Technicians, Histology "
                       "Technicians, Medical Records Specialists, Dental Assistants"), "Postsecondary Certificate",
                      "51%", "142,910", "$41,810", "Certified Phlebotomy Technician, Lab Liaison Technician"),
    "Janitors and Cleaners, Except Maids and Housekeeping Cleaners": (
        "Keep buildings in clean and orderly condition.", "Service, clean, or supply restrooms.",
        "Maids and Housekeeping Cleaners, Building Cleaning Workers", "Less than a High School Diploma", "14%",
        "2,199,900", "$35,930", "Custodian, Building Custodian"),
    "Coaches and Scouts": ("Instruct or coach groups or individuals in the fundamentals of sports.",
                           "Plan, organize, and conduct practice sessions.", "Athletes and Sports Competitors, Umpires",
                           "Bachelor's Degree", "49%", "250,940", "$45,920", "Athletic Coach, Basketball Coach"),
    "Nurse Practitioners": ("Diagnose and treat acute, episodic, or chronic illness.",
                            "Prescribe medication dosages, frequencies, and routes.",
                            "Physician Assistants, Clinical Nurse Specialists", "Master's Degree", "81%", "306,690",
                            "$129,210", "Advanced Practice Registered Nurse (APRN), Nurse Practitioner (NP)"),
    "Physician Assistants": ("Provide healthcare services typically performed by a physician, under the "
                             "supervision of a physician.", "Examine patients to obtain information about their "
                             "physical condition.", "Nurse Practitioners, Family Medicine Physicians",
                             "Master's Degree", "95%", "148,000", "$133,260",
                             "Certified Physician Assistant (PA-C), Physician Assistant (PA)"),
}


@pytest.fixture(scope="module")
def pages_advisor(embedder, tmp_path_factory):
    from helpers import occupation_page
    from helpers import pages_advisor as over_pages

    return over_pages(tmp_path_factory.mktemp("sections-sounds"), embedder, PAGES, occupation_page)


def test_a_question_reads_the_section_it_asks_about_by_meaning(pages_advisor):
    corpus = pages_advisor.corpus
    for question, template in (("what jobs are similar to phlebotomists?", "Occupations related to "),
                               ("how do I become a phlebotomist?", "Education of "),
                               ("what does a phlebotomist do all day?", "What ")):
        query = understand(question, corpus)
        bonus = aspect_bonus(pages_advisor.embedder, corpus, query, pages_advisor.retrieve(corpus, query.search_text))
        # that section of every page found: the subject's own is told apart by its words
        assert ("phlebotomists.md", f"{template}Phlebotomists{' do' if template == 'What ' else ''}") in bonus, bonus
        assert all(section.startswith(template) for _, section in bonus), (question, bonus)
    assert not aspect_bonus(pages_advisor.embedder, corpus, understand("what do phlebotomists make?", corpus),
                            pages_advisor.retrieve(corpus, "what do phlebotomists make?"))  # figures: the tables
    does = pages_advisor.ask("what does a phlebotomist do?")
    assert first_sentence(does.answer).startswith("Draw blood"), does.answer  # the summary under "What ... do"


def test_a_word_spelt_as_it_sounds_is_the_word_it_sounds_like(pages_advisor):
    answer = pages_advisor.ask("what dose a flebotomist do")
    assert answer.found and "Draw blood" in answer.answer, answer.answer
    assert {c.doc_id for c in answer.citations} == {"phlebotomists.md"}, answer.answer


def test_a_title_named_in_part_counts_and_schools_its_page(pages_advisor):
    counted = pages_advisor.ask("how many janitors are there in the us")
    assert "2,199,900" in first_sentence(counted.answer), counted.answer
    schooled = pages_advisor.ask("what percent of janitors have a high school diploma")
    assert "14%" in first_sentence(schooled.answer), schooled.answer


def test_another_kind_of_a_job_a_title_joins_with_and_is_not_that_job(pages_advisor):
    answer = pages_advisor.ask("how much do life coaches make")
    assert not answer.found and "life coaches" in first_sentence(answer.answer), answer.answer
    assert "$45,920" in first_sentence(pages_advisor.ask("how much do coaches make").answer)


def test_a_plural_acronym_names_its_subject_in_a_ranking(pages_advisor):
    answer = pages_advisor.ask("rank NPs and PAs by median pay")
    head = first_sentence(answer.answer)
    assert head.startswith("Physician Assistants have the highest median annual wage: $133,260"), answer.answer
    assert "$129,210" in head, answer.answer


def test_degrees_typed_without_apostrophes_are_compared_within_their_scope(advisor):
    for question in ("how many entry level ml engineers have a bachelors compared to a masters",
                     "Among entry-level ML engineers, how common is a bachelor's degree compared to a master's?"):
        head = first_sentence(advisor.ask(question).answer)
        assert "82%" in head and "15%" in head, head
    # a subject on neither side that is a row beside one on it is compared, not a scope
    women = first_sentence(advisor.ask("What percentage of machine learning engineers are women compared with data "
                                       "scientists?").answer)
    assert "30%" in women and "35%" in women, women


def test_a_follow_up_after_thanks_and_about_me_still_asks_on(advisor):
    history = [Turn("user", "What degree do I need for an entry-level ML engineer job?"), Turn("assistant", "")]
    answer = advisor.ask("Oh nice, thanks. I'm 25 and work full time, so how long would that take?", history)
    assert answer.found and "four years" in first_sentence(answer.answer), answer.answer
    history = [Turn("user", "What percent of entry-level ML engineers hold a master's degree?"),
               Turn("assistant", "")]
    phd = advisor.ask("And a PhD? Is it worth getting one?", history)
    assert "3%" in first_sentence(phd.answer), phd.answer


def test_a_list_question_gets_the_list_its_best_passage_announces(advisor):
    answer = advisor.ask("which neural network types should an ml engineer know for deep learning")
    assert first_sentence(answer.answer).startswith("Convolutional Neural Networks"), answer.answer


def test_a_place_word_inside_a_jobs_name_asks_for_no_places():
    corpus = SimpleNamespace(titles=("Bus Drivers, Transit and Intercity", "Police and Sheriff's Patrol Officers"))
    assert asks_places(corpus, "which city pays bus drivers the most")
    assert not asks_places(corpus, "who makes more, truck drivers or city bus drivers")
