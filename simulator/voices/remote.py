"""The ``remote`` voice: any OpenAI-compatible ``/chat/completions`` server, streamed (SSE).

vLLM, Ollama, llama.cpp's server or a hosted API: one shared server can voice a whole
training room. The request is ``POST {base_url}/chat/completions`` with ``stream: true``;
the reply is server-sent events (``data: {...}`` lines, ``data: [DONE]``) whose
``choices[0].delta.content`` pieces are yielded as they come.

Reads happen on a small thread feeding a queue, so the voice keeps its own clocks: no
first token within ``first_token_timeout`` (from the request) or no next piece within
``read_timeout`` raises :class:`VoiceTimeout` even when a server trickles keep-alives.
Failures before the first token (connection refused or reset, 429, 5xx) are retried
``retries`` times; after it, never (the words are already on screen). httpx is imported
here only, when this voice speaks, so ``debtsim --help`` and the app's start stay fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

from simulator.voices.base import VoiceError, VoiceRequest, VoiceTimeout, VoiceUnavailable

_DONE = object()  # the server said [DONE] (or finished the choice)


class _Retry(VoiceError):
    """A failure before the first token that another attempt may not meet."""


class RemoteVoice:
    """Words from a chat model behind an OpenAI-compatible HTTP server."""

    name = "remote"

    def __init__(self, base_url: str | None = None, model: str | None = None, *,
                 api_key_env: str = "DEBTSIM_API_KEY", connect_timeout: float = 3.0,
                 first_token_timeout: float = 10.0, read_timeout: float = 10.0, retries: int = 2,
                 max_tokens: int = 120, temperature: float = 0.8, **_ignored: Any) -> None:
        self.base_url = (base_url or "").rstrip("/")
        self.model = model or None
        self.api_key_env = api_key_env
        self.connect_timeout, self.first_token_timeout, self.read_timeout = connect_timeout, first_token_timeout, \
            read_timeout
        self.retries = max(0, int(retries))
        self.max_tokens, self.temperature = max_tokens, temperature
        self._client: Any = None
        self._lock = threading.Lock()

    # --- the request -----------------------------------------------------------------------

    def payload(self, request: VoiceRequest) -> dict[str, Any]:
        """The JSON body: the prompt's messages, streaming on; ``model`` only when named
        (llama.cpp's server answers with whatever it loaded)."""
        from simulator.voices.prompt import build_messages

        body: dict[str, Any] = {"messages": build_messages(request), "stream": True,
                                "max_tokens": self.max_tokens, "temperature": self.temperature}
        if self.model:
            body["model"] = self.model
        return body

    def headers(self) -> dict[str, str]:
        """``Authorization`` only when the key's variable is set: local servers need none."""
        key = os.environ.get(self.api_key_env or "", "").strip()
        return {"Authorization": f"Bearer {key}"} if key else {}

    def _http(self) -> Any:
        with self._lock:
            if self._client is None:
                import httpx

                wait = max(self.first_token_timeout, self.read_timeout) + 1.0  # our own clocks run first
                self._client = httpx.Client(timeout=httpx.Timeout(wait, connect=self.connect_timeout))
            return self._client

    def close(self) -> None:
        """Let go of the pooled connections."""
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    # --- streaming -------------------------------------------------------------------------

    def stream(self, request: VoiceRequest) -> Iterator[str]:
        if not self.base_url:
            raise VoiceUnavailable("no base URL (--base-url, DEBTSIM_BASE_URL or [remote] base_url)")
        body, headers = self.payload(request), self.headers()
        attempt = 0
        while True:
            reading = _Reading(self, body, headers)
            try:
                first = reading.next(self.first_token_timeout, first=True)
                break
            except _Retry as exc:
                reading.stop()
                attempt += 1
                if attempt > self.retries:
                    raise VoiceError(f"{exc.detail} (after {attempt} tries)") from None
            except BaseException:
                reading.stop()
                raise
        return self._rest(reading, first)

    def _rest(self, reading: _Reading, first: Any) -> Iterator[str]:
        try:
            piece = first
            while piece is not _DONE:
                yield piece
                piece = reading.next(self.read_timeout, first=False)
        finally:
            reading.stop()


class _Reading:
    """One HTTP request read on a daemon thread; ``next`` waits for its pieces with a clock."""

    def __init__(self, voice: RemoteVoice, body: dict[str, Any], headers: dict[str, str]) -> None:
        self._voice = voice
        self._queue: queue.Queue[Any] = queue.Queue()
        self._stopped = threading.Event()
        self._response: Any = None
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, args=(body, headers), daemon=True,
                                        name="debtsim-remote-voice")
        self._thread.start()

    def next(self, timeout: float, first: bool) -> Any:
        """The next piece of text, or ``_DONE``; raises the reader's error or a timeout."""
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            what = "no first token" if first else "no next token"
            raise VoiceTimeout(f"{what} after {timeout:g} s") from None
        if isinstance(item, _Retry) and not first:  # after the first token nothing is retried
            raise VoiceError(item.detail)
        if isinstance(item, BaseException):
            raise item
        return item

    def stop(self) -> None:
        self._stopped.set()
        response = self._response
        if response is not None:
            with contextlib.suppress(Exception):  # closing a broken response may itself fail
                response.close()  # unblocks a read in progress on the reader thread

    # --- the reader thread ---------------------------------------------------------------

    def _run(self, body: dict[str, Any], headers: dict[str, str]) -> None:
        import httpx

        url = f"{self._voice.base_url}/chat/completions"
        try:
            with self._voice._http().stream("POST", url, json=body, headers=headers) as response:
                self._response = response
                if response.status_code >= 400:
                    detail = f"HTTP {response.status_code}: {_short(response.read().decode('utf-8', 'replace'))}"
                    retry = response.status_code >= 500 or response.status_code == 429
                    self._queue.put(_Retry(detail) if retry else VoiceError(detail))
                    return
                if "text/event-stream" not in response.headers.get("content-type", "text/event-stream"):
                    self._whole(response.read())
                    return
                self._events(response.iter_lines())
        except httpx.ConnectTimeout:
            self._put(VoiceTimeout(f"could not connect to {url} within {self._voice.connect_timeout:g} s"))
        except httpx.ConnectError as exc:
            self._put(_Retry(f"cannot connect to {url}: {_short(str(exc))}"))
        except httpx.TimeoutException:
            self._put(VoiceTimeout("the server stopped answering"))
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            self._put(_Retry(f"connection dropped mid-reply: {_short(str(exc))}"))
        except httpx.HTTPError as exc:
            self._put(VoiceError(f"{type(exc).__name__}: {_short(str(exc))}"))
        except Exception as exc:  # a reader thread must always report, or the call waits for its clock
            self._put(VoiceError(f"{type(exc).__name__}: {_short(str(exc))}"))

    def _put(self, item: Any) -> None:
        if not self._stopped.is_set():
            self._queue.put(item)

    def _events(self, lines: Iterator[str]) -> None:
        finished = False
        for line in lines:
            if self._stopped.is_set():
                return
            if not line or line.startswith(":") or line.startswith(("event:", "id:", "retry:")):
                continue  # blank separators, comments and other SSE fields
            if not line.startswith("data:"):
                self._put(VoiceError(f"malformed SSE line: {_short(line)!r}"))
                return
            data = line[5:].strip()
            if data == "[DONE]":
                self._put(_DONE)
                return
            try:
                event = json.loads(data)
                if "error" in event:
                    raise _ServerSaid(str(event["error"]))
                choice = (event.get("choices") or [{}])[0]
                text = (choice.get("delta") or {}).get("content")
                finished = finished or bool(choice.get("finish_reason"))
            except _ServerSaid as exc:
                self._put(VoiceError(f"the server said: {_short(str(exc))}"))
                return
            except (ValueError, AttributeError, TypeError, IndexError):
                self._put(VoiceError(f"malformed SSE data: {_short(data)!r}"))
                return
            if text:
                self._put(text)
        # The body ended without [DONE]: fine after a finish_reason, a dropped reply otherwise.
        self._put(_DONE if finished else _Retry("connection closed mid-reply"))

    def _whole(self, raw: bytes) -> None:
        """A server that ignored ``stream: true`` and sent one JSON answer."""
        try:
            text = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            self._put(VoiceError(f"unexpected response: {_short(raw.decode('utf-8', 'replace'))!r}"))
            return
        if text:
            self._put(str(text))
        self._put(_DONE)


class _ServerSaid(Exception):
    pass


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
