"""Which voices can speak here, and why not: for ``debtsim voices`` and the app's voice picker.

Offline and instant by default: it looks at the config, the model path and the installed
packages (``find_spec``, no torch import). Only ``probe=True`` (``debtsim voices --check``)
touches the network: one ``GET {base_url}/models`` with a 2 s timeout, through the standard
library so the check works whatever HTTP client the remote voice uses.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from simulator.voices.config import VoiceConfig, voice_options
from simulator.voices.words import Problem

PROBE_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Status:
    """One voice: can it speak, and the line that says what it is or why not."""

    name: str
    ok: bool
    reason: Problem
    details: dict[str, Any]

    def as_json(self, lang: str) -> dict[str, Any]:
        return {"voice": self.name, "available": self.ok, "reason": self.reason.render(lang), **self.details}


def check(name: str, config: VoiceConfig, overrides: dict[str, Any] | None = None, *, probe: bool = False) -> Status:
    """The status of voice ``name`` with the config and the flags in ``overrides``."""
    options = voice_options(name, overrides, config=config)
    if name == "template":
        return Status(name, True, Problem("template.about"), {})
    if name == "local":
        return _local(options)
    if name == "remote":
        return _remote(options, config, probe)
    return Status(name, True, Problem("voices.unknown", {"name": name}), {})


def _local(options: dict[str, Any]) -> Status:
    from simulator.voices.local import Source, find_source, hub_problem, missing_packages

    source = find_source(options.get("model"), config_path=options.get("config_path"))
    details = {"model": options.get("model"), "device": options.get("device"), "dtype": options.get("dtype")}
    if isinstance(source, Problem):
        return Status("local", False, source, details)
    assert isinstance(source, Source)
    problem = missing_packages(source) or hub_problem(source, options.get("local_files_only", True),
                                                      options.get("config_path"))
    if problem is not None:
        return Status("local", False, problem, details)
    return Status("local", True, Problem(f"local.kind_{source.kind}", {"model": options["model"]}), details)


def _remote(options: dict[str, Any], config: VoiceConfig, probe: bool) -> Status:
    base_url = (options.get("base_url") or "").rstrip("/")
    model = options.get("model")
    key_env = options.get("api_key_env") or "DEBTSIM_API_KEY"
    details = {"base_url": base_url or None, "model": model, "api_key_env": key_env,
               "api_key_set": bool(os.environ.get(key_env))}
    if not base_url:
        return Status("remote", False, Problem("remote.no_base_url", {"config": str(config.path)}), details)
    if not probe:
        shown = model or Problem("remote.any_model")
        return Status("remote", True, Problem("remote.configured", {"base_url": base_url, "model": shown}), details)
    status, models, error = probe_models(base_url, os.environ.get(key_env))
    if error is not None:
        return Status("remote", False, Problem("remote.unreachable", {"base_url": base_url, "error": error}),
                      details)
    details = {**details, "status": status, "models": models}
    listed = ", ".join(models) if models else Problem("remote.no_models")
    ok = status is not None and 200 <= status < 300
    return Status("remote", ok, Problem("remote.answered", {"base_url": base_url, "status": status, "models": listed}),
                  details)


def probe_models(base_url: str, api_key: str | None = None,
                 timeout: float = PROBE_TIMEOUT_S) -> tuple[int | None, list[str], str | None]:
    """``GET {base_url}/models``: (HTTP status, model ids, None) or (None, [], why it failed)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(base_url.rstrip("/") + "/models", headers={"Accept": "application/json"})
    if api_key:
        request.add_header("Authorization", f"Bearer {api_key}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, response.read(1_000_000)
    except urllib.error.HTTPError as exc:
        return exc.code, [], None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return None, [], str(reason)
    try:
        data = json.loads(body)
        models = [str(m.get("id")) for m in data.get("data", []) if isinstance(m, dict) and m.get("id")]
    except (ValueError, AttributeError):
        models = []
    return status, models, None
