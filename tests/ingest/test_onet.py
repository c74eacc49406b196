"""careerbot import onet (ingest/onet.py) on tests/fixtures/onet/, three occupations cut from the real O*NET 29.3
and BLS OEWS May 2024 files (fixtures/make_onet_fixture.py). What each document says is checked against the
fixture's own rows, read here."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from careerbot.answer.advisor import load_advisor
from careerbot.config import PROJECT_ROOT
from careerbot.index.build import build_index
from careerbot.ingest import onet
from careerbot.ingest.onet import import_onet
from helpers import ONET_FIXTURE, run_careerbot, tiny_corpus

REAL_DATA = PROJECT_ROOT.parent / "shared" / "data"
TOP_CODED = "at or above the top BLS value"
NOT_RELEASED = "not released"
# The wage table's columns and the BLS field each comes from (hourly figures in cents).
WAGE_COLUMNS = {"Median annual wage": "A_MEDIAN", "Mean annual wage": "A_MEAN", "Median hourly wage": "H_MEDIAN",
                "10th percentile annual wage": "A_PCT10", "25th percentile annual wage": "A_PCT25",
                "75th percentile annual wage": "A_PCT75", "90th percentile annual wage": "A_PCT90"}


def tsv(data: Path, name: str) -> list[dict[str, str]]:
    with (data / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def onet_rows(data: Path, name: str, code: str) -> list[dict[str, str]]:
    return [row for row in tsv(data / "onet-29.3", f"{name}.tsv") if row["O*NET-SOC Code"] == code]


def occupations(data: Path = ONET_FIXTURE) -> dict[str, str]:
    """O*NET code -> title, from the fixture's Occupation Data."""
    return {row["O*NET-SOC Code"]: row["Title"] for row in tsv(data / "onet-29.3", "Occupation Data.tsv")}


def bls_rows(data: Path = ONET_FIXTURE) -> dict[str, dict[str, str]]:
    return {row["OCC_CODE"]: row for row in tsv(data, onet.BLS_FILE) if row["O_GROUP"] == "detailed"}


def money(raw: str, hourly: bool = False) -> str:
    """A BLS cell as the documents write it: "$112,590", "$54.13", or in words when BLS gives no figure."""
    if raw == "#":
        return TOP_CODED
    if raw in ("*", "**"):
        return NOT_RELEASED
    return f"${float(raw):,.2f}" if hourly else f"${float(raw):,.0f}"


def section(text: str, heading: str) -> list[str]:
    """The lines under '## heading', up to the next heading or the credit's rule."""
    lines = text.split("\n")
    start = lines.index(f"## {heading}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ") or lines[i] == "---"), len(lines))
    return [line for line in lines[start:end] if line]


def pipe_table(lines: list[str]) -> list[dict[str, str]]:
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines if line.startswith("|")]
    header, body = rows[0], [row for row in rows[1:] if set("".join(row)) != {"-"}]
    return [dict(zip(header, row, strict=True)) for row in body]


def document_of(folder: Path, code: str) -> str:
    [path] = folder.glob(f"{code}-*.md")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("onet")
    import_onet(ONET_FIXTURE, out)
    return out


def test_one_document_per_occupation_with_its_title_description_and_credit(imported):
    titles = occupations()
    assert len(titles) == 3 and len(list(imported.iterdir())) == len(titles)
    for row in tsv(ONET_FIXTURE / "onet-29.3", "Occupation Data.tsv"):
        text = document_of(imported, row["O*NET-SOC Code"])
        assert text.startswith(f"# {row['Title']}\n")
        assert f"O*NET-SOC occupation {row['O*NET-SOC Code']}." in text
        assert section(text, f"What {row['Title']} do")[0] == row["Description"]
        assert text.rstrip().endswith(onet.CREDIT) and "O*NET 29.3" in text and "CC BY 4.0" in text  # the licence


def test_alternate_titles_and_related_occupations_come_from_their_files(imported):
    for code, title in occupations().items():
        text = document_of(imported, code)
        alternates = [row["Alternate Title"] for row in onet_rows(ONET_FIXTURE, "Alternate Titles", code)]
        shown = section(text, f"What {title} do")[-1].removeprefix("Also called: ").removesuffix(".").split(", ")
        assert shown == alternates[:onet.MAX_ALTERNATES]
        related = onet_rows(ONET_FIXTURE, "Related Occupations", code)
        primary = [row["Related Title"] for row in related if row["Relatedness Tier"].startswith("Primary")]
        supplemental = {row["Related Title"] for row in related} - set(primary)
        listed = section(text, f"Occupations related to {title}")[0]
        assert listed == f"Related occupations: {', '.join(primary[:onet.MAX_RELATED])}."
        assert supplemental and not any(name in listed for name in supplemental)


