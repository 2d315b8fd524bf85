"""The transcript interchange format (shared/TRANSCRIPT.md) as typed, frozen objects.

Parsing is hand-written rather than pydantic so each problem names the key path a QA
person can find in their export (``turns[3].speaker: unknown speaker 'bot'``). Unknown
keys are kept in ``extra`` and ignored by the scorer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scoring.loading.text import NotUtf8, decode_utf8
from scoring.vocab import Jurisdiction, Outcome

FORMAT = "debtsim.transcript/1"

# Words call-centre exports use for the two parties (TRANSCRIPT.md, turns[]).
SPEAKER_ALIASES: dict[str, str] = {
    "agent": "agent",
    "collector": "agent",
    "debtor": "debtor",
    "customer": "debtor",
    "consumer": "debtor",
    "third_party": "debtor",
    "system": "system",
}
_DEFAULT_JURISDICTION = {"zh": Jurisdiction.CN, "en": Jurisdiction.US}


class TranscriptError(ValueError):
    """A transcript that does not follow the format; the message names the key path."""


@dataclass(frozen=True)
class Turn:
    speaker: str  # "agent", "debtor" or "system" after aliasing
    text: str
    raw_speaker: str = ""


@dataclass(frozen=True)
class Scenario:
    product: str
    debtor_name: str
    amount_due: float
    currency: str
    days_overdue: int
    call_local_time: datetime | None = None
    jurisdiction: Jurisdiction = Jurisdiction.CN
    contact_attempts_7d: int | None = None
    contacts_today: int | None = None
    attorney_on_record: bool | None = None
    cease_requested: bool | None = None
    validation_notice_sent: bool | None = None
    time_barred: bool | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def past_limitation(self, years: int) -> bool:
        """The debt is past a limitation period of ``years``: the case says so, else its age does."""
        return self.time_barred if self.time_barred is not None else self.days_overdue > 365 * years


@dataclass(frozen=True)
class Record:
    outcome: Outcome
    promised_amount: float | None = None
    promised_date: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class Transcript:
    id: str
    language: str
    scenario: Scenario
    turns: tuple[Turn, ...]
    record: Record | None = None
    persona: str | None = None
    format: str = FORMAT
    expected: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


_TOP_KEYS = {"format", "id", "language", "scenario", "persona", "turns", "record", "expected"}
_SCENARIO_KEYS = {
    "product", "debtor_name", "amount_due", "currency", "days_overdue", "call_local_time", "jurisdiction",
    "contact_attempts_7d", "contacts_today", "attorney_on_record", "cease_requested", "validation_notice_sent",
    "time_barred",
}


def _get(obj: Mapping[str, Any], key: str, path: str, kind: type | tuple[type, ...], required: bool = True) -> Any:
    """``obj[key]`` checked against ``kind``; ``None`` when optional and absent or null."""
    where = f"{path}.{key}" if path else key
    if key not in obj or obj[key] is None:
        if required:
            raise TranscriptError(f"{where}: required")
        return None
    value = obj[key]
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise TranscriptError(f"{where}: expected {_kind_name(kind)}, got a boolean")
    if not isinstance(value, kind):
        raise TranscriptError(f"{where}: expected {_kind_name(kind)}, got {type(value).__name__}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a number", float: "a number", bool: "true or false", dict: "an object", list: "a list"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _parse_time(value: str | None, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        raise TranscriptError(f"{where}: not an ISO local time: {value!r}") from None


def _scenario(raw: Any, language: str) -> Scenario:
    if not isinstance(raw, dict):
        raise TranscriptError("scenario: " + ("required" if raw is None else "expected an object"))
    num = (int, float)
    juris_raw = _get(raw, "jurisdiction", "scenario", str, required=False)
    if juris_raw is None:
        jurisdiction = _DEFAULT_JURISDICTION.get(language, Jurisdiction.US)
    else:
        try:
            jurisdiction = Jurisdiction(juris_raw.strip().upper())
        except ValueError:
            raise TranscriptError(f"scenario.jurisdiction: unknown jurisdiction {juris_raw!r} (CN, US, UK)") from None
    days = _get(raw, "days_overdue", "scenario", num)
    return Scenario(
        product=_get(raw, "product", "scenario", str),
        debtor_name=_get(raw, "debtor_name", "scenario", str),
        amount_due=float(_get(raw, "amount_due", "scenario", num)),
        currency=_get(raw, "currency", "scenario", str),
        days_overdue=int(days),
        call_local_time=_parse_time(_get(raw, "call_local_time", "scenario", str, False), "scenario.call_local_time"),
        jurisdiction=jurisdiction,
        contact_attempts_7d=_opt_int(raw, "contact_attempts_7d"),
        contacts_today=_opt_int(raw, "contacts_today"),
        attorney_on_record=_get(raw, "attorney_on_record", "scenario", bool, False),
        cease_requested=_get(raw, "cease_requested", "scenario", bool, False),
        validation_notice_sent=_get(raw, "validation_notice_sent", "scenario", bool, False),
        time_barred=_get(raw, "time_barred", "scenario", bool, False),
        extra={k: v for k, v in raw.items() if k not in _SCENARIO_KEYS},
    )


def _opt_int(raw: dict, key: str) -> int | None:
    value = _get(raw, key, "scenario", (int, float), False)
    return None if value is None else int(value)


def _turns(raw: Any) -> tuple[Turn, ...]:
    if raw is None:
        raise TranscriptError("turns: required")
    if not isinstance(raw, list):
        raise TranscriptError(f"turns: expected a list, got {type(raw).__name__}")
    turns = []
    for i, item in enumerate(raw):
        where = f"turns[{i}]"
        if not isinstance(item, dict):
            raise TranscriptError(f"{where}: expected an object with speaker and text")
        speaker = _get(item, "speaker", where, str)
        canonical = SPEAKER_ALIASES.get(speaker.strip().lower())
        if canonical is None:
            raise TranscriptError(f"{where}.speaker: unknown speaker {speaker!r}")
        text = item.get("text")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise TranscriptError(f"{where}.text: expected text, got {type(text).__name__}")
        turns.append(Turn(canonical, text, speaker))
    return tuple(turns)


def _record(raw: Any) -> Record | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise TranscriptError("record: expected an object")
    outcome = _get(raw, "outcome", "record", str)
    try:
        parsed = Outcome(outcome.strip().lower())
    except ValueError:
        options = ", ".join(o.value for o in Outcome)
        raise TranscriptError(f"record.outcome: unknown outcome {outcome!r} ({options})") from None
    amount = _get(raw, "promised_amount", "record", (int, float), False)
    date = _get(raw, "promised_date", "record", str, False)
    notes = _get(raw, "notes", "record", str, False) or ""
    return Record(parsed, None if amount is None else float(amount), date, notes)


def parse_transcript(raw: Any) -> Transcript:
    """A :class:`Transcript` from one decoded JSON object, or :class:`TranscriptError`."""
    if not isinstance(raw, dict):
        raise TranscriptError(f"(transcript): expected a JSON object, got {type(raw).__name__}")
    ident = _get(raw, "id", "", (str, int))
    language = _get(raw, "language", "", str).strip().lower()
    if language not in ("zh", "en"):
        language = "zh" if language.startswith("zh") else "en" if language.startswith("en") else language
        if language not in ("zh", "en"):
            raise TranscriptError(f"language: unknown language {raw['language']!r} (zh or en)")
    expected = raw.get("expected")
    return Transcript(
        id=str(ident),
        language=language,
        scenario=_scenario(raw.get("scenario"), language),
        turns=_turns(raw.get("turns")),
        record=_record(raw.get("record")),
        persona=raw.get("persona") if isinstance(raw.get("persona"), str) else None,
        format=str(raw.get("format") or FORMAT),
        expected=expected if isinstance(expected, dict) else None,
        extra={k: v for k, v in raw.items() if k not in _TOP_KEYS},
    )


@dataclass(frozen=True)
class ReadError:
    """One transcript that could not be read; the batch goes on without it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.message}"


