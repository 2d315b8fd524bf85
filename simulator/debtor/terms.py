"""The repayment terms in one agent turn, and whether they fit a debtor's hidden means.

The analyser finds amounts, dates and instalment counts; this module decides which amount
is the first payment and which is a monthly instalment ("先还2000，剩下每月800"), and
weighs the result against the persona's means. Pure functions on plain data, so the
policy's guarantee (never above means, never before the earliest date) is easy to test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from scoring.analysis import dates, numbers

_MONTHLY_BEFORE = re.compile(r"(每个?月|月供|每期|每月份)[^，,。；;]{0,4}$")
_MONTHLY_AFTER = re.compile(r"^\s*(?:元|块钱?)?\s*(?:/\s*月|一个?月|每个?月|(?:a|per|each|every)\s+month|monthly|/\s*mo\b|a\s+mo\b)", re.I)
_MONTHLY_EN_BEFORE = re.compile(r"(monthly|(?:per|a|each|every) month)\s*(?:of|payments? of)?\s*$", re.I)
_FULL = re.compile(r"全部|全额|一次性|结清|还清|所有|in full|the full|whole (?:amount|balance|thing)|everything|all of it|entire|clear (?:it|the)", re.I)


@dataclass(frozen=True)
class Terms:
    """What the agent put on the table: first payment, its date, then instalments."""

    amount: float | None = None  # the first (or only) payment
    date: date | None = None  # when the first payment is due
    monthly: float | None = None  # each later instalment
    instalments: int | None = None
    full: bool = False  # the whole balance at once

    @property
    def concrete(self) -> bool:
        """An amount and a date: the minimum a debtor can say yes to (DOMAIN.md)."""
        return self.amount is not None and self.date is not None

    def merged(self, later: Terms) -> Terms:
        """``later`` refines these terms: keep what it does not restate."""
        return Terms(
            amount=later.amount if later.amount is not None else self.amount,
            date=later.date or self.date,
            monthly=later.monthly if later.monthly is not None else self.monthly,
            instalments=later.instalments or self.instalments,
            full=later.full if later.amount is not None else self.full,
        )


@dataclass(frozen=True)
class Means:
    """The persona's means for this case, in money and calendar days."""

    lump_sum_now: float
    monthly: float
    earliest_date: date
    full_by_date: date | None
    payable: float  # the most they would ever agree to: the balance less any disputed part

    def as_json(self) -> dict[str, object]:
        return {
            "lump_sum_now": self.lump_sum_now,
            "monthly": self.monthly,
            "earliest_date": self.earliest_date.isoformat(),
        }


# Sums the analyser misses (listed in the debtor report): "3,900 yuan", "RMB 3900", "1200美元",
# "250英镑", "1.2万", and a bare sum said per month ("2,900 a month", "每月800").
_NUM = r"\d[\d,]*(?:\.\d+)?"
_EXTRA = re.compile(
    rf"(?P<a>{_NUM})\s*(?P<big>万|千|k\b|K\b)?\s*(?:元|块|美元|美金|英镑|镑|刀|yuan\b|rmb\b|cny\b|kuai\b|usd\b|gbp\b|bucks\b|dollars?\b|pounds?\b)"
    rf"|(?:rmb|cny|usd|gbp|us\$)\s*(?P<b>{_NUM})"
    rf"|(?P<c>{_NUM})\s*(?P<big3>万)"
    rf"|(?P<d>{_NUM})(?=\s*(?:/\s*mo(?:nth)?\b|(?:a|per|each|every)\s+month|monthly))"
    rf"|(?:每个?月|月供|每期)(?:还|付|交)?\s*(?P<e>{_NUM})",
    re.I,
)


def _amounts(text: str, lang: str) -> list[numbers.Amount]:
    """The analyser's sums plus the forms it does not read yet, in order of appearance."""
    found = list(numbers.find_amounts(text, lang))
    for m in _EXTRA.finditer(text):
        group = next(g for g in "abcde" if m.group(g))
        start, end = m.span(group)[0], m.end() if group == "a" else m.end(group)  # the unit belongs to the sum
        if any(a.start <= start < a.end or start <= a.start < end for a in found):
            continue
        try:
            value = float(m.group(group).replace(",", ""))
        except ValueError:
            continue
        big = (m.group("big") or m.group("big3") or "").lower() if group in "ac" else ""
        value *= {"万": 10_000, "千": 1000, "k": 1000}.get(big, 1)
        if value > 0 and not (1900 <= value <= 2100 and group == "d" and "," not in m.group(group)):
            found.append(numbers.Amount(value, start, end, False, True))
    return sorted(found, key=lambda a: a.start)


def find_terms(text: str, lang: str, today: date, amount_due: float) -> Terms:
    """The terms named in ``text``; an empty :class:`Terms` when it names none."""
    amounts = _amounts(text, lang)
    found = [d.value for d in dates.find_dates(text, lang, today) if d.value >= today]
    instalments = numbers.find_instalments(text)
    first: float | None = None
    monthly: float | None = None
    for amount in amounts:
        before, after = text[max(0, amount.start - 8):amount.start], text[amount.end:amount.end + 16]
        if _MONTHLY_BEFORE.search(before) or _MONTHLY_AFTER.match(after) or _MONTHLY_EN_BEFORE.search(before):
            monthly = monthly if monthly is not None else amount.value
        elif first is None:
            first = amount.value
    full = bool(_FULL.search(text)) and (first is None or first >= amount_due * 0.95)
    if full and first is None and instalments is None:
        first = amount_due
    if first is None and monthly is not None:
        first = monthly  # "每月还800" starts with one instalment
    if first is None and instalments and not monthly:
        first = monthly = round(amount_due / instalments, 2)
    return Terms(first, found[0] if found else None, monthly, instalments, full)


def resolve_means(lump: float, monthly: float, earliest_in_days: int, full_by_days: int | None,
                  today: date, payable: float) -> Means:
    """Means as money and dates for one call (amounts already resolved against the case)."""
    return Means(
        lump_sum_now=min(lump, payable),
        monthly=min(monthly, payable),
        earliest_date=today + timedelta(days=earliest_in_days),
        full_by_date=None if full_by_days is None else today + timedelta(days=full_by_days),
        payable=payable,
    )


def within_means(terms: Terms, means: Means) -> bool:
    """True when the debtor could keep these terms: the policy's one test of affordability."""
    if terms.amount is None:
        return False
    if terms.amount > means.lump_sum_now + 0.5 or terms.amount > means.payable + 0.5:
        return False
    if terms.date is not None and terms.date < means.earliest_date:
        return False
    return terms.monthly is None or terms.monthly <= means.monthly + 0.5


def nice(value: float) -> float:
    """Round down to a sum people say aloud: 2,470 -> 2,400; 730 -> 700; 86 -> 80."""
    if value >= 10_000:
        step = 1000
    elif value >= 1000:
        step = 100
    elif value >= 100:
        step = 50
    else:
        step = 10
    return float(max(step, int(value // step) * step)) if value >= step else float(round(value))
