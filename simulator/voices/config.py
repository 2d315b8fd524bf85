"""Voice settings: flags > environment > the user's ``config.toml`` > defaults.

A team sets its model once in the config file (``debtsim voices`` prints where it is); a
trainee or a script overrides one value with a flag or a ``DEBTSIM_*`` variable. The file
is read only when a model voice is asked for (or to learn the default voice), never on
``debtsim --help`` or the app's first paint. ``tomllib`` is in the standard library.

    [voice]
    default = "local"            # template | local | remote

    [local]
    model = "~/models/Qwen2.5-1.5B-Instruct"   # a folder, a cached hub id, or a .gguf file
    device = "auto"              # auto | cpu | cuda | cuda:1 | mps
    dtype = "auto"               # auto | float32 | bfloat16 | float16

    [remote]
    base_url = "http://gpu-box:8000/v1"
    model = "Qwen/Qwen2.5-7B-Instruct"

A mistake is refused with the file, the line and the key (and a "did you mean" for a
misspelt key), so a typo never silently falls back to the template voice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.voices.words import Problem

CONFIG_ENV = "DEBTSIM_CONFIG"
DTYPES = ("auto", "float32", "bfloat16", "float16")


@dataclass(frozen=True)
class Setting:
    """One key: its type, default and (for a closed set) its choices."""

    kind: type
    default: Any
    choices: tuple[str, ...] = ()


SCHEMA: dict[str, dict[str, Setting]] = {
    "voice": {"default": Setting(str, "template")},
    "local": {
        "model": Setting(str, None),
        "device": Setting(str, "auto"),
        "dtype": Setting(str, "auto", DTYPES),
        "max_new_tokens": Setting(int, 80),
        "temperature": Setting(float, 0.8),
        "first_token_timeout": Setting(float, 20.0),
        "local_files_only": Setting(bool, True),
    },
    "remote": {
        "base_url": Setting(str, None),
        "model": Setting(str, None),
        "api_key_env": Setting(str, "DEBTSIM_API_KEY"),
        "connect_timeout": Setting(float, 3.0),
        "first_token_timeout": Setting(float, 10.0),
        "read_timeout": Setting(float, 10.0),
        "retries": Setting(int, 2),
        "max_tokens": Setting(int, 120),
        "temperature": Setting(float, 0.8),
    },
}

# (section, key) each variable sets; DEBTSIM_MODEL goes to whichever voice is chosen.
ENVIRONMENT: dict[str, tuple[str, str]] = {
    "DEBTSIM_VOICE": ("voice", "default"),
    "DEBTSIM_BASE_URL": ("remote", "base_url"),
    "DEBTSIM_DEVICE": ("local", "device"),
    "DEBTSIM_DTYPE": ("local", "dtype"),
}
MODEL_ENV = "DEBTSIM_MODEL"
MODEL_VOICES = ("local", "remote")


class ConfigError(ValueError):
    """A bad config file or variable; ``message(lang)`` names the file, line and key."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    def message(self, lang: str) -> str:
        return self.problem.render(lang)


