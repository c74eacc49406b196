#!/usr/bin/env python3
"""Generate tests/eval/onet.json: evaluation cases for the O*NET + BLS import (`careerbot import onet`).

Every expected answer is read from the data files themselves (O*NET 29.3 TSVs and the BLS OEWS May 2024 national
file in ../shared/data), never from careerbot's answers. The script then renders the documents exactly as
`careerbot import onet` writes them (careerbot.ingest.onet.import_onet into a temporary folder) and checks that every
"values" and "allowed" string appears verbatim in the document of its occupation, that every "first" phrase of a
found case is in one of the case's documents, and that no "exclude" string appears in them.

Deterministic: occupations are chosen by hand below, phrasings and typos by a seeded random generator.

    python scripts/make_onet_questions.py [--data ../shared/data] [--out tests/eval/onet.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240531
try:
    from careerbot.ingest import onet as importer
except ImportError:  # not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from careerbot.ingest import onet as importer

TOP = "at or above the top BLS value"  # how the importer writes a "#" (top-coded) wage
NOT_RELEASED = "not released"  # how it writes "*" / "**"

# Columns of the wage table: (name in the document, BLS column, hourly?)
COLUMNS = [("Employment", "TOT_EMP", None), ("Median annual wage", "A_MEDIAN", False),
           ("Mean annual wage", "A_MEAN", False), ("Median hourly wage", "H_MEDIAN", True),
           ("10th percentile annual wage", "A_PCT10", False), ("25th percentile annual wage", "A_PCT25", False),
           ("75th percentile annual wage", "A_PCT75", False), ("90th percentile annual wage", "A_PCT90", False)]

# How people name occupations: O*NET code -> (singular, plural). Only names, never answers.
NAMES = {
    "47-2111.00": ("electrician", "electricians"), "47-2152.00": ("plumber", "plumbers"),
    "29-1141.00": ("registered nurse", "registered nurses"), "15-1252.00": ("software developer", "software developers"),
    "15-2051.00": ("data scientist", "data scientists"), "29-1123.00": ("physical therapist", "physical therapists"),
    "29-1051.00": ("pharmacist", "pharmacists"), "25-2021.00": ("elementary school teacher", "elementary school teachers"),
    "13-2011.00": ("accountant", "accountants"), "35-2014.00": ("restaurant cook", "restaurant cooks"),
    "53-3032.00": ("tractor-trailer truck driver", "tractor-trailer truck drivers"), "23-1011.00": ("lawyer", "lawyers"),
    "29-1292.00": ("dental hygienist", "dental hygienists"), "29-1021.00": ("general dentist", "general dentists"),
    "17-2051.00": ("civil engineer", "civil engineers"), "17-2141.00": ("mechanical engineer", "mechanical engineers"),
    "15-1212.00": ("information security analyst", "information security analysts"),
    "15-1211.00": ("computer systems analyst", "computer systems analysts"),
    "15-1244.00": ("network and computer systems administrator", "network and computer systems administrators"),
    "15-1241.00": ("computer network architect", "computer network architects"),
    "15-1242.00": ("database administrator", "database administrators"),
    "15-2031.00": ("operations research analyst", "operations research analysts"),
    "15-2041.00": ("statistician", "statisticians"), "15-2011.00": ("actuary", "actuaries"),
    "13-1111.00": ("management analyst", "management analysts"),
    "13-2051.00": ("financial and investment analyst", "financial and investment analysts"),
    "11-3021.00": ("computer and information systems manager", "computer and information systems managers"),
    "11-2021.00": ("marketing manager", "marketing managers"),
    "11-9111.00": ("medical and health services manager", "medical and health services managers"),
    "29-1071.00": ("physician assistant", "physician assistants"), "29-1171.00": ("nurse practitioner", "nurse practitioners"),
    "31-1131.00": ("nursing assistant", "nursing assistants"), "31-9091.00": ("dental assistant", "dental assistants"),
    "29-2061.00": ("licensed practical nurse", "licensed practical nurses"),
    "47-2031.00": ("carpenter", "carpenters"), "47-2061.00": ("construction laborer", "construction laborers"),
    "47-2181.00": ("roofer", "roofers"), "51-4121.00": ("welder", "welders"),
    "49-3023.00": ("automotive service technician", "automotive service technicians"),
    "53-2011.00": ("airline pilot", "airline pilots"), "53-2031.00": ("flight attendant", "flight attendants"),
    "35-3031.00": ("waiter", "waiters"), "41-2031.00": ("retail salesperson", "retail salespersons"),
    "41-2011.00": ("cashier", "cashiers"), "43-4051.00": ("customer service representative", "customer service representatives"),
    "33-3051.00": ("police patrol officer", "police patrol officers"), "33-2011.00": ("firefighter", "firefighters"),
    "27-1024.00": ("graphic designer", "graphic designers"), "27-3042.00": ("technical writer", "technical writers"),
    "19-2012.00": ("physicist", "physicists"), "19-2031.00": ("chemist", "chemists"),
    "23-2011.00": ("paralegal", "paralegals"), "29-1031.00": ("dietitian", "dietitians"),
    "29-1122.00": ("occupational therapist", "occupational therapists"),
    "29-1127.00": ("speech-language pathologist", "speech-language pathologists"),
    "29-2052.00": ("pharmacy technician", "pharmacy technicians"), "31-9092.00": ("medical assistant", "medical assistants"),
    "29-1131.00": ("veterinarian", "veterinarians"), "39-5012.00": ("hairdresser", "hairdressers"),
    "39-2021.00": ("animal caretaker", "animal caretakers"), "39-2011.00": ("animal trainer", "animal trainers"),
    "13-1071.00": ("human resources specialist", "human resources specialists"),
    "11-9021.00": ("construction manager", "construction managers"), "17-2071.00": ("electrical engineer", "electrical engineers"),
    "17-2061.00": ("computer hardware engineer", "computer hardware engineers"), "15-1254.00": ("web developer", "web developers"),
    "15-1232.00": ("computer user support specialist", "computer user support specialists"),
    "29-1215.00": ("family medicine physician", "family medicine physicians"),
    "29-1211.00": ("anesthesiologist", "anesthesiologists"), "41-3041.00": ("travel agent", "travel agents"),
    "49-3011.00": ("aircraft mechanic", "aircraft mechanics"), "19-3011.00": ("economist", "economists"),
    "49-9092.00": ("commercial diver", "commercial divers"), "35-1011.00": ("chef", "chefs"),
    "43-3031.00": ("bookkeeping clerk", "bookkeeping clerks"), "13-2082.00": ("tax preparer", "tax preparers"),
    "29-1126.00": ("respiratory therapist", "respiratory therapists"), "27-4021.00": ("photographer", "photographers"),
    "27-3091.00": ("interpreter", "interpreters"), "19-3033.00": ("clinical psychologist", "clinical psychologists"),
    "33-9021.00": ("private investigator", "private investigators"),
    "19-2021.00": ("atmospheric scientist", "atmospheric scientists"),
    "19-2042.00": ("geoscientist", "geoscientists"), "17-1011.00": ("architect", "architects"),
    "11-9013.00": ("farmer", "farmers"), "27-1012.00": ("craft artist", "craft artists"),
    "11-1011.00": ("chief executive", "chief executives"), "29-2034.00": ("radiologic technologist", "radiologic technologists"),
    "21-1021.00": ("child and family social worker", "child and family social workers"),
    "27-3023.00": ("reporter", "reporters"), "37-2011.00": ("janitor", "janitors"),
}

STOP = set("a an and or the of to in on for with by as at from into such other others their its it be is are may "
           "including include includes using use used various all any that this these those which who whom within "
           "related work workers duties activities ensure against where whose basis begin during below above under "
           "over about before after between through without similar set".split())
STYLES_ALLOWED = {"plain", "casual", "typo", "abbreviation", "preamble", "double"}
KINDS_ALLOWED = {"figure", "list", "ranking", "comparison", "definition", "duties", "howto", "yesno", "wh",
                 "uncovered", "followup"}


# ----------------------------------------------------------------------------------------------- reading the files

def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def money(raw: str, hourly: bool = False) -> str:
    """A BLS wage cell as the document writes it: "$112,590", "$54.13", or the words for '#' and '*'."""
    if raw == "#":
        return TOP
    if raw in ("*", "**", ""):
        return NOT_RELEASED
    return f"${float(raw):,.2f}" if hourly else f"${float(raw):,.0f}"


def cell(row: dict[str, str], column: str, hourly: bool | None) -> str:
    if hourly is None:  # employment
        return NOT_RELEASED if row[column] in ("*", "**", "") else f"{float(row[column]):,.0f}"
    return money(row[column], hourly)


class Data:
    """What the files say of each occupation, limited the way the importer limits it (first N kept)."""

    def __init__(self, data: Path):
        onet = data / importer.ONET_FOLDER
        self.title, self.description = {}, {}
        for r in read_tsv(onet / "Occupation Data.tsv"):
            self.title[r["O*NET-SOC Code"]] = r["Title"]
            self.description[r["O*NET-SOC Code"]] = r["Description"]
        self.code_of_title = {t: c for c, t in self.title.items()}
        self.all_alternates: dict[str, list[str]] = defaultdict(list)
        for r in read_tsv(onet / "Alternate Titles.tsv"):
            self.all_alternates[r["O*NET-SOC Code"]].append(r["Alternate Title"])
        self.alternates = {c: a[:importer.MAX_ALTERNATES] for c, a in self.all_alternates.items()}
        tasks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in read_tsv(onet / "Task Statements.tsv"):
            tasks[r["O*NET-SOC Code"]].append((r["Task Type"], r["Task"]))
        self.tasks = {c: ([t for k, t in ts if k == "Core"] + [t for k, t in ts if k != "Core"])[:importer.MAX_TASKS]
                      for c, ts in tasks.items()}
        importance: dict[str, dict[str, float]] = defaultdict(dict)
        for r in read_tsv(onet / "Skills.tsv"):
            if r["Scale ID"] == "IM" and r["Recommend Suppress"] != "Y":
                importance[r["O*NET-SOC Code"]][r["Element Name"]] = float(r["Data Value"])
        # most important first; equal importance keeps the file's order (a stable sort, as the importer's)
        self.skills = {c: sorted(s, key=lambda name: -s[name])[:importer.MAX_SKILLS] for c, s in importance.items()}
        hot, other = defaultdict(list), defaultdict(list)
        for r in read_tsv(onet / "Technology Skills.tsv"):
            (hot if r["Hot Technology"] == "Y" else other)[r["O*NET-SOC Code"]].append(r["Example"])
        self.hot = {c: list(dict.fromkeys(v))[:importer.MAX_TECHNOLOGIES] for c, v in hot.items()}
        self.other_tools = {c: list(dict.fromkeys(v))[:importer.MAX_TECHNOLOGIES] for c, v in other.items()}
        names = {int(r["Category"]): r["Category Description"].split(" - ")[0]
                 for r in read_tsv(onet / "Education, Training, and Experience Categories.tsv") if r["Scale ID"] == "RL"}
        education: dict[str, dict[int, float]] = defaultdict(dict)
        for r in read_tsv(onet / "Education, Training, and Experience.tsv"):
            if r["Scale ID"] == "RL" and r["Recommend Suppress"] != "Y":
                education[r["O*NET-SOC Code"]][int(r["Category"])] = float(r["Data Value"])
        # (category name, share as written) for shares of 5% or more, largest first
        self.education = {c: [(names[k], f"{v:.0f}%") for v, k in sorted(((v, k) for k, v in e.items() if v >= 5),
                                                                          reverse=True)]
                          for c, e in education.items()}
        zone_names = {int(r["Job Zone"]): r["Name"] for r in read_tsv(onet / "Job Zone Reference.tsv")}
        self.zone = {r["O*NET-SOC Code"]: zone_names[int(r["Job Zone"])] for r in read_tsv(onet / "Job Zones.tsv")}
        self.related = defaultdict(list)
        for r in read_tsv(onet / "Related Occupations.tsv"):
            if r["Relatedness Tier"].startswith("Primary"):
                self.related[r["O*NET-SOC Code"]].append(r["Related O*NET-SOC Code"])
        bls = read_tsv(data / importer.BLS_FILE)
        detailed = {r["OCC_CODE"]: r for r in bls if r["O_GROUP"] == "detailed"}
        self.major = {r["OCC_CODE"][:2]: r["OCC_TITLE"] for r in bls if r["O_GROUP"] == "major"}
        # O*NET "15-2051.00" (and "15-2051.01") join BLS "15-2051"
        self.wages = {c: detailed[c.split(".")[0]] for c in self.title if c.split(".")[0] in detailed}

    def cells(self, code: str) -> dict[str, str]:
        """The wage table's cells of an occupation: column name -> value as written."""
        row = self.wages[code]
        return {name: cell(row, column, hourly) for name, column, hourly in COLUMNS}

    def median(self, code: str) -> str:
        return self.cells(code)["Median annual wage"]


