"""Voices the scorer met on unseen calls: traditional characters and ASR slips, prices said the way
people say them, overdue days said any way, clause-level certainty, a claimed statute bar, buttons
the agent points to, warnings against scams. Every sentence here is written for this file (none is
in the labelled calls), in both languages where the idea exists in both."""

from __future__ import annotations

import pytest
from scoring_helpers import call, rules_at

from scoring import score
from scoring.analysis import analyse, numbers
from scoring.analysis.normalise import normalise_zh
from scoring.scorecard import Scorecard
from scoring.transcript import parse_transcript


def acts(text: str, speaker: str, lang: str) -> set[str]:
    return {a.name for a in analyse(text, speaker, lang).acts}


def card(lang: str, turns: list[tuple[str, str]], **scenario: object) -> Scorecard:
    return score(parse_transcript(call(lang, turns, **scenario)))


# --- how the words arrive ---------------------------------------------------------------------

def test_traditional_characters_read_as_simplified_and_quotes_stay_the_speakers() -> None:
    said = "您的帳單還沒有繳，請您透過官方App還款。"
    a = analyse(said, "agent", "zh")
    assert "payment_channel" in a.names
    assert all(said[x.start:x.end] == x.quote for x in a.acts)  # the quote is what was said
    assert a.text == said


@pytest.mark.parametrize(("heard", "meant"), [("鱼期二十天", "逾期二十天"), ("按和同收罚息", "按合同收罚息"),
                                               ("花被账单", "花呗账单"), ("打开知付宝", "打开支付宝")])
def test_asr_slips_are_mended_without_moving_any_character(heard: str, meant: str) -> None:
    assert normalise_zh(heard) == meant and len(normalise_zh(heard)) == len(heard)


@pytest.mark.parametrize(("text", "value"), [
    ("Call it one-twenty and we're square.", 120.0),
    ("Seventy-five every other Friday works.", 75.0),
    ("twenty-one forty-five is your balance", 2145.0),
    ("eighteen thirty-nine fifty is your payoff", 1839.5),
])
def test_spoken_prices_without_a_scale_word(text: str, value: float) -> None:
    assert value in [a.value for a in numbers.find_amounts(text, "en")]


@pytest.mark.parametrize("text", ["Two seven nine one, that's my zip.", "One of the payments bounced.",
                                  "I've got three kids and one car."])
def test_digits_read_out_and_counts_are_not_sums(text: str) -> None:
    assert numbers.find_amounts(text, "en") == []


@pytest.mark.parametrize(("text", "value"), [("卡上6320块8，过了还款日", 6320.8), ("3180……我下周一能还", 3180.0),
                                             ("现在欠着7260，晚了好久了", 7260.0)])
def test_chinese_sums_said_in_passing(text: str, value: float) -> None:
    assert value in [a.value for a in numbers.find_amounts(text, "zh")]


# --- steps -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "It's the Harbor Bank card — $8,640, and it's been sitting like that for 35 days now. "
           "Interest keeps adding up under your card terms and it's reported to the credit bureaus."),
    ("zh", "您云港银行的卡，欠着8640，已经晚了35天了。按合同每天算利息，逾期记录也会报征信。"),
])
def test_the_case_days_said_any_way_state_the_overdue_period(lang: str, text: str) -> None:
    c = card(lang, [("agent", text)])
    assert c.steps["reminder"].done


def test_a_date_put_as_a_question_closes_the_debtors_sum_into_a_plan() -> None:
    c = card("zh", [("debtor", "4000……我月底能还。"), ("agent", "月底是哪天？5月29号之前行吗？"), ("debtor", "行，29号之前。")],
             )
    assert c.steps["negotiation"].done


# --- rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "逾期的话征信上已经有记录了，再一直拖下去，银行那边是可以走诉讼的。"),
    ("en", "If it ever came to it, only once they sued and a judge ruled could a garnishment even be discussed."),
])
def test_certainty_about_one_thing_does_not_make_a_possible_suit_false(lang: str, text: str) -> None:
    rules = {r for r, _ in rules_at(card(lang, [("agent", text)], jurisdiction="CN" if lang == "zh" else "US"))}
    assert not rules & {"CN-FALSE-LEGAL", "US-FALSE-THREAT"}


