"""Charts of the public pages: Altair specifications drawn as SVG on the server by vl-convert.

Every chart is drawn from a figures.Table's rows, the same numbers its HTML table and CSV hold.
Rendering takes vl-convert 50-150 ms, so each SVG is cached under a hash of what it is drawn from
(chart kind, rows, labels): a chart is drawn again only when its numbers or words change.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from criticalmass.figures.tables import Row, Table

# Altair brings ~50,000 long-lived objects (its JSON schema) to the ~55,000 of Django and the project.
# Every full garbage collection walks them all, ~70 ms here, and the pages' allocations trigger one in
# about one request of fifteen: the slowest twentieth of dashboard requests took 100 ms instead of 40.
# Moving what exists once this module is imported to the permanent generation keeps collections
# to the objects requests create (see benchmarks/README.md and the tests' p95 in the report).
gc.freeze()

SVG_CACHE_SECONDS = 7 * 24 * 3600
CHART_VERSION = 3  # bump when a spec changes, so cached drawings of the old spec are not reused
SHARE_COLOUR = "#1d4e89"
TARGET_COLOUR = "#b4441c"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
SHARE_LABEL = "Women's share"

Spec = dict[str, Any]


@dataclass(frozen=True)
class Chart:
    dom_id: str
    title: str
    svg: SafeString
    wide: bool  # wide charts go above their table, narrow ones beside it


def plain(rows: Sequence[Row], keys: Sequence[str]) -> list[dict[str, Any]]:
    """The chart's data: the table's rows, reduced to the keys the chart reads, in JSON types."""
    def value(v: Any) -> Any:
        return v.isoformat() if isinstance(v, dt.date) else v

    return [{key: value(row.get(key)) for key in keys} for row in rows]


def data_of(values: list[dict[str, Any]]) -> alt.Data:
    """Inline chart data (Altair's Data takes keyword arguments its stubs leave untyped)."""
    return alt.Data(values=values)  # type: ignore[no-untyped-call]


def config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    configured = chart.configure(font=FONT, background="white").configure_view(
        stroke="#d0d5dd").configure_axis(
        labelFontSize=11, titleFontSize=11, gridColor="#eceff3", labelColor="#333", titleColor="#333",
    ).configure_legend(labelFontSize=12, symbolStrokeWidth=2.5, orient="top")
    return cast(alt.TopLevelMixin, configured)


def measure_encoding(channel: Callable[..., Any], target_label: str, values: list[Any]) -> Any:
    """Colour or dash by measure, with one legend naming the share and the policy's target."""
    labels = f"datum.label == 'share' ? \"{SHARE_LABEL}\" : {json.dumps(target_label)}"
    return channel("measure:N", scale=alt.Scale(domain=["share", "target"], range=values),
                   legend=alt.Legend(title=None, labelExpr=labels, symbolType="stroke", labelLimit=400))


Order = Literal["ascending", "descending"]
Align = Literal["left", "center", "right"]


def end_label(base: alt.Chart, measure: str, order: Order, align: Align, text: str, x: Any,
              y: Any) -> alt.Chart:
    """The value written at one end of a line: the share at its latest month, the target at its first."""
    colour = SHARE_COLOUR if measure == "share" else TARGET_COLOUR
    drawn = base.transform_filter(f"datum.measure == '{measure}' && isValid(datum.value)")
    return cast(alt.Chart, drawn.transform_window(
        rank="row_number()", sort=[alt.SortField("date", order=order)], groupby=["series"],
    ).transform_filter("datum.rank == 1").transform_calculate(label=text).mark_text(
        align=align, dx=-2 if align == "right" else 2, dy=-7, fontSize=11, fontWeight="bold", color=colour,
    ).encode(x=x, y=y, text="label:N"))


def share_lines(rows: Sequence[Row], target_label: str, columns: int = 5) -> Spec:
    """One small panel per category: the monthly share (solid) and the target (dashed), each labelled."""
    data = plain(rows, ["date", "series", "share", "target"])
    order = list(dict.fromkeys(r["series"] for r in data))
    # A month without a share (a gap in the data) stays in, so the line breaks there instead of
    # bridging it; a year without a target is left out.
    base = alt.Chart().transform_fold(["share", "target"], as_=["measure", "value"]).transform_filter(
        "datum.measure == 'share' || isValid(datum.value)")
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelAngle=0))
    y = alt.Y("value:Q", title="Women (%)", scale=alt.Scale(domainMin=0, nice=True))
    lines = base.mark_line(strokeWidth=2, invalid="break-paths-filter-domains").encode(
        x=x, y=y,
        color=measure_encoding(alt.Color, target_label, [SHARE_COLOUR, TARGET_COLOUR]),
        strokeDash=measure_encoding(alt.StrokeDash, target_label, [[1, 0], [6, 4]]),
    )
    value = "format(datum.value, '.1f') + '%'"
    share_label = end_label(base, "share", "descending", "right", value, x, y)
    target_end = end_label(base, "target", "ascending", "left", f"'target ' + {value}", x, y)
    panels = alt.layer(lines, share_label, target_end, data=data_of(data)).properties(
        width=190, height=150)
    header = alt.Header(labelFontSize=12, labelFontWeight="bold", labelLimit=200, labelAnchor="start")
    faceted = panels.facet(facet=alt.Facet("series:N", title=None, sort=order, header=header),
                           columns=min(columns, max(1, len(order))))
    return config(faceted).to_dict()


