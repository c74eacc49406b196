"""careerbot import onet: O*NET occupations and BLS wages -> one Markdown corpus document per occupation.

Each document holds the occupation's description, alternate titles, tasks, education, job zone, skills,
technologies, related occupations and a wage table from the BLS OEWS national file, then the credit the O*NET
licence (CC BY 4.0) asks for. The wage table is a pipe table with the occupation as its row label, so its cells
become facts ("Data Scientists — Median annual wage: $112,590") with the row as their citation.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from careerbot.errors import CareerbotError

CREDIT = ("Source: O*NET 29.3 Database (May 2025) by the U.S. Department of Labor, Employment and Training "
          "Administration (USDOL/ETA), used under the CC BY 4.0 license; O*NET® is a trademark of USDOL/ETA. "
          "Wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), May 2024, "
          "national estimates.")
MAX_TASKS = 15
MAX_SKILLS = 10
MAX_TECHNOLOGIES = 25
MAX_RELATED = 10
MAX_ALTERNATES = 10
BLS_FILE = "bls-oews-2024/national_M2024_dl.tsv"
ONET_FOLDER = "onet-29.3"


@dataclass
class Occupation:
    code: str
    title: str
    description: str
    alternates: list[str] = field(default_factory=list)
    tasks: list[tuple[str, str]] = field(default_factory=list)  # (type, task)
    education: dict[int, float] = field(default_factory=dict)  # category -> % of respondents
    job_zone: int | None = None
    importance: dict[str, float] = field(default_factory=dict)
    level: dict[str, float] = field(default_factory=dict)
    technologies: list[tuple[str, bool]] = field(default_factory=list)  # (example, hot)
    related: list[str] = field(default_factory=list)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise CareerbotError(f"Missing {path}: point --data at the folder holding {ONET_FOLDER}/ and bls-oews-2024/.")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_occupations(onet: Path, codes: set[str] | None = None) -> dict[str, Occupation]:
    """The occupations of the O*NET folder (all, or the codes given), with what each file says of them."""
    found = {r["O*NET-SOC Code"]: Occupation(r["O*NET-SOC Code"], r["Title"], r["Description"])
             for r in _rows(onet / "Occupation Data.tsv") if codes is None or r["O*NET-SOC Code"] in codes}
    for r in _rows(onet / "Alternate Titles.tsv"):
        if (o := found.get(r["O*NET-SOC Code"])) and len(o.alternates) < MAX_ALTERNATES:
            o.alternates.append(r["Alternate Title"])
    for r in _rows(onet / "Task Statements.tsv"):
        if o := found.get(r["O*NET-SOC Code"]):
            o.tasks.append((r["Task Type"], r["Task"]))
    for r in _rows(onet / "Education, Training, and Experience.tsv"):
        if (o := found.get(r["O*NET-SOC Code"])) and r["Scale ID"] == "RL" and r["Recommend Suppress"] != "Y":
            o.education[int(r["Category"])] = float(r["Data Value"])
    for r in _rows(onet / "Job Zones.tsv"):
        if o := found.get(r["O*NET-SOC Code"]):
            o.job_zone = int(r["Job Zone"])
    for r in _rows(onet / "Skills.tsv"):
        if (o := found.get(r["O*NET-SOC Code"])) and r["Recommend Suppress"] != "Y":
            (o.importance if r["Scale ID"] == "IM" else o.level)[r["Element Name"]] = float(r["Data Value"])
    for r in _rows(onet / "Technology Skills.tsv"):
        if o := found.get(r["O*NET-SOC Code"]):
            o.technologies.append((r["Example"], r["Hot Technology"] == "Y"))
    for r in _rows(onet / "Related Occupations.tsv"):
        if (o := found.get(r["O*NET-SOC Code"])) and r["Relatedness Tier"].startswith("Primary"):
            o.related.append(r["Related Title"])
    return found


def _money(raw: str, hourly: bool = False) -> str:
    if raw == "#":
        return "at or above the top BLS value"
    if raw in ("*", "**", ""):
        return "not released"
    value = float(raw)
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


def wage_table(title: str, row: dict[str, str], group: str = "") -> list[str]:
    """A pipe table of one BLS row, the occupation as the row label, with the BLS major group it belongs to."""
    employed = f"{float(row['TOT_EMP']):,.0f}" if row["TOT_EMP"] not in ("*", "**", "") else "not released"
    columns = [("Occupation group", group)] if group else []
    columns += [("Employment", employed),
               ("Median annual wage", _money(row["A_MEDIAN"])), ("Mean annual wage", _money(row["A_MEAN"])),
               ("Median hourly wage", _money(row["H_MEDIAN"], hourly=True)),
               ("10th percentile annual wage", _money(row["A_PCT10"])),
               ("25th percentile annual wage", _money(row["A_PCT25"])),
               ("75th percentile annual wage", _money(row["A_PCT75"])),
               ("90th percentile annual wage", _money(row["A_PCT90"]))]
    return ["| Occupation | " + " | ".join(name for name, _ in columns) + " |",
            "|---|" + "---|" * len(columns),
            f"| {title} | " + " | ".join(value for _, value in columns) + " |"]


def render(o: Occupation, wages: dict[str, str] | None, education_names: dict[int, str],
           zones: dict[int, dict[str, str]], group: str = "") -> str:
    """One occupation as a Markdown document; `group`: the BLS major group it belongs to ("Legal Occupations"), a
    cell of its wage table (a sentence naming it would be quoted as what the occupation is)."""
    lines = [f"# {o.title}", "", f"O*NET-SOC occupation {o.code}.", "", f"## What {o.title} do", "", o.description, ""]
    if o.alternates:
        lines += [f"Also called: {', '.join(o.alternates)}.", ""]
    if o.tasks:
        ordered = [t for kind, t in o.tasks if kind == "Core"] + [t for kind, t in o.tasks if kind != "Core"]
        lines += [f"## Tasks of {o.title}", ""] + [f"- {task}" for task in ordered[:MAX_TASKS]] + [""]
    shares = sorted(((v, c) for c, v in o.education.items() if v >= 5), reverse=True)
    if shares:
        lines += [f"## Education of {o.title}", "",
                  f"The table below gives the share of {o.title} respondents by the education their job requires.", "",
                  "| Required education | Share of respondents |", "|---|---|"]
        lines += [f"| {education_names.get(c, str(c)).split(' - ')[0]} | {v:.0f}% |" for v, c in shares] + [""]
    if o.job_zone in zones:
        zone = zones[o.job_zone]
        lines += [f"## Preparation for {o.title}", "", f"{zone['Name']}. {zone['Experience']} {zone['Education']} "
                  f"{zone['Job Training']}", ""]
    if o.importance:
        top = sorted(o.importance, key=lambda name: -o.importance[name])[:MAX_SKILLS]
        lines += [f"## Skills of {o.title}", "",
                  f"The table below gives the most important skills for {o.title} (importance 1-5, level 0-7).", "",
                  "| Skill | Importance | Level |", "|---|---|---|"]
        lines += [f"| {name} | {o.importance[name]:.2f} | {o.level.get(name, 0):.2f} |" for name in top] + [""]
    if o.technologies:
        hot = list(dict.fromkeys(name for name, is_hot in o.technologies if is_hot))
        other = list(dict.fromkeys(name for name, is_hot in o.technologies if not is_hot))
        lines += [f"## Technologies {o.title} use", ""]
        if hot:
            lines.append(f"In-demand technologies: {', '.join(hot[:MAX_TECHNOLOGIES])}.")
        if other:
            lines.append(f"Other tools: {', '.join(other[:MAX_TECHNOLOGIES])}.")
        lines.append("")
    if o.related:
        lines += [f"## Occupations related to {o.title}", "",
                  f"Related occupations: {', '.join(o.related[:MAX_RELATED])}.", ""]
    if wages:
        lines += [f"## Wages of {o.title} (BLS, May 2024)", "",
                  f"The table below gives U.S. national employment and wages from BLS occupation {wages['OCC_CODE']} "
                  f"({wages['OCC_TITLE']}).", ""] + wage_table(o.title, wages, group) + [""]
    lines += ["---", "", CREDIT, ""]
    return "\n".join(lines)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def import_onet(data_dir: Path, out_dir: Path, limit: int | None = None, codes: set[str] | None = None) -> list[Path]:
    """Write one Markdown document per occupation into out_dir; returns the files written."""
    onet = data_dir / ONET_FOLDER
    occupations = read_occupations(onet, codes)
    if codes and (missing := codes - set(occupations)):
        raise CareerbotError(f"No O*NET occupation with code(s) {', '.join(sorted(missing))}.")
    bls = _rows(data_dir / BLS_FILE)
    wages = {r["OCC_CODE"]: r for r in bls if r["O_GROUP"] == "detailed"}
    groups = {r["OCC_CODE"][:2]: r["OCC_TITLE"] for r in bls if r["O_GROUP"] == "major"}  # "23": Legal Occupations
    education_names = {int(r["Category"]): r["Category Description"]
                       for r in _rows(onet / "Education, Training, and Experience Categories.tsv")
                       if r["Scale ID"] == "RL"}
    zones = {int(r["Job Zone"]): r for r in _rows(onet / "Job Zone Reference.tsv")}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for code in sorted(occupations)[:limit]:
        occupation = occupations[code]
        # O*NET codes join BLS codes by dropping the ".00"-style suffix (a ".01" shares its broader BLS occupation).
        path = out_dir / f"{code}-{_slug(occupation.title)}.md"
        path.write_text(render(occupation, wages.get(code.split(".")[0]), education_names, zones,
                               groups.get(code[:2], "")), encoding="utf-8")
        written.append(path)
    return written

