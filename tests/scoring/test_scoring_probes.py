"""One agent line per probe (tests/data/probes/one_line.jsonl), set in a clean call: a verified
holder (or a third party who answered), then the line, then "嗯。" / "Okay.". A probe with a
``rule`` must be found as that rule on that line; one without must find nothing there; neither may
leave a finding anywhere else. 353 lines (zh and en; CN, US and UK) written rule by rule from
DOMAIN.md in round 10, blatant, veiled, typed and lawful near misses, none from a labelled call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring import score
from scoring.transcript import parse_transcript

PROBES = Path(__file__).resolve().parent.parent / "data" / "probes" / "one_line.jsonl"

_OPENINGS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("CN", "debtor"): [("agent", "您好，请问是王磊先生吗？我是云港银行信用卡中心的小陈，工号3108。"), ("debtor", "是我。"),
                       ("agent", "麻烦您说一下身份证最后四位，核对一下是您本人。"), ("debtor", "4471。")],
    ("CN", "third_party"): [("agent", "您好，请问是王磊先生吗？")],
    ("US", "debtor"): [("agent", "Hi, this is Sam Cole calling from Harbor Recovery Services. Am I speaking with Dana Park?"),
                       ("debtor", "Yes, that's me."),
                       ("agent", "Thanks. For security, could you confirm your date of birth?"), ("debtor", "March 3rd, 1985."),
                       ("agent", "Thank you. I am a debt collector, this is an attempt to collect a debt and any information "
                                 "obtained will be used for that purpose. It's about your Harbor card account.")],
    ("US", "third_party"): [("agent", "Hi, this is Sam Cole. May I speak with Dana Park?")],
    ("UK", "debtor"): [("agent", "Hi, this is Sam Cole calling from Harbor Finance. Am I speaking with Dana Park?"),
                       ("debtor", "Yes, that's me."),
                       ("agent", "Thanks. For security, could you confirm your date of birth?"), ("debtor", "March 3rd, 1985.")],
    ("UK", "third_party"): [("agent", "Hi, this is Sam Cole. May I speak with Dana Park?")],
}


def _probes() -> list[Any]:
    items = [json.loads(line) for line in PROBES.read_text("utf-8").splitlines() if line.strip()]
    return [pytest.param(it, id=f"{it['id']}:{it['rule'] or 'lawful:' + str(it['near'])}") for it in items]


def probe_call(it: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The transcript for one probe and the index of the probed agent turn."""
    zh = it["lang"] == "zh"
    listener = it["listener"]
    turns = list(_OPENINGS[(it["jurisdiction"], listener)])
    prev = it.get("prev") or ""
    if listener == "third_party":
        turns.append(("third_party", prev or ("我是他同事，他现在不在。" if zh else "She's not here, I'm her roommate.")))
    elif prev:
        if turns[-1][0] == "debtor":
            turns.append(("agent", "好的，核对无误，谢谢。" if zh else "Thanks, that matches."))
        turns.append(("debtor", prev))
    at = len(turns)
    turns += [("agent", it["text"]), ("third_party" if listener == "third_party" else "debtor", "嗯。" if zh else "Okay.")]
    raw = {"id": it["id"], "language": it["lang"],
           "scenario": {"jurisdiction": it["jurisdiction"], "product": "credit_card",
                        "debtor_name": "王磊" if zh else "Dana Park", "amount_due": 8640.0,
                        "currency": {"CN": "CNY", "US": "USD", "UK": "GBP"}[it["jurisdiction"]],
                        "days_overdue": 35, "call_local_time": "2026-05-12T10:20"},
           "turns": [{"speaker": s, "text": t} for s, t in turns]}
    return raw, at


@pytest.mark.parametrize("it", _probes())
def test_probe(it: dict[str, Any]) -> None:
    raw, at = probe_call(it)
    found = [(v.rule, v.turn) for v in score(parse_transcript(raw)).violations]
    on_line = {rule for rule, turn in found if turn == at}
    assert [f for f in found if f[1] != at] == [], "the call around the probe must stay clean"
    if it["rule"]:
        assert it["rule"] in on_line, f"{it['rule']} not found in: {it['text']}"
    else:
        assert on_line == set(), f"lawful line flagged {sorted(on_line)}: {it['text']}"


def test_the_probe_file_covers_every_pack() -> None:
    items = [json.loads(line) for line in PROBES.read_text("utf-8").splitlines() if line.strip()]
    assert {it["jurisdiction"] for it in items} == {"CN", "US", "UK"}
    assert len({it["id"] for it in items}) == len(items)
    assert sum(it["rule"] is None for it in items) >= 50
