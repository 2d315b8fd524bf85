"""Findings met on the eighth blind batch: a claim repeated by a plain "yes", a plan agreed in
pieces, a balance read out like a price, a UK dismissal that answers an illness, a false power
that pressures, a callback number said again at the end, and several words that look like a
breach but are not one. Every sentence is written for this file (none is in the labelled calls)."""

from __future__ import annotations

import pytest
from scoring_helpers import acts, call, card, flagged

from scoring import score
from scoring.analysis import analyse
from scoring.analysis.model import Facts
from scoring.transcript import parse_transcript

# --- a "yes" to the debtor's question repeats the claim ------------------------------------------

@pytest.mark.parametrize(("lang", "rule", "claim", "question", "yes", "no"), [
    ("en", "US-FALSE-THREAT", "Miss Friday and we garnish your wages.", "You can't take my wages. Can you?",
     "We sure can. Friday.", "No, and I shouldn't have said that. Nothing is filed."),
    ("zh", "CN-FALSE-LEGAL", "您这个已经起诉了，法院下周就来执行。", "真的已经起诉了？",
     "是的，下周就执行。", "不是，我说错了，没有起诉。"),
])
def test_saying_yes_to_the_debtors_question_repeats_the_claim(
        lang: str, rule: str, claim: str, question: str, yes: str, no: str) -> None:
    said_yes = card(lang, [("agent", claim), ("debtor", question), ("agent", yes)], jurisdiction="US" if lang == "en" else "CN")
    took_back = card(lang, [("agent", claim), ("debtor", question), ("agent", no)], jurisdiction="US" if lang == "en" else "CN")
    assert {4, 6} <= flagged(said_yes, rule)
    assert 4 in flagged(took_back, rule) and 6 not in flagged(took_back, rule)


# --- a plan agreed in pieces ----------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "turns"), [
    ("zh", [("agent", "您哪天能还上？"), ("debtor", "下周三吧，下周三发钱。"), ("agent", "下周三，全额吗？"),
            ("debtor", "全额，8640。"), ("agent", "行。在App里点立即还款就可以。")]),
    ("en", [("agent", "When can you pay?"), ("debtor", "I could do it by the 20th."), ("agent", "The 20th. How much?"),
            ("debtor", "I can do $2,000 then."), ("agent", "Okay. Pay in the app under Payments.")]),
])
def test_terms_given_over_two_debtor_turns_and_then_taken_are_a_plan(lang: str, turns: list) -> None:
    assert card(lang, turns).steps["negotiation"].done


def test_objecting_to_paying_first_offers_nothing() -> None:
    assert "counter_offer" not in acts("凭什么我先还？你们先查清楚。", "zh", "debtor")
    assert "counter_offer" not in acts("Why should I pay first? You check it.", "en", "debtor")
    assert "counter_offer" in acts("我先还两千，行吗？", "zh", "debtor")


# --- figures said the way people say them -------------------------------------------------------

@pytest.mark.parametrize(("text", "due", "found"), [
    ("balance is four twenty-six fifty, due today.", 426.50, True),
    ("you owe twelve oh five on the card.", 1205.0, True),
    ("we spoke four twenty-six days ago", 426.0, False),
])
def test_a_balance_read_out_like_a_price_is_the_balance(text: str, due: float, found: bool) -> None:
    stated = analyse(text, "agent", "en", facts=Facts(amount_due=due)).all("state_amount")
    assert any(a.slots.get("matches_case") for a in stated) == found


def test_one_kuai_together_is_not_one_yuan_and_kou_is_a_paying_verb() -> None:
    from scoring.analysis.numbers import find_amounts
    assert [a.value for a in find_amounts("手续费300一块算进去，一共3100", "zh")] == [3100.0]
    assert [a.value for a in find_amounts("周五先扣1800，剩下的月底", "zh")] == [1800.0]


# --- UK: which rule a dismissal breaks ------------------------------------------------------------

