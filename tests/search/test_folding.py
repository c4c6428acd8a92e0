import unicodedata

import pytest

from cms.core.folding import exact_code, exact_codes, fold, tokens
from cms.search.query import MAX_QUERY_CHARS, parse_query


@pytest.mark.parametrize("text", ["dang vien", "Đảng viên", "ĐẢNG VIÊN", "Ðảng viên"])
def test_case_accents_and_eth_fold_alike(text):
    assert fold(text) == "dang vien"


def test_nfd_input_folds_like_nfc():
    nfd = unicodedata.normalize("NFD", "Nghị quyết người")
    assert fold(nfd) == "nghi quyet nguoi"
    assert exact_codes(nfd) == exact_codes("Nghị quyết người")


@pytest.mark.parametrize("old,new", [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ")])
def test_old_and_new_tone_placement_are_the_same_word(old, new):
    assert fold(old) == fold(new)
    assert exact_code(old) == exact_code(new)


def test_exact_code_keeps_the_accents_folding_drops():
    assert exact_code("bán") != exact_code("bàn") != exact_code("ban")
    assert exact_code("đảng") == "dangq93"
    assert exact_code("ệ") != exact_code("ế")


@pytest.mark.parametrize("typed", ["04-ĐA/TU", "04 DA TU", "04-da/tu", "04/ĐA-TU"])
def test_document_numbers_tokenise_alike(typed):
    assert tokens(typed) == ["04", "da", "tu"]


def test_query_syntax_never_reaches_the_backend():
    pq = parse_query('"sinh hoạt chi bộ" AND (dang* OR -vien) NEAR: \\ ^ ~ "unbalanced')
    assert pq.phrases == [["sinh", "hoat", "chi", "bo"]]
    assert all(t.isalnum() for t in pq.terms + pq.exact)


def test_long_query_is_capped_with_a_message():
    pq = parse_query("đảng viên " * 2000)
    assert len(pq.text) <= MAX_QUERY_CHARS
    assert "quá dài" in pq.notice
