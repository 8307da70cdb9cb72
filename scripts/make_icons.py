"""
Draws the portal's icon (a factory with a saw-tooth roof and a chimney on the portal's blue)
as static/img/icon.svg and as PNG at 32 and 180 pixels, with the standard library only.

Run by hand when the icon changes: .venv/bin/python scripts/make_icons.py
"""

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static" / "img"
BLUE, WHITE = (11, 83, 148), (255, 255, 255)

# Shapes on a 0–100 square: rectangles (x0, y0, x1, y1) and roof teeth (x0, x1, y_top, y_base).
BODY = (16, 58, 84, 84)
CHIMNEY = (68, 18, 78, 58)
TEETH = [(16, 36, 40, 58), (36, 56, 40, 58), (56, 68, 44, 58)]
DOOR = (44, 70, 56, 84)


def inside(x, y):
    def in_rect(rect):
        return rect[0] <= x < rect[2] and rect[1] <= y < rect[3]

    if in_rect(DOOR):
        return False
    if in_rect(BODY) or in_rect(CHIMNEY):
        return True
    for x0, x1, top, base in TEETH:
        # A right-angled tooth: vertical on its right side, rising from left to right.
        if x0 <= x < x1 and base > y >= top + (x1 - x) * (base - top) / (x1 - x0):
            return True
    return False


def corner_clear(x, y, radius=18):
    """Outside the rounded corners of the background square."""
    cx = min(max(x, radius), 100 - radius)
    cy = min(max(y, radius), 100 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 > radius**2


def png(size):
    rows = []
    samples = 4  # 4×4 samples per pixel, for smooth edges
    for row in range(size):
        line = bytearray([0])  # filter type: none
        for column in range(size):
            colour = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (column + (sx + 0.5) / samples) * 100 / size
                    y = (row + (sy + 0.5) / samples) * 100 / size
                    if corner_clear(x, y):
                        continue
                    rgb = WHITE if inside(x, y) else BLUE
                    colour = [c + v for c, v in zip(colour, (*rgb, 255), strict=True)]
            count = samples * samples
            alpha = colour[3] // count
            rgb = [c // max(1, colour[3] // 255) for c in colour[:3]] if alpha else [0, 0, 0]
            line += bytes([*rgb, alpha])
        rows.append(bytes(line))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def svg():
    teeth = " ".join(f"M{x0} {base}L{x1} {top}L{x1} {base}Z" for x0, x1, top, base in TEETH)
    x0, y0, x1, y1 = BODY
    cx0, cy0, cx1, cy1 = CHIMNEY
    dx0, dy0, dx1, dy1 = DOOR
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<rect width="100" height="100" rx="18" fill="#0b5394"/>'
        f'<path fill="#fff" d="M{x0} {y0}H{x1}V{y1}H{x0}Z '
        f'M{cx0} {cy0}H{cx1}V{cy1}H{cx0}Z {teeth}"/>'
        f'<rect x="{dx0}" y="{dy0}" width="{dx1 - dx0}" height="{dy1 - dy0}" fill="#0b5394"/>'
        "</svg>\n"
    )


if __name__ == "__main__":
    STATIC.mkdir(parents=True, exist_ok=True)
    (STATIC / "icon.svg").write_text(svg())
    for size, name in [(32, "icon-32.png"), (180, "apple-touch-icon.png")]:
        (STATIC / name).write_bytes(png(size))
