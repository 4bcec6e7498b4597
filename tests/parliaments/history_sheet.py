"""The IPU's historical sheet in its real layout, with rows copied from 'Feuil1'. `python -m
tests.parliaments.history_sheet` rewrites the committed fixture; tests write variants with `write`."""

from pathlib import Path

from openpyxl import Workbook

FIXTURE = (Path(__file__).resolve().parent.parent / "fixtures" / "ipu_parliaments"
           / "women_in_parliament-historical_database-1945_to_2018.xlsx")
HEADER = ["Country", "Region", "Election / Renewal", "Year", "Month", "Chamber Type", "Chamber Total Seats",
          "Total women", "% Of Women in Chamber", "NOTES"]
ROWS = [
    ["Afghanistan", "ASIA", "Yes", 1965, "July", "Lower", 210, 4, 0.01904761904761905, "First legislature"],
    ["Benin", "SUB-SAHARAN", "Yes", 1960, None, "Single", "?", "?", "#VALUE!", None],
    ["Czechoslovakia", "EUR", "Yes", 1986, None, "Lower", 200, 59, 0.295, None],
    ["Grenada", "AME", "Yes", 2018, None, "Lower", 15, 7, "46.7%", None],
    ["Kuwait", "MENA", "Yes", 2013, "July", "Single", 50, 4, 0.012, None],
    ["Rwanda", "SUB-SAHARAN", "Yes", 2013, "january", "Lower", 80, 45, 0.5625, None],
    ["Rwanda", "SUB-SAHARAN", "Yes", 2018, "September", "Lower", 80, 49, 0.6125, None],
    ["United Kingdom", "EUR", "Continuous Renewal", 2017, None, "Upper", 805, 207, 0.2571428571428571, None],
    ["Haiti                   ", "AME", "Yes", 1997, None, "Upper", 27, "?", "?", None],
]


def write(path: Path, rows: list[list[object]] = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Feuil1"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


if __name__ == "__main__":
    write(FIXTURE)
