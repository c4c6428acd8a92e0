"""Checks on official document numbers (số, ký hiệu văn bản).

A party document's number is the issue number, a hyphen, the abbreviation of
the document type, a slash and the abbreviation of the issuing body:
``04-ĐA/TU`` (đề án of the Tỉnh ủy), ``12-NQ/TW``, ``35-HD/BTCTW``,
``15-QĐ/TU``. Regulations write ``QĐi`` to tell them from decisions, and
some issuers carry a second part (``05-TB/VPTU-TH``).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

NUMBER_PATTERN = re.compile(
    r"^(?P<seq>\d{1,5})-(?P<type>[A-ZĐ]{1,6}i?)/(?P<issuer>[A-ZĐ][A-ZĐ0-9]{0,14}(?:[-/][A-ZĐ0-9]{1,14})?)$"
)

FORMAT_HELP = (
    "Viết theo mẫu: số thứ tự, gạch ngang, chữ viết tắt loại văn bản, gạch chéo, chữ viết tắt "
    "cơ quan ban hành (viết hoa, không cách), ví dụ 04-ĐA/TU, 12-NQ/TW, 35-HD/BTCTW, 15-QĐ/TU."
)


def normalize_document_number(value):
    """NFC, no surrounding or inner spaces: ``" 04 - ĐA / TU "`` → ``04-ĐA/TU``."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value or ""))


def validate_document_number(value):
    number = normalize_document_number(value)
    if not number:
        raise ValidationError("Chưa nhập số, ký hiệu văn bản. " + FORMAT_HELP, code="required")
    if not NUMBER_PATTERN.match(number):
        raise ValidationError(
            "Số, ký hiệu văn bản “%(value)s” không đúng định dạng. " + FORMAT_HELP,
            code="invalid_document_number",
            params={"value": value},
        )


def duplicate_number_message(number, issuer, other):
    return (
        f"Số, ký hiệu {number} của {issuer} đã được dùng cho văn bản “{other.title}”. "
        "Mỗi cơ quan ban hành chỉ có một văn bản mang số, ký hiệu này; hãy kiểm tra lại số "
        "hoặc sửa văn bản đã có."
    )
