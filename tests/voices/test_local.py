"""The ``local`` voice through its real code path, with a tiny random model built in the test.

No download: ``tiny_model`` (conftest) trains a tokenizer and saves a 2-layer Qwen2 with random
weights. Its words are noise, so in a real call the guard must refuse them and the template
voice speaks; what is checked here is loading, streaming, stopping, timeouts and fallbacks.
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from simulator.catalog.search import load_catalog
from simulator.debtor.policy import Intent
from simulator.session import CallSession
from simulator.voices import local
from simulator.voices.base import VoiceRequest, VoiceTimeout, VoiceUnavailable
from simulator.voices.local import LocalVoice
from simulator.voices.registry import load_voice

pytest.importorskip("torch", reason="the local voice needs torch (pip install torch)")
pytest.importorskip("transformers", reason="the local voice needs transformers (pip install 'debtsim[llm]')")

AGENT = "您好，我是云港银行信用卡中心的小李，工号1234，请问是王磊先生吗？"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def session(catalog, voice: Any, lang: str = "zh") -> CallSession:
    case = "cn-card-wanglei" if lang == "zh" else "us-card-turner"
    return CallSession(catalog.persona("cooperative"), catalog.case(case), lang, seed=3, voice=voice)


def request(catalog) -> VoiceRequest:
    call = session(catalog, None)
    return VoiceRequest(Intent("answer"), call.debtor.profile, call.debtor.state, random.Random(0), AGENT)


def voice_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "debtsim-local-voice"]


def wait_for_no_generation(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while voice_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not voice_threads(), "the generation thread kept running after the reply was dropped"


def test_registered_and_loaded_once_per_process_with_progress(tiny_model: Path) -> None:
    local.clear_cache()
    lines: list[str] = []
    first = load_voice("local", model=str(tiny_model))
    assert isinstance(first, LocalVoice)
    loaded = first.load(progress=lines.append)
    assert lines[0].startswith("loading model folder") and lines[1] == "on cpu float32"
    assert lines[2].startswith("ready in ") and lines[2].endswith(" s")
    again: list[str] = []
    assert LocalVoice(str(tiny_model)).load(progress=again.append) is loaded  # the process-wide cache
    assert again == []
    assert (loaded.device, loaded.dtype) == ("cpu", "float32")  # auto on a machine with no CUDA


def test_streams_in_pieces_and_stops_at_max_new_tokens(tiny_model: Path, catalog) -> None:
    voice = LocalVoice(str(tiny_model), max_new_tokens=12)
    chunks = list(voice.stream(request(catalog)))
    assert len(chunks) > 1 and all(chunks)
    assert voice.last_new_tokens == 12  # the tiny model never says its end token: only the limit stops it
    short = LocalVoice(str(tiny_model), max_new_tokens=3, temperature=0)
    list(short.stream(request(catalog)))
    assert short.last_new_tokens == 3


def test_a_dropped_reply_stops_the_model(tiny_model: Path, catalog) -> None:
    voice = LocalVoice(str(tiny_model), max_new_tokens=400)
    stream = voice.stream(request(catalog))
    assert next(stream)
    stream.close()  # the guard withdrew it, or the call ended
    wait_for_no_generation()
    assert voice.last_new_tokens < 400


def test_no_first_token_in_time_is_a_timeout(tiny_model: Path, catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    voice = LocalVoice(str(tiny_model), first_token_timeout=0.2)
    model = voice.load().model
    forward = model.forward

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        return forward(*args, **kwargs)

    monkeypatch.setattr(model, "forward", slow)
    started = time.monotonic()
    with pytest.raises(VoiceTimeout, match="no first token after 0.2 s") as raised:
        list(voice.stream(request(catalog)))
    assert time.monotonic() - started < 2
    assert raised.value.fallback.startswith("timeout: ")
    wait_for_no_generation()  # stopped after the slow step it was in


def test_random_words_fail_the_guard_and_the_template_speaks(tiny_model: Path, catalog) -> None:
    call = session(catalog, LocalVoice(str(tiny_model), max_new_tokens=16))
    assert call.pick_up().text
    reply = call.say(AGENT)
    text = reply.text
    turn = call.turns[-1]
    assert turn["speaker"] == "debtor" and text == turn["text"]
    assert text.isprintable() and "�" not in text  # the model's noise never reaches the trainee
    assert turn["voice"] == "template"
    assert turn["fallback"].startswith("guard: ")


def test_a_missing_folder_is_unavailable_and_the_template_speaks(tmp_path: Path, catalog) -> None:
    missing = tmp_path / "no-such-model"
    voice = LocalVoice(str(missing))
    assert str(voice.problem()) == f"model folder {missing} not found"
    with pytest.raises(VoiceUnavailable, match="not found"):
        voice.load()
    call = session(catalog, voice)
    reply = call.pick_up()
    assert reply.text
    assert reply.fallback == f"unavailable: model folder {missing} not found"
    assert call.turns[-1]["voice"] == "template"
    assert call.turns[-1]["fallback"] == reply.fallback


def test_a_model_without_a_chat_template_is_unavailable(tiny_model_no_template: Path, catalog) -> None:
    voice = LocalVoice(str(tiny_model_no_template))
    with pytest.raises(VoiceUnavailable, match="has no chat template"):
        list(voice.stream(request(catalog)))


def test_a_hub_id_not_in_the_cache_says_there_is_no_download(catalog) -> None:
    voice = LocalVoice("debtsim-tests/not-a-real-model")
    problem = voice.problem()
    assert problem is not None and "not in the local Hugging Face cache" in str(problem)
    assert "local_files_only" in problem.render("zh")


def test_no_model_configured_names_the_flag_and_the_config_file(no_user_config: Path) -> None:
    from simulator.voices.config import voice_options

    voice = load_voice("local", **voice_options("local"))
    assert str(voice.problem()) == f"no model configured — --model DIR or [local] model in {no_user_config}"


def test_cli_call_with_the_local_voice_end_to_end(tiny_model: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.cli import main

    script = tmp_path / "call.txt"
    script.write_text(f"{AGENT}\n/end\n", "utf-8")
    code = main(["--lang", "en", "call", "--persona", "cooperative", "--case", "cn-card-wanglei", "--seed", "2",
                 "--voice", "local", "--model", str(tiny_model), "--script", str(script), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "voice local: ready in" in err or "voice local: loading" not in err  # loaded now or by an earlier test
    transcript = json.loads(out)
    debtor = [t for t in transcript["turns"] if t["speaker"] == "debtor"]
    assert len(debtor) == 2 and all(t["text"] for t in debtor)
    assert all(t.get("voice") == "template" and t["fallback"].startswith("guard: ") for t in debtor)


def test_gguf_round_trip(tiny_model: Path, tmp_path: Path, catalog) -> None:
    """The tiny model written as GGUF (``gguf``'s writer) loads through the voice with the same weights."""
    pytest.importorskip("gguf", reason="writing and reading GGUF needs the gguf package (pip install gguf)")
    pytest.importorskip("accelerate", reason="transformers loads GGUF only with accelerate (pip install accelerate)")
    import torch

    from .gguf_writer import write_gguf

    path = write_gguf(tiny_model, tmp_path / "tiny-f32.gguf")
    voice = LocalVoice(str(path), max_new_tokens=6)
    assert voice.problem() is None and voice.describe("en") == f"GGUF file {path}"
    loaded = voice.load()
    assert loaded.tokenizer.chat_template and loaded.tokenizer.eos_token == "<|im_end|>"
    original = LocalVoice(str(tiny_model)).load()
    ids = original.tokenizer(AGENT + " I can pay $500.", return_tensors="pt").input_ids
    assert loaded.tokenizer(AGENT + " I can pay $500.", return_tensors="pt").input_ids.tolist() == ids.tolist()
    with torch.inference_mode():
        assert torch.allclose(loaded.model(ids).logits, original.model(ids).logits, atol=1e-4)
    assert "".join(voice.stream(request(catalog))) and voice.last_new_tokens == 6