# ------------------------------------------------------------------------------------------------- phrase picking

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


class Phrases:
    """Distinctive 2-3 word phrases of a text: words rare across all O*NET descriptions and tasks score high."""

    def __init__(self, data: Data):
        texts = list(data.description.values()) + [t for ts in data.tasks.values() for t in ts]
        df = Counter(w for text in texts for w in {w.lower() for w in WORD.findall(text)})
        self.idf = {w: math.log(len(texts) / n) for w, n in df.items()}

    def pick(self, text: str, count: int, skip_first_word: bool = True) -> list[str]:
        sentence = re.split(r"(?<=\.)\s", text.strip())[0]
        candidates = []
        offset = 0
        for segment in re.split(r"[,;:()]", sentence):
            words = [(m.start() + offset, m.end() + offset, m.group()) for m in WORD.finditer(segment)]
            offset += len(segment) + 1
            for n in (3, 2):
                for i in range(len(words) - n + 1):
                    span = words[i:i + n]
                    if skip_first_word and span[0][0] == 0:
                        continue
                    if span[0][2].lower() in STOP or span[-1][2].lower() in STOP:
                        continue
                    score = sum(self.idf.get(w.lower(), 0) for _, _, w in span if w.lower() not in STOP) / n ** 0.35
                    candidates.append((score, span[0][0], span[-1][1]))
        chosen: list[tuple[int, int]] = []
        for _score, start, end in sorted(candidates, key=lambda c: (-c[0], c[1])):
            if all(end <= s or start >= e for s, e in chosen):
                chosen.append((start, end))
            if len(chosen) == count:
                break
        return [sentence[s:e] for s, e in sorted(chosen)]


