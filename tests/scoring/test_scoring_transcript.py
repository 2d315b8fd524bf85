import json

import pytest
from scoring_helpers import call

from scoring.transcript import ReadError, Transcript, TranscriptError, parse_transcript, read_transcripts
from scoring.vocab import Jurisdiction


def test_aliases_defaults_and_unknown_keys_kept():
    raw = call("en", [("collector", "Hello"), ("consumer", "Hi"), ("third_party", "Who?"), ("system", "[click]"),
                      ("customer", "ok")], opening=False)
    raw["vendor_field"] = {"x": 1}
    t = parse_transcript(raw)
    assert [turn.speaker for turn in t.turns] == ["agent", "debtor", "debtor", "system", "debtor"]
    assert t.scenario.jurisdiction is Jurisdiction.US
    assert t.extra == {"vendor_field": {"x": 1}}
    assert parse_transcript(call("zh", [])).scenario.jurisdiction is Jurisdiction.CN
    assert parse_transcript(call("en", [], jurisdiction="UK")).scenario.jurisdiction is Jurisdiction.UK


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["scenario"].pop("amount_due"), "scenario.amount_due: required"),
    (lambda d: d.pop("turns"), "turns: required"),
    (lambda d: d.pop("id"), "id: required"),
    (lambda d: d["scenario"].update(amount_due="lots"), "scenario.amount_due: expected a number"),
    (lambda d: d["turns"].__setitem__(3, {"speaker": "bot", "text": "x"}), "turns[3].speaker: unknown speaker 'bot'"),
    (lambda d: d["turns"].__setitem__(1, {"speaker": "agent", "text": 5}), "turns[1].text: expected text"),
    (lambda d: d.update(record={"promised_amount": 5}), "record.outcome: required"),
    (lambda d: d.update(record={"outcome": "maybe"}), "record.outcome: unknown outcome 'maybe'"),
    (lambda d: d.update(language="fr"), "language: unknown language"),
    (lambda d: d["scenario"].update(call_local_time="tonight"), "scenario.call_local_time: not an ISO"),
])
def test_errors_name_the_key_path(mutate, message):
    raw = call("zh", [])
    mutate(raw)
    with pytest.raises(TranscriptError) as err:
        parse_transcript(raw)
    assert str(err.value).startswith(message)


def test_reader_json_jsonl_and_bad_bytes(tmp_path):
    good = call("zh", [])
    (tmp_path / "one.json").write_text(json.dumps(good), encoding="utf-8")
    bad = dict(good)
    bad.pop("scenario")
    lines = [json.dumps(good), "{not json", json.dumps(bad), "", json.dumps(good)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "latin.json").write_bytes("{\"id\": \"caf\xe9\"}".encode("latin-1"))
    assert isinstance(next(read_transcripts(tmp_path / "one.json")), Transcript)
    items = list(read_transcripts(tmp_path / "many.jsonl"))
    assert [type(i).__name__ for i in items] == ["Transcript", "ReadError", "ReadError", "Transcript"]
    assert items[1].line == 2 and "invalid JSON" in items[1].message
    assert items[2].line == 3 and "scenario: required" in str(items[2])
    latin = list(read_transcripts(tmp_path / "latin.json"))
    assert len(latin) == 1 and isinstance(latin[0], ReadError) and "not UTF-8" in latin[0].message
    missing = list(read_transcripts(tmp_path / "absent.json"))
    assert isinstance(missing[0], ReadError)
