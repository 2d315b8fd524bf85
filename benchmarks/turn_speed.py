"""One agent turn through analyser + debtor state + policy + template voice: p50 / p99.

    python benchmarks/turn_speed.py [--turns 10000]

Turns come from a pool of varied agent lines (zh and en: openings, identity checks,
amounts, plans with dates, empathy, threats, jargon, goodbyes) played against every
persona on a matching case; a debtor that hangs up is replaced by a fresh one. Each turn
is timed from the agent's text to the debtor's full reply text, on one core.

Two figures, as for the scorer: **cold** empties the analyser's per-text cache before
every turn (every line new, as when a trainee types), **warm** keeps it (scripted calls).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from scoring.analysis.lexicon import builtin_lexicons
from simulator.catalog.search import load_catalog
from simulator.session import CallSession

LINES = {
    "zh": [
        "您好，我是云港银行信用卡中心的小李，工号1234，请问是王磊先生吗？",
        "为了保护您的信息安全，麻烦报一下身份证后四位。",
        "您的信用卡目前欠款12350元，已经逾期47天了。",
        "我理解您的难处，方便说说是什么原因吗？",
        "逾期会产生违约金并报送征信，长期不处理银行可能依法起诉。",
        "您看3月12号先还2000元，剩下的每月1500元，可以吗？",
        "那您最多能先还多少？",
        "好的，那就按您说的来。",
        "您可以通过云港银行App或官方客服热线还款。",
        "今天必须全额还清，不然后果自负！",
        "你再不还我们就去你单位找你。",
        "您这个账单已经进入M2阶段了，要走委外。",
        "总结一下：3月12号前还2000元，之后每月1500元。感谢配合，再见。",
    ],
    "en": [
        "Hi, this is Sam from Harbor Bank's collections team. Am I speaking with Mark Turner?",
        "Could you confirm your date of birth for me?",
        "Your credit card balance of $4,200 is 63 days past due.",
        "I'm sorry to hear that. Can you tell me what happened?",
        "If it stays unpaid, late fees add up and it can be reported to the credit bureaus.",
        "Could you manage $500 by March 20 and then $200 a month?",
        "What could you afford right now?",
        "Okay, that works.",
        "You can pay through the Harbor Bank app or our official phone line.",
        "You need to pay the full amount today or else.",
        "We know where you work, and your boss will hear about this.",
        "Your account has been charged off and placed with a DCA.",
        "So to recap: $500 by March 20, then $200 a month. Thanks, goodbye.",
    ],
}


def _sessions(lang: str):
    catalog = load_catalog()
    cases = [c for c in catalog.cases.values() if (c.model.jurisdiction.value == "CN") == (lang == "zh")]
    for seed in itertools.count():
        for persona in catalog.personas.values():
            case = cases[seed % len(cases)].model
            yield CallSession(persona.model, case, lang, seed=seed)


def run(turns: int, cold: bool) -> list[float]:
    caches = [lexicon.cache for lexicon in builtin_lexicons().values()]
    timings: list[float] = []
    per_lang = turns // 2
    for lang in ("zh", "en"):
        sessions = _sessions(lang)
        session = next(sessions)
        lines = itertools.cycle(LINES[lang])
        for _ in range(per_lang):
            if session.over or len(session.turns) > 40:
                session = next(sessions)
            text = next(lines)
            if cold:
                for cache in caches:
                    cache.clear()
            start = time.perf_counter()
            _ = session.say(text).text
            timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=10_000)
    args = parser.parse_args()
    run(200, cold=False)  # load the catalog, compile patterns
    print(f"{args.turns} agent turns, zh and en, every persona, one core")
    for mode in ("cold", "warm"):
        ms = sorted(t * 1000 for t in run(args.turns, cold=mode == "cold"))
        p50 = statistics.median(ms)
        p99 = ms[int(len(ms) * 0.99) - 1]
        print(f"{mode}: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms")


if __name__ == "__main__":
    main()
