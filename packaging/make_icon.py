"""Draw the app's icon: a gold star over an open ledger on a red tile.

Writes resources/icons/sothidua.svg (the desktop entry on Linux), sothidua.png
(256 px, the window icon) and sothidua.ico (16–256 px, the Windows executables
and shortcuts). Run it again after changing the drawing:
``python packaging/make_icon.py``.
"""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
RED, GOLD, PAPER, LINE = "#b71c1c", "#ffcc33", "#fffaf0", "#8d6e63"


def star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((round(cx + radius * math.cos(angle), 2), round(cy + radius * math.sin(angle), 2)))
    return points


# The drawing on a 256 × 256 canvas.
TILE = (8, 8, 248, 248, 44)                     # x0, y0, x1, y1, corner radius
LEFT_PAGE = [(40, 150), (126, 166), (126, 226), (40, 210)]
RIGHT_PAGE = [(130, 166), (216, 150), (216, 210), (130, 226)]
RULES = [((52, 168 + 14 * i), (114, 180 + 14 * i)) for i in range(3)] + \
        [((142, 180 + 14 * i), (204, 168 + 14 * i)) for i in range(3)]
STAR = star(128, 84, 66)


def svg() -> str:
    x0, y0, x1, y1, r = TILE
    pts = lambda ps: " ".join(f"{x},{y}" for x, y in ps)  # noqa: E731
    lines = "".join(f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}"/>' for a, b in RULES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{RED}"/>\n'
        f'<polygon points="{pts(LEFT_PAGE)}" fill="{PAPER}"/>\n'
        f'<polygon points="{pts(RIGHT_PAGE)}" fill="{PAPER}"/>\n'
        f'<g stroke="{LINE}" stroke-width="5" stroke-linecap="round">{lines}</g>\n'
        f'<polygon points="{pts(STAR)}" fill="{GOLD}"/>\n'
        "</svg>\n"
    )


def png(size: int = 256) -> Image.Image:
    scale = 4  # drawn large, then reduced: smooth edges without an SVG renderer
    big = Image.new("RGBA", (256 * scale, 256 * scale), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    s = lambda ps: [(x * scale, y * scale) for x, y in ps]  # noqa: E731
    x0, y0, x1, y1, r = TILE
    d.rounded_rectangle((x0 * scale, y0 * scale, x1 * scale, y1 * scale), radius=r * scale, fill=RED)
    d.polygon(s(LEFT_PAGE), fill=PAPER)
    d.polygon(s(RIGHT_PAGE), fill=PAPER)
    for a, b in RULES:
        d.line(s([a, b]), fill=LINE, width=5 * scale)
    d.polygon(s(STAR), fill=GOLD)
    return big.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sothidua.svg").write_text(svg(), encoding="utf-8")
    image = png(256)
    image.save(OUT / "sothidua.png", optimize=True)
    image.save(OUT / "sothidua.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(OUT)


if __name__ == "__main__":
    main()
