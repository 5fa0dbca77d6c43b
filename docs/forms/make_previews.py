"""Render page 1 of every form in forms/ with the sample context, as small PNGs for the README.

Run from the repository root (needs poppler's ``pdftoppm``)::

    .venv/bin/python docs/forms/make_previews.py

Each image is named after its form file: ``docs/forms/<form id>.png``.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.dossier.documents.compose import compose
from desktop.dossier.documents.fonts import find_family
from desktop.dossier.documents.forms import list_forms
from desktop.dossier.documents.render_pdf import render_pdf
from desktop.dossier.documents.sample import sample_context


def _shrink(png: Path) -> None:
    """16 grey levels are plenty for black text; keeps the images small in git."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as image:
        small = image.convert("L").quantize(16)
    small.save(png, optimize=True)


def main() -> None:
    out = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        for form in list_forms():
            pdf = render_pdf(compose(form, sample_context(form.subject)), Path(tmp) / f"{form.id}.pdf",
                             family=find_family(prefer_system=False))
            subprocess.run(
                ["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf), str(out / form.id)],
                check=True,
            )
            _shrink(out / f"{form.id}.png")
            print(out / f"{form.id}.png")


if __name__ == "__main__":
    main()
