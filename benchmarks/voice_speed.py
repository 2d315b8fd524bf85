"""The local voice's speed: time to first token (TTFT) and tokens per second, one stream.

    python benchmarks/voice_speed.py [--device cpu|cuda|auto] [--dtype auto|float32|bfloat16|float16]
                                     [--tokens 64] [--runs 3] [--no-05b]

Two models, both with random weights (speed does not depend on the weights, and nothing is
downloaded):

* **tiny**: the test suite's 2-layer Qwen2 (hidden 32) with its trained tokenizer, through the
  whole ``LocalVoice`` path: persona prompt → chat template → ``generate`` on a thread →
  ``TextIteratorStreamer`` → text. TTFT here is to the first *text* chunk.
* **0.5B**: Qwen2-0.5B-Instruct's architecture (hidden 896, 24 layers, 14 heads, 2 KV heads,
  intermediate 4864, vocab 151,936, tied embeddings), random init in memory. Its ids do not
  match the tiny tokenizer, so it is fed the same prompt length as synthetic token ids and
  timed per token with a streamer; TTFT is prefill plus the first token.

tokens/s counts the tokens after the first over the time after the first (decode speed);
sampling at temperature 0.8 with the end token suppressed, so every run makes ``--tokens``.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QWEN2_05B = {"hidden_size": 896, "intermediate_size": 4864, "num_hidden_layers": 24, "num_attention_heads": 14,
             "num_key_value_heads": 2, "max_position_embeddings": 32768, "rope_theta": 1000000.0,
             "rms_norm_eps": 1e-6}
QWEN2_05B_VOCAB = 151936


def _tiny_model_module() -> Any:
    spec = importlib.util.spec_from_file_location("tiny_model", ROOT / "tests" / "voices" / "tiny_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _request() -> Any:
    """A real turn's request (cooperative debtor, zh card case) for the prompt."""
    import random

    from simulator.catalog.search import load_catalog
    from simulator.debtor.policy import Intent
    from simulator.session import CallSession
    from simulator.voices.base import VoiceRequest

    catalog = load_catalog()
    call = CallSession(catalog.persona("cooperative"), catalog.case("cn-card-wanglei"), "zh", seed=0)
    assert call.pick_up().text
    text = "您好，我是云港银行信用卡中心的小李，工号1234，请问是王磊先生吗？"
    return VoiceRequest(Intent("answer"), call.debtor.profile, call.debtor.state, random.Random(0), text)


def tiny_through_the_voice(folder: Path, device: str, dtype: str, tokens: int, runs: int) -> dict[str, Any]:
    from simulator.voices.local import LocalVoice
    from simulator.voices.prompt import build_messages

    voice = LocalVoice(str(folder), device=device, dtype=dtype, max_new_tokens=tokens)
    loaded = voice.load()
    messages = build_messages(_request())
    prompt = len(loaded.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True,
                                                      return_dict=True)["input_ids"])
    ttft, rates = [], []
    for run in range(runs + 1):  # the first run warms up
        started = time.perf_counter()
        first = None
        for _chunk in voice.generate(loaded, messages):
            first = first or time.perf_counter()
        done = time.perf_counter()
        if run and first is not None:
            ttft.append(first - started)
            rates.append((voice.last_new_tokens - 1) / max(done - first, 1e-9))
    return {"model": "tiny (2 layers, hidden 32), whole voice path", "device": loaded.device, "dtype": loaded.dtype,
            "prompt_tokens": prompt, "new_tokens": voice.last_new_tokens, "ttft": ttft, "tokens_per_s": rates}


def qwen2_05b(device: str, dtype: str, prompt_tokens: int, tokens: int, runs: int) -> dict[str, Any]:
    import torch
    from transformers import GenerationConfig, Qwen2ForCausalLM
    from transformers.generation.streamers import BaseStreamer

    from simulator.voices.local import pick_device

    device, dtype = pick_device(device, dtype)
    config = _tiny_model_module().qwen2_config(QWEN2_05B_VOCAB, eos=151645, pad=151643, **QWEN2_05B)
    started = time.perf_counter()
    torch.manual_seed(0)
    with torch.device(device):
        model = Qwen2ForCausalLM(config).to(getattr(torch, dtype)).eval()
    built = time.perf_counter() - started
    params = sum(p.numel() for p in model.parameters())
    model.generation_config = GenerationConfig(eos_token_id=151645, pad_token_id=151643,
                                               suppress_tokens=[151643, 151645])

    class Clock(BaseStreamer):
        def __init__(self) -> None:
            self.times: list[float] = []
            self.prompt_seen = False

        def put(self, value: Any) -> None:
            if not self.prompt_seen:  # generate() hands the prompt over first
                self.prompt_seen = True
                return
            if device.startswith("cuda"):
                torch.cuda.synchronize()
            self.times.append(time.perf_counter())

        def end(self) -> None:
            pass

    ids = torch.randint(0, 150000, (1, prompt_tokens), device=device)
    ttft, rates = [], []
    for run in range(runs + 1):
        clock = Clock()
        begun = time.perf_counter()
        with torch.inference_mode():
            model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=tokens, do_sample=True,
                           temperature=0.8, streamer=clock)
        if run:
            ttft.append(clock.times[0] - begun)
            rates.append((len(clock.times) - 1) / max(clock.times[-1] - clock.times[0], 1e-9))
    return {"model": f"Qwen2-0.5B shape, random ({params / 1e6:.0f} M parameters, built in {built:.1f} s)",
            "device": device, "dtype": dtype, "prompt_tokens": prompt_tokens, "new_tokens": len(clock.times),
            "ttft": ttft, "tokens_per_s": rates}


def machine() -> str:
    import os

    import torch

    cpu = platform.processor() or platform.machine()
    gpu = f", {torch.cuda.get_device_name(0)}" if torch.cuda.is_available() else ""
    return (f"{os.cpu_count()} CPU cores ({cpu}){gpu}; Python {platform.python_version()}, torch {torch.__version__}, "
            f"{torch.get_num_threads()} torch threads")


def show(result: dict[str, Any]) -> None:
    ttft = statistics.median(result["ttft"]) * 1000
    rate = statistics.median(result["tokens_per_s"])
    print(f"| {result['model']} | {result['device']} {result['dtype']} | {result['prompt_tokens']} | "
          f"{ttft:.0f} ms | {rate:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--device", default="cpu", help="cpu (default), cuda, cuda:1 or auto")
    parser.add_argument("--dtype", default="auto", choices=("auto", "float32", "bfloat16", "float16"))
    parser.add_argument("--tokens", type=int, default=64, help="new tokens per reply (default 64)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per model, after one warm-up (default 3)")
    parser.add_argument("--no-05b", action="store_true", help="only the tiny model")
    parser.add_argument("--prompt-tokens", type=int, help="the 0.5B model's prompt length (default: the tiny "
                        "tokenizer's count for the real prompt, which a Qwen tokenizer would make shorter)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from transformers.utils import logging

    logging.disable_progress_bar()
    logging.set_verbosity_error()
    print(f"machine: {machine()}")
    print("| model | device | prompt tokens | TTFT (median) | tokens/s (median) |")
    print("| --- | --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        tiny = tiny_through_the_voice(_tiny_model_module().build(Path(folder)), args.device, args.dtype, args.tokens,
                                      args.runs)
    show(tiny)
    if not args.no_05b:
        show(qwen2_05b(args.device, args.dtype, args.prompt_tokens or tiny["prompt_tokens"], args.tokens, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
