"""Same-length text normalisation for Chinese, so one lexicon reads every way the words arrive.

Traditional characters (Taiwan and Hong Kong agents, 請問/帳單/繳款) are mapped one for one to
simplified ones, and a few speech-recognition slips that real exports carry (鱼期 for 逾期, 花被 for
花呗) to the word meant. Each replacement keeps the length, so every span found in the normalised
text points at the same characters of what was said, and quotes stay the speaker's own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# ASR homophone slips seen in exported collection calls: (heard, meant), equal lengths.
_SLIPS = (
    ("鱼期", "逾期"), ("余期", "逾期"), ("预期天", "逾期天"), ("和同", "合同"), ("花被", "花呗"), ("花贝", "花呗"),
    ("借被", "借呗"), ("知付宝", "支付宝"), ("支付保", "支付宝"), ("征心", "征信"), ("争信", "征信"), ("白跳", "白条"),
    ("罚西", "罚息"), ("违越金", "违约金"), ("入帐", "入账"), ("转帐", "转账"),
    ("已经预期", "已经逾期"), ("预期了", "逾期了"), ("已预期", "已逾期"), ("预期期间", "逾期期间"), ("预期记录", "逾期记录"),
    ("预期立戏", "逾期利息"), ("立戏", "利息"), ("正信系统", "征信系统"), ("换款", "还款"), ("人行正信", "人行征信"), ("上正信", "上征信"), ("报正信", "报征信"), ("正信上", "征信上"),
)
_SLIP_RE = re.compile("|".join(re.escape(a) for a, _ in _SLIPS))
_SLIP_MAP = dict(_SLIPS)


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    text = resources.files("scoring").joinpath("data/zh_hant.txt").read_text(encoding="utf-8")
    table: dict[int, int] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for pair in line.split():
            if len(pair) == 2:
                table[ord(pair[0])] = ord(pair[1])
    return table


def normalise_zh(text: str) -> str:
    """``text`` in simplified characters with known ASR slips mended; always the same length."""
    out = text.translate(_table())
    if _SLIP_RE.search(out):
        out = _SLIP_RE.sub(lambda m: _SLIP_MAP[m.group()], out)
    if "预期" in out:
        out = _OVERDUE_DAYS.sub("逾期", out)  # "预期66天了": days overdue, not an expectation
    return out


_OVERDUE_DAYS = re.compile(r"预期(?=\s*(\d+|[一二三四五六七八九十两几百]+)\s*天)")
