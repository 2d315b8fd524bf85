"""The tiny model, built once per test run (about a second), and a clean voice config."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch", reason="the local voice needs torch (pip install torch)")
    pytest.importorskip("transformers", reason="the local voice needs transformers (pip install 'debtsim[llm]')")
    from .tiny_model import build

    return build(tmp_path_factory.mktemp("tiny-qwen2"))


@pytest.fixture(scope="session")
def tiny_model_no_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("torch", reason="the local voice needs torch (pip install torch)")
    pytest.importorskip("transformers", reason="the local voice needs transformers (pip install 'debtsim[llm]')")
    from .tiny_model import build

    return build(tmp_path_factory.mktemp("tiny-no-template"), chat_template=None)


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No developer's config file or DEBTSIM_* voice variables leak into a test."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("DEBTSIM_CONFIG", str(path))
    for name in ("DEBTSIM_VOICE", "DEBTSIM_MODEL", "DEBTSIM_BASE_URL", "DEBTSIM_DEVICE", "DEBTSIM_DTYPE"):
        monkeypatch.delenv(name, raising=False)
    return path
