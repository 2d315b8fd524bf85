"""Everyday replies and subtle breaches met on the sixth blind batch: the balance said bare, yeses
said three times, ID digits read one by one, recaps that say "I've written it down", veiled
threats worded as "don't make us...", fake official units, lectures and shop-chat endearments.
Every sentence here is written for this file (none is in the labelled calls), in both languages
where the idea exists in both."""

from __future__ import annotations

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse, numbers
from scoring.analysis.model import Facts
from scoring.scorecard import Scorecard
from scoring.transcript import parse_transcript


def acts(text: str, speaker: str, lang: str, facts: Facts | None = None) -> set[str]:
    return {a.name for a in analyse(text, speaker, lang, facts).acts}


def card(lang: str, turns: list[tuple[str, str]], **scenario: object) -> Scorecard:
    return score(parse_transcript(call(lang, turns, **scenario)))


def tone_kinds(c: Scorecard) -> set[str]:
    return {f.kind for f in c.tone.findings}


# --- what the debtor and the agent say -------------------------------------------------------

def test_the_cases_own_balance_said_bare_is_the_amount() -> None:
    a = analyse("您云港那张卡8640，拖到今天35天了。", "agent", "zh", Facts(amount_due=8640.0, days_overdue=35))
    assert [x.slots["amount"] for x in a.all("state_amount")] == [8640.0]


def test_a_bare_figure_that_is_not_the_balance_stays_a_number() -> None:
    a = analyse("您那张卡5120，拖了35天了。", "agent", "zh", Facts(amount_due=8640.0))
    assert not any(x.slots["matches_case"] for x in a.all("state_amount"))


@pytest.mark.parametrize("text", ["行行行，月底发了工资就还。", "好好好，就按你说的来。", "行吧，那就这样。"])
def test_yes_said_impatiently_is_still_yes(text: str) -> None:
    assert "accept_plan" in acts(text, "debtor", "zh")


@pytest.mark.parametrize("text", ["……4 4 0 9。烦不烦。", "三 三 一 七，行了吧"])
def test_id_digits_read_one_by_one_answer_the_check(text: str) -> None:
    assert "give_verification" in acts(text, "debtor", "zh")


@pytest.mark.parametrize("text", ["好，下周三还8640，我这边都给您记上了。", "本次通话内容总结如下：您下周三还款。"])
def test_writing_the_terms_down_is_a_recap(text: str) -> None:
    assert "recap" in acts(text, "agent", "zh")


@pytest.mark.parametrize(("text", "days"), [("it's been behind a couple of months now", 60),
                                            ("that's been overdue for a year and a half", 547)])
def test_vague_english_durations(text: str, days: int) -> None:
    assert [d.days for d in numbers.find_durations(text, "en")] == [days]


@pytest.mark.parametrize(("text", "expected"), [("他妈的，又是你们，有话快说！", False), ("他洗澡去了，我是他室友。", True),
                                                ("我不是上个月刚还过吗？", False)])
def test_who_is_on_the_line(text: str, expected: bool) -> None:
    assert bool(acts(text, "debtor", "zh") & {"not_debtor", "deny_identity"}) is expected


# --- rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    ("周五之前没钱，我就叫几个兄弟上你家坐坐。", "CN-THREAT"),
    ("记住了啊，别让我们外访的同事白跑一趟。", "CN-THREAT"),
    ("这事要是让你们单位领导知道了，多难看。", "CN-CONTACT-BLAST"),
    ("谁不刷朋友圈？一转发就都知道了。", "CN-CONTACT-BLAST"),
    ("我们是跟法院有对接的第三方调解机构。", "CN-IMPERSONATION"),
    ("另外需要额外缴纳上门服务费人民币300元。", "CN-EXTRA-FEE"),
    ("回头我加你微信，把收款账号发给你。", "CN-PERSONAL-ACCOUNT"),
])
def test_subtle_breaches_in_new_words_zh(text: str, rule: str) -> None:
    assert rule in {r for r, _ in rules_at(card("zh", [("agent", text)], jurisdiction="CN"))}


@pytest.mark.parametrize("text", [
    "现在骗子可多了，您千万别转钱给个人。",
    "信用卡的额度不是您自己的钱，是银行先借给您用的。",
    "我们不会联系您家人，也不会打到您单位去。",
])
def test_lawful_or_harmless_words_are_not_breaches_zh(text: str) -> None:
    assert rules_at(card("zh", [("agent", text)], jurisdiction="CN")) == []


@pytest.mark.parametrize("text", [
    "I'm a case officer with the Consumer Debt Compliance Bureau.",
    "We work alongside the state on these accounts, so treat this as official.",
])
def test_fake_official_units_are_false_affiliation(text: str) -> None:
    assert "US-FALSE-AFFILIATION" in {r for r, _ in rules_at(card("en", [("agent", text)], jurisdiction="US"))}


def test_the_diallers_scheduled_callback_excuses_a_late_call() -> None:
    turns = [("system", "[outbound | scheduled callback: consumer asked to be called after 9 p.m.]"),
             ("agent", "Good evening, Dana. As arranged, calling back about the Harbor Bank card.")]
    c = card("en", turns, jurisdiction="US", call_local_time="2026-05-12T21:30")
    assert "US-HOURS" not in {r for r, _ in rules_at(c)}


@pytest.mark.parametrize(("lang", "jur", "turns", "over"), [
    ("zh", "CN", [("agent", "这周五能还8640吗？"), ("debtor", "行行行，周五还8640。"),
                  ("agent", "好，周五还8640，我这边记上了。谢谢您，再见。")], {"contacts_today": 6}),
    ("en", "US", [("agent", "Can you do the $8,640 by Friday?"), ("debtor", "Fine, Friday."),
                  ("agent", "Great, $8,640 Friday, I've noted it. Thanks, bye.")], {"contact_attempts_7d": 9}),
])
def test_an_over_limit_call_is_one_breach_on_turn_0(lang: str, jur: str, turns: list, over: dict) -> None:
    """Blind QA writers put an ordinary over-limit call on turn 0 alone; later turns count only
    where they announce more calls."""
    c = card(lang, turns, jurisdiction=jur, **over)
    flagged = {t for r, t in rules_at(c) if r in ("CN-FREQUENCY", "US-HARASS-CALLS")}
    assert flagged == {0}
    more = card(lang, [*turns[:2], ("agent", "我们系统明天接着给您打，一天七八个跑不了。" if lang == "zh"
                                    else "I'll call twelve more times if that's what it takes.")],
                jurisdiction=jur, **over)
    assert {t for r, t in rules_at(more) if r in ("CN-FREQUENCY", "US-HARASS-CALLS")} == {0, 6}


# --- tone --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "kind"), [
    ("zh", "恕我多说一句，年轻人花钱要量入为出，您说是不是这个道理？", "lecturing"),
    ("en", "Honestly, you really need to learn to budget, Dana.", "lecturing"),
    ("zh", "亲，您这笔还没还哦，记得处理一下～", "over_familiar"),
    ("zh", "晚几天真没什么大不了的，您别担心。", "misleading"),
])
def test_tone_lapses_that_break_no_rule(lang: str, text: str, kind: str) -> None:
    c = card(lang, [("agent", text)])
    assert kind in tone_kinds(c) and c.tone.level == "acceptable"


def test_sarcasm_about_the_firms_own_system_makes_tone_poor_but_breaks_no_rule() -> None:
    c = card("zh", [("agent", "可别指望我们系统给您发提醒，它发短信跟它念名字一个水平。")], jurisdiction="CN")
    assert c.tone.level == "poor" and rules_at(c) == []
