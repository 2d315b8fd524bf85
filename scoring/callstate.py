"""A whole call analysed once: every turn's acts, who was on the line, and when things happened.

Steps, rules, tone and outcome all read this one object, so each utterance is analysed
exactly once (a 10,000-turn call stays linear).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from scoring.analysis import Analysis, Context, Facts, analyse
from scoring.analysis.lexicon import Lexicon
from scoring.transcript import Transcript

DEBTOR, THIRD = "debtor", "third"


@dataclass(frozen=True)
class CallState:
    """Per-turn analyses plus the facts of the call derived from them."""

    transcript: Transcript
    analyses: tuple[Analysis, ...]
    contexts: tuple[Context, ...]
    """``contexts[i]`` is the call as it stood *before* turn i."""
    listener: tuple[str, ...]
    """Who heard each turn: ``debtor`` or ``third`` (a relative, a wrong number)."""
    verified_at: int | None
    attorney_at: int | None
    cease_at: int | None

    @property
    def lang(self) -> str:
        return self.transcript.language

    def agent_turns(self) -> list[int]:
        return list(self._turns_of["agent"])

    def debtor_turns(self) -> list[int]:
        return list(self._turns_of["debtor"])

    def turn_before(self, i: int, speaker: str | None = None) -> int | None:
        """The nearest turn before ``i`` said by ``speaker`` (by anyone but the system when None)."""
        turns = self._turns_of.get(speaker, ()) if speaker else self._spoken
        at = bisect_left(turns, i)
        return turns[at - 1] if at else None

    def turn_after(self, i: int, speaker: str | None = None) -> int | None:
        """The nearest turn after ``i`` said by ``speaker`` (by anyone but the system when None)."""
        turns = self._turns_of.get(speaker, ()) if speaker else self._spoken
        at = bisect_right(turns, i)
        return turns[at] if at < len(turns) else None

    @cached_property
    def _spoken(self) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(self.transcript.turns) if t.speaker != "system")

    @cached_property
    def _turns_of(self) -> dict[str, tuple[int, ...]]:
        """Turn indices by speaker, listed once per call (steps and rules ask for them often)."""
        out: dict[str, list[int]] = {"agent": [], "debtor": []}
        for i, t in enumerate(self.transcript.turns):
            out.setdefault(t.speaker, []).append(i)
        return {speaker: tuple(turns) for speaker, turns in out.items()}

    def offered_before(self, i: int) -> tuple[frozenset[float], frozenset[str]]:
        """The sums and dates the debtor offered before turn ``i`` (not in a refusal)."""
        at = bisect_left(self._offers[0], i)
        return self._offers[1][at - 1] if at else (frozenset(), frozenset())

    @cached_property
    def _offers(self) -> tuple[list[int], list[tuple[frozenset[float], frozenset[str]]]]:
        """Running totals of the debtor's offers, once per call: turns and what was offered up to each."""
        turns: list[int] = []
        totals: list[tuple[frozenset[float], frozenset[str]]] = []
        amounts: frozenset[float] = frozenset()
        dates: frozenset[str] = frozenset()
        for j in self._turns_of["debtor"]:
            b = self.analyses[j]
            if b.has("refuse") or not b.has("counter_offer"):
                continue
            for act in b.all("counter_offer"):
                amounts |= frozenset(act.slots.get("amounts") or ())
                dates |= frozenset(act.slots.get("dates") or ())
            turns.append(j)
            totals.append((amounts, dates))
        return turns, totals

    @cached_property
    def reached(self) -> bool:
        """The account holder was on the line at some point."""
        return any(self.listener[i] == DEBTOR for i in self._turns_of["debtor"])


def build(transcript: Transcript, lexicons: dict[str, Lexicon]) -> CallState:
    """Analyse every turn in order, carrying the context forward."""
    sc = transcript.scenario
    facts = Facts(sc.amount_due, sc.days_overdue, sc.call_local_time.date() if sc.call_local_time else None,
                  sc.debtor_name, sc.currency)
    context = Context()
    analyses: list[Analysis] = []
    contexts: list[Context] = []
    verified_at = attorney_at = cease_at = None
    for i, turn in enumerate(transcript.turns):
        contexts.append(context)
        analysis = analyse(turn.text, turn.speaker, transcript.language, facts, context, lexicons)
        analyses.append(analysis)
        context = context.after(analysis)
        if verified_at is None and context.verified:
            verified_at = i
        if attorney_at is None and context.attorney_named:
            attorney_at = i
        if cease_at is None and context.cease_requested:
            cease_at = i
    return CallState(transcript, tuple(analyses), tuple(contexts), _listeners(transcript, analyses),
                     verified_at, attorney_at, cease_at)


