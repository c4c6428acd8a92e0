"""Raw Telex and VNI keystrokes read back as Vietnamese letters (issue 18)."""

import pytest

from cms.core.keystrokes import could_be_syllable, decode, is_syllable


@pytest.mark.parametrize(
    "typed, word",
    [
        ("tuyeen", "tuyên"),
        ("truyeenf", "truyền"),
        ("hocj", "học"),
        ("taapj", "tập"),
        ("ddoongf", "đồng"),
        ("chis", "chí"),
        ("nuwowcs", "nước"),
        ("nguoiwf", "người"),
        ("truongw", "trương"),
        ("giuwax", "giữa"),
        ("quyeets", "quyết"),
        ("hoaf", "hòa"),
        ("thuyr", "thủy"),
        ("tw", "tư"),
        # VNI
        ("tuye6n", "tuyên"),
        ("truye62n", "truyền"),
        ("ho5c", "học"),
        ("ta65p", "tập"),
        ("d9o6ng2", "đồng"),
        ("nguoi72", "người"),
        ("gia3i", "giải"),
    ],
)
def test_keystrokes_spell_the_word(typed, word):
    assert decode(typed) == word


@pytest.mark.parametrize(
    "typed",
    # Accent-free Vietnamese, other languages, codes and numbers are left alone.
    [
        "bao",
        "tuan",
        "sinh",
        "dang",
        "vien",
        "window",
        "facebook",
        "zalo",
        "www",
        "k15",
        "b52",
        "covid19",
        "2024",
        "12nq",
        "x2",
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ss",
        "uwowuwow",
    ],
)
def test_words_that_are_not_keystrokes_stay_as_typed(typed):
    assert decode(typed) is None


def test_stop_endings_take_only_the_sharp_and_heavy_tones():
    assert is_syllable("hoc", 5) and is_syllable("hoc", 1)
    assert not is_syllable("hoc", 2)
    assert decode("hocf") is None


def test_accent_free_syllables_are_recognised():
    assert all(could_be_syllable(w) for w in ["sinh", "hoat", "chi", "bo", "nghieng", "gi"])
    assert not any(could_be_syllable(w) for w in ["nq", "shcb", "hcm", "xyz", "sinhhoat"])