# ---------------------------------------------------------------------------------------------------- phrasing

class Writer:
    def __init__(self, data: Data, seed: int = SEED):
        self.data = data
        self.rng = random.Random(seed)
        self.phrases = Phrases(data)
        self.cases: list[dict] = []
        self.checks: list[tuple[dict, list[str]]] = []  # (case, codes of the documents it is checked against)

    def typo(self, text: str) -> str:
        """Swap two adjacent inner letters of one longer word (deterministic through the seeded generator)."""
        words = text.split(" ")
        long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        i = self.rng.choice(long) if long else 0
        w = words[i]
        for _ in range(20):
            j = self.rng.randrange(1, len(w) - 2)
            swapped = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            if swapped != w:
                break
        words[i] = swapped
        return " ".join(words)

    def pick(self, options: list):
        return self.rng.choice(options)

    def doc_id(self, code: str) -> str:
        return f"onet/{code}-{importer._slug(self.data.title[code])}.md"

    def add(self, kind: str, style: str, question: str, *, codes: list[str], found: bool = True,
            doc: str | None = None, first: list[str] = (), values: list[str] = (), allowed: list[str] = (),
            exclude: list[str] = (), history: list[dict] | None = None) -> dict:
        assert kind in KINDS_ALLOWED and style in STYLES_ALLOWED, (kind, style)
        case = {"id": "", "split": "", "kind": kind, "style": style, "question": question}
        if history:
            case["history"] = history
        case["found"] = found
        if doc:
            case["doc_id"] = self.doc_id(doc)
        case["first"] = list(dict.fromkeys(first))
        case["values"] = list(dict.fromkeys(values))
        case["allowed"] = [a for a in dict.fromkeys(allowed) if a not in case["values"]]
        case["exclude"] = list(dict.fromkeys(exclude))
        self.cases.append(case)
        self.checks.append((case, codes))
        return case

    # ------------------------------------------------------------------ shared pieces of cases

    def other_cells(self, code: str, *keep: str) -> list[str]:
        """The occupation's other wage cells: allowed alongside the asked one (same table, same source)."""
        return [v for v in self.data.cells(code).values() if v not in keep and v not in (TOP, NOT_RELEASED)]

    def neighbour_medians(self, code: str, count: int = 1, text: str = "") -> list[str]:
        """Medians of related occupations with their own BLS row (not this one's) that the document does not show."""
        own = self.data.wages[code]["OCC_CODE"] if code in self.data.wages else None
        found = []
        for other in self.data.related.get(code, []):
            if other not in self.data.wages or self.data.wages[other]["OCC_CODE"] == own:
                continue
            median = self.data.median(other)
            if median in (TOP, NOT_RELEASED) or median in text or median in found:
                continue
            found.append(median)
            if len(found) == count:
                break
        return found

    def duty_phrases(self, code: str) -> list[str]:
        first = self.phrases.pick(self.data.description[code], 2)
        task = self.data.tasks.get(code, [])
        return first + (self.phrases.pick(task[0], 1) if task else [])


