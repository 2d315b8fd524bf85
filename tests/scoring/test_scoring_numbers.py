from datetime import date

import pytest

from scoring.analysis.dates import find_dates
from scoring.analysis.numbers import cn_to_number, find_amounts, find_durations, find_instalments


@pytest.mark.parametrize(("text", "value"), [
    ("两千五", 2500), ("八千六百四", 8640), ("一万二", 12000), ("三千", 3000), ("十五", 15), ("一百零五", 105),
    ("九千三百五", 9350), ("两万", 20000),
])
def test_cn_numerals(text, value):
    assert cn_to_number(text) == value


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("我这个月能先还两千五", "zh", 2500), ("欠款1.2万块", "zh", 12000), ("剩下的1760块5毛", "zh", 1760.5),
    ("账单六千二百八还没还", "zh", 6280), ("每期大约2080元", "zh", 2080), ("先还5000应该可以", "zh", 5000),
    ("I could pay $1,200 on Friday", "en", 1200), ("maybe 1200 dollars", "en", 1200), ("£85 a month", "en", 85),
    ("five hundred dollars", "en", 500), ("a balance of $2,340.18", "en", 2340.18),
])
def test_amounts(text, lang, value):
    assert [a.value for a in find_amounts(text, lang)][:1] == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "lang"), [("工号3108", "zh"), ("1991年3月22号出生", "zh"), ("逾期35天", "zh"),
                                           ("75 days past due", "en"), ("call me at 9", "en")])
def test_not_money(text, lang):
    assert find_amounts(text, lang) == []


REF = date(2026, 6, 4)  # a Thursday


@pytest.mark.parametrize(("text", "lang", "iso"), [
    ("3月10号前", "zh", "2027-03-10"), ("6月30号前先还", "zh", "2026-06-30"), ("下周五", "zh", "2026-06-12"),
    ("这周五", "zh", "2026-06-05"), ("月底前", "zh", "2026-06-30"), ("15号发工资", "zh", "2026-06-15"),
    ("下个月5号", "zh", "2026-07-05"), ("明天", "zh", "2026-06-05"),
    ("by Friday", "en", "2026-06-05"), ("next Friday", "en", "2026-06-12"), ("the 15th", "en", "2026-06-15"),
    ("Friday, June 12", "en", "2026-06-12"), ("20th of July", "en", "2026-07-20"), ("on 6/26", "en", "2026-06-26"),
    ("end of the month", "en", "2026-06-30"), ("tomorrow", "en", "2026-06-05"),
])
def test_dates(text, lang, iso):
    assert [d.value.isoformat() for d in find_dates(text, lang, REF)] == [iso]


def test_durations_and_instalments():
    assert [d.days for d in find_durations("已经逾期95天了", "zh")] == [95]
    assert find_durations("两个多月", "zh")[0].days == 60
    assert [d.days for d in find_durations("it is 75 days past due", "en")] == [75]
    assert find_instalments("分6期，每期2080") == 6
    assert find_instalments("six monthly payments of $200") == 6
    assert find_instalments("全额还清") is None
