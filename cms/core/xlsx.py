"""Spreadsheets (openpyxl) that hold text, never formulas.

openpyxl stores any string that starts with ``=`` as a formula, and a
spreadsheet program treats a cell starting with ``= + - @`` (or a tab or a
carriage return before them) as one when a person edits it. A member's name
or a motion's question such as ``=HYPERLINK("http://…?c="&C2,"Bấm")`` must
stay the text it is: every string cell is stored as a string (``t="s"`` or an
inline string, never ``f``), and those that look like a formula also get the
``quotePrefix`` style, the leading apostrophe of spreadsheet programs. The
site's exports contain no formulas of their own.
"""

import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell):
    if cell.data_type == "f" or isinstance(cell.value, str):
        cell.data_type = "s"
        if str(cell.value).startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def workbook_bytes(book):
    """The workbook as .xlsx bytes, every string cell of every sheet stored as text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                as_text(cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
