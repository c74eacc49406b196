"""A benchmark fixture ten times the O*NET import: every imported document plus seeded perturbed copies of it.

Run: python bench/make_scale_fixture.py --corpus C --index I --out OUT [--copies 10] [--seed 13]
where C and I are a corpus with the O*NET import and its built index (see README, "Scale"). It writes OUT/corpus
(the documents of C, and for each O*NET document copies-1 perturbed copies) and builds OUT/index with careerbot's
own build: the same reading, chunking, facts and publish step as `careerbot index`.

The perturbation, per copy, seeded: the occupation's name gets a qualifier ("Electricians" -> "Coastal
Electricians"), so each copy is an occupation of its own that questions can name; every figure is scaled by a
factor between 0.8 and 1.2, so tables and rankings differ. Embedding ten times the import would take hours on this
machine's two cores (the 1x build: about 26 minutes), so the copies' vectors are perturbed too: a copy's text
takes the stored vector of the text it was made from (qualifier removed, digits masked), plus seeded Gaussian noise
(cosine to the original about 0.97), renormalised. Texts with no original (none, in practice) go through the model.
What the fixture measures is how a question's cost grows with the number of chunks, sentences and facts; it is a
fixture, not data: it is not committed.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careerbot.config import Settings  # noqa: E402
from careerbot.index.build import build_index, chunk_embedding_text, sentence_embedding_text  # noqa: E402
from careerbot.index.embedding import SentenceTransformerEmbedder, WrappedEmbedder  # noqa: E402
from careerbot.index.store import read_version  # noqa: E402

# Words that make a plausible, distinct occupation of any O*NET title.
QUALIFIERS = ["Coastal", "Municipal", "Industrial", "Federal", "Contract", "Regional", "Rural", "Metropolitan",
              "Offshore", "Seasonal", "Mobile", "Residential", "Commercial", "Institutional", "Export", "Civic",
              "Northern", "Southern", "Eastern", "Western"]
NOISE = 0.0125  # per dimension: noise of norm ~0.24 on a unit vector, cosine to the original ~0.97
FIGURE = re.compile(r"(?<![\w.-])(\$?)(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{2,})(?![\w-])")
CODE = re.compile(r"\b\d{2}-\d{4}\.\d{2}\b")  # O*NET-SOC codes stay as they are


def _key(text: str, qualifiers: re.Pattern[str]) -> str:
    return re.sub(r"\d", "0", qualifiers.sub("", text))


def _scale(match: re.Match[str], factor: float) -> str:
    dollar, number = match.group(1), match.group(2)
    value = float(number.replace(",", "")) * factor
    if "." in number:
        return f"{dollar}{value:.{len(number.split('.')[1])}f}"
    return f"{dollar}{round(value):,}" if "," in number else f"{dollar}{round(value)}"


def _is_figure(match: re.Match[str], line: str) -> bool:
    """Money, counts with thousands, percentages and table cells; not years or version numbers in prose."""
    number = match.group(2)
    if re.fullmatch(r"(19|20)\d\d", number):
        return False
    return bool(match.group(1)) or "," in number or line[match.end():].startswith("%") or line.startswith("|")


def _scale_line(line: str, factor: float) -> str:
    return FIGURE.sub(lambda m: _scale(m, factor) if _is_figure(m, line) else m.group(0), line)


def perturb(text: str, qualifier: str, factor: float) -> str:
    title = re.search(r"^# (.+)$", text, re.M)
    if title:
        name = title.group(1).strip()
        text = re.sub(rf"\b{re.escape(name)}\b", f"{qualifier} {name}", text)
    codes = CODE.findall(text)
    text = CODE.sub("\0", text)
    text = "\n".join(_scale_line(line, factor) for line in text.split("\n"))
    for code in codes:
        text = text.replace("\0", code, 1)
    return text


class PerturbedEmbedder(WrappedEmbedder):
    """Vectors of perturbed copies from the stored vectors of their originals, plus seeded noise; the model (the
    wrapped one) only for texts with no original."""

    def __init__(self, model: SentenceTransformerEmbedder, exact: dict[str, np.ndarray], known: dict[str, np.ndarray],
                 qualifiers: re.Pattern[str], seed: int) -> None:
        super().__init__(model)
        self._exact, self._known, self._qualifiers, self._seed = exact, known, qualifiers, seed
        self.through_model = 0

    def embed(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        unknown: list[int] = []
        for row, text in enumerate(texts):
            if text in self._exact:  # an original text: its own vector
                out[row] = self._exact[text]
                continue
            original = self._known.get(_key(text, self._qualifiers))
            if original is None:
                unknown.append(row)
                continue
            seed = int.from_bytes(hashlib.sha256(f"{self._seed}:{text}".encode()).digest()[:8], "little")
            noisy = original + np.random.default_rng(seed).normal(0.0, NOISE, original.shape).astype(np.float32)
            out[row] = noisy / np.linalg.norm(noisy)
        if unknown:
            self.through_model += len(unknown)
            out[unknown] = self.inner.embed([texts[r] for r in unknown])
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus with the O*NET import (onet/ inside)")
    parser.add_argument("--index", type=Path, required=True, help="that corpus's built index")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10, help="size as a multiple of the import (default 10)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    qualifiers = QUALIFIERS[: args.copies - 1]
    if len(qualifiers) < args.copies - 1:
        raise SystemExit(f"--copies at most {len(QUALIFIERS) + 1}")
    began = time.perf_counter()
    corpus = args.out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(args.corpus, corpus)
    written = 0
    for path in sorted((args.corpus / "onet").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for qualifier in qualifiers:
            factor = float(rng.uniform(0.8, 1.2))
            slug = qualifier.lower()
            (corpus / "onet" / f"{path.stem}-{slug}.md").write_text(perturb(text, qualifier, factor), encoding="utf-8")
            written += 1
    print(f"wrote {written} perturbed copies beside {len(list((args.corpus / 'onet').glob('*.md')))} documents "
          f"({time.perf_counter() - began:.0f} s)", flush=True)

    pattern = re.compile(r"\b(?:" + "|".join(qualifiers) + r") ")
    stored = read_version(args.index)
    exact: dict[str, np.ndarray] = {}
    chunks = {c.chunk_id: c for c in stored.chunks}
    for chunk, vector in zip(stored.chunks, stored.chunk_matrix, strict=True):
        exact.setdefault(chunk_embedding_text(chunk), np.asarray(vector, dtype=np.float32))
    for sentence, vector in zip(stored.sentences, stored.sentence_vectors, strict=True):
        text = sentence_embedding_text(sentence, chunks[sentence.chunk_id])
        exact.setdefault(text, np.asarray(vector, dtype=np.float32))
    known = {_key(text, pattern): vector for text, vector in exact.items()}
    settings = Settings(corpus_dir=corpus, index_dir=args.out / "index")
    model = SentenceTransformerEmbedder(settings.resolved_model_path)
    embedder = PerturbedEmbedder(model, exact, known, pattern, args.seed)
    report = build_index(settings, embedder, full=True)
    print(f"built {report.version}: {len(report.documents)} documents, {report.chunks} chunks, {report.sentences} "
          f"sentences, {report.facts} facts in {report.seconds:.0f} s; {embedder.through_model} texts through the "
          f"model; fixture total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
