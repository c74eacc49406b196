"""Places as the corpus writes them and as people ask for them (text/places.py)."""

from careerbot.text.places import Place, build_gazetteer, is_known_place, place_of


def test_a_city_state_label_is_a_place_and_other_labels_are_not():
    assert place_of("New York City, NY") == Place("New York City, NY", "new york", "NY")  # "city" dropped
    assert place_of("Boston,  MA") == Place("Boston, MA", "boston", "MA")
    assert place_of("Boston") is None and place_of("Google") is None


def test_the_gazetteer_finds_a_place_by_state_name_code_city_and_nickname():
    gazetteer = build_gazetteer(["Boston, MA", "Seattle, WA", "New York City, NY", "Google"])
    boston = gazetteer.lookup("Boston, MA")
    assert [p.written for p in boston] == ["Boston, MA"]
    for name in ("massachusetts", "MA", "boston", "Boston?"):
        assert gazetteer.lookup(name) == boston
    assert [p.written for p in gazetteer.lookup("Washington")] == ["Seattle, WA"]
    assert [p.written for p in gazetteer.lookup("nyc")] == ["New York City, NY"]
    assert gazetteer.lookup("google") == [] and gazetteer.lookup("Austin") == []


def test_places_anywhere_in_the_world_are_known_and_other_words_are_not():
    assert is_known_place("Tokyo") and is_known_place("ohio") and is_known_place("Germany.")
    assert not is_known_place("TensorFlow") and not is_known_place("bootcamp")