# --------------------------------------------------------------------------------------------------- the cases

FIGURE_ASKS = {
    # what is asked -> (column, question templates with {s} singular, {p} plural, {a} article+singular)
    "median": ("Median annual wage", {
        "plain": ["What is the median annual wage of {p}?", "What is the median salary of {a}?",
                  "How much do {p} make?", "What do {p} make?", "How much does {a} earn per year?"],
        "casual": ["how much do {p} make", "what do {p} make a year", "how much does {a} make",
                   "{s} salary", "what do {p} get paid"],
        "typo": ["how much do {P} make", "waht is the median salary of {A}", "What do {P} make?",
                 "median anual wage for {P}"],
        "preamble": ["Hi! I'm thinking about a career change. How much do {p} make?",
                     "Hello, I'm a high school senior. What is the median salary of {a}?"],
    }),
    "mean": ("Mean annual wage", {
        "plain": ["What is the mean annual wage of {p}?", "What is the mean salary of {a}?"],
        "casual": ["mean annual pay for {p}", "whats the mean wage of {p}"],
        "typo": ["what is the mean anual wage of {P}"],
    }),
    "hourly": ("Median hourly wage", {
        "plain": ["How much do {p} make per hour?", "What is the median hourly wage of {a}?"],
        "casual": ["hourly pay for {p}", "how much does {a} make an hour"],
        "typo": ["how much do {P} make per hour"],
    }),
    "p10": ("10th percentile annual wage", {
        "plain": ["What is the 10th percentile wage of {p}?", "How much do the lowest-paid 10% of {p} make?"],
        "casual": ["what do the bottom 10 percent of {p} earn"],
    }),
    "p25": ("25th percentile annual wage", {
        "plain": ["What is the 25th percentile annual wage of {p}?"],
        "casual": ["25th percentile salary {s}"],
    }),
    "p75": ("75th percentile annual wage", {
        "plain": ["What is the 75th percentile annual wage of {p}?"],
        "casual": ["75th percentile pay for {p}"],
    }),
    "p90": ("90th percentile annual wage", {
        "plain": ["What do the top 10% of {p} earn?", "What is the 90th percentile wage of {a}?"],
        "casual": ["how much do the top 10 percent of {p} make", "90th percentile salary for {p}"],
        "typo": ["what do the top 10% of {P} earn"],
    }),
    "employment": ("Employment", {
        "plain": ["How many {p} are employed in the US?", "How many people work as {p}?"],
        "casual": ["how many {p} are there", "number of {p} in the us"],
    }),
}

# (code, what is asked, style); an alternate title instead of the name where given
FIGURES = [
    ("47-2111.00", "median", "plain"), ("15-2051.00", "median", "casual"), ("29-1141.00", "median", "typo"),
    ("15-1252.00", "median", "plain"), ("29-1051.00", "median", "preamble"), ("47-2152.00", "median", "casual"),
    ("17-2051.00", "median", "typo"), ("41-2011.00", "median", "casual"), ("53-2031.00", "median", "plain"),
    ("29-1127.00", "median", "plain"), ("27-1024.00", "median", "casual"), ("49-3011.00", "median", "typo"),
    ("15-2011.00", "median", "plain"), ("35-3031.00", "median", "casual"),
    ("15-1212.00", "mean", "plain"), ("13-2011.00", "mean", "casual"), ("29-1071.00", "mean", "typo"),
    ("17-2141.00", "mean", "plain"),
    ("29-1292.00", "hourly", "plain"), ("47-2031.00", "hourly", "casual"), ("31-9092.00", "hourly", "typo"),
    ("51-4121.00", "hourly", "plain"), ("49-3023.00", "hourly", "casual"),
    ("41-2031.00", "p10", "plain"), ("43-4051.00", "p10", "casual"), ("29-1123.00", "p25", "plain"),
    ("47-2181.00", "p25", "casual"), ("15-1211.00", "p75", "plain"), ("13-1111.00", "p75", "casual"),
    ("29-1051.00", "p90", "plain"), ("17-2071.00", "p90", "casual"), ("15-1241.00", "p90", "typo"),
    ("29-1141.00", "employment", "plain"), ("47-2061.00", "employment", "casual"),
    ("15-1254.00", "employment", "plain"), ("33-2011.00", "employment", "casual"),
]
# alternate titles (kept among the document's first ten, and in no other document's): (code, asked name, style, question)
ALTERNATE_FIGURES = [
    ("23-1011.00", "Attorney", "casual", "how much does an attorney make"),
    ("29-1051.00", "Druggist", "plain", "What is the median salary of a druggist?"),
    ("35-3031.00", "Carhop", "casual", "how much does a carhop make"),
    ("29-1292.00", "Registered Dental Hygienist (RDH)", "abbreviation", "How much does an RDH make?"),
    ("49-9092.00", "Deep Sea Diver", "typo", "how much do deep sea divres make"),
    ("19-3011.00", "Econometrician", "plain", "What is the median annual wage of an econometrician?"),
]
# top-coded ("#") cells: the document writes the words, not a figure
TOP_CODED_FIGURES = [("29-1211.00", "Median annual wage", "plain", "What is the median annual wage of anesthesiologists?"),
                     ("23-1011.00", "90th percentile annual wage", "casual", "what do the top 10% of lawyers make")]
