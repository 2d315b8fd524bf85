"""Checks a model's words against the policy's intent, while they stream and once they end.

The policy decides; a model only words it. So a reply is rejected when it commits to
something the intent did not (an amount or date not in its slots, a promise to pay, an
identity or debt admission, a verification detail nobody asked for), breaks character (AI,
prompt, system, speaker labels), is in the wrong language or runs on; at the end it must
also *express* the intent (an acceptance names the agreed amount, a refusal refuses, a
hang-up closes). Strict on commitments and character, lenient on style.

``feed(text_so_far)`` only judges the text up to the last clause break it has seen whole
(``settled``), so a half-streamed "还24" is never mistaken for an amount before "00元" arrives.
The word lists live in ``guard_cues``; numbers and dates come from the scorer's parsers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from scoring.analysis.dates import find_dates
from scoring.analysis.numbers import find_amounts
from simulator.voices import slots as slot_values
from simulator.voices.base import GuardRejected, VoiceRequest
from simulator.voices.guard_cues import CUES

MAX_CHARS = {"zh": 160, "en": 480}
"""A reply longer than this runs on (the prompt asks for one to three sentences)."""
MAX_SENTENCES = 6
PROMISING = frozenset({"counter_offer", "accept_plan"})
"""Intents that may commit to paying (``goodbye`` too, once a plan is agreed)."""
NO_IDENTITY = frozenset({"deny_identity", "ask_who_is_calling", "take_message"})

# What the trainee reads after a withdrawal, per rule: (zh, en).
REASONS: dict[str, tuple[str, str]] = {
    "amount": ("说了没定的金额", "named an amount the debtor did not decide"),
    "date": ("说了没定的日期", "named a date the debtor did not decide"),
    "promise": ("答应了没定的还款", "promised a payment the debtor did not decide"),
    "identity": ("承认了身份", "confirmed an identity the debtor did not"),
    "debt": ("承认了欠款", "admitted a debt the debtor did not"),
    "fact": ("说了没问的个人信息", "gave a personal detail nobody asked for"),
    "character": ("出戏了", "broke character"),
    "language": ("语言不对", "wrong language"),
    "length": ("太长了", "ran on too long"),
    "empty": ("没有说话", "said nothing"),
    "intent": ("没说到该说的", "did not say what the debtor decided"),
    # not the guard's: the voice failed after its first words
    "error": ("模型出错", "the model failed"),
    "timeout": ("模型超时", "the model timed out"),
    "unavailable": ("模型不可用", "the model is not available"),
}

_CJK = re.compile(r"[\u3400-\u9fff]")
_GARBLED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd\ue000-\uf8ff]")  # control, replacement, private use
_LATIN = re.compile(r"[A-Za-z]")
_BREAK = {"zh": re.compile(r"[，。！？；、!?;\n…]|[,.](?=\D)"), "en": re.compile(r"[.!?;,:…](?=\s)|\n")}
_SENTENCE = {"zh": re.compile(r"[。！？!?]+"), "en": re.compile(r"[.!?]+(?=\s|$)")}


@dataclass(frozen=True)
class Verdict:
    """The guard's judgement: ``ok``, or which ``rule`` failed and a ``detail`` for the transcript."""

    ok: bool
    code: str = "guard"
    detail: str = ""
    rule: str = ""

    def reason(self, lang: str) -> str:
        """What the trainee reads: the failed rule in the call's language."""
        zh, en = REASONS.get(self.rule, (self.detail, self.detail))
        return zh if lang == "zh" else en

    def error(self) -> GuardRejected:
        return GuardRejected(self.detail)


OK = Verdict(True)


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(f"(?:{p})" for p in pats), re.I | re.M) for name, pats in CUES[lang].items()}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 0.005 * b)


def settled(text: str, lang: str) -> str:
    """``text`` up to its last clause break seen whole: what can be judged while streaming."""
    last = 0
    for m in _BREAK["zh" if lang == "zh" else "en"].finditer(text):
        last = m.end()
    return text[:last]