def read_transcripts(path: Path | str) -> Iterator[Transcript | ReadError]:
    """Each transcript of a ``.json`` (one object) or ``.jsonl`` (one per line) file.

    Problems are yielded as :class:`ReadError` values rather than raised, so one bad call
    in a QA export never stops the batch.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield ReadError(path, None, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_text(raw, path, jsonl=path.suffix.lower() == ".jsonl")


def read_text(raw: bytes, path: Path, jsonl: bool | None = None) -> Iterator[Transcript | ReadError]:
    """Transcripts from bytes already read (a file or standard input).

    ``jsonl=None`` guesses: text whose first non-blank line is a complete JSON value is
    read as one transcript per line, anything else as one JSON document.
    """
    try:
        text = decode_utf8(raw)
    except NotUtf8 as exc:
        yield ReadError(path, exc.line, exc.message)
        return
    if jsonl is None:
        jsonl = _looks_like_jsonl(text)
    if jsonl:
        for number, line_text in enumerate(text.splitlines(), start=1):
            if line_text.strip():
                yield _one(line_text, path, number)
    elif not text.strip():
        yield ReadError(path, None, "empty input: expected a transcript JSON object")
    else:
        yield _one(text, path, None)


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except json.JSONDecodeError:
        return False
    return True


def _one(text: str, path: Path, line: int | None) -> Transcript | ReadError:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadError(path, line if line is not None else exc.lineno, f"invalid JSON: {exc.msg}")
    try:
        return parse_transcript(data)
    except TranscriptError as exc:
        return ReadError(path, line, str(exc))
