"""The ``local`` voice: a transformers chat model on this machine, streamed token by token.

torch and transformers are imported inside the functions below, and only when the voice
first speaks or :meth:`LocalVoice.load` is called: ``debtsim --help``, the app's first paint
and every template-voice call never pay their ~2-8 s import. A model is loaded once per
process (``_CACHE``, keyed by model, device and dtype) whatever number of voices or calls use
it; the app calls :meth:`LocalVoice.load` in a worker to show progress while it loads.

``model`` is a folder (``save_pretrained`` layout), a hub id already in the local Hugging
Face cache (no download unless ``local_files_only=False``: training rooms are often
offline), or a ``.gguf`` file (transformers dequantises it; needs the ``gguf`` package).

Generation runs ``model.generate`` on a daemon thread feeding a ``TextIteratorStreamer``;
:meth:`LocalVoice.stream` yields its text as it comes. When the consumer stops iterating
(the guard withdrew the reply, the call ended) a stopping criterion sees a flag and the
thread stops at the next token, so a withdrawn reply does not keep the CPU busy.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.voices.base import VoiceError, VoiceRequest, VoiceTimeout, VoiceUnavailable
from simulator.voices.words import Problem, vt

Progress = Callable[[str], None]
"""Receives one line of load progress ("loading model …", "on cuda bfloat16", "ready in 2.1 s")."""


@dataclass(frozen=True)
class Source:
    """Where the weights are: a folder, a cached hub id, or a GGUF file inside a folder."""

    kind: str  # "folder" | "hub" | "gguf"
    name: str  # what from_pretrained gets: the folder, or the hub id
    gguf_file: str | None = None

    def describe(self, lang: str) -> str:
        shown = str(Path(self.name) / self.gguf_file) if self.gguf_file else self.name
        return vt(f"local.kind_{self.kind}", lang, model=shown)


@dataclass(frozen=True)
class Loaded:
    """A model and its tokenizer, ready on ``device``."""

    model: Any
    tokenizer: Any
    device: str
    dtype: str
    seconds: float
    lock: threading.Lock  # one generation at a time on this model


_CACHE: dict[tuple[str, str, str], Loaded] = {}
_CACHE_LOCK = threading.Lock()


def find_source(model: str | None, *, config_path: str | None = None) -> Source | Problem:
    """Where ``model`` points, or the :class:`Problem` that stops it (checked without torch)."""
    if not model or not str(model).strip():
        return Problem("local.no_model", {"config": config_path or "config.toml"})
    raw = str(model).strip()
    path = Path(raw).expanduser()
    if raw.lower().endswith(".gguf"):
        if not path.is_file():
            return Problem("local.gguf_not_found", {"path": str(path)})
        return Source("gguf", str(path.parent), path.name)
    if path.is_dir():
        if not (path / "config.json").is_file() and not any(path.glob("*.gguf")):
            return Problem("local.not_model", {"path": str(path)})
        return Source("folder", str(path))
    if _looks_like_hub_id(raw) and not (path.parent != Path(".") and path.parent.is_dir()):
        return Source("hub", raw)  # "models/qwen" with a models/ folder here is a path, not an id
    return Problem("local.not_found", {"path": str(path)})


def _looks_like_hub_id(raw: str) -> bool:
    """``org/name`` (or a bare ``name``): no path separators beyond one slash, no ``~`` or dots first."""
    if raw.startswith(("/", ".", "~", "\\")) or "\\" in raw or raw.count("/") > 1:
        return False
    return all(part and all(c.isalnum() or c in "-_." for c in part) for part in raw.split("/"))


def hub_problem(source: Source, local_files_only: bool, config_path: str | None) -> Problem | None:
    """A hub id that is not in the local cache, when downloading is off (checked without torch)."""
    if source.kind != "hub" or not local_files_only:
        return None
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # transformers brings it; missing_packages() says what to install
        return None
    if isinstance(try_to_load_from_cache(source.name, "config.json"), str):
        return None
    return Problem("local.not_cached", {"model": source.name, "config": config_path or "config.toml"})


def missing_packages(source: Source | None = None) -> Problem | None:
    """Why torch/transformers (or gguf) cannot be used here, without importing them."""
    from importlib.util import find_spec

    if find_spec("torch") is None:
        return Problem("local.no_torch")
    if find_spec("transformers") is None:
        return Problem("local.no_transformers")
    if source is not None and source.kind == "gguf" and (find_spec("gguf") is None or find_spec("accelerate") is None):
        return Problem("local.no_gguf")  # transformers dequantises GGUF with gguf and insists on accelerate
    return None


def pick_device(device: str = "auto", dtype: str = "auto") -> tuple[str, str]:
    """``auto`` → CUDA with bfloat16 (float16 on older GPUs) when there is one, else CPU float32."""
    import torch

    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise VoiceUnavailable(str(Problem("local.no_cuda", {"device": device})))
    if dtype == "auto":
        if device.startswith("cuda"):
            dtype = "bfloat16" if torch.cuda.is_bf16_supported() else "float16"
        else:
            dtype = "float32"
    from simulator.voices.config import DTYPES

    if dtype not in DTYPES:
        raise VoiceUnavailable(str(Problem("local.bad_dtype", {"dtype": dtype, "choices": ", ".join(DTYPES[1:])})))
    return device, dtype


def load_model(source: Source, device: str, dtype: str, *, local_files_only: bool = True,
               progress: Progress | None = None, lang: str = "en") -> Loaded:
    """The model and tokenizer for ``source`` on ``device``: from the cache, or loaded now (once)."""
    key = (f"{source.name}::{source.gguf_file or ''}", device, dtype)
    say = progress or (lambda _line: None)
    with _CACHE_LOCK:  # two workers asking at once load it once; the second waits and shares it
        if key in _CACHE:
            return _CACHE[key]
        say(vt("local.loading", lang, model=source.describe(lang)))
        started = time.perf_counter()
        try:
            import torch
            import transformers
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as exc:  # a broken install (missing dependency of transformers)
            raise VoiceUnavailable(str(Problem("local.load_failed", {"model": source.name, "error": exc}))) from exc
        transformers.utils.logging.disable_progress_bar()  # tqdm on stderr would tear the TUI
        transformers.utils.logging.set_verbosity_error()
        options: dict[str, Any] = {"local_files_only": local_files_only}
        if source.gguf_file:
            options["gguf_file"] = source.gguf_file
            os.environ.setdefault("TQDM_DISABLE", "1")  # its GGUF reader has its own tqdm bar on stderr
        try:
            tokenizer = AutoTokenizer.from_pretrained(source.name, **options)
            model = AutoModelForCausalLM.from_pretrained(source.name, dtype=getattr(torch, dtype), **options)
            model.to(device)
            model.eval()
        except Exception as exc:  # OSError (not found/cached), ValueError (bad files), CUDA OOM, ...
            raise VoiceUnavailable(str(_load_problem(source, exc, local_files_only))) from exc
        say(vt("local.placed", lang, device=device, dtype=dtype))
        loaded = Loaded(model, tokenizer, device, dtype, time.perf_counter() - started, threading.Lock())
        _CACHE[key] = loaded
        say(vt("local.ready", lang, seconds=loaded.seconds))
        return loaded


def _load_problem(source: Source, exc: Exception, local_files_only: bool) -> Problem:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if source.kind == "hub" and local_files_only and isinstance(exc, OSError):
        from simulator.voices.config import config_path

        return Problem("local.not_cached", {"model": source.name, "config": str(config_path())})
    return Problem("local.load_failed", {"model": source.name, "error": text[:300]})


class LocalVoice:
    """A transformers chat model on this machine; see the module docstring."""

    name = "local"

    def __init__(self, model: str | None = None, device: str = "auto", dtype: str = "auto",
                 max_new_tokens: int = 80, temperature: float = 0.8, first_token_timeout: float = 20.0,
                 token_timeout: float = 10.0, local_files_only: bool = True, config_path: str | None = None) -> None:
        self.model, self.device, self.dtype = model, device, dtype
        self.max_new_tokens, self.temperature = max_new_tokens, temperature
        self.first_token_timeout, self.token_timeout = first_token_timeout, token_timeout
        self.local_files_only, self.config_path = local_files_only, config_path
        self.last_new_tokens = 0  # tokens generated for the last reply (tests, the benchmark)
        self._loaded: Loaded | None = None
        self._failure: VoiceUnavailable | None = None  # a failed load is not retried every turn

    def problem(self) -> Problem | None:
        """Why this voice cannot speak, checked without importing torch (``debtsim voices``)."""
        source = find_source(self.model, config_path=self.config_path)
        if isinstance(source, Problem):
            return source
        return missing_packages(source) or hub_problem(source, self.local_files_only, self.config_path)

    def describe(self, lang: str) -> str:
        source = find_source(self.model, config_path=self.config_path)
        return source.render(lang) if isinstance(source, Problem) else source.describe(lang)

    def load(self, progress: Progress | None = None, lang: str = "en") -> Loaded:
        """Load (or reuse) the model; raises :class:`VoiceUnavailable` with the reason."""
        if self._loaded is not None:
            return self._loaded
        if self._failure is not None:
            raise self._failure
        try:
            problem = self.problem()
            if problem is not None:
                raise VoiceUnavailable(str(problem))
            source = find_source(self.model, config_path=self.config_path)
            assert isinstance(source, Source)
            device, dtype = pick_device(self.device, self.dtype)
            self._loaded = load_model(source, device, dtype, local_files_only=self.local_files_only,
                                      progress=progress, lang=lang)
        except VoiceUnavailable as exc:
            self._failure = exc
            raise
        return self._loaded

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        """The debtor's line for ``request``, as the model writes it."""
        from simulator.voices.prompt import build_messages

        loaded = self.load()
        yield from self.generate(loaded, build_messages(request))

    def generate(self, loaded: Loaded, messages: list[dict[str, str]]) -> Iterator[str]:
        """Stream the reply to chat ``messages``; stops the model when the consumer stops."""
        from transformers import StoppingCriteriaList, TextIteratorStreamer

        tokenizer = loaded.tokenizer
        if not getattr(tokenizer, "chat_template", None):
            raise VoiceUnavailable(str(Problem("local.no_chat_template", {"model": self.model})))
        inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                               return_dict=True).to(loaded.device)
        prompt_tokens = int(inputs["input_ids"].shape[-1])
        stop = threading.Event()
        streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
        counter = _stopper(stop, prompt_tokens)
        options: dict[str, Any] = {
            **inputs, "streamer": streamer, "max_new_tokens": self.max_new_tokens,
            "stopping_criteria": StoppingCriteriaList([counter]),
            "pad_token_id": tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id,
        }
        if self.temperature > 0:
            options.update(do_sample=True, temperature=self.temperature)
        else:
            options.update(do_sample=False)
        failed: list[BaseException] = []

        def run() -> None:
            import torch

            try:
                with loaded.lock, torch.inference_mode():
                    loaded.model.generate(**options)
            except BaseException as exc:  # reported to the consumer, never lost on the thread
                failed.append(exc)
                streamer.end()

        thread = threading.Thread(target=run, name="debtsim-local-voice", daemon=True)
        thread.start()
        try:
            yield from self._read(streamer, failed)
            thread.join(timeout=2.0)  # the end was streamed: generate() is returning; let it finish
        finally:
            stop.set()  # the consumer stopped (or timed out): the model stops at the next token
            self.last_new_tokens = counter.new_tokens

    def _read(self, streamer: Any, failed: list[BaseException]) -> Iterator[str]:
        """The streamer's text, skipping empty pieces; a late first (or next) token is a timeout."""
        deadline = time.monotonic() + self.first_token_timeout
        first = True
        while True:
            wait = deadline - time.monotonic() if first else self.token_timeout
            try:
                chunk = streamer.text_queue.get(timeout=max(wait, 0.001))
            except queue.Empty:
                key, seconds = ("local.first_token", self.first_token_timeout) if first else \
                    ("local.next_token", self.token_timeout)
                raise VoiceTimeout(str(Problem(key, {"seconds": seconds}))) from None
            if chunk is streamer.stop_signal:
                break
            if chunk:
                first = False
                yield chunk
        if failed:
            error = failed[0]
            raise VoiceError(str(Problem("local.generate_failed", {"error": f"{type(error).__name__}: {error}"})))


def _stopper(stop: threading.Event, prompt_tokens: int) -> Any:
    """A StoppingCriteria that ends generation once ``stop`` is set, counting the new tokens."""
    import torch
    from transformers import StoppingCriteria

    class Stopper(StoppingCriteria):
        def __init__(self) -> None:
            self.new_tokens = 0

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            self.new_tokens = int(input_ids.shape[-1]) - prompt_tokens
            return torch.full((input_ids.shape[0],), stop.is_set(), dtype=torch.bool, device=input_ids.device)

    return Stopper()


def clear_cache() -> None:
    """Forget loaded models (tests; a trainer switching models in a long-running app)."""
    with _CACHE_LOCK:
        _CACHE.clear()
