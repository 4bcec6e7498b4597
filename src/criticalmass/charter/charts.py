"""The accountability trend as a chart, drawn by parity.charts (Altair, SVG on the server, cached) from
the same rows as its table and CSV (charter.figures.trend_table)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from criticalmass.figures import charts
from criticalmass.figures.tables import Row

MEASURES = {"reported_share": "Reported by the deadline", "met_share": "Met or exceeded"}
COLOURS = [charts.SHARE_COLOUR, charts.TARGET_COLOUR]
TREND = ("Line chart, one point per reporting cycle, oldest first: the share of commitments due that were "
         "reported (solid line) and the share met or exceeded (dashed line).")


def cycle_shares(rows: Sequence[Row]) -> charts.Spec:
    """Two lines over the cycles: reported and met-or-exceeded, as shares of the commitments due."""
    data = charts.plain(rows, ["cycle", *MEASURES])
    order = [r["cycle"] for r in data]
    labels = " : ".join(f"datum.label == '{key}' ? '{label}'" for key, label in MEASURES.items()) + " : ''"
    domain: list[Any] = list(MEASURES)
    legend = alt.Legend(title=None, labelExpr=labels, symbolType="stroke", labelLimit=400)
    base = alt.Chart().transform_fold(domain, as_=["measure", "value"]).transform_filter(
        "isValid(datum.value)")
    x = alt.X("cycle:N", sort=order, title="Reporting cycle", axis=alt.Axis(labelAngle=0, labelLimit=160))
    y = alt.Y("value:Q", title="Commitments due (%)", scale=alt.Scale(domain=[0, 100]))
    lines = base.mark_line(strokeWidth=2, point=True).encode(
        x=x, y=y, color=alt.Color("measure:N", scale=alt.Scale(domain=domain, range=COLOURS), legend=legend),
        strokeDash=alt.StrokeDash("measure:N", scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]]),
                                  legend=legend),
    )
    text = base.transform_calculate(label="format(datum.value, '.1f') + '%'").mark_text(
        dy=-9, fontSize=11, color="#222").encode(x=x, y=y, text="label:N", detail="measure:N")
    layered = alt.layer(lines, text, data=charts.data_of(data)).properties(width=alt.Step(90), height=200)
    return charts.config(layered).to_dict()


charts.register("cycle_shares", cycle_shares, ["cycle", *MEASURES])
