"""careerbot index | ask | chat | serve | import | facts | eval: a thin client of the library; the only place that
knows exit codes."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from careerbot.config import Settings, settings_from_env
from careerbot.errors import CareerbotError, IndexMissing
from careerbot.terminal import facts_text, format_answer

if TYPE_CHECKING:  # the model and the advisor load only when a command needs them
    from careerbot.answer.advisor import Advisor
    from careerbot.index.embedding import Embedder, SentenceTransformerEmbedder


class CareerbotGroup(click.Group):
    """Turns CareerbotError into 'Error: ...' and exit code 1, with no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CareerbotError as error:
            raise click.ClickException(str(error)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`careerbot facts | head`): nothing is wrong
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # Python's flush at exit must not fail again
            raise SystemExit(0) from None
        except Exception as error:  # a bug, not bad input: say so in one line instead of a traceback
            raise click.ClickException(f"unexpected {type(error).__name__}: {error}. This is a careerbot bug; "
                                       "please report it with the command you ran.") from None


@click.group(cls=CareerbotGroup)
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), help="Corpus folder [CAREERBOT_CORPUS_DIR].")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder [CAREERBOT_INDEX_DIR].")
@click.option("--model", "model_path", type=click.Path(path_type=Path),
              help="sentence-transformers model folder [CAREERBOT_MODEL_PATH]; default: packaged all-MiniLM-L6-v2.")
@click.version_option(package_name="careerbot")
@click.pass_context
def main(ctx: click.Context, corpus_dir: Path | None, index_dir: Path | None, model_path: Path | None) -> None:
    """careerbot: career answers from your documents, every sentence cited."""
    try:
        settings = settings_from_env()
    except CareerbotError as error:
        raise click.ClickException(str(error)) from None
    ctx.obj = settings.with_overrides(corpus_dir=corpus_dir, index_dir=index_dir, model_path=model_path)


def make_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    from careerbot.index.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(settings.resolved_model_path)


LOCAL_RAY = "local"  # `--ray` given without an address: start Ray on this machine


def run_build(settings: Settings, embedder: Embedder, full: bool = False, strict: bool = False,
              ray_address: str | None = None) -> None:
    from careerbot.index.build import Engine, build_index

    engine: Engine | None = None
    if ray_address is not None:
        from careerbot.index.ray_build import RayEngine

        engine = RayEngine(settings.resolved_model_path, None if ray_address == LOCAL_RAY else ray_address)
        click.echo(f"Building on Ray: {engine.actors} embedding actor(s), {engine.gpus} GPU(s) in the cluster")
    report = build_index(settings, embedder, show_progress=sys.stderr.isatty(), full=full, strict=strict,
                         engine=engine)
    click.echo(f"Indexed {len(report.documents)} documents into {report.chunks} chunks ({report.sentences} sentences, "
               f"{report.facts} facts) in {report.seconds:.1f} s: version {report.version} in {settings.index_dir}")
    click.echo(f"  {len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed, "
               f"{len(report.reused)} reused, {len(report.skipped)} skipped; {report.embedded} texts embedded")
    if report.reread:
        click.echo(f"  {len(report.reread)} unchanged documents read again: this careerbot reads documents "
                   "differently from the one that built the index (their unchanged texts kept their vectors)")
    for label, names in (("added", report.added), ("changed", report.changed), ("removed", report.removed)):
        for name in names[:20]:
            click.echo(f"  {label} {name}")
        if len(names) > 20:
            click.echo(f"  ... and {len(names) - 20} more {label}")
    for skipped in report.skipped:
        click.echo(f"  skipped {skipped.path}: {skipped.reason}")


def open_advisor(settings: Settings, build_if_missing: bool = False) -> Advisor:
    from careerbot.answer.advisor import load_advisor
    from careerbot.index.build import has_index

    embedder = make_embedder(settings)
    if build_if_missing and not has_index(settings):
        click.echo(f"No index in {settings.index_dir} yet: building it from {settings.corpus_dir} first.")
        run_build(settings, embedder)
    try:
        return load_advisor(settings, embedder)
    except IndexMissing as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.option("--full", is_flag=True, help="Rebuild everything instead of reusing unchanged documents.")
@click.option("--strict", is_flag=True, help="Fail, publishing nothing, if any file cannot be read.")
@click.option("--ray", "ray_address", is_flag=False, flag_value=LOCAL_RAY, default=None, metavar="[ADDRESS]",
              help="Build on Ray Data (pip install 'careerbot[ray]'): on the cluster at ADDRESS, or without one on a "
                   "Ray started on this machine.")