def test_tasks_are_the_occupations_own_core_ones_first(imported):
    limited = 0
    for code, title in occupations().items():
        tasks = {row["Task"]: row["Task Type"] for row in onet_rows(ONET_FIXTURE, "Task Statements", code)}
        listed = [line.removeprefix("- ") for line in section(document_of(imported, code), f"Tasks of {title}")]
        assert len(listed) == min(len(tasks), onet.MAX_TASKS)
        assert set(listed) <= set(tasks)  # this occupation's tasks, none of another's
        kinds = [tasks[task] == "Core" for task in listed]
        assert kinds == sorted(kinds, reverse=True)  # core tasks before supplemental ones
        unlisted_core = [t for t, kind in tasks.items() if kind == "Core" and t not in listed]
        assert not unlisted_core or all(kinds)  # a supplemental task never takes a core task's place
        limited += len(tasks) > onet.MAX_TASKS
    assert limited >= 2  # the fixture exercises the limit


def test_skills_are_the_most_important_with_their_importance_and_level(imported):
    with_skills = 0
    for code, title in occupations().items():
        rows = [r for r in onet_rows(ONET_FIXTURE, "Skills", code) if r["Recommend Suppress"] != "Y"]
        importance = {r["Element Name"]: float(r["Data Value"]) for r in rows if r["Scale ID"] == "IM"}
        level = {r["Element Name"]: float(r["Data Value"]) for r in rows if r["Scale ID"] == "LV"}
        text = document_of(imported, code)
        if not importance:
            assert f"## Skills of {title}" not in text  # Data Scientists: O*NET 29.3 rates no skills
            continue
        with_skills += 1
        table = pipe_table(section(text, f"Skills of {title}"))
        assert len(table) == min(len(importance), onet.MAX_SKILLS)
        for row in table:
            assert row["Importance"] == f"{importance[row['Skill']]:.2f}"
            assert row["Level"] == f"{level[row['Skill']]:.2f}"
        shown = [importance[row["Skill"]] for row in table]
        assert shown == sorted(shown, reverse=True)
        left_out = [value for name, value in importance.items() if name not in {row["Skill"] for row in table}]
        assert max(left_out) <= min(shown)
    assert with_skills == 2


def test_the_wage_table_is_the_bls_row_of_the_occupation(imported):
    bls = bls_rows()
    for code, title in occupations().items():
        row = bls[code.split(".")[0]]
        lines = section(document_of(imported, code), f"Wages of {title} (BLS, May 2024)")
        assert f"BLS occupation {row['OCC_CODE']} ({row['OCC_TITLE']})" in lines[0]
        [cells] = pipe_table(lines)
        assert cells["Occupation"] == title
        major = {r["OCC_CODE"]: r["OCC_TITLE"] for r in tsv(ONET_FIXTURE, onet.BLS_FILE) if r["O_GROUP"] == "major"}
        group = major[f"{code[:2]}-0000"]  # the BLS major group, read from the file: "Healthcare Practitioners ..."
        assert cells["Occupation group"] == group
        assert cells["Employment"] == f"{float(row['TOT_EMP']):,.0f}"
        for column, field in WAGE_COLUMNS.items():
            assert cells[column] == money(row[field], hourly=field.startswith("H_")), (title, column)


def local_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ONET_FIXTURE, data)
    return data


def set_bls_cells(data: Path, occ_code: str, **cells: str) -> None:
    """Overwrite cells of one BLS row, in a test's own copy of the fixture."""
    path = data / onet.BLS_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    for number, line in enumerate(lines[1:], start=1):
        fields = line.split("\t")
        if len(fields) > 1 and fields[header.index("OCC_CODE")] == occ_code:
            for name, value in cells.items():
                fields[header.index(name)] = value
            lines[number] = "\t".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_top_coded_and_unreleased_wages_are_written_as_words(tmp_path):
    data = local_copy(tmp_path)
    # None of the three has such a cell in May 2024; BLS top-codes high wages ("#") and withholds some ("*", "**").
    set_bls_cells(data, "47-2111", A_PCT90="#", H_MEDIAN="*", A_MEAN="**", TOT_EMP="**")
    import_onet(data, tmp_path / "out")
    [cells] = pipe_table(section(document_of(tmp_path / "out", "47-2111.00"), "Wages of Electricians (BLS, May 2024)"))
    assert cells["90th percentile annual wage"] == TOP_CODED
    assert cells["Median hourly wage"] == cells["Mean annual wage"] == cells["Employment"] == NOT_RELEASED
    assert cells["Median annual wage"] == money(bls_rows()["47-2111"]["A_MEDIAN"])  # the rest as before


