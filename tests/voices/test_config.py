"""Voice settings: flags > environment > config.toml > defaults, and clear errors for a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.voices import config
from simulator.voices.config import ConfigError, load_config, voice_name, voice_options

GOOD = """\
[voice]
default = "local"

[local]
model = "/models/qwen-file"
device = "cpu"
max_new_tokens = 64
temperature = 1   # an integer is a fine number

[remote]
base_url = "http://gpu-box:8000/v1"
model = "Qwen/Qwen2.5-7B-Instruct"
retries = 1
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_defaults_without_a_file(no_user_config: Path) -> None:
    loaded = load_config()
    assert (loaded.path, loaded.found, loaded.default_voice) == (no_user_config, False, "template")
    assert voice_name(None) == "template"
    assert voice_options("template") == {}
    local = voice_options("local")
    assert (local["model"], local["device"], local["dtype"], local["max_new_tokens"]) == (None, "auto", "auto", 80)
    assert local["local_files_only"] is True and local["config_path"] == str(no_user_config)
    remote = voice_options("remote")
    assert remote["api_key_env"] == "DEBTSIM_API_KEY" and remote["connect_timeout"] == 3.0 and remote["retries"] == 2


def test_flags_beat_environment_beat_file_beat_defaults(no_user_config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(no_user_config, GOOD)
    assert voice_name(None) == "local"
    assert voice_options("local")["model"] == "/models/qwen-file"
    assert voice_options("local")["temperature"] == 1.0 and voice_options("local")["dtype"] == "auto"
    monkeypatch.setenv("DEBTSIM_VOICE", "remote")
    monkeypatch.setenv("DEBTSIM_MODEL", "/models/from-env")
    monkeypatch.setenv("DEBTSIM_DEVICE", "cuda:1")
    monkeypatch.setenv("DEBTSIM_BASE_URL", "http://env:8000/v1")
    assert voice_name(None) == "remote" and voice_name("template") == "template"
    assert voice_options("local")["model"] == "/models/from-env"
    assert voice_options("local")["device"] == "cuda:1"
    assert voice_options("remote")["base_url"] == "http://env:8000/v1"
    flags = {"model": "/models/flag", "device": "cpu", "base_url": None, "dtype": None}
    local = voice_options("local", flags)
    assert (local["model"], local["device"], local["max_new_tokens"]) == ("/models/flag", "cpu", 64)
    remote = voice_options("remote", {"base_url": "http://flag/v1", "device": "cpu"})  # --device: not remote's
    assert remote["base_url"] == "http://flag/v1" and "device" not in remote and remote["retries"] == 1


def test_the_config_file_moves_with_debtsim_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = write(tmp_path / "team.toml", '[voice]\ndefault = "remote"\n')
    monkeypatch.setenv("DEBTSIM_CONFIG", str(other))
    assert load_config().path == other and voice_name(None) == "remote"


def test_default_location_is_the_user_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("DEBTSIM_CONFIG")
    assert config.config_path() == Path(platformdirs.user_config_dir("debtsim", appauthor=False)) / "config.toml"


def test_bad_toml_names_the_file_and_line(no_user_config: Path) -> None:
    write(no_user_config, '[local]\nmodel = "/m"\ndevice = cpu\n')
    with pytest.raises(ConfigError) as raised:
        load_config()
    assert raised.value.message("en").startswith(f"{no_user_config}, line 3: bad TOML: ")
    assert raised.value.message("zh").startswith(f"{no_user_config} 第 3 行：TOML 格式错误")


def test_an_unknown_key_says_did_you_mean(no_user_config: Path) -> None:
    write(no_user_config, '[voice]\ndefault = "local"\n\n[local]\nmodel = "/m"\nmax_new_token = 50\n')
    with pytest.raises(ConfigError) as raised:
        load_config()
    assert raised.value.message("en") == (
        f"{no_user_config}, line 6: unknown key max_new_token in [local] (did you mean max_new_tokens?)")
    assert "是不是 max_new_tokens" in raised.value.message("zh")


def test_an_unknown_section_and_a_bad_value_are_refused(no_user_config: Path) -> None:
    write(no_user_config, '[remotes]\nbase_url = "http://x"\n')
    with pytest.raises(ConfigError, match=r"line 1: unknown section \[remotes\] \(did you mean remote\?\)"):
        load_config()
    write(no_user_config, '[local]\nmodel = "/m"\ndtype = "fp8"\n')
    with pytest.raises(ConfigError, match=r"line 3: \[local\] dtype must be one of: auto, float32, bfloat16, float16"):
        load_config()
    write(no_user_config, '[remote]\nretries = "two"\n')
    with pytest.raises(ConfigError) as raised:
        load_config()
    assert raised.value.message("zh").endswith("[remote] retries 应为正整数，现为 'two'")


def test_a_bad_environment_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBTSIM_DTYPE", "fp4")
    with pytest.raises(ConfigError, match="environment variable DEBTSIM_DTYPE=fp4: must be one of"):
        load_config()


def test_the_cli_refuses_a_bad_config_in_one_line(no_user_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.cli import main

    write(no_user_config, "[local]\nmodle = '/m'\n")
    code = main(["--lang", "en", "call", "--persona", "cooperative", "--case", "cn-card-wanglei", "--json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (f"debtsim: voice configuration error: {no_user_config}, line 2: unknown key modle in "
                           "[local] (did you mean model?)")