@click.pass_obj
def index(settings: Settings, full: bool, strict: bool, ray_address: str | None) -> None:
    """Build the index from the corpus folder (incrementally) and publish it atomically."""
    run_build(settings, make_embedder(settings), full=full, strict=strict, ray_address=ray_address)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the raw /ask response as JSON.")
@click.option("--explain", is_flag=True, help="Also show how the question was read and why each piece of evidence "
              "was chosen or dropped.")
@click.pass_obj
def ask(settings: Settings, question: str, as_json: bool, explain: bool) -> None:
    """Answer one question with its sources."""
    answer = open_advisor(settings).ask(question, explain=explain)
    if as_json:
        click.echo(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
        return
    click.echo(format_answer(answer))
    if answer.explain is not None:
        click.echo("\nHow it was read:")
        query = answer.explain["query"]
        for key in ("text", "kind", "wh", "direction", "top_n", "statistic", "levels", "missing", "missing_places",
                    "unmatched", "preamble"):
            if query.get(key):
                click.echo(f"  {key}: {query[key]}")
        for mention in query["subjects"] + query["places"]:
            known = f" = {', '.join(mention['known_as'])}" if mention["known_as"] else ""
            click.echo(f"  {mention['role']}: {mention['text']}{known}")
        click.echo("Why:")
        for step in answer.explain["steps"]:
            click.echo(f"  {step}")


@main.command()
@click.pass_obj
def chat(settings: Settings) -> None:
    """A conversation in the terminal: follow-ups use the earlier turns. /clear starts over, /quit leaves."""
    try:
        import readline  # noqa: F401  (line editing and the up-arrow history for input())
    except ImportError:
        pass
    from careerbot.errors import InvalidQuestion
    from careerbot.records import Turn

    advisor = open_advisor(settings)
    history: list[Turn] = []
    click.echo("careerbot chat: ask about careers; follow-up questions are fine. /clear starts over, /quit leaves.")
    while True:
        try:
            line = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            break
        if not line:
            continue
        if line in ("/quit", "/exit", "/q"):
            break
        if line == "/clear":
            history.clear()
            click.echo("(conversation cleared)")
            continue
        try:
            answer = advisor.ask(line, history)
        except InvalidQuestion as error:
            click.echo(f"! {error}")
            continue
        if answer.resolved_question != answer.question:
            click.echo(f"(reading it as: {answer.resolved_question})")
        click.echo(format_answer(answer))
        click.echo("")
        # The advisor reads only the last few questions: keep the recent turns, answers shortened.
        history = (history + [Turn("user", line), Turn("assistant", answer.answer[:1000])])[-24:]


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="0 picks a free port.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes answering at once, each with its own model, over one shared index version.")
@click.option("--ray", "ray_address", is_flag=False, flag_value=LOCAL_RAY, default=None, metavar="[ADDRESS]",
              help="Serve as a Ray Serve deployment (pip install 'careerbot[ray]'): on the cluster at ADDRESS, or "
                   "without one on a Ray started on this machine.")
@click.option("--replicas", default=2, show_default=True, type=click.IntRange(1, 256),
              help="With --ray: replicas of the app, each with its own model, over the shared index folder.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, workers: int, ray_address: str | None, replicas: int) -> None:
    """Serve the chat page (/), the API (/ask, /v1/chat/completions) and its docs (/docs); builds the index first if
    there is none."""
    from careerbot.http.serve import PortBusy, export_settings, listen, run, serving_embedder

    if ray_address is not None:
        from careerbot.index.build import has_index

        listen(host, port).sock.close()  # a busy port is reported now, not by Ray's proxy later
        if not has_index(settings):
            open_advisor(settings, build_if_missing=True)
        try:
            from careerbot.http.ray_serve import serve_forever
        except ImportError:
            raise click.ClickException("Ray is not installed: pip install 'careerbot[ray]' (or serve without "
                                       "--ray).") from None
        click.echo(f"careerbot is serving http://{host}:{port}/ on Ray Serve with {replicas} replicas "
                   "(API docs at /docs)")
        serve_forever(settings, replicas, host, port, None if ray_address == LOCAL_RAY else ray_address)
        return

    try:  # the port first: a busy one is reported at once, not after the model has loaded
        listener = listen(host, port)
    except PortBusy as busy:
        if not (busy.free and sys.stdin.isatty() and click.confirm(f"{busy} Serve on {busy.free}?", default=True)):
            raise
        listener = listen(host, busy.free)
    if workers == 1:
        from careerbot.answer.advisor import Advisor, CurrentAdvisor
        from careerbot.http.app import create_app

        loaded = open_advisor(settings, build_if_missing=True)
        loaded.embedder.warm_up()
        advisor = Advisor(settings, serving_embedder(settings, loaded.embedder), loaded.corpus)
        click.echo(f"careerbot is serving {listener.url} (API docs at /docs)")
        run(create_app(CurrentAdvisor(advisor)), listener)
        return
    from careerbot.index.build import has_index

    if not has_index(settings):
        open_advisor(settings, build_if_missing=True)
    export_settings(settings)
    click.echo(f"careerbot is serving {listener.url} with {workers} workers (API docs at /docs)")
    run(None, listener, workers=workers)


@main.group(name="import")
def import_group() -> None:
    """Turn outside data sets into corpus documents."""


@import_group.command(name="onet")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), help="Folder with onet-29.3/ and bls-oews-2024/ "
              "[default: shared/data beside the project].")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Where to write [default: CORPUS/onet].")
