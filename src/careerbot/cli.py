"""careerbot index | ask | serve: a thin client of the library; the only place that knows exit codes."""

from __future__ import annotations

import json
import sys
import textwrap
from dataclasses import asdict
from pathlib import Path

import click

from careerbot.config import Settings, settings_from_env
from careerbot.documents import Answer
from careerbot.errors import CareerbotError, IndexMissing


class CareerbotGroup(click.Group):
    """Turns CareerbotError into 'Error: ...' and exit code 1, with no traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except CareerbotError as error:
            raise click.ClickException(str(error)) from None


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


def _embedder(settings: Settings):  # type: ignore[no-untyped-def]
    from careerbot.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(settings.resolved_model_path)


def _build(settings: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    from careerbot.indexing import build_index

    report = build_index(settings, embedder, show_progress=sys.stderr.isatty())
    click.echo(f"Indexed {len(report.documents)} documents into {report.chunks} chunks "
               f"({report.sentences} sentences) in {report.seconds:.1f} s: version {report.version} in {settings.index_dir}")
    for skipped in report.skipped:
        click.echo(f"  skipped {skipped.path}: {skipped.reason}")


@main.command()
@click.pass_obj
def index(settings: Settings) -> None:
    """Build the index from the corpus folder and publish it."""
    _build(settings, _embedder(settings))


def _load_advisor(settings: Settings, build_if_missing: bool = False):  # type: ignore[no-untyped-def]
    from careerbot.advisor import Advisor
    from careerbot.indexing import has_index

    embedder = _embedder(settings)
    if build_if_missing and not has_index(settings):
        click.echo(f"No index in {settings.index_dir} yet: building it from {settings.corpus_dir} first.")
        _build(settings, embedder)
    try:
        return Advisor.load(settings, embedder)
    except IndexMissing as error:
        raise click.ClickException(str(error)) from None


def format_answer(answer: Answer, width: int = 100) -> str:
    lines = [textwrap.fill(answer.answer, width)]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for citation in answer.citations:
            lines.append(f"  [{citation.id}] {citation.title} — {citation.section} "
                         f"({citation.doc_id}, characters {citation.start}-{citation.end})")
            lines.append(textwrap.fill(f"“{' '.join(citation.quote.split())}”", width, initial_indent="      ",
                                       subsequent_indent="      "))
    return "\n".join(lines)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the raw /ask response as JSON.")
@click.pass_obj
def ask(settings: Settings, question: str, as_json: bool) -> None:
    """Answer one question with its sources."""
    answer = _load_advisor(settings).ask(question)
    click.echo(json.dumps(asdict(answer), ensure_ascii=False, indent=2) if as_json else format_answer(answer))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the chat page (/), the API (/ask) and its docs (/docs); builds the index first if there is none."""
    import uvicorn

    from careerbot.api import create_app

    advisor = _load_advisor(settings, build_if_missing=True)
    advisor.embedder.warm_up()
    click.echo(f"careerbot is serving http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(advisor), host=host, port=port, log_level="info")


if __name__ == "__main__":
    main()
