import pytest

from assistant.numerals import article_label, parse_number, to_chinese


@pytest.mark.parametrize(("text", "number"), [
    ("一", 1), ("十", 10), ("十三", 13), ("二十", 20), ("九十九", 99), ("一百", 100),
    ("一百零三", 103), ("一百一十", 110), ("一百九十九", 199), ("两百", 200), ("二〇二三", 2023),
    ("13", 13), ("199", 199),
])
def test_parse_number(text: str, number: int) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "第", "十三条", "abc", "1.5"])
def test_parse_number_rejects_non_numerals(text: str) -> None:
    assert parse_number(text) is None


def test_to_chinese_round_trips_up_to_999() -> None:
    for number in range(1, 1000):
        assert parse_number(to_chinese(number)) == number


@pytest.mark.parametrize(("number", "label"), [(13, "第十三条"), (100, "第一百条"), (105, "第一百零五条"),
                                               (110, "第一百一十条"), (10, "第十条")])
def test_article_label(number: int, label: str) -> None:
    assert article_label(number) == label
