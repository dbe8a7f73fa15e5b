"""Accessible SVG bar charts (matplotlib), drawn from report tables.

Each chart is an <svg role="img"> with a <title> and a <desc> that lists every value, and it always
sits next to its table, which is the full text alternative. Text stays text (svg.fonttype none) so
that it can be read, searched and zoomed. Bars are labelled with their values, and a second series
is hatched as well as coloured so that colour is never the only difference.
"""
import io
import re
import textwrap
from html import escape

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from intake_web.reports.tables import COUNT, ITEM, PERCENT, Table

COLOURS = ("#005a8d", "#505a5f")
HATCHES = ("", "///")
TEXT_COLOUR = "#0b0c0c"
RC = {
    "svg.fonttype": "none",
    "font.family": ["Liberation Sans", "DejaVu Sans"],
    "font.size": 10,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.color": "#ffffff",
}


def chart_data(table: Table) -> tuple[list[str], list[tuple[str, list[float]]], str]:
    """Return the category labels, the (series label, values) pairs and the kind of value a chart shows."""
    chart = table.chart
    rows = [row for row in table.rows if row.kind == ITEM and (not chart.groups or row.group in chart.groups)]
    if chart.skip_empty:
        rows = [row for row in rows if any(row.values.get(key) for key in chart.series)]
    if chart.reverse:
        rows = rows[::-1]
    categories = [row.label for row in rows]
    series = [(table.column(key).group or table.column(key).label,
               [float(row.values.get(key) or 0) for row in rows]) for key in chart.series]
    kind = PERCENT if table.column(chart.series[0]).kind == PERCENT else COUNT
    return categories, series, kind


def _format(value: float, kind: str) -> str:
    return f"{value:.1f}%" if kind == PERCENT else f"{int(value):,}"


def describe(table: Table) -> str:
    """The chart's text alternative: every bar and its value, in words."""
    categories, series, kind = chart_data(table)
    chart_kind = ("Bar chart" if len(series) == 1
                  else "Bar chart comparing " + " and ".join(label for label, _ in series))
    parts = []
    for index, category in enumerate(categories):
        values = ", ".join(f"{label} {_format(values[index], kind)}" if len(series) > 1
                           else _format(values[index], kind) for label, values in series)
        parts.append(f"{category}: {values}")
    body = "; ".join(parts) if parts else "no figures to show"
    return f"{chart_kind}. {body}. The same figures are in the table '{table.title}'."


def has_chart(table: Table) -> bool:
    return table.chart is not None and bool(chart_data(table)[0])


def render_svg(table: Table, chart_id: str) -> str:
    """Draw the table's chart and return it as an inline-ready <svg> element."""
    chart = table.chart
    categories, series, kind = chart_data(table)
    wrapped = ["\n".join(textwrap.wrap(label, 38)) or " " for label in categories]
    with matplotlib.rc_context({**RC, "svg.hashsalt": chart_id}):
        if chart.horizontal:
            lines = sum(label.count("\n") for label in wrapped)
            height = max(1.6, 0.42 * len(categories) * max(1, len(series)) + 0.2 * lines + 0.9)
            figure = Figure(figsize=(7.5, height))
        else:
            figure = Figure(figsize=(7.5, 3.4))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        positions = list(range(len(categories)))
        width = 0.8 / max(1, len(series))
        for number, (label, values) in enumerate(series):
            offsets = [p + (number - (len(series) - 1) / 2) * width for p in positions]
            draw = axes.barh if chart.horizontal else axes.bar
            bars = draw(offsets, values, width, label=label, color=COLOURS[number % 2], hatch=HATCHES[number % 2],
                        edgecolor=COLOURS[number % 2])
            axes.bar_label(bars, labels=[_format(v, kind) for v in values], padding=3, color=TEXT_COLOUR)
        # Every bar carries its value, so the value axis (ticks, numbers, title) would only repeat them.
        if chart.horizontal:
            axes.set_yticks(positions, wrapped)
            axes.invert_yaxis()
            axes.xaxis.set_visible(False)
            axes.spines["bottom"].set_visible(False)
            axes.margins(x=0.12)
            if kind == PERCENT:
                axes.set_xlim(0, 115)
        else:
            axes.set_xticks(positions, wrapped, rotation=45 if len(categories) > 8 else 0,
                            ha="right" if len(categories) > 8 else "center")
            axes.yaxis.set_visible(False)
            axes.spines["left"].set_visible(False)
            axes.margins(y=0.15)
            if kind == PERCENT:
                axes.set_ylim(0, 115)
        axes.tick_params(length=0)
        if len(series) > 1:
            axes.legend(frameon=False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return _accessible(buffer.getvalue(), chart_id, chart.title or table.title, describe(table))


# SVG properties that may also be written as attributes ("presentation attributes").
PRESENTATION = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
                "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
                "text-anchor", "font-family", "font-size", "font-weight", "font-style", "clip-path"}
FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"


def _style_to_attributes(svg: str) -> str:
    """Turn every style="..." into presentation attributes, and drop the <style> element.

    The dashboard's Content Security Policy forbids inline styles, and WeasyPrint reads presentation
    attributes without complaint, so the charts carry no CSS at all.
    """
    def replace(match: re.Match) -> str:
        attributes = []
        for declaration in match.group(1).split(";"):
            name, _, value = (part.strip() for part in declaration.partition(":"))
            if not name:
                continue
            if name == "font":
                # matplotlib writes e.g. "font: 10px 'Liberation Sans'" or "font: 400 10px 'DejaVu Sans'".
                size = re.search(r"([\d.]+px)", value)
                weight = re.match(r"(bold|\d{3})\s", value)
                if size:
                    attributes.append(f'font-size="{size.group(1)}"')
                if weight:
                    attributes.append(f'font-weight="{weight.group(1)}"')
                attributes.append(f'font-family="{FONT_FAMILY}"')
            elif name in PRESENTATION:
                attributes.append(f'{name}="{value.replace(chr(34), chr(39))}"')
        return " ".join(attributes)

    svg = re.sub(r'style="([^"]*)"', replace, svg)
    svg = re.sub(r"<style[^>]*>.*?</style>\s*", "", svg, flags=re.S)
    svg = re.sub(r"<defs>\s*</defs>\s*", "", svg)
    return svg


def _accessible(svg: str, chart_id: str, title: str, description: str) -> str:
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _style_to_attributes(svg)
    # Ids must be unique in a page that holds several charts.
    svg = re.sub(r'id="([^"]+)"', lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{chart_id}-{m.group(2)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{chart_id}-{m.group(1)})", svg)
    opening_end = svg.index(">") + 1
    opening = svg[:opening_end].replace(
        "<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
                 f'stroke-linejoin="round" stroke-linecap="butt" ', 1)
    opening = re.sub(r' width="[^"]*pt" height="[^"]*pt"', "", opening)
    return (opening + f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + svg[opening_end:])


def render_charts(tables: list[Table]) -> None:
    """Draw every table's chart into table.chart.svg and its description into table.chart.description."""
    for table in tables:
        if table.chart is None:
            continue
        categories, _, _ = chart_data(table)
        table.chart.description = describe(table)
        table.chart.svg = render_svg(table, f"chart-{table.id}") if categories else ""
