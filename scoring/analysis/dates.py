"""Dates in speech, resolved against the call date: "3月10号", "下周五", "月底前", "by Friday",
"the 15th", "June 12", "20th of July".

A promise is only checkable against the record once its date is a calendar date, so the
relative forms are resolved here with the call's local date as "today".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from scoring.analysis.numbers import CN_NUM_CHARS, cn_to_number
from scoring.analysis.prefilter import finditer

_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
_WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
                "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTHS_EN = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS_EN.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS_EN["sept"] = 9
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                  "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
                  "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
                  "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31}


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


def _n(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = _ORDINAL_WORDS.get(text.lower())
    if value:
        return value
    parsed = cn_to_number(text)
    return int(parsed) if parsed is not None else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        if 1 <= month <= 12 and 28 <= day <= 31:
            return date(year, month, calendar.monthrange(year, month)[1])
        return None


def _month_day(ref: date, month: int, day: int, year: int | None = None) -> date | None:
    """The next occurrence of month/day on or after about the call date (promises look forward)."""
    if year:
        return _safe(year, month, day)
    found = _safe(ref.year, month, day)
    if found and (ref - found).days > 60:
        found = _safe(ref.year + 1, month, day)
    return found


def _day_only(ref: date, day: int) -> date | None:
    found = _safe(ref.year, ref.month, day)
    if found and found < ref:
        month = ref.month % 12 + 1
        found = _safe(ref.year + (ref.month == 12), month, day)
    return found


def _weekday(ref: date, weekday: int, which: str) -> date:
    """这周五 / 周五 / "Friday": the coming one; 下周五 / "next Friday": in the following week."""
    start_of_week = ref - timedelta(days=ref.weekday())
    if which == "next":
        return start_of_week + timedelta(days=7 + weekday)
    if which == "this":
        return start_of_week + timedelta(days=weekday)
    ahead = (weekday - ref.weekday()) % 7
    return ref + timedelta(days=ahead or 7)


def _end_of_month(ref: date, offset: int = 0) -> date:
    month = ref.month - 1 + offset
    year, month = ref.year + month // 12, month % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


_CN_N = rf"(?:\d{{1,2}}|[{CN_NUM_CHARS}]{{1,3}})"
_ZH_DATE = re.compile(
    rf"(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>{_CN_N})\s*月(?:份)?\s*(?P<d>{_CN_N})\s*[日号號]"
    rf"|(?P<nm>下个?月|这个?月|本月)\s*(?P<nd>{_CN_N})\s*[日号號]"
    rf"|(?<![月\d期])(?P<od>\d{{1,2}}|[{CN_NUM_CHARS}]{{1,3}})\s*[号號](?!码)"
    rf"|(?P<wk>下下?个?|这个?|本|)\s*(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末])"
    rf"|(?P<rel>今天|今日|明天|明日|后天|大后天)"
    rf"|(?P<eom>下个?月底|下个?月末|月底|月末|这个?月底|本月底)"
    rf"|(?P<mid>下个?月中|月中)"
    rf"|(?P<m2>{_CN_N})\s*月\s*(?P<pos>底|末|初|中)"
)
_EN_MONTH = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_EN_WD = "|".join(sorted(_WEEKDAYS_EN, key=len, reverse=True))
_EN_ORD_WORDS = "|".join(w.replace("-", "[- ]") for w in sorted(_ORDINAL_WORDS, key=len, reverse=True))
_EN_ORD = r"\d{1,2}(?:st|nd|rd|th)?|" + _EN_ORD_WORDS
_EN_DATE = re.compile(
    rf"\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?P<mon>{_EN_MONTH})\.?\s+(?:the\s+)?(?P<md>{_EN_ORD})\b(?:,?\s*(?P<y>\d{{4}}))?"
    rf"|\b(?:the\s+)?(?P<dm>{_EN_ORD})\s+(?:of\s+)?(?P<mon2>{_EN_MONTH})\b(?:,?\s*(?P<y2>\d{{4}}))?"
    rf"|\b(?P<slm>\d{{1,2}})/(?P<sld>\d{{1,2}})(?:/(?P<sly>\d{{2,4}}))?\b"
    rf"|\b(?P<which>next|this|coming)?\s*(?P<wd>{_EN_WD})\b(?:,?\s+the\s+(?P<wdd>{_EN_ORD})(?:\s+(?:of\s+)?(?P<wdm>{_EN_MONTH})\b)?)?"
    rf"|\b(?P<rel>today|tomorrow|tonight)\b"
    rf"|\b(?P<eom>end of (?:the |this )?month|end of next month|month[- ]end)\b"
    rf"|\bthe\s+(?P<od>\d{{1,2}}(?:st|nd|rd|th)|{_EN_ORD_WORDS})\b",
    re.I,
)


def find_dates(text: str, lang: str, ref: date | None) -> list[FoundDate]:
    """Every calendar date named in ``text``; ``ref`` is the call's local date (today)."""
    ref = ref or date(2000, 1, 1)
    out: list[FoundDate] = []
    pattern = _EN_DATE if lang == "en" else _ZH_DATE
    for m in finditer(pattern, text):  # only the alternatives that can match: same matches
        found = _resolve_en(m, ref) if lang == "en" else _resolve_zh(m, ref)
        if found is not None:
            out.append(FoundDate(found, m.start(), m.end()))
    if lang == "en" and re.search(r"[月号日]", text):
        out.extend(find_dates(text, "zh", ref))
    # "Friday, June 12" / "这周五是6月26号": the explicit date restates the weekday; keep one.
    return [d for i, d in enumerate(out)
            if not (i + 1 < len(out) and _ADJACENT.fullmatch(text[d.end:out[i + 1].start])
                    and _WEEKDAYISH.search(text, d.start, d.end))]


