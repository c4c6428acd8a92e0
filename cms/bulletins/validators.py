"""One issue per kind, month and cell type."""

from django.core.exceptions import ValidationError

from cms.core.pages import others_in_same_language

from .choices import BulletinKind


def issue_conflicts(page, kind, month, year, cell_type_codes):
    """Other bulletins (same language) that would make this issue a duplicate.

    An issue "for" no cell type is the general issue of that kind and month:
    only one of those, too.
    """
    others = others_in_same_language(
        type(page).objects.filter(kind=kind, month=month, year=year), page
    )
    codes = set(cell_type_codes)
    conflicts = []
    for other in others.prefetch_related("cell_types"):
        other_codes = {c.code for c in other.cell_types.all()}
        shared = codes & other_codes
        if shared or (not codes and not other_codes):
            conflicts.append((other, shared))
    return conflicts


def validate_unique_issue(page, kind, month, year, cell_types):
    if not (kind and month and year):
        return
    by_code = {c.code: c for c in cell_types}
    conflicts = issue_conflicts(page, kind, month, year, by_code.keys())
    if not conflicts:
        return
    other, shared = conflicts[0]
    kind_label = BulletinKind(kind).label.lower()
    issue = f"số {month:02d}/{year}"
    if shared:
        names = ", ".join(by_code[code].name.lower() for code in sorted(shared))
        message = (
            f"Đã có {kind_label} {issue} dành cho chi bộ {names}: “{other.title}”. Mỗi loại "
            "hình chi bộ chỉ có một số mỗi tháng; hãy sửa số đã có hoặc chọn tháng khác."
        )
    else:
        message = (
            f"Đã có {kind_label} {issue} (dùng chung, không chọn loại hình chi bộ): "
            f"“{other.title}”. Hãy sửa số đã có hoặc chọn tháng khác."
        )
    raise ValidationError({"month": message})
