"""What a sentence points back to, and names that only come close (issue 10, ninth round): a definition or a job's
duties said by a sentence that opens "They are ..." or "In this position, ...", idioms and prefixes that name no
subject, the statistic asked for before another source's, and an occupation that shares only a modifier with a
figure's subject (answer/evidence.py, answer/understand.py, answer/coverage.py, answer/facts.py, text/terms.py)."""

from careerbot.answer.understand import understand
from careerbot.evaluation.scoring import first_sentence
from careerbot.records import Turn
from careerbot.text.terms import name_before_comma, singular


def test_a_series_of_modifiers_before_a_comma_names_nothing():
    assert name_before_comma("Life, Physical, and Social Science Technicians, All Other") == ""
    assert name_before_comma("Court, Municipal, and License Clerks") == ""
    assert name_before_comma("Plumbers, Pipefitters, and Steamfitters") == "Plumbers"
    assert name_before_comma("Airline Pilots, Copilots, and Flight Engineers") == "Airline Pilots"
    assert name_before_comma("Boston, MA") == "Boston"
    assert name_before_comma("Architects, Except Landscape and Naval") == "Architects"


def test_plurals_in_es_fold_to_their_singular():
    assert [singular(w) for w in ("coaches", "taxes", "classes", "engineers", "salaries", "nurses")] == \
        ["coach", "tax", "class", "engineer", "salary", "nurse"]


# The shipped corpus.

def test_a_definition_said_by_a_sentence_that_points_back_names_what_it_points_to(advisor):
    answer = advisor.ask("what is a bootcamp")
    head = first_sentence(answer.answer)
    assert head.startswith("They [bootcamps] are short-term intensive programs"), answer.answer
    quote = answer.citations[0].quote
    assert quote.startswith("They are short-term intensive programs")  # the source's own words, cited as written


def test_another_jobs_duties_come_from_the_sentence_about_that_job(advisor):
    answer = advisor.ask("what would i actually do as a software engineer before moving into ml")
    head = first_sentence(answer.answer)
    assert "[software engineer]" in head and "write, test, and fix computer programs" in head, answer.answer
    assert answer.citations[0].doc_id == "ml-engineer-career-path-glassdoor.txt"


def test_what_a_job_does_is_its_list_of_duties_by_its_acronym_or_in_full(advisor):
    for question in ("What does an ML engineer do?", "what does a machine learning engineer do"):
        head = first_sentence(advisor.ask(question).answer)
        assert head.startswith("Designing machine learning systems"), (question, head)


def test_idioms_prefixes_and_prepositions_name_no_missing_subject(advisor):
    corpus = advisor.corpus
    for question in ("What does a machine learning engineer do on a day-to-day basis?",
                     "how much can a senior ml engineer with five plus years under their belt make",
                     "how to learn ML via self-study / MOOCs?"):
        assert understand(question, corpus).missing == (), question
        assert advisor.ask(question).found, question


def test_a_verb_after_a_modal_and_its_subject_is_no_subject(advisor):
    answer = advisor.ask("What kind of starting salary can a junior machine learning engineer expect in San "
                         "Francisco, California?")
    assert answer.found and "$100,000 – $135,000" in first_sentence(answer.answer), answer.answer


# The shipped corpus with three O*NET occupations (Data Scientists, Electricians, Registered Nurses).

def test_the_statistic_asked_for_comes_before_another_sources_figure(onet_advisor):
    asked = onet_advisor.ask("What's the median salary for data scientists?")
    assert "$112,590" in first_sentence(asked.answer) and "$110,000" not in asked.answer, asked.answer
    swapped = onet_advisor.ask("What about data scientists?",
                               [Turn("user", "What's the median salary for electricians?"), Turn("assistant", "")])
    assert "$112,590" in first_sentence(swapped.answer), swapped.answer


def test_an_ampersand_opens_a_follow_up_as_and_does(advisor):
    answer = advisor.ask("& in the UK?", [Turn("user", "median ML eng salary in NYC?"), Turn("assistant", "")])
    assert answer.found and "£60,000 – £85,000" in first_sentence(answer.answer), answer.answer
