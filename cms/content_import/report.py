"""What the operator reads after an import: one sentence per line, then the totals."""

from dataclasses import dataclass, field

STATUS_LABELS = {
    "created": "đã tạo",
    "updated": "đã cập nhật",
    "unchanged": "không đổi",
    "draft": "giữ bản nháp, chưa xuất bản",
    "error": "lỗi",
}


@dataclass
class LineResult:
    line_no: int
    status: str  # created, updated, unchanged, draft, error
    source_id: str = ""
    message: str = ""
    page: object = None

    def describe(self):
        who = f" ({self.source_id})" if self.source_id else ""
        text = f"Dòng {self.line_no}{who}: {STATUS_LABELS[self.status]}"
        return f"{text}: {self.message}" if self.message else text


@dataclass
class ImportSummary:
    results: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for r in self.results if r.status == status)

    @property
    def errors(self):
        return [r for r in self.results if r.status == "error"]

    def describe(self):
        return (
            f"Kết quả nhập: {self.count('created')} trang tạo mới, "
            f"{self.count('updated')} cập nhật, {self.count('unchanged')} không đổi, "
            f"{self.count('draft')} giữ bản nháp (cần rà soát bí mật nhà nước), "
            f"{self.count('error')} dòng lỗi."
        )


def describe_findings(findings):
    """``[(where, Finding), …]`` of the state-secret screening, for the operator.

    ``“MẬT” (Tiêu đề): Báo cáo MẬT về quốc phòng``: the marking found, the
    field or file it stands in, and the words around it.
    """
    return "bộ lọc bí mật nhà nước phát hiện: " + "; ".join(
        f"“{finding.marking}” ({where}): {finding.context}" for where, finding in findings
    )