@dataclass(frozen=True)
class VoiceConfig:
    """The settings after the file, the environment and the defaults (flags come later)."""

    path: Path
    found: bool  # False: no file there, every value is a default or from the environment
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    model_env: str | None = None  # DEBTSIM_MODEL, for whichever model voice is chosen

    @property
    def default_voice(self) -> str:
        return str(self.values["voice"]["default"])

    def section(self, name: str) -> dict[str, Any]:
        """One voice's settings, with ``DEBTSIM_MODEL`` applied to it."""
        out = dict(self.values.get(name, {}))
        if self.model_env and name in MODEL_VOICES:
            out["model"] = self.model_env
        return out


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """``DEBTSIM_CONFIG``, else ``config.toml`` in the user config folder (not created)."""
    env = os.environ if env is None else env
    override = env.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when a voice is configured: keeps `debtsim --help` light

    return Path(platformdirs.user_config_dir("debtsim", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> VoiceConfig:
    """Defaults, overlaid by the file at ``path`` (if there), then the environment."""
    env = os.environ if env is None else env
    path = path or config_path(env)
    values = {section: {key: s.default for key, s in keys.items()} for section, keys in SCHEMA.items()}
    found = path.is_file()
    if found:
        for section, keys in _read(path).items():
            values[section].update(keys)
    for name, (section, key) in ENVIRONMENT.items():
        raw = env.get(name)
        if raw:
            values[section][key] = _from_env(name, raw, SCHEMA[section][key])
    return VoiceConfig(path, found, values, env.get(MODEL_ENV) or None)


def voice_name(flag: str | None, config: VoiceConfig | None = None) -> str:
    """The voice to use: the flag, else ``DEBTSIM_VOICE``, else the file's ``[voice] default``."""
    if flag:
        return flag
    return (config or load_config()).default_voice


def voice_options(name: str, overrides: Mapping[str, Any] | None = None, *,
                  config: VoiceConfig | None = None) -> dict[str, Any]:
    """Keyword arguments for ``registry.load_voice(name, ...)``: config, then non-None ``overrides``.

    The template voice (and any voice with no section) takes none. ``overrides`` are the
    flags (``model``, ``base_url``, ``device``, ``dtype``); a flag that does not apply to
    this voice is ignored, so ``--device`` with the remote voice is harmless.
    """
    if name not in SCHEMA or name == "voice":
        return {}
    config = config or load_config()
    options = config.section(name)
    for key, value in (overrides or {}).items():
        if value is not None and key in SCHEMA[name]:
            options[key] = value
    if name == "local":
        options["config_path"] = str(config.path)
    return options


def flag_overrides(args: Any, prefix: str = "") -> dict[str, Any]:
    """The voice flags in an argparse namespace (``model``, or ``app_model`` with ``prefix="app_"``)."""
    return {key: getattr(args, prefix + key, None) for key in ("model", "base_url", "device", "dtype")}


# --- reading and checking the file ----------------------------------------------------------


def _read(path: Path) -> dict[str, dict[str, Any]]:
    import tomllib

    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Problem("config.unreadable", {"path": str(path), "error": exc})) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_of_error(str(exc))
        error = getattr(exc, "msg", None) or re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(exc))
        raise ConfigError(Problem("config.syntax", {"path": str(path), "line": line, "error": error})) from None
    lines = text.splitlines()
    out: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        where = {"path": str(path), "line": _line_of(lines, section, None), "section": section}
        if section not in SCHEMA:
            raise ConfigError(Problem("config.unknown_section", {**where, "hint": _hint(section, SCHEMA)}))
        if not isinstance(table, dict):
            raise ConfigError(Problem("config.not_table", where))
        out[section] = {}
        for key, value in table.items():
            at = {**where, "line": _line_of(lines, section, key), "key": key}
            setting = SCHEMA[section].get(key)
            if setting is None:
                raise ConfigError(Problem("config.unknown_key", {**at, "hint": _hint(key, SCHEMA[section])}))
            out[section][key] = _checked(value, setting, at)
    return out


def _checked(value: Any, setting: Setting, at: dict[str, Any]) -> Any:
    """``value`` if it fits ``setting`` (an int is a fine float); else a ConfigError at ``at``."""
    ok = _fits(value, setting)
    if ok is None:
        raise ConfigError(Problem("config.bad_value", {**at, "expected": _expected(setting), "value": repr(value)}))
    return ok


def _fits(value: Any, setting: Setting) -> Any:
    """The value as the setting's type, or None when it does not fit."""
    if setting.kind is bool:
        return value if isinstance(value, bool) else None
    if isinstance(value, bool):
        return None
    if setting.kind is int:
        return value if isinstance(value, int) and value > 0 else None
    if setting.kind is float:
        return float(value) if isinstance(value, int | float) and value >= 0 else None
    if not isinstance(value, str) or not value.strip():
        return None
    if setting.choices and value not in setting.choices:
        return None
    return value


def _from_env(name: str, raw: str, setting: Setting) -> Any:
    value: Any = raw.strip()
    if setting.kind in (int, float):
        try:
            value = setting.kind(value)
        except ValueError:
            value = None
    ok = None if value is None else _fits(value, setting)
    if ok is None:
        raise ConfigError(Problem("config.bad_env", {"name": name, "value": raw, "expected": _expected(setting)}))
    return ok


def _expected(setting: Setting) -> Problem:
    if setting.choices:
        return Problem("config.type_choice", {"choices": ", ".join(setting.choices)})
    return Problem(f"config.type_{setting.kind.__name__}")


def _hint(name: str, known: Mapping[str, Any]) -> Problem | str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return Problem("config.hint", {"hint": close[0]}) if close else ""


def _line_of(lines: list[str], section: str, key: str | None) -> int:
    """The 1-based line of ``[section]`` (or of ``key`` inside it); 1 when it cannot be found."""
    header = re.compile(r"^\s*\[\s*" + re.escape(section) + r"\s*\]")
    in_section = False
    for number, line in enumerate(lines, 1):
        if re.match(r"^\s*\[", line):
            if in_section and key is not None:
                break
            in_section = bool(header.match(line))
            if in_section and key is None:
                return number
            continue
        if in_section and key is not None and re.match(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=", line):
            return number
        if key is None and re.match(r"^\s*" + re.escape(section) + r"\s*=", line):
            return number
    return 1


def _line_of_error(message: str) -> int:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else 1