def _listeners(transcript: Transcript, analyses: list[Analysis]) -> tuple[str, ...]:
    """Who was on the line at each turn; turns before the first sign take that sign (look-ahead).

    The agent who discloses at turn 0 to a relative who only says so at turn 1 still spoke
    to a third party.
    """
    marks: list[str | None] = [None] * len(analyses)
    current: str | None = None
    verified = False
    said_yes: int | None = None  # a bare "yes, that's me" not yet backed by a check
    for i, (turn, a) in enumerate(zip(transcript.turns, analyses, strict=True)):
        if turn.speaker == "agent" and not verified and current is None and _ASKS_FOR_OTHER.search(turn.text):
            current = THIRD  # "I'm trying to reach your neighbor, Dwight Kessler": whoever answered is not him
        if turn.speaker == "debtor":
            if current == THIRD and "give_verification" in a.names and not a.names & _THIRD_SIGNS \
                    and _asked_check(transcript, analyses, i):
                current = None  # the check answered: whatever sounded like a relative was the holder
            verified = verified or ("give_verification" in a.names and current != THIRD)
            if turn.raw_speaker == "third_party":
                current, said_yes = THIRD, None  # the export itself says who spoke
            elif a.names & _THIRD_SIGNS and "give_verification" not in a.names and (not verified or _OTHER_VOICE.search(a.text)):
                if said_yes is not None and a.names & _NOT_THE_HOLDER:
                    # "Yeah, this is Luis." ... "You want my dad, I'm Luis Junior.": the one who
                    # said yes was never the account holder, so what was said to them was disclosed.
                    marks[said_yes:i] = [THIRD] * (i - said_yes)
                current, said_yes = THIRD, None
            elif (a.names & {"confirm_identity", "give_verification"} or current == THIRD) and (
                    current != THIRD or _handed_over(a, transcript.scenario.debtor_name)):
                if current != DEBTOR and "give_verification" not in a.names:
                    said_yes = i
                current = DEBTOR
            if "give_verification" in a.names:
                said_yes = None
        marks[i] = current
    out: list[str] = []
    nxt: str | None = None
    for mark in reversed(marks):
        nxt = mark if mark is not None else nxt
        out.append(mark or nxt or DEBTOR)
    out.reverse()
    # Turns after a known mark keep it; turns before any mark took the first one above.
    return tuple(out)


_ASKS_FOR_OTHER = re.compile(r"\b(trying to reach|looking for|calling for|get hold of|speak (to|with)) (your|ur) "
                             r"(neighbou?r|roommate|flatmate|brother|sister|son|daughter|husband|wife|mother|mom|mum|father|dad|"
                             r"colleague|co-?worker|tenant|nephew|niece|grandson|granddaughter)\b|"
                             r"(找|联系)(一下)?(您|你)(的)?(邻居|同事|儿子|女儿|老公|老婆|爱人|哥哥|姐姐|弟弟|妹妹|室友|侄子|孙子)", re.I)
_THIRD_SIGNS = frozenset({"not_debtor", "wrong_number", "relative", "deny_identity"})
_NOT_THE_HOLDER = frozenset({"not_debtor", "wrong_number", "relative"})
# "（电话被抢过去）喂……我是他爱人": someone else takes the phone even after the holder was verified
_OTHER_VOICE = re.compile(r"我是(他|她)(的)?(爱人|老婆|媳妇|妻子|丈夫|老公|对象|妈|爸|母亲|父亲|儿子|女儿|姐|妹|哥|弟|同事|室友|朋友)"
                          r"|\b(this is|i.m|i am) (his|her) (wife|husband|mother|mom|father|dad|son|daughter|sister|brother|"
                          r"roommate|flatmate|partner|co-?worker|colleague)\b", re.I)
_SELF = re.compile(r"我就是|还是我|又是我|我是[^。，,]{0,6}本人|是我本人|\b(speaking|this is (him|her|me)|it.s me|that.s me|i.m (him|her))\b", re.I)


def _asked_check(transcript: Transcript, analyses: list[Analysis], i: int) -> bool:
    """The agent turn just before ``i`` asked for an identity check."""
    prev = next((j for j in range(i - 1, -1, -1) if transcript.turns[j].speaker == "agent"), None)
    return prev is not None and analyses[prev].has("ask_identity_check")


def _handed_over(a: Analysis, name: str | None = None) -> bool:
    """A new voice confirming identity after a third party ("我就是" / "this is him speaking" /
    "Hello? This is Wanda." when Wanda is the account holder)."""
    if a.has("take_message"):
        return False
    if _SELF.search(a.text):
        return True
    parts = [p for p in re.split(r"[\s·.]+", name or "") if len(p) >= 2]
    return any(re.search(rf"\b(this is|it.s|i.m|i am|speaking[,:]?)\s+{re.escape(p)}\b", a.text, re.I) for p in parts[:1]) \
        or bool(name and re.search(rf"我(就)?是{re.escape(name)}", a.text))
