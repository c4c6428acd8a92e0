"""Numbers in Vietnamese words, digits and Roman numerals."""

import pytest

from cms.core.numerals import number_to_roman, number_to_words, roman_to_number, words_to_number


@pytest.mark.parametrize(
    "words, value",
    [
        ("muoi", 10),
        ("muoi lam", 15),
        ("muoi tu", 14),
        ("hai muoi", 20),
        ("hai muoi mot", 21),
        ("hai muoi lam", 25),
        ("mot tram linh nam", 105),
        ("ba tram hai muoi", 320),
        ("nhat", 1),
    ],
)
def test_words_read_as_numbers(words, value):
    assert words_to_number(words.split()) == value


@pytest.mark.parametrize("words", ["muoi nam", "lam", "tram", "mot muoi", "hai hai"])
def test_words_that_are_not_one_number(words):
    assert words_to_number(words.split()) is None


def test_numbers_written_in_words_and_roman_numerals():
    assert number_to_words(15) == "mười lăm"
    assert number_to_words(21) == "hai mươi mốt"
    assert number_to_words(105) == "một trăm linh năm"
    assert number_to_roman(13) == "XIII"
    assert roman_to_number("xiii") == 13 and roman_to_number("xv") == 15
    assert roman_to_number("thu") is None and roman_to_number("") is None