@click.option("--limit", type=click.IntRange(1), help="Only the first N occupations (by code).")
@click.option("--codes", help="Only these O*NET-SOC codes, comma-separated (e.g. 15-2051.00,15-1252.00).")
@click.pass_obj
def import_onet_command(settings: Settings, data_dir: Path | None, out_dir: Path | None, limit: int | None,
                        codes: str | None) -> None:
    """O*NET 29.3 occupations with BLS wages -> one Markdown document per occupation (then: careerbot index)."""
    from careerbot.config import PROJECT_ROOT
    from careerbot.ingest.onet import import_onet

    data = data_dir or PROJECT_ROOT.parent / "shared" / "data"
    target = out_dir or settings.corpus_dir / "onet"
    wanted = {c.strip() for c in codes.split(",") if c.strip()} if codes else None
    written = import_onet(data, target, limit=limit, codes=wanted)
    click.echo(f"Wrote {len(written)} occupation documents to {target}. O*NET data is CC BY 4.0 (USDOL/ETA); each "
               "document carries the credit. Now run: careerbot index")


@main.command()
@click.argument("text", required=False, default="")
@click.option("--format", "output", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_obj
def facts(settings: Settings, text: str, output: str) -> None:
    """List the facts of the index (table rows and figures in prose), filtered by TEXT."""
    from careerbot.index.store import read_version

    needle = text.lower()
    chosen = [f for f in read_version(settings.index_dir).facts
              if needle in " ".join((f.subject, f.attribute, f.value, f.caption, f.title, f.doc_id)).lower()]
    click.echo(facts_text(chosen, output), nl=False)


@main.group(name="eval", invoke_without_command=True)
@click.option("--questions", type=click.Path(path_type=Path), multiple=True,
              help="Question set (JSON), repeatable; default tests/eval/*.json and tests/questions.json.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True,
              help="Score only this split (tune on dev).")
@click.option("--kind", help="Score only cases of this kind (figure, list, followup...).")
@click.option("--failures", is_flag=True, help="Print every failing case: its checks and the answer's start.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def evaluate_command(ctx: click.Context, questions: tuple[Path, ...], split: str, kind: str | None, failures: bool,
                     as_json: bool) -> None:
    """Score the advisor on the question sets: pass rate, precision and checks per split, kind and style, and
    the original questions' passages, facts, follow-ups, abstention and latency.

    `careerbot eval beir DIR` scores retrieval on a BEIR data set instead.
    """
    if ctx.invoked_subcommand is not None:
        return
    from careerbot.evaluation.run import default_question_files, execute, prepare, render, summary

    run = prepare(list(questions) or default_question_files(), split, kind)
    execute(run, open_advisor(ctx.obj))
    click.echo(json.dumps(summary(run), indent=2) if as_json else render(run, failures))


# Published SciFact test figures (nDCG@10, Recall@100), from ../shared/data/README.md.
@evaluate_command.command(name="beir")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--split", default="test", show_default=True, help="The qrels split to score (tune on train).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=Path.home() / ".cache" / "careerbot",
              show_default=True, help="Where document vectors are kept between runs.")
@click.pass_obj
def evaluate_beir(settings: Settings, folder: Path, split: str, as_json: bool, cache_dir: Path) -> None:
    """nDCG@10 and Recall@100 of dense, lexical and hybrid retrieval on a BEIR data set (corpus.jsonl,
    queries.jsonl, qrels/SPLIT.tsv), through careerbot's own embedder, FAISS index, BM25 and fusion."""
    import time

    from careerbot.evaluation.beir import evaluate_fusion, figure_table, rank, read_dataset
    from careerbot.index.lexical import fuse

    began = time.perf_counter()
    dataset = read_dataset(folder, split)
    rankings = rank(dataset, make_embedder(settings), cache_dir=cache_dir)
    figures = evaluate_fusion(dataset, rankings, fuse)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"{folder.name} {split}: {len(dataset.doc_ids)} documents, {len(dataset.queries)} queries "
               f"({time.perf_counter() - began:.0f} s)")
    click.echo(figure_table(figures))