class Guard:
    """One reply's checker: ``feed`` the growing text while it streams, ``final`` at the end."""

    def __init__(self, request: VoiceRequest) -> None:
        profile, intent, state = request.profile, request.intent, request.state
        self.lang = "zh" if profile.lang == "zh" else "en"
        self.intent = intent.name
        self._cues = _patterns(self.lang)
        self._today = profile.case.call_local_time.date()
        slots = intent.slots
        self._amounts = [float(slots[k]) for k in ("amount", "monthly") if slots.get(k) is not None]
        self._slot_amount = float(slots["amount"]) if slots.get("amount") is not None else None
        allowed = list(self._amounts)
        if profile.holder:
            allowed.append(profile.case.amount_due)  # saying what they owe commits to nothing
        self._allowed_amounts = allowed
        self._slot_date = date.fromisoformat(str(slots["date"])) if slots.get("date") else None
        self._fact = str(slots.get("fact") or "") if intent.name == "confirm_identity" else ""
        verification = profile.case.verification
        self._dob = verification.date_of_birth
        self._allowed_dates = {d for d in (self._slot_date,) if d}
        if self._fact == "date_of_birth" and self._dob:
            self._allowed_dates.add(self._dob)
        self._facts = {k: str(getattr(verification, k)) for k in ("id_last4", "phone_last4", "postcode")
                       if getattr(verification, k)}
        # Proper names ("Sun Guilan" is not a Sunday) are masked before dates and sums are read.
        filled = slot_values.values(intent, profile)
        names = {filled[k] for k in ("debtor_name", "institution", "relation") if filled.get(k)}
        names.add(profile.persona.name.get(self.lang))
        self._relation = filled.get("relation", "")
        self._names = sorted((n for n in names if n), key=len, reverse=True)
        # What the persona's own story says (the reason, a dispute, objections, this intent's
        # phrases) states facts, not commitments: its sums and dates may be repeated.
        self._own: list[str] = []
        for said in self._persona_texts(request, filled):
            said = self._mask(said)
            allowed += [a.value for a in find_amounts(said, self.lang)]
            self._allowed_dates |= {d.value for d in find_dates(said, self.lang, self._today)}
        self._may_promise = intent.name in PROMISING or (intent.name == "goodbye" and state.agreed is not None)
        self._may_confirm = profile.holder and intent.name not in NO_IDENTITY and (
            intent.name == "confirm_identity" or state.identity_confirmed)
        self._may_admit = self._may_confirm and intent.name != "dispute"
        self._checked = ""  # the settled prefix already judged sound

    def _persona_texts(self, request: VoiceRequest, filled: dict[str, str]) -> list[str]:
        persona, lang = request.profile.persona, self.lang
        texts = [persona.truth.reason.get(lang)]
        if persona.truth.dispute is not None:
            texts.append(persona.truth.dispute.details.get(lang))
        texts += [o.says.get(lang) for o in persona.objections]
        own = next((p for i, p in persona.phrases.items() if i.value == self.intent), None)
        for phrase in (own.zh if lang == "zh" else own.en) if own else []:
            if all(s in filled for s in slot_values.slots_of(phrase)):
                texts.append(phrase.format(**filled))
                self._own.append(texts[-1])
        return texts

    def _mask(self, text: str) -> str:
        for name in self._names:
            text = text.replace(name, " " * len(name))
        return text

    def _mentions(self, text: str, value: float, found: list[float]) -> bool:
        """Whether ``text`` names the sum ``value`` (parsed, or written the way the slots write it)."""
        if any(_close(v, value) for v in found):
            return True
        said = [slot_values.money(value, "XXX", self.lang).replace(" XXX", "")]
        said.append(said[0].replace(",", ""))
        return any(re.search(rf"(?<![\d,.]){re.escape(s)}(?![\d,])", text) for s in said)

    # --- rules ---------------------------------------------------------------------------

    def _hit(self, name: str, text: str) -> re.Match[str] | None:
        """The first match of cue ``name`` not negated in its own clause."""
        negation = self._cues["negation"]
        for m in self._cues[name].finditer(text):
            if m.group() and any(m.group() in own for own in self._own):
                continue  # the persona's own line for this intent says so: the trainer wrote it
            if not negation.search(text, max(0, m.start() - 20), m.start()):
                return m
        return None

    def _content(self, text: str) -> Verdict:
        if self._cues["character"].search(text):
            return self._no("character", f"breaks character: {self._cues['character'].search(text).group()!r}")
        masked = self._mask(text)
        digits = re.sub(r"\s", "", text)
        for found in find_amounts(masked, self.lang):
            raw = re.sub(r"\D", "", masked[found.start:found.end])
            if raw and any(raw == v for v in self._facts.values()):
                continue  # a verification number, judged by the fact rule below
            if not any(_close(found.value, a) for a in self._allowed_amounts):
                return self._no("amount", f"amount {found.value:g} not decided by the policy ({self.intent})")
        for found in find_dates(masked, self.lang, self._today):
            if found.value not in self._allowed_dates:
                return self._no("date", f"date {found.value.isoformat()} not decided by the policy ({self.intent})")
        for key, value in self._facts.items():
            if value in digits and key != self._fact:
                return self._no("fact", f"gives {key} unasked ({self.intent})")
        if not self._may_promise and (m := self._hit("promise", text)):
            return self._no("promise", f"promises to pay ({m.group()!r}) while the intent is {self.intent}")
        if not self._may_confirm and (m := self._hit("identity", text)):
            return self._no("identity", f"confirms identity ({m.group()!r}) while the intent is {self.intent}")
        if not self._may_admit and (m := self._hit("debt", text)):
            return self._no("debt", f"admits the debt ({m.group()!r}) while the intent is {self.intent}")
        return self._language(text)

    def _language(self, text: str) -> Verdict:
        """Readable text in the call's language: a small model's noise fails here first."""
        if m := _GARBLED.search(text):
            return self._no("language", f"unreadable characters ({m.group()!r})")
        cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
        other = sum(1 for c in text if c.isalpha()) - cjk - latin
        if other > 2:
            return self._no("language", f"{other} letters of another script")
        if self.lang == "zh" and latin >= 2 and cjk == 0:
            return self._no("language", f"no Chinese in a zh call ({latin} Latin letters)")
        if self.lang == "zh" and latin >= 12 and latin > cjk:
            return self._no("language", f"mostly Latin letters in a zh call ({latin} vs {cjk})")
        if self.lang == "en" and cjk > 3:
            return self._no("language", f"Chinese characters in an en call ({cjk})")
        return OK

    def _length(self, text: str) -> Verdict:
        if len(text) > MAX_CHARS[self.lang]:
            return self._no("length", f"runs on: {len(text)} characters (cap {MAX_CHARS[self.lang]})")
        sentences = len(_SENTENCE[self.lang].findall(text))
        if sentences > MAX_SENTENCES:
            return self._no("length", f"runs on: {sentences} sentences (cap {MAX_SENTENCES})")
        return OK

    def _expresses(self, text: str) -> Verdict:
        """The whole reply says the intent (checked once, at the end)."""
        name = self.intent
        text = self._mask(text)
        amounts = [a.value for a in find_amounts(text, self.lang)]
        if name in PROMISING and self._slot_amount is not None:
            if not self._mentions(text, self._slot_amount, amounts):
                return self._no("intent", f"{name} without its amount {self._slot_amount:g}")
            return OK
        if name == "counter_offer" and self._slot_date is not None:
            if self._slot_date not in {d.value for d in find_dates(text, self.lang, self._today)}:
                return self._no("intent", f"counter_offer without its date {self._slot_date.isoformat()}")
            return OK
        if name == "accept_plan" and not self._hit("promise", text):
            return self._no("intent", "accept_plan without an acceptance")
        if name == "confirm_identity" and self._fact:
            if self._fact in self._facts and self._facts[self._fact] not in re.sub(r"\s", "", text):
                return self._no("intent", f"confirm_identity without the {self._fact} asked for")
            if self._fact == "date_of_birth" and self._dob \
                    and self._dob not in {d.value for d in find_dates(text, self.lang, self._today)}:
                return self._no("intent", "confirm_identity without the date of birth asked for")
        needs = {"refuse": "refuse", "hang_up": "closing", "goodbye": "closing", "deny_identity": "deny",
                 "ask_who_is_calling": "ask_who", "take_message": "message"}.get(name)
        if name == "deny_identity" and self._relation and self._relation in text:
            return OK  # "I'm his wife": not the one they want
        if needs and not self._cues[needs].search(text):
            return self._no("intent", f"{name} not expressed")
        return OK

    def _no(self, rule: str, detail: str) -> Verdict:
        return Verdict(False, "guard", detail, rule)

    # --- the interface -------------------------------------------------------------------

    def feed(self, text_so_far: str) -> Verdict | None:
        """A rejection as soon as the partial text already fails, else None (keep streaming)."""
        verdict = self._length(text_so_far)
        if not verdict.ok:
            return verdict
        done = settled(text_so_far, self.lang)
        if done and done != self._checked:
            verdict = self._content(done)
            if not verdict.ok:
                return verdict
            self._checked = done
        return None

    def final(self, text: str) -> Verdict:
        """The whole reply's verdict: every streaming rule, not empty, and the intent expressed."""
        if not text.strip():
            return self._no("empty", "empty reply")
        for check in (self._length, self._content, self._expresses):
            verdict = check(text.strip())
            if not verdict.ok:
                return verdict
        return OK