# two questions in one: (code, what is asked first, what second, question)
DOUBLES = [
    ("47-2181.00", "median", "employment", "How much do roofers make, and how many of them are there?"),
    ("29-1071.00", "median", "p90", "What is the median salary of a physician assistant and what do the top 10% earn?"),
]
# education shares: (code, category as the document writes it, style, question)
EDUCATION_FIGURES = [
    ("47-2111.00", "Post-Secondary Certificate", "plain",
     "What share of electricians need a post-secondary certificate?"),
    ("17-2051.00", "Bachelor's Degree", "casual", "what percent of civil engineers need a bachelors degree"),
    ("29-1123.00", "Doctoral Degree", "plain", "What share of physical therapists need a doctoral degree?"),
    ("29-1292.00", "Associate's Degree", "typo", "what percentage of dental hygenists need an associate's degree"),
]

DUTIES = [
    ("47-2111.00", "plain", "What does {a} do?"), ("15-2051.00", "casual", "what does {a} do"),
    ("29-1127.00", "plain", "What does {a} do?"), ("15-2011.00", "typo", "What does an {S} do?"),
    ("17-2051.00", "plain", "What are the duties of {a}?"), ("29-1292.00", "casual", "what do {p} do all day"),
    ("23-2011.00", "plain", "What does {a} do?"), ("49-3011.00", "typo", "what does an {S} do"),
    ("15-1212.00", "plain", "What do {p} do?"), ("53-2031.00", "casual", "what does {a} actually do"),
    ("27-3042.00", "preamble", "Hi, I like writing and tech. What does {a} do?"),
    ("19-2012.00", "plain", "What does {a} do?"), ("29-1126.00", "typo", "what does a {S} do"),
    ("13-2082.00", "casual", "what do {p} do"), ("49-9092.00", "plain", "What does {a} do?"),
    ("39-2011.00", "plain", "What are the main tasks of {a}?"), ("29-1131.00", "casual", "what does {a} do on the job"),
]

DEFINITIONS = [  # (code, alternate title as in the file, asked as, style)
    ("29-1051.00", "Apothecary", "What is an apothecary?", "plain"),
    ("23-1011.00", "Barrister", "what is a barrister", "casual"),
    ("29-2061.00", "Licensed Practical Nurse (LPN)", "What is an LPN?", "abbreviation"),
    ("29-1123.00", "Kinesiotherapist", "What is a kinesiotherapist?", "plain"),
    ("27-1012.00", "Candle Maker", "what is a candel maker", "typo"),
    ("19-2021.00", "Climatologist", "What is a climatologist?", "plain"),
    ("13-2082.00", "Enrolled Agent", "what's an enrolled agent", "casual"),
    ("29-1126.00", "Inhalation Therapist", "What is an inhalation therapist?", "plain"),
    ("35-1011.00", "Chocolatier", "What is a chocolatier?", "plain"),
    ("39-2011.00", "Bronc Buster", "what is a bronc buster", "casual"),
]

SKILLS = [
    ("15-2041.00", "plain", "What skills do {p} need?"), ("47-2111.00", "casual", "skills needed to be {a}"),
    ("29-1141.00", "plain", "What skills does {a} need?"), ("17-2141.00", "typo", "what skills do {P} need"),
    ("23-1011.00", "plain", "What are the most important skills for {p}?"),
    ("15-1254.00", "casual", "what skills do i need to be {a}"), ("29-1123.00", "plain", "What skills do {p} need?"),
    ("13-2011.00", "preamble", "Hello, I'm switching careers. What skills does {a} need?"),
]
TECHNOLOGIES = [
    ("15-2051.00", "plain", "What software do {p} use?"), ("27-1024.00", "casual", "what tools do {p} use"),
    ("13-2011.00", "plain", "What technologies do {p} use?"), ("17-2051.00", "typo", "what software do {P} use"),
    ("15-1212.00", "plain", "Which tools do {p} use?"), ("29-1051.00", "casual", "what software do {p} use"),
]
EDUCATION_LISTS = [
    ("29-1051.00", "plain", "What education do {p} need?"), ("47-2152.00", "casual", "what education do you need to be {a}"),
    ("29-1127.00", "plain", "What level of education do {p} need?"),
    ("51-4121.00", "typo", "what educaiton do {p} need"),
]