_ADJACENT = re.compile(r"[\s,，的是也就即]{0,4}")
_WEEKDAYISH = re.compile(rf"\b(?:{_EN_WD})\b|周|星期|礼拜|禮拜", re.I)


def _resolve_zh(m: re.Match[str], ref: date) -> date | None:
    g = m.group
    if g("m") and g("d"):
        month, day = _n(g("m")), _n(g("d"))
        return _month_day(ref, month, day, int(g("y")) if g("y") else None) if month and day else None
    if g("nm"):
        day = _n(g("nd"))
        offset = 1 if g("nm").startswith("下") else 0
        first = _end_of_month(ref, offset).replace(day=1)
        return _safe(first.year, first.month, day) if day else None
    if g("od"):
        day = _n(g("od"))
        return _day_only(ref, day) if day and 1 <= day <= 31 else None
    if g("wd"):
        which = "next" if (g("wk") or "").startswith("下") else "this" if g("wk") else ""
        found = _weekday(ref, _WEEKDAYS_ZH[g("wd")], which)
        return found + timedelta(days=7) if (g("wk") or "").startswith("下下") else found
    if g("rel"):
        return ref + timedelta(days={"今": 0, "明": 1, "后": 2, "大": 3}[g("rel")[0]])
    if g("eom"):
        return _end_of_month(ref, 1 if g("eom").startswith("下") else 0)
    if g("mid"):
        first = _end_of_month(ref, 1 if g("mid").startswith("下") else 0)
        return first.replace(day=15)
    if g("m2"):
        month = _n(g("m2"))
        if not month or not 1 <= month <= 12:
            return None
        day = {"底": 31, "末": 31, "初": 5, "中": 15}[g("pos")]
        return _month_day(ref, month, day)
    return None


def _ordinal(text: str) -> int | None:
    text = re.sub(r"\s+", "-", text.lower())
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else _ORDINAL_WORDS.get(text)


def _resolve_en(m: re.Match[str], ref: date) -> date | None:
    g = m.group
    if g("iso"):
        try:
            return date.fromisoformat(g("iso"))
        except ValueError:
            return None
    if g("mon"):
        day = _ordinal(g("md"))
        return _month_day(ref, _MONTHS_EN[g("mon").lower()], day, int(g("y")) if g("y") else None) if day else None
    if g("mon2"):
        day = _ordinal(g("dm"))
        return _month_day(ref, _MONTHS_EN[g("mon2").lower()], day, int(g("y2")) if g("y2") else None) if day else None
    if g("slm"):
        month, day = int(g("slm")), int(g("sld"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = int(g("sly")) if g("sly") else None
        if year is not None and year < 100:
            year += 2000
        return _month_day(ref, month, day, year)
    if g("wd"):
        wd = g("wd")
        if len(wd) <= 4 and wd.islower() and not g("wdd") and not m.string.startswith(".", m.end("wd")):
            return None  # "sat eleven days", "the sun", "wed": a lowercase word, not "Sat" / "sat."
        if g("wdd"):
            day = _ordinal(g("wdd"))
            if day and g("wdm"):  # "Monday the 27th of July"
                return _month_day(ref, _MONTHS_EN[g("wdm").lower()], day)
            return _day_only(ref, day) if day else None
        which = (g("which") or "").lower()
        return _weekday(ref, _WEEKDAYS_EN[g("wd").lower()], "next" if which == "next" else "")
    if g("rel"):
        return ref + timedelta(days=0 if g("rel").lower() in ("today", "tonight") else 1)
    if g("eom"):
        return _end_of_month(ref, 1 if "next" in g("eom").lower() else 0)
    if g("od"):
        day = _ordinal(g("od"))
        return _day_only(ref, day) if day and 1 <= day <= 31 else None
    return None
