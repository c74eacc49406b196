"""Pointers followed to what they point at: a lead-in to the list after it (answer/pointers.py)."""


def test_a_lead_in_hands_its_match_to_what_it_announces(advisor):
    answer = advisor.ask("What challenges do ML engineers face?")
    assert answer.answer.startswith("Some common challenges include")