RANKINGS = [  # (major group or None, column, highest?, style, question)
    ("15", "Median annual wage", True, "plain", "What is the highest paying computer and mathematical occupation?"),
    ("17", "Median annual wage", True, "casual", "highest paying engineering job"),
    ("23", "Median annual wage", True, "plain", "Which legal occupation pays the most?"),
    ("47", "Median annual wage", True, "casual", "what construction job pays the most"),
    ("13", "Median annual wage", True, "plain", "What is the highest paying business and financial occupation?"),
    ("19", "Median annual wage", True, "typo", "which sceince occupation pays the most"),
    ("53", "Median annual wage", True, "plain", "What is the highest paying transportation occupation?"),
    ("35", "Median annual wage", True, "casual", "best paid job in food preparation and serving"),
    ("41", "Median annual wage", True, "plain", "Which sales occupation has the highest median wage?"),
    ("11", "Median annual wage", True, "plain", "What is the highest paying management occupation?"),
    ("15", "Median annual wage", False, "plain", "What is the lowest paying computer and mathematical occupation?"),
    (None, "Mean annual wage", True, "plain", "Which occupation has the highest mean annual wage?"),
    (None, "Employment", True, "casual", "which occupation employs the most people"),
    (None, "Median annual wage", True, "plain", "Which occupations pay the most?"),
]

COMPARISONS = [  # (code, code, style, question)
    ("47-2111.00", "47-2152.00", "plain", "Compare the median wages of electricians and plumbers."),
    ("29-1141.00", "29-1171.00", "casual", "registered nurse vs nurse practitioner salary"),
    ("15-1252.00", "15-2051.00", "plain", "Who makes more, software developers or data scientists?"),
    ("29-1123.00", "29-1122.00", "typo", "compare physical therapist and occupatinal therapist pay"),
    ("17-2051.00", "17-2141.00", "plain", "Do civil engineers earn more than mechanical engineers?"),
    ("29-1021.00", "29-1292.00", "casual", "general dentists vs dental hygienists how much do they make"),
    ("33-3051.00", "33-2011.00", "plain", "Compare the median annual wages of police patrol officers and firefighters."),
    ("41-2011.00", "35-3031.00", "casual", "cashier or waiter which pays more"),
]

UNCOVERED = [  # (asked name, style, question, nearest real occupations)
    ("unicorn groomer", "plain", "How much does a unicorn groomer make?", ["39-2021.00", "39-2011.00"]),
    ("dragon trainer", "casual", "what does a dragon trainer do", ["39-2011.00"]),
    ("quantum plumber", "plain", "What is the median salary of a quantum plumber?", ["47-2152.00", "19-2012.00"]),
    ("underwater basket weaver", "casual", "underwater basket weaver salary", ["49-9092.00", "27-1012.00"]),
    ("time travel agent", "plain", "How much do time travel agents earn?", ["41-3041.00"]),
    ("starship mechanic", "typo", "how much does a starship mechnaic make", ["49-3011.00"]),
    ("ghost hunter", "plain", "What skills does a ghost hunter need?", ["33-9021.00"]),
    ("professional mermaid", "casual", "how much do professional mermaids make", ["49-9092.00"]),
    ("cloud whisperer", "plain", "What does a cloud whisperer do?", ["19-2021.00"]),
    ("dream architect", "plain", "What is the median annual wage of a dream architect?", ["17-1011.00"]),
    ("robot psychologist", "casual", "robot psychologist pay", ["19-3033.00"]),
    ("telepathic translator", "plain", "How much does a telepathic translator make?", ["27-3091.00"]),
    ("moon farmer", "typo", "what do moon farmres earn", ["11-9013.00"]),
    ("meme economist", "plain", "What is the salary of a meme economist?", ["19-3011.00"]),
    ("alien veterinarian", "preamble", "Hi there! What does an alien veterinarian make?", ["29-1131.00"]),
    ("chief vibes officer", "casual", "chief vibes officer salary", ["11-1011.00"]),
]

FOLLOWUPS = [  # (first question, its code, follow-up, code asked, what is asked, style)
    ("How much do electricians make?", "47-2111.00", "And plumbers?", "47-2152.00", "median", "plain"),
    ("What is the median annual wage of registered nurses?", "29-1141.00", "What about the 90th percentile?",
     "29-1141.00", "p90", "plain"),
    ("how much do data scientists make", "15-2051.00", "and statisticians", "15-2041.00", "median", "casual"),
    ("What do dental hygienists earn?", "29-1292.00", "And per hour?", "29-1292.00", "hourly", "plain"),
    ("What is the median salary of a software developer?", "15-1252.00", "How many of them are employed?",
     "15-1252.00", "employment", "plain"),
    ("What do lawyers make?", "23-1011.00", "What about paralegals?", "23-2011.00", "median", "plain"),
    ("how much does a welder make", "51-4121.00", "what about the bottom 10 percent", "51-4121.00", "p10", "casual"),
    ("What is the median wage of pharmacists?", "29-1051.00", "And a pharmacy technician?", "29-2052.00", "median",
     "plain"),
    ("What is the median annual wage of civil engineers?", "17-2051.00", "and mechanical engineers", "17-2141.00",
     "median", "casual"),
    ("What do actuaries earn?", "15-2011.00", "What is their mean annual wage?", "15-2011.00", "mean", "plain"),
    ("how much do carpenters make", "47-2031.00", "and roofers?", "47-2181.00", "median", "casual"),
    ("How much do firefighters make?", "33-2011.00", "What do they do?", "33-2011.00", "duties", "plain"),
    ("What is the median salary of a web developer?", "15-1254.00", "wat about the 75th percentile", "15-1254.00",
     "p75", "typo"),
]


