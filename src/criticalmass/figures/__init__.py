"""The neutral figures kit every app builds its figures with: tables, citations, CSV and charts.

It imports `core` and `lib` only, never a domain app. A figure is one function in its app's
`figures` module that returns a `Table`; the page renders it (`figures/_figure.html`), the CSV
download writes it (`csv.table_response`), the API serializes its rows and a briefing quotes them,
so the four cannot disagree.
"""