@pytest.mark.parametrize(("lang", "jur", "text", "rule"), [
    ("en", "US", "You don't need a court for this, the paperwork's already filed.", "US-FALSE-THREAT"),
    ("en", "UK", "Enforcement agents have been instructed as of this morning.", "UK-MISREPRESENT"),
    ("zh", "CN", "跟您说，您现在是在和我们行法务部的经办律师通话。", "CN-IMPERSONATION"),
    ("en", "US", "I'm with the state's collections division, ma'am.", "US-FALSE-AFFILIATION"),
])
def test_false_claims_in_new_words(lang: str, jur: str, text: str, rule: str) -> None:
    assert rule in {r for r, _ in rules_at(card(lang, [("agent", text)], jurisdiction=jur))}


def test_a_claimed_statute_bar_ends_demands_in_the_uk() -> None:
    c = card("en", [("debtor", "That debt is statute-barred, I'm not paying it."),
                    ("agent", "Fair enough, but how about a tenner a month as a goodwill gesture?")], jurisdiction="UK")
    assert ("UK-STATUTE-BARRED", 5) in rules_at(c)


def test_asking_whether_it_is_statute_barred_is_no_claim() -> None:
    assert "claim_time_barred" not in acts("Hang on, isn't that statute-barred by now?", "debtor", "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("Pay in the app: tap Cards, then Make a payment.", "en"),
    ("打开App，点“立即还款”就行。", "zh"),
])
def test_a_button_the_agent_points_to_is_no_demand(text: str, lang: str) -> None:
    assert "demand_payment" not in acts(text, "agent", lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("任何让您把钱转到个人微信的，都别信。", "zh"),
    ("We will never ask you to send money to a personal account — that's a scam.", "en"),
])
def test_a_warning_against_personal_accounts_is_not_one(text: str, lang: str) -> None:
    assert "personal_account" not in acts(text, "agent", lang)


def test_a_colleagues_personal_alipay_is_a_personal_account() -> None:
    assert "personal_account" in acts("您直接转到我们主管的支付宝上，他帮您代还。", "agent", "zh")


@pytest.mark.parametrize("text", ["我们同事在您那个小区都熟。", "比如原单位的解除劳动合同通知书也可以。"])
def test_our_colleagues_and_documents_are_not_the_debtors_contacts(text: str) -> None:
    assert "mention_contacts" not in acts(text, "agent", "zh")


def test_asking_family_for_a_loan_is_the_borrowing_push_not_exposure() -> None:
    found = acts("找家里亲戚周转一下嘛，谁手上没个万把块？", "agent", "zh")
    assert "push_new_borrowing" in found and "mention_contacts" not in found


@pytest.mark.parametrize(("text", "lang"), [
    ("He's with a customer right now, can I take a message?", "en"),
    ("唔系，佢返咗工，我系佢阿妈。", "zh"),
])
def test_a_relative_speaking_of_the_debtor_is_not_the_debtor(text: str, lang: str) -> None:
    assert "not_debtor" in acts(text, "debtor", lang)


def test_the_agent_asking_is_he_or_isnt_he_in_cantonese_is_no_denial() -> None:
    assert "not_debtor" not in acts("系我，你边位？", "debtor", "zh")


# --- the record --------------------------------------------------------------------------------

@pytest.mark.parametrize(("turn", "notes", "lang"), [
    ("I look after my dad full time and I'm on antidepressants.", "No vulnerability identified.", "en"),
    ("Stop calling me. Put it in writing.", "No objection to further calls. Follow-up call next week.", "en"),
])
def test_notes_that_deny_what_was_said_make_the_record_wrong(turn: str, notes: str, lang: str) -> None:
    raw = call(lang, [("debtor", turn), ("agent", "Understood, thank you. Goodbye.")],
               record={"outcome": "refused", "promised_amount": None, "promised_date": None, "notes": notes})
    assert score(parse_transcript(raw)).record_accurate is False