def test_a_detailed_onet_occupation_takes_the_wages_of_its_bls_occupation(tmp_path):
    data = local_copy(tmp_path)
    with (data / "onet-29.3" / "Occupation Data.tsv").open("a", encoding="utf-8") as handle:
        handle.write("29-1141.01\tAcute Care Nurses\tProvide advanced nursing care for patients with acute "
                     "conditions.\n")
    import_onet(data, tmp_path / "out")
    text = document_of(tmp_path / "out", "29-1141.01")
    nurses = bls_rows()["29-1141"]
    lines = section(text, "Wages of Acute Care Nurses (BLS, May 2024)")
    assert f"BLS occupation 29-1141 ({nurses['OCC_TITLE']})" in lines[0]
    [cells] = pipe_table(lines)
    assert cells["Occupation"] == "Acute Care Nurses" and cells["Median annual wage"] == money(nurses["A_MEDIAN"])
    assert "## Tasks of" not in text  # no rows of its own in the other files


def test_limit_and_codes_choose_the_occupations(tmp_path):
    codes = sorted(occupations())
    first_two = run_careerbot("--corpus", str(tmp_path / "corpus"), "import", "onet", "--data", str(ONET_FIXTURE),
                              "--limit", "2", cwd=tmp_path)
    assert first_two.returncode == 0, first_two.stderr
    assert f"Wrote 2 occupation documents to {tmp_path / 'corpus' / 'onet'}" in first_two.stdout
    assert sorted(p.name[:10] for p in (tmp_path / "corpus" / "onet").iterdir()) == codes[:2]
    chosen = run_careerbot("import", "onet", "--data", str(ONET_FIXTURE), "--out", str(tmp_path / "chosen"),
                           "--codes", f"{codes[2]}, {codes[0]}", cwd=tmp_path)
    assert chosen.returncode == 0, chosen.stderr
    assert sorted(p.name[:10] for p in (tmp_path / "chosen").iterdir()) == [codes[0], codes[2]]
    unknown = run_careerbot("import", "onet", "--data", str(ONET_FIXTURE), "--out", str(tmp_path / "none"),
                            "--codes", f"{codes[0]},99-9999.00", cwd=tmp_path)
    assert unknown.returncode == 1 and "No O*NET occupation with code(s) 99-9999.00" in unknown.stderr
    assert not (tmp_path / "none").exists()
    missing = run_careerbot("import", "onet", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "none"),
                            cwd=tmp_path)
    assert missing.returncode == 1 and "point --data at the folder" in missing.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr


def test_the_imported_documents_answer_wage_questions_with_the_bls_figure(embedder, tmp_path):
    settings = tiny_corpus(tmp_path, {})
    import_onet(ONET_FIXTURE, settings.corpus_dir / "onet")
    build_index(settings, embedder)
    advisor = load_advisor(settings, embedder)
    bls = bls_rows()
    for question, code, doc_id, attribute, field in [
        ("What is the median wage of electricians?", "47-2111", "onet/47-2111.00-electricians.md",
         "Median annual wage", "A_MEDIAN"),
        ("What is the median wage of data scientists?", "15-2051", "onet/15-2051.00-data-scientists.md",
         "Median annual wage", "A_MEDIAN"),
        ("What is the mean annual wage of registered nurses?", "29-1141", "onet/29-1141.00-registered-nurses.md",
         "Mean annual wage", "A_MEAN"),
    ]:
        answer = advisor.ask(question)
        top = answer.facts[0]
        expected = money(bls[code][field])
        assert (top.subject, top.attribute, top.value) == (bls[code]["OCC_TITLE"], attribute, expected), question
        assert top.citation.doc_id == doc_id and expected in answer.answer
        source = advisor.corpus.documents[doc_id].text
        assert expected in source[top.citation.start:top.citation.end]


@pytest.mark.skipif(not (REAL_DATA / "onet-29.3").is_dir(), reason="../shared/data is not beside the project")
def test_the_whole_real_data_set_imports(tmp_path):
    written = import_onet(REAL_DATA, tmp_path)
    titles = occupations(REAL_DATA)
    bls = bls_rows(REAL_DATA)
    assert len(written) == len(titles) > 1000
    top_coded = 0
    for path in written:
        code = path.name[:10]
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# {titles[code]}\n") and text.rstrip().endswith(onet.CREDIT)
        row = bls.get(code.split(".")[0])
        heading = f"Wages of {titles[code]} (BLS, May 2024)"
        assert (f"## {heading}" in text) == (row is not None)
        if row is not None:
            [cells] = pipe_table(section(text, heading))
            assert cells["Median annual wage"] == money(row["A_MEDIAN"])
            assert cells["90th percentile annual wage"] == money(row["A_PCT90"])
            top_coded += TOP_CODED in cells.values()
    assert top_coded > 0  # the real file top-codes the highest wages
