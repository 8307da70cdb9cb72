"""
Small server-drawn charts (SVG, no script): the zone's tenants and workers over time.

Only figures with a date are plotted, each at the date it refers to; the table beside the
chart lists every figure, dated or not, with its source. Nothing is interpolated: the points
are joined by a line only to guide the eye, and every point carries its own label.
"""

from datetime import date

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 24, 28


def figure_when(figure):
    """The date a figure refers to, for ordering and plotting; None when the source gives none."""
    if figure.as_of:
        return figure.as_of
    if figure.period_end:
        return date(figure.period_end, 12, 31)
    return None


def newest_first(figures):
    dated = sorted((f for f in figures if figure_when(f)), key=figure_when, reverse=True)
    return dated + [f for f in figures if not figure_when(f)]


def line_chart(label, *lines):
    """
    Geometry for one chart of one or more series, `lines` being (label, figures) pairs on one
    scale: points placed in the SVG box, each with its own value label. Only the figures shown
    first (position 0, not superseded) are joined; another source's figure, or one that counts
    only a part (the four wood exporters' workers), stays in the table beside the chart. None
    when there are fewer than two dated points in all.
    """
    series = [
        (
            line_label,
            sorted(
                (f for f in figures if figure_when(f) and f.position == 0 and not f.is_superseded),
                key=figure_when,
            ),
        )
        for line_label, figures in lines
    ]
    dated = [figure for _label, figures in series for figure in figures]
    if len(dated) < 2:
        return None
    first = min(figure_when(f) for f in dated).toordinal()
    last = max(figure_when(f) for f in dated).toordinal()
    top = max(float(f.amount_to or f.amount) for f in dated) or 1
    span = max(last - first, 1)

    def place(figure):
        x = LEFT + (figure_when(figure).toordinal() - first) / span * (WIDTH - LEFT - RIGHT)
        y = HEIGHT - BOTTOM - float(figure.amount) / top * (HEIGHT - TOP - BOTTOM)
        # Coordinates as text: a template would localise a number ("16,5" in Vietnamese).
        return {
            "x": f"{x:.1f}",
            "y": f"{y:.1f}",
            "label_y": f"{y - 8:.1f}",
            "year": str(figure_when(figure).year),
            "figure": figure,
        }

    drawn = []
    for number, (line_label, figures) in enumerate(series):
        points = [place(figure) for figure in figures]
        path = " ".join(f"{point['x']},{point['y']}" for point in points)
        drawn.append({"label": line_label, "number": number, "points": points, "path": path})
    return {
        "label": label,
        "lines": drawn,
        "years": sorted({(p["x"], p["year"]) for line in drawn for p in line["points"]}),
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "baseline": str(HEIGHT - BOTTOM),
        "year_y": str(HEIGHT - 8),
        "first_year": str(min(figure_when(f) for f in dated).year),
        "last_year": str(max(figure_when(f) for f in dated).year),
    }