def test_uk_refusing_a_plan_is_forbearance_and_dismissing_an_illness_is_vulnerable() -> None:
    turns = [("debtor", "My shifts were halved. I could do thirty pounds a month."),
             ("agent", "Thirty pounds is not an acceptable offer, it's far below the contractual amount."),
             ("debtor", "I'm on antidepressants and I've been signed off. I can't cope with this."),
             ("agent", "Everyone has bad days. The agreement was signed, so it has to be kept to.")]
    c = card("en", turns, jurisdiction="UK")
    assert 5 in flagged(c, "UK-FORBEARANCE") and 7 in flagged(c, "UK-VULNERABLE")
    assert 7 not in flagged(c, "UK-FORBEARANCE")


def test_uk_a_false_power_that_pressures_is_one_misrepresentation() -> None:
    c = card("en", [("agent", "Our enforcement lads are in your area Monday and they'll note what's in the house to cover it.")],
             jurisdiction="UK")
    assert 4 in flagged(c, "UK-MISREPRESENT") and 4 not in flagged(c, "UK-PRESSURE")


# --- closing and records ---------------------------------------------------------------------------

def test_a_callback_number_said_again_at_the_end_recaps_the_callback() -> None:
    turns = [("agent", "Hi, is Alex Reid there?"), ("third_party", "He's out. I'm his flatmate. Who is it?"),
             ("agent", "It's Jo from Pine Services. Could you ask him to call me back on 0800 555 0199?"),
             ("third_party", "Sure."),
             ("agent", "Lovely, that's Jo at Pine, 0800 555 0199, any weekday. Thanks so much, bye now.")]
    raw = call("en", turns, opening=False, jurisdiction="UK",
               record={"outcome": "callback", "notes": "Flatmate answered; callback number left."})
    assert score(parse_transcript(raw)).steps["closing"].done


def test_notes_that_deny_pressing_after_an_attorney_are_inaccurate() -> None:
    turns = [("debtor", "My attorney handles this now. Talk to her."),
             ("agent", "Got it. Still, if you paid $300 today we could skip the lawyer fees."),
             ("debtor", "No. Bye.")]
    honest = {"outcome": "refused", "notes": "Consumer represented; agent asked for $300 after the attorney was named."}
    false = {"outcome": "refused", "notes": "Consumer represented. No further collection discussed after attorney disclosure."}
    assert score(parse_transcript(call("en", turns, record=false, jurisdiction="US"))).record_accurate is False
    assert score(parse_transcript(call("en", turns, record=honest, jurisdiction="US"))).record_accurate is not False


# --- words that look like a breach and are not ---------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "act"), [
    ("en", "Sorry for the late one, we run an evening shift here.", "state_overdue"),
    ("en", "Go to the app and tap 'Pay My Card'.", "personal_account"),
    ("en", "Your card agreement lets them add a late fee each month.", "extra_fee"),
    ("en", "I'm with the team handling your account.", "disclose_debt"),
    ("zh", "我是贷后催收组的小李。", "disclose_debt"),
    ("zh", "另外这张卡既然怀疑被盗刷，建议先冻结。", "push_new_borrowing"),
    ("zh", "不管谁让您往个人账户打钱，都别打，那都是骗子。", "insult"),
])
def test_lookalikes_are_not_the_act(lang: str, text: str, act: str) -> None:
    assert act not in acts(text, lang)


@pytest.mark.parametrize(("lang", "text", "act"), [
    ("zh", "您家里不是有POS机嘛，拿信用卡刷一笔出来先把这边平了。", "push_new_borrowing"),
    ("zh", "您直接微信转我就行，号就是我这个手机号。", "personal_account"),
    ("zh", "我方是区里的官方调解机构。", "impersonation"),
    ("zh", "您这行为已经构成恶意拖欠，要移交司法机关。", "false_legal"),
    ("zh", "您这记性可真好，回回都是下个月。", "sarcasm"),
    ("en", "Stuff happens to cars parked on the street, a window, a tire.", "threat"),
    ("en", "We work in partnership with the U.S. Department of Education.", "impersonation"),
])
def test_paraphrased_breaches_are_found(lang: str, text: str, act: str) -> None:
    assert act in acts(text, lang)