def share_bars(rows: Sequence[Row], target_label: str) -> Spec:
    """Horizontal bars of each category's share, a tick at its target, the share written at the end."""
    data = plain(rows, ["series", "share", "target"])
    order = [r["series"] for r in data]
    legend_domain = [SHARE_LABEL, target_label]
    scale = alt.Scale(domain=legend_domain, range=[SHARE_COLOUR, TARGET_COLOUR])
    colour = alt.Color("measure:N", scale=scale, legend=alt.Legend(title=None, labelLimit=400))
    y = alt.Y("series:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    x = alt.X("share:Q", title="Women (%)", scale=alt.Scale(domainMin=0, nice=True))
    known = alt.Chart().transform_filter("isValid(datum.share)")
    bars = known.transform_calculate(measure=repr(SHARE_LABEL)).mark_bar(height=22).encode(
        y=y, x=x, color=colour)
    text = known.transform_calculate(label="format(datum.share, '.1f') + '%'").mark_text(
        align="left", dx=5, fontSize=11, color="#222").encode(y=y, x=x, text="label:N")
    ticks = alt.Chart().transform_filter("isValid(datum.target)").transform_calculate(
        measure=json.dumps(target_label)).mark_tick(thickness=3, size=30).encode(
        y=y, x=alt.X("target:Q"), color=colour)
    layered = alt.layer(bars, ticks, text, data=data_of(data)).properties(
        width=240, height=alt.Step(34))
    return config(layered).to_dict()


def count_bars(rows: Sequence[Row], label_key: str, value_label: str) -> Spec:
    """Horizontal bars of a percentage per row, e.g. the share of agreements reaching the floor."""
    data = plain(rows, [label_key, "share", "reached", "with_data"])
    order = [r[label_key] for r in data]
    y = alt.Y(f"{label_key}:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    x = alt.X("share:Q", title=value_label, scale=alt.Scale(domain=[0, 100]))
    known = alt.Chart().transform_filter("isValid(datum.share)")
    bars = known.mark_bar(height=20, color=SHARE_COLOUR).encode(y=y, x=x)
    text = known.transform_calculate(
        label="format(datum.share, '.1f') + '% (' + datum.reached + ' of ' + datum.with_data + ')'",
    ).mark_text(align="left", dx=5, fontSize=11, color="#222").encode(y=y, x=x, text="label:N")
    layered = alt.layer(bars, text, data=data_of(data)).properties(width=260, height=alt.Step(30))
    return config(layered).to_dict()


WIDE = {"share_lines"}
FIELDS = {
    "share_lines": ["date", "series", "share", "target"],
    "share_bars": ["series", "share", "target"],
    "count_bars": ["share", "reached", "with_data"],
}
BUILDERS: dict[str, Callable[..., Spec]] = {
    "share_lines": share_lines, "share_bars": share_bars, "count_bars": count_bars,
}


def register(kind: str, builder: Callable[..., Spec], fields: list[str], wide: bool = False) -> None:
    """Another app's kind of chart, drawn, cached and described like these (e.g. charter.charts)."""
    BUILDERS[kind], FIELDS[kind] = builder, fields
    if wide:
        WIDE.add(kind)


def spec(kind: str, table: Table, **options: Any) -> Spec:
    return BUILDERS[kind](table.rows, **options)


def svg(kind: str, table: Table, **options: Any) -> str:
    """The chart as SVG, from the cache when the same chart was drawn from the same numbers before
    (found by the table's own cache key when it has one: no need to fingerprint its rows then)."""
    described = f"{CHART_VERSION}:{table.cache_key}:{kind}:{json.dumps(options, sort_keys=True)}"
    known = "figures:svg-of:" + hashlib.sha256(described.encode()).hexdigest()
    drawn = cache.get(known) if table.cache_key else None
    if drawn is None:
        drawn = drawn_from_rows(kind, table, **options)
        if table.cache_key:
            cache.set(known, drawn, SVG_CACHE_SECONDS)
    return cast(str, drawn)


def drawn_from_rows(kind: str, table: Table, **options: Any) -> str:
    fields = FIELDS[kind] + [options.get("label_key", "")]
    fingerprint = json.dumps([CHART_VERSION, kind, options, plain(table.rows, fields)], sort_keys=True)
    key = "figures:svg:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    drawn = cache.get(key)
    if drawn is None:
        drawn = str(vl_convert.vegalite_to_svg(spec(kind, table, **options)))
        cache.set(key, drawn, SVG_CACHE_SECONDS)
    return cast(str, drawn)


def accessible(drawn: str, dom_id: str, title: str, description: str) -> SafeString:
    """An image to assistive technology, named by a <title> and described by a <desc>."""
    opening, rest = drawn.split(">", 1)
    attributes = f'role="img" aria-labelledby="{dom_id}-title {dom_id}-desc" focusable="false" id="{dom_id}"'
    opening = opening.replace("<svg ", f"<svg {attributes} ", 1)
    head = (f'<title id="{dom_id}-title">{escape(title)}</title>'
            f'<desc id="{dom_id}-desc">{escape(description)}</desc>')
    return mark_safe(f"{opening}>{head}{rest}")  # noqa: S308  # vl-convert writes escaped XML; ours is escaped


def chart(kind: str, table: Table, description: str, **options: Any) -> Chart | None:
    """The table's chart, ready for the page; None when the table has no rows to draw."""
    if not table.rows:
        return None
    dom_id = f"chart-{table.name}"
    described = f"{description} The numbers are in the table “{table.caption}” beside the chart."
    drawn = svg(kind, table, **options)
    return Chart(dom_id, table.caption, accessible(drawn, dom_id, table.caption, described), kind in WIDE)