def article(name: str) -> str:
    return ("an " if name[0].lower() in "aeiou" else "a ") + name


def fill(w: Writer, template: str, code: str) -> str:
    singular, plural = NAMES[code]
    return template.format(s=singular, p=plural, a=article(singular), S=w.typo(singular), P=w.typo(plural),
                           A=w.typo(article(singular)))


def check_alternate(d: Data, code: str, alternate: str) -> None:
    """The alternate title is in the occupation's document (among the first ten kept) and names no other one."""
    assert alternate in d.alternates[code], f"{alternate!r} is not among the alternate titles {code}'s document keeps"
    others = [c for c, alts in d.alternates.items() if c != code and alternate.lower() in map(str.lower, alts)]
    others += [c for c, t in d.title.items() if c != code and t.lower() == alternate.lower()]
    assert not others, f"{alternate!r} also names {others}"


def figure_cases(w: Writer) -> None:
    d = w.data
    for code, asked, style in FIGURES:
        column, templates = FIGURE_ASKS[asked]
        value = d.cells(code)[column]
        assert value not in (TOP, NOT_RELEASED), (code, column, value)
        question = fill(w, w.pick(templates[style]), code)
        w.add("figure", style, question, codes=[code], doc=code, first=[value], values=[value],
              allowed=w.other_cells(code, value), exclude=w.neighbour_medians(code, 2, " ".join(d.cells(code).values())))
    for code, alternate, style, question in ALTERNATE_FIGURES:
        check_alternate(d, code, alternate)
        value = d.median(code)
        w.add("figure", style, question, codes=[code], doc=code, first=[value], values=[value],
              allowed=w.other_cells(code, value), exclude=w.neighbour_medians(code, 2, " ".join(d.cells(code).values())))
    for code, column, style, question in TOP_CODED_FIGURES:
        assert d.cells(code)[column] == TOP
        w.add("figure", style, question, codes=[code], doc=code, first=[TOP], values=[TOP],
              allowed=w.other_cells(code), exclude=w.neighbour_medians(code, 2, " ".join(d.cells(code).values())))
    for code, one, two, question in DOUBLES:
        values = [d.cells(code)[FIGURE_ASKS[one][0]], d.cells(code)[FIGURE_ASKS[two][0]]]
        assert TOP not in values and NOT_RELEASED not in values
        w.add("figure", "double", question, codes=[code], doc=code, first=values, values=values,
              allowed=w.other_cells(code, *values),
              exclude=w.neighbour_medians(code, 2, " ".join(d.cells(code).values())))
    for code, category, style, question in EDUCATION_FIGURES:
        [(category, value)] = [(c, s) for c, s in d.education[code] if c.startswith(category)]
        w.add("figure", style, question, codes=[code], doc=code, first=[value], values=[value],
              allowed=[s for c, s in d.education[code] if c != category])


def duties_cases(w: Writer) -> None:
    for code, style, template in DUTIES:
        w.add("duties", style, fill(w, template, code), codes=[code], doc=code, first=w.duty_phrases(code))


def definition_cases(w: Writer) -> None:
    d = w.data
    for code, alternate, question, style in DEFINITIONS:
        check_alternate(d, code, alternate)
        w.add("definition", style, question, codes=[code], doc=code,
              first=w.phrases.pick(d.description[code], 2) + [d.title[code]])


def list_cases(w: Writer) -> None:
    d = w.data
    for code, style, template in SKILLS:
        w.add("list", style, fill(w, template, code), codes=[code], doc=code, first=d.skills[code][:4])
    for code, style, template in TECHNOLOGIES:
        w.add("list", style, fill(w, template, code), codes=[code], doc=code,
              first=d.hot.get(code, [])[:5] + d.other_tools.get(code, [])[:3])
    for code, style, template in EDUCATION_LISTS:
        zone = d.zone[code].split(": ")[-1]  # "Job Zone Four: Considerable Preparation Needed" -> the words after
        w.add("list", style, fill(w, template, code), codes=[code], doc=code,
              first=[d.education[code][0][0], zone], allowed=[s for _, s in d.education[code]])


def ranking_cases(w: Writer) -> None:
    d = w.data
    name_of = {name: (column, hourly) for name, column, hourly in COLUMNS}
    for group, column_name, highest, style, question in RANKINGS:
        column, hourly = name_of[column_name]
        docs = [c for c in sorted(d.wages) if group is None or c.startswith(group + "-")]
        raw = {c: d.wages[c][column] for c in docs}
        top_coded = [c for c in docs if raw[c] == "#"]
        numeric = {c: float(v) for c, v in raw.items() if v not in ("#", "*", "**", "")}
        if highest and top_coded:
            # "#" wages are above every figure: the top cannot be told apart. Any top-coded occupation is a right
            # lead; the words the documents write for it are the value.
            assert group is None, f"group {group} is top-coded: choose another"
            w.add("ranking", style, question, codes=top_coded, first=[d.title[c] for c in top_coded], values=[],
                  allowed=[TOP] + [d.cells(c)["Mean annual wage"] for c in top_coded])
            continue
        best = (max if highest else min)(numeric.values())
        winners = [c for c, v in numeric.items() if v == best]
        assert len({d.wages[c]["OCC_CODE"] for c in winners}) == 1, (group, winners)  # one BLS row
        value = cell(d.wages[winners[0]], column, hourly)
        runner = sorted({v for v in numeric.values() if v != best}, reverse=highest)[0]
        runners = [c for c, v in numeric.items() if v == runner]
        titles = [d.title[c] for c in winners] + [d.wages[winners[0]]["OCC_TITLE"]]
        w.add("ranking", style, question, codes=winners, doc=winners[0] if len(winners) == 1 else None,
              first=titles, values=[value], allowed=w.other_cells(winners[0], value),
              exclude=[cell(d.wages[runners[0]], column, hourly)])


