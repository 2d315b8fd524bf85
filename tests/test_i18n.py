"""Every user-facing string exists in Chinese and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from simulator.app.words import APP_MESSAGES
from simulator.debtor.reasons import REASONS
from simulator.i18n import MESSAGES, resolve_lang, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_with_the_same_slots(key: str) -> None:
    zh, en = MESSAGES[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en), key


@pytest.mark.parametrize("key", sorted(APP_MESSAGES))
def test_app_words_in_both_languages_with_the_same_slots(key: str) -> None:
    zh, en = APP_MESSAGES[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en), key


@pytest.mark.parametrize("key", sorted(REASONS))
def test_debtor_reasons_in_both_languages_with_the_same_slots(key: str) -> None:
    """The policy's reasons (``simulator/debtor/reasons.py``), shown in a trainer's test call."""
    zh, en = REASONS[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en), key


def test_app_words_do_not_shadow_the_shared_table() -> None:
    assert set(APP_MESSAGES) & set(MESSAGES) == set()


def test_chinese_is_the_default_language() -> None:
    assert t("call.agent", "zh") == "坐席"
    assert t("call.agent", "en") == "Agent"
    assert resolve_lang("fr") == resolve_lang(None) == "zh"
