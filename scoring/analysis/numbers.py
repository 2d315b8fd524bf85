"""Numbers and money in speech: 中文数字 ("两千五", "八千六百四", "1.2万", "3260块5毛") and English
("$1,200", "1200 dollars", "£85 a month", "five hundred").

Agents rarely say "8640.00 CNY"; they say "八千六百四" or "eight-six-forty". The step and
record checks compare these against the case, so parsing lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.analysis.prefilter import finditer

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "零〇一幺二两俩三四五六七八九十拾百佰千仟万萬亿点"


def cn_to_number(text: str) -> float | None:
    """Value of a Chinese numeral, with the colloquial elided unit: 两千五 = 2500, 一万二 = 12000."""
    text = text.strip()
    if not text:
        return None
    if "点" in text:  # 一点五万 / 三点五
        head, _, tail = text.partition("点")
        big = 1
        while tail and tail[-1] in _CN_BIG:
            big *= _CN_BIG[tail[-1]]
            tail = tail[:-1]
        whole = cn_to_number(head) if head else 0
        if whole is None or not tail or any(c not in _CN_DIGITS for c in tail):
            return None
        return (whole + float("0." + "".join(str(_CN_DIGITS[c]) for c in tail))) * big
    if all(c in _CN_DIGITS for c in text):  # digit by digit: 二零二六 / 三一零八
        return float("".join(str(_CN_DIGITS[c]) for c in text)) if len(text) > 1 else float(_CN_DIGITS[text])
    total = 0.0
    section = 0.0
    digit: float | None = None
    last_unit = 1
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        elif ch in _CN_BIG:
            section += digit or 0
            total += (section or 1) * _CN_BIG[ch]
            section, digit = 0.0, None
            last_unit = _CN_BIG[ch]
        else:
            return None
    if digit is not None:
        # 两千五: a trailing digit after a unit means one unit lower (五 = 500).
        prev = text[-2] if len(text) > 1 else ""
        if prev in _CN_UNITS or prev in _CN_BIG:
            section += digit * (last_unit // 10 if last_unit >= 10 else 1)
        else:
            section += digit
    return total + section


_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
_EN_SCALE = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000, "million": 1_000_000}
EN_WORD_OF = {v: w for w, v in _EN_SMALL.items() if w not in ("a", "an")}
"""The English word for 0-19 and the tens, for writing a figure the way it is read out."""
EN_NUMBER_WORDS = sorted((set(_EN_SMALL) - {"a", "an"}) | set(_EN_SCALE) - {"k"}, key=len, reverse=True)


def en_words_to_number(text: str) -> float | None:
    """Value of "five hundred", "two thousand three hundred", "twenty-five"; None if not a number.

    Spoken prices without a scale word read in pairs: "one-fifty" is 150, "sixty-one forty" 6,140.
    """
    words = re.split(r"[\s-]+(?:and\s+)?", text.lower().strip())
    paired = _spoken_pair(words)
    if paired is not None:
        return None if paired != paired else paired  # NaN: digits read out one by one
    total = current = 0.0
    seen = False
    for w in words:
        if not w or w == "and":
            continue
        if w in _EN_SMALL:
            current += _EN_SMALL[w]
            seen = seen or w not in ("a", "an")
        elif w in _EN_SCALE:
            current = (current or 1) * _EN_SCALE[w]
            if _EN_SCALE[w] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _spoken_pair(words: list[str]) -> float | None:
    """"one fifty" -> 150, "eighteen twenty-five" -> 1825: two groups under a hundred, no scale word.
    NaN for three or more such groups ("three seven one" is read out digit by digit, not a sum)."""
    words = [w for w in words if w and w != "and"]
    if not words or any(w not in _EN_SMALL or w in ("a", "an") for w in words):
        return None
    groups: list[int] = []
    for w in words:
        v = _EN_SMALL[w]
        if groups and v < 10 and groups[-1] >= 20 and groups[-1] % 10 == 0:
            groups[-1] += v  # "sixty" + "one"
        else:
            groups.append(v)
    if len(groups) == 2 and 0 < groups[0] < 100 and groups[1] >= 10:
        return float(groups[0] * 100 + groups[1])
    if len(groups) == 3 and 0 < groups[0] < 100 and groups[1] >= 10 and groups[2] >= 10:
        return groups[0] * 100 + groups[1] + groups[2] / 100  # "twenty-seven eighty-six thirty": $2,786.30
    return float("nan") if len(groups) > 1 else None


@dataclass(frozen=True)
class Amount:
    """A sum of money found in text; ``approx`` for 三千多 / "about"."""

    value: float
    start: int
    end: int
    approx: bool = False
    marked: bool = False  # carried a currency word or sign, so surely money


_CN_NUM = f"[{CN_NUM_CHARS}]+"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EN_WORDNUM = r"(?:(?:" + "|".join(EN_NUMBER_WORDS) + r")(?:[\s-]+(?:and\s+)?)?)+"
_ZH_MONEY = re.compile(
    rf"(?P<num>{_ARABIC}|{_CN_NUM})\s*(?P<big>[万千wW]|k)?(?P<more>多|来|余|左右)?\s*"
    rf"(?P<unit>块钱|块|元|圆|RMB|rmb)?(?:(?P<jiao>[{CN_NUM_CHARS}\d])(?:毛|角)"
    # "4875块6", "1286块4": the jiao said without 毛 right after 块
    rf"|(?<=块)(?P<jiao2>[{CN_NUM_CHARS}\d])(?![{CN_NUM_CHARS}\d天号日月个期年次点分岁位周楼]))?(?P<tail>多|左右)?"
)
_EN_MONEY = re.compile(
    rf"(?P<sign>[$£€¥￥])\s?(?P<num>{_ARABIC})\s*(?P<big>k|K|grand|thousand|million)?\b"
    rf"|(?P<num2>{_ARABIC}|{_EN_WORDNUM})\s*(?P<big2>k|K|thousand|grand)?\s*"
    rf"(?P<unit>dollars?|bucks|pounds?|quid|usd|gbp|euros?|cents?)\b"
    # "about ten grand", "8.6k": a scale that only money takes, no currency word needed
    rf"|\b(?P<num3>{_ARABIC}|{_EN_WORDNUM})\s*(?P<big3>grand)\b|\b(?P<num4>\d+(?:\.\d+)?)(?P<big4>k)\b",
    re.I,
)
_EN_SCALED_WORDS = re.compile(rf"\b{_EN_WORDNUM}", re.I)
# a bare sum the speaker then says they can pay: "2959……我这月底能还", "3000，下周一还"
_ZH_PAY_AFTER = re.compile(r"[…。.，, ]{0,3}[我这个就先能可以月底初下周今明后天号一二三四五六日\d]{0,8}(能|可以|先|就)?(还|付|缴|交)(?![有没款])")
_TOGETHER_AFTER = re.compile(r"[儿放算加还交给付处办过去吧扣打转]")
_EN_SUM_AFTER = re.compile(r"(?:is|was|.s) (?:your|the) (?:payoff|balance|total|amount|figure)\b", re.I)
_SAY_BEFORE = re.compile(r"\b(?:let.s say|say|make it|call it|do|manage|afford|pay|owe|of)\s+$", re.I)
_APPROX_BEFORE = re.compile(r"(?:大约|大概|约|差不多|将近|about|around|roughly|approximately|nearly|some)\s*$", re.I)
# A bare sum that a payment date follows: "500 on the 28th", "300 by Friday", "200 every month".
_EN_WHEN_AFTER = re.compile(r"\s+(?:on|by|before|this|next|every|each|a|per)\s+(?:other\s+)?(?:the\s+\d|\d|mon|tue|wed|thu|fri|sat|"
                            r"sun|week|month|fortnight|payday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
NOT_MONEY_AFTER = re.compile(r"\s*(?:[一二三四五六七八九十几两]{0,4}[遍趟]|天|日|号|月|年|期|个|次|岁|点|分钟|小时|周|%|％|位|楼|days?|months?|weeks?|years?|"
                              r"times|payments|instal|percent|%|am|pm|a\.m|p\.m|st\b|nd\b|rd\b|th\b|:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|o.clock)", re.I)
NOT_MONEY_BEFORE = re.compile(r"(?:工号|编号|尾号|后四位|后4位|最后四|号码|号是|身份证|手机号|last four|number|\bID\b|No\.|#|extension|"
                               r"ext\.?|room|apartment|postcode|zip|version|第|每)\s*(?:是|为|:|：)?\s*$", re.I)
_PAY_BEFORE = re.compile(r"(?:还|付|交|缴|打|转|扣|欠|共|计|额|款|金|有|单|剩|剩下|剩下的|就|能|先|最多|只有|拿出|凑|pay|owe|payment|of|balance|due|is|at|for|send|down)\s*[了上个掉出着]?\s*$"
                         r"|(?:还|付|交)(?:清|完|掉)?吧\s*$"
                         # a date or the product just before a bare sum: "今天3000", "10号前4650", "花呗3590"
                         r"|(?:今天|明天|后天|月底|月初|周[一二三四五六日末]|号|日|号前|日前|之前|以前|前|呗|卡|贷|加|是|为|合计|共计)(?:这|那)?\s*$"
                         # a sum per instalment: "每期七百多", "每个月1500", "首期两千"
                         r"|(?:每期|每月|每个月|一个月|每周|首期|首付)\s*[还付交扣]?\s*$"
                         # what the speaker can manage: "I could do 500", "I can manage 200"
                         r"|\b(?:do|manage|afford|spare|cover|put)\s*$"
                         # a paying verb a few words back: "转我微信2890", "还给我们3000"
                         r"|(?:还|付|交|转|打)(?:给|到|进)?[我你您他她我们的微信支付宝卡里账上]{1,5}\s*$", re.I)


def _num(text: str) -> float | None:
    text = text.replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        pass
    value = cn_to_number(text)
    if value is None:
        value = en_words_to_number(text)
    return value


def find_amounts(text: str, lang: str) -> list[Amount]:
    """Every sum of money in ``text``. Bare numbers count only after a paying verb (先还5000)."""
    out: list[Amount] = []
    if lang == "en" or re.search(r"[$£€]", text):
        for m in finditer(_EN_MONEY, text):
            raw = m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")
            value = _num(raw)
            if value is None or value <= 0:
                continue
            big = (m.group("big") or m.group("big2") or m.group("big3") or m.group("big4") or "").lower()
            value *= {"k": 1000, "grand": 1000, "thousand": 1000, "million": 1e6}.get(big, 1)
            if (m.group("unit") or "").lower().startswith("cent"):
                value /= 100
            approx = bool(_APPROX_BEFORE.search(text, max(0, m.start() - 16), m.start()))
            out.append(Amount(value, m.start(), m.end(), approx, True))
        taken = [(a.start, a.end) for a in out]
        if lang == "en":
            for m in re.finditer(_ARABIC, text):
                if any(s <= m.start() < e for s, e in taken) or NOT_MONEY_AFTER.match(text, m.end()):
                    continue
                before = text[max(0, m.start() - 24):m.start()]
                if NOT_MONEY_BEFORE.search(before) or not (_PAY_BEFORE.search(before)
                                                             or _EN_WHEN_AFTER.match(text, m.end())):
                    continue
                value = _num(m.group())
                if value and value >= 10 and not _looks_like_year(m.group(), text, m.end()):
                    out.append(Amount(value, m.start(), m.end(), bool(_APPROX_BEFORE.search(before))))
            # spelled-out sums with a scale word, as ASR writes them: "three hundred on friday";
            # without one, only where a payment is plainly meant: "fifteen a month", "say one-fifty"
            for m in _EN_SCALED_WORDS.finditer(text):
                if not re.search(r"hundred|thousand", m.group(), re.I) and not (
                        _EN_WHEN_AFTER.match(text, m.end() - (m.group()[-1:].isspace()))
                        or _EN_SUM_AFTER.match(text, m.end())
                        or _SAY_BEFORE.search(text, max(0, m.start() - 16), m.start())) \
                        or any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken) \
                        or NOT_MONEY_AFTER.match(text, m.end()):
                    continue
                value = _num(m.group())
                if value and value >= 10:
                    before = text[max(0, m.start() - 24):m.start()]
                    out.append(Amount(value, m.start(), m.end(), bool(_APPROX_BEFORE.search(before))))
            return out
    for m in _ZH_MONEY.finditer(text):
        raw = m.group("num")
        if not raw or m.group() == "":
            continue
        if raw in ("一", "两", "二") and not m.group("unit") and not m.group("big"):
            continue
        if raw == "一" and m.group("unit") == "块" and _TOGETHER_AFTER.match(text, m.end()):
            continue  # "一块放进去", "一块儿还": together, not one yuan
        value = _num(raw)
        if value is None or value <= 0:
            continue
        big = m.group("big")
        if big in ("万", "w", "W"):
            value *= 10_000
        elif big in ("千", "k"):
            value *= 1000
        unit = m.group("unit")
        if m.group("jiao") or m.group("jiao2"):
            jiao = _num(m.group("jiao") or m.group("jiao2"))
            value += (jiao or 0) / 10
        marked = bool(unit) or bool(m.group("jiao") or m.group("jiao2"))
        if not marked:
            if NOT_MONEY_AFTER.match(text, m.end()) or _looks_like_year(raw, text, m.end()):
                continue
            before = text[max(0, m.start() - 12):m.start()]
            if NOT_MONEY_BEFORE.search(before):
                continue
            # "一万六千八百八，拖了120天" / "那张卡，八千三百五": a spoken sum in the thousands needs no
            # paying verb; a bare figure does ("今天3000" yes, "我1990年" no).
            spoken = len(raw) >= 2 and raw[0] in _CN_DIGITS and re.search("[千万萬]", raw)
            if not (_PAY_BEFORE.search(before.rstrip("，,：: ")) or value >= 1000 and spoken
                    or _ZH_PAY_AFTER.match(text, m.end())):
                continue
            if value < 10:
                continue
        approx = bool(m.group("more") or m.group("tail") or _APPROX_BEFORE.search(text, max(0, m.start() - 16), m.start()))
        out.append(Amount(value, m.start(), m.end(), approx, marked))
    return out


def _looks_like_year(raw: str, text: str, end: int) -> bool:
    """1990 / 2018 as a year: "2018年", "in 2017", "March 2018", not "能还2000"."""
    if not re.fullmatch(r"(?:19|20)\d\d", raw):
        return False
    if text[end:end + 1] == "年":
        return True
    start = end - len(raw)
    before = text[max(0, start - 16):start]
    if re.search(r"[\u4e00-\u9fff]\s*$", before) or text[end:end + 1] in ("元", "块"):
        return False  # zh: a year carries 年
    return not text[end:end + 1].isdigit()


@dataclass(frozen=True)
class Duration:
    days: int
    start: int
    end: int


_ZH_DURATION = re.compile(rf"(?P<num>\d+|[{CN_NUM_CHARS}]+)\s*(?P<more>多)?\s*(?P<unit>天|日(?!前|之前|号)|个多?月|周|星期|年)(?P<more2>多)?")
_EN_DURATION = re.compile(rf"(?P<num>\d+|{_EN_WORDNUM})\s*(?P<more>\+|or more)?\s*-?\s*(?P<unit>days?|weeks?|months?|years?)\b", re.I)
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "年": 365, "day": 1, "week": 7, "month": 30, "year": 365}


def find_durations(text: str, lang: str) -> list[Duration]:
    """Spans of time such as "逾期35天", "两个多月", "75 days", "three months"."""
    out = []
    pattern = _EN_DURATION if lang == "en" else _ZH_DURATION
    for m in finditer(pattern, text):
        value = _num(m.group("num"))
        if value is None:
            continue
        unit = m.group("unit").lower().rstrip("s")
        factor = 30 if "月" in unit else _UNIT_DAYS.get(unit, 1)
        out.append(Duration(int(value * factor), m.start(), m.end()))
    if lang == "zh":
        for m in re.finditer(r"(半个?月|一个多月|个把月|一年多|大半年|半年多?)", text):
            g = m.group()
            out.append(Duration(15 if g.startswith("半个") or g == "半月" else 180 if "半年" in g else 365 if "年" in g
                                else 30, m.start(), m.end()))
    else:
        # "a little over a year", "a month and a half", "a couple of months", "six weeks or so"
        taken = [(d.start, d.end) for d in out]
        for m in _EN_VAGUE_DURATION.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            g = m.group().lower()
            unit = next(u for u in ("year", "month", "week", "day") if u in g)
            count = 2 if "couple" in g else 3 if ("few" in g or "several" in g) else 1
            days = count * _UNIT_DAYS.get(unit, 1) * (1.5 if "and a half" in g else 1)
            out.append(Duration(int(days), m.start(), m.end()))
    return out


_EN_VAGUE_DURATION = re.compile(r"\b(?:(?:for|over|about|almost|nearly|than|past|been|good|whole)\s+(?:an?|a couple(?: of)?|a few|several)|"
                                r"a couple(?: of)?|a few|several)\s+(?:year|month|week)s?(?: and a half)?\b|\ban? (?:year|month) and a half\b", re.I)


_INSTALMENTS = re.compile(
    rf"(?:分成?|分做)\s*(?P<zh>\d+|[{CN_NUM_CHARS}]+)\s*(?:期|个月|次|笔)|(?P<zh2>\d+|[{CN_NUM_CHARS}]+)\s*期"
    rf"|(?P<en>\d+|{_EN_WORDNUM})\s*(?:monthly\s+|equal\s+|weekly\s+)?(?:instal?ments|payments|months)\b",
    re.I,
)


def find_instalments(text: str) -> int | None:
    """The number of instalments ("分6期", "six monthly payments"), if one is named."""
    for m in finditer(_INSTALMENTS, text):
        value = _num(m.group("zh") or m.group("zh2") or m.group("en") or "")
        if value and 1 < value <= 120:
            return int(value)
    return None