def comparison_cases(w: Writer) -> None:
    d = w.data
    for one, two, style, question in COMPARISONS:
        a, b = d.median(one), d.median(two)
        assert a != b and TOP not in (a, b), (one, two)
        w.add("comparison", style, question, codes=[one, two], doc=one, first=[a, b], values=[a, b],
              allowed=w.other_cells(one, a) + w.other_cells(two, b))


def uncovered_cases(w: Writer) -> None:
    d = w.data
    known = {t.lower() for t in d.title.values()} | {a.lower() for alts in d.all_alternates.values() for a in alts}
    for name, style, question, nearest in UNCOVERED:
        assert not any(name in k for k in known), f"{name!r} is a real O*NET title"
        w.add("uncovered", style, question, codes=[], found=False, first=[name],
              exclude=[d.median(c) for c in nearest if d.median(c) not in (TOP, NOT_RELEASED)])


def followup_cases(w: Writer) -> None:
    d = w.data
    for before, before_code, question, code, asked, style in FOLLOWUPS:
        history = [{"role": "user", "content": before}, {"role": "assistant", "content": ""}]
        if asked == "duties":
            w.add("followup", style, question, history=history, codes=[code], doc=code, first=w.duty_phrases(code))
            continue
        value = d.cells(code)[FIGURE_ASKS[asked][0]]
        assert value not in (TOP, NOT_RELEASED)
        exclude = []
        if before_code != code:  # another occupation: its median is the wrong row
            exclude = [d.median(before_code)]
        w.add("followup", style, question, history=history, codes=[code], doc=code, first=[value], values=[value],
              allowed=w.other_cells(code, value), exclude=exclude)


# -------------------------------------------------------------------------------------------------- validation

def rendered_documents(data: Path) -> dict[str, tuple[str, str]]:
    """The documents `careerbot import onet` writes (into a temporary folder): code -> (doc id, text)."""
    with tempfile.TemporaryDirectory() as folder:
        return {path.name[:10]: (f"onet/{path.name}", path.read_text(encoding="utf-8"))
                for path in importer.import_onet(data, Path(folder) / "onet")}


def validate(w: Writer, rendered: dict[str, tuple[str, str]]) -> None:
    documents = {code: text for code, (_, text) in rendered.items()}
    problems = []
    ids = set()
    for case, codes in w.checks:
        texts = [documents[c] for c in codes]
        if case.get("doc_id") and case["doc_id"] not in {rendered[c][0] for c in codes}:
            problems.append(f"{case['question']!r}: doc_id {case['doc_id']} is not a document the importer writes")
        for value in case["values"] + case["allowed"]:
            if not any(value in t for t in texts):
                problems.append(f"{case['question']!r}: {value!r} is in none of {codes}")
        if case["found"]:
            for phrase in case["first"]:
                if not any(phrase.lower() in t.lower() for t in texts):
                    problems.append(f"{case['question']!r}: first {phrase!r} is in none of {codes}")
            if not case["first"]:
                problems.append(f"{case['question']!r}: no first")
        for bad in case["exclude"]:
            if any(bad in t for t in texts) or bad in case["values"] + case["allowed"]:
                problems.append(f"{case['question']!r}: exclude {bad!r} is shown by its own document")
        if case["question"] in ids:
            problems.append(f"duplicate question {case['question']!r}")
        ids.add(case["question"])
    # each figure value must be exactly one cell of the document's wage table row
    for case, codes in w.checks:
        if case["kind"] in ("figure", "comparison", "followup") and case["values"]:
            for value in case["values"]:
                if not any(re.search(rf"\| {re.escape(value)} \|", documents[c]) for c in codes):
                    problems.append(f"{case['question']!r}: {value!r} is not a table cell")
    if problems:
        raise SystemExit("Invalid cases:\n  " + "\n  ".join(problems))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "eval" / "onet.json")
    args = parser.parse_args()
    w = Writer(Data(args.data))
    for make in (figure_cases, duties_cases, definition_cases, list_cases, ranking_cases, comparison_cases,
                 uncovered_cases, followup_cases):
        make(w)
    # ids in order; dev and test alternate within each kind
    seen: Counter = Counter()
    for number, case in enumerate(w.cases, start=1):
        case["id"] = f"o-{number:03d}"
        case["split"] = "dev" if seen[case["kind"]] % 2 == 0 else "test"
        seen[case["kind"]] += 1
    validate(w, rendered_documents(args.data))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(w.cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = Counter((c["kind"], c["split"]) for c in w.cases)
    print(f"{len(w.cases)} cases -> {args.out}")
    print(f"{'kind':<12} {'dev':>4} {'test':>5} {'all':>4}")
    for kind in dict.fromkeys(c["kind"] for c in w.cases):
        print(f"{kind:<12} {counts[kind, 'dev']:>4} {counts[kind, 'test']:>5} "
              f"{counts[kind, 'dev'] + counts[kind, 'test']:>4}")
    styles = Counter(c["style"] for c in w.cases)
    print("styles: " + ", ".join(f"{s} {n}" for s, n in styles.most_common()))


if __name__ == "__main__":
    main()
