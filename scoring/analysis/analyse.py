"""``analyse(text, speaker, lang)``: one utterance in, dialogue acts and tone cues out.

The lexicon finds candidate phrases (one compiled alternation per act); this module adds
what a keyword cannot see: negation ("我们不会上门"), possibility versus certainty ("银行
*可能*起诉" is a lawful consequence, "下周就起诉你" is not), the target of sarcasm (the
person or the app), numbers and dates as slots, and the earlier turns (a term explained
before, whether the listener is verified).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from scoring.analysis import dates, numbers
from scoring.analysis.lexicon import Lexicon, Prefilter, builtin_lexicons, gate
from scoring.analysis.model import Act, Analysis, Context, Facts, ToneFeature
from scoring.analysis.normalise import normalise_zh

_ZH_SENT = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
_EN_SENT = re.compile(r".+?(?:[.!?;]+(?=\s|$)|\n|$)", re.S)
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:—\n]|的话")  # "不方便的话，扫我的码": a condition ends at 的话
_EN_CLAUSE_BREAK = re.compile(r"[,;.!?:—\n]|\b(?:but|and then|so)\b", re.I)

# A negator scopes the act only if nothing about paying sits between them ("不还就上门" is a threat).
_ZH_NEG = re.compile(r"(?:唔好|唔使|唔会|唔係|唔系|唔可以|冇|不会|不要|不能|不得|不可以|不可能|绝不|决不|从不|并没有|没有|并未|未|没|别|不用|不是|不至于|不存在|切勿|请勿|(?<![要何])不(?!如|然|想|希望|愿|行|管|论|过))"
                     r"(?P<gap>[^，,。；;]{0,6})$")
# "您店里不是有POS机嘛，……": 不是 … 嘛/吗 asks for agreement, it denies nothing
_ZH_RHETORICAL_END = re.compile(r"[^，,。；;？?]{0,8}[嘛吗么]")
_ZH_PAY_IN_GAP = re.compile(r"[还付交接理处]|给[^，,。；;]*(就|的话|便|才)")
_EN_NEG = re.compile(r"(?:\b(?:not|never|no|nobody|no one|nothing|nothin|cannot)\b(?:['’]s)?|n't\b|n’t\b)(?P<gap>(?:\s+[\w'’-]+){0,4})\s*$", re.I)
_EN_PAY_IN_GAP = re.compile(r"\b(pay|paid|paying|respond|answer|call|make|work|sort|deal|fix|cooperate)\b", re.I)
# "You don't want me sending someone round": a veiled threat, not a denial (zh: 不想/不希望, in _ZH_NEG).
_EN_DESIRE = re.compile(r"\b(you|ya) (don.t|do not|wouldn.t|would not) want\b", re.I)
_ZH_NEG_AFTER = re.compile(r"^[^，,。；;]{0,10}((说法)?(不准确|不对|不是真的|没这回事|是谣言|不会的|不存在)|(一律|千万|绝对|都)?(不要|别|不能|不可以|勿)(转|打|汇|付|给))")
_EN_NEG_AFTER = re.compile(r"^[^,.;]{0,30}\b(is not true|isn't true|not true|a myth|not how it works|isn't going to happen)|"
                           r"^\W{0,3}(nothin.?g?(.s| has| is)? (been )?filed|there is no (lawsuit|case|suit)|no (lawsuit|case|suit) (has been )?filed)", re.I)

_LEGAL_ACTION = re.compile(r"起诉|立案|诉讼|上诉|法院|强制执行|传票|开庭|判决|失信|黑名单|限高|限制消费|冻结|查封|扣押|拍卖|划扣|"
                           r"\b(lawsuits?|sue[sd]?|suing|suit|court|claim|judg(e)?ments?|judges?|summons|litigation|legal (action|proceedings)|"
                           r"CCJ|garnish\w*|seiz\w*|repossess\w*|levy|liens?|filed|bailiffs?|enforcement)\b", re.I)
_CRIME = re.compile(r"派出所|公安|警察|拘留|坐牢|抓|判刑|刑事|监狱|犯罪|诈骗|恶意透支|恶意拖欠|违法|司法机关|追究|罪名|定罪|"
                    r"\b(arrest\w*|jail|prison|police|sheriff|criminal|crime|fraud|theft|stealing|prosecut\w*|"
                    r"locked up|charges|bad[- ]check|criminal record|on your record|felony|misdemeanou?r|warrant|thief|thieves|crook|stole|embezzl\w*|swindl\w*|larceny|defraud\w*)\b", re.I)
_NEGATED_CERTAINTY = re.compile(r"(不是|没有|并非|并不|尚未|\bnot\b|n't|\bno\b|\bnothing\b|\bnever\b).{0,12}$", re.I)
_RHETORICAL = re.compile(r"\bwhy (not|don.t you|wouldn.t you)\b|\bhow about\b|\b(can|could|would|will) (you|we) not\b|"
                         r"^\W*(?:\w+\W+)?(can.t|couldn.t|won.t|wouldn.t|don.t|didn.t|isn.t|aren.t) (you|they|we|there)\b",
                         re.I)
# Reported speech: the agent quotes the debtor or someone else ("您说有人上门找过您？", "You said someone
# came to your door?"); what follows is not the agent's own act.
_REPORTED = re.compile(r"^\W*(?:呃|嗯|啊|那个|哦)?\W*(?:(?:您|你)(?:刚才|之前|刚刚)?(?:说|讲|提到|是说)|有人(?:跟您|跟你)?(?:说|讲|让|叫|要|上门|打)|"
                       r"听(?:您|你)说|(?:您|你)(?:是)?(?:问|想问)|(?:如果|要是)有人|别人(?:说|让))|"
                       r"^\W*(?:(?:so|um|uh|oh|and|okay|ok)\W+)?(?:you (?:said|mentioned|say|told me|were told|asked)|you.re asking|someone (?:said|told|asked|called|came)|"
                       r"they (?:said|told you)|if (?:someone|anyone|anybody) (?:asks|tells|says|calls|ever))\b", re.I)


def _reported(u: _Utterance, start: int, end: int | None = None) -> bool:
    """The phrase at ``start`` is someone else's act the agent reports; with ``end``, a question
    whose subject is the reported act itself ("有人上门吓唬您？", "Someone came to your door?")."""
    s, e = u.sentence(start)
    if _REPORTED.search(u.text[s:start]):
        return True
    return end is not None and u.text[s:e].rstrip().endswith(("?", "？")) and bool(_REPORTED.search(u.text[s:end]))
_ZH_EMPLOYED = re.compile(r"(欠|负债|逾期|没还|未还|拖欠|帐款|帳款|账款|缴款|繳款|期限|overdue|outstanding)", re.I)


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    pattern = _EN_SENT if lang == "en" else _ZH_SENT
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if m.group().strip()]
    return spans or [(0, len(text))]


def _a_not_a(text: str, pos: int) -> bool:
    """有没有 / 是不是 / 能不能: a question, not a negation."""
    return 0 < pos < len(text) - 1 and text[pos - 1] == text[pos + 1]


class _TextInfo:
    """What one text yields whatever the call (sentences, numbers, the acts that need neither
    facts nor context), computed lazily and kept in the lexicon's cache for repeated texts."""

    __slots__ = ("spans", "starts", "folded", "amounts", "durations", "instalments", "dates", "families", "tone",
                 "prefilter", "hits", "analysis")

    def __init__(self, text: str, lang: str, prefilter: Prefilter | None = None) -> None:
        self.prefilter = prefilter
        self.hits: tuple[int, int] | None = None  # the prefilter's (family bits, entry bits), on first use
        self.analysis: Analysis | None = None  # the whole result, when no family needs the call
        self.spans = _sentences(text, lang)
        self.starts = [s for s, _ in self.spans]
        # What the lexicon prefilters look in: the text as is, and lower-cased for IGNORECASE
        # patterns (None when a non-ASCII letter could match an ASCII one: no prefilter then).
        self.folded = None if _ASCII_LOOKALIKE.search(text) else text.lower()
        self.amounts: list[numbers.Amount] | None = None
        self.durations: list[numbers.Duration] | None = None
        self.instalments: object = None
        self.dates: dict[object, list[dates.FoundDate]] = {}
        self.families: list | None = None
        self.tone: list[ToneFeature] | None = None


_CACHE_SIZE = 16384
"""Texts kept per lexicon: a QA batch re-scored, or a trainee's desk over a day."""


def _text_info(lex: Lexicon, speaker: str, text: str) -> _TextInfo:
    cache = lex.cache
    key = (speaker, text)
    info = cache.get(key)
    if info is None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        info = cache[key] = _TextInfo(text, lex.language, lex.prefilter(speaker))
    return info


class _Utterance:
    """One utterance with lazily computed sentences, numbers and dates (each at most once)."""

    def __init__(self, text: str, lang: str, lex: Lexicon, facts: Facts, context: Context,
                 info: _TextInfo | None = None) -> None:
        self.text, self.lang, self.lex, self.facts, self.context = text, lang, lex, facts, context
        self.info = info = info or _TextInfo(text, lang)
        self.spans = info.spans
        self._starts = info.starts
        self.folded = info.folded

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False only when ``pattern`` cannot match the text (its derived prefilter fails)."""
        info = self.info
        bit = info.prefilter.by_pattern.get(pattern) if info.prefilter is not None else None
        if bit is not None:
            hits = info.hits
            if hits is None:
                hits = info.hits = info.prefilter.scan(self.text, self.folded)
            return bool(hits[0] & bit)
        g = gate(pattern)  # not one of the speaker's families: its own literals
        if not g.literals:
            return True
        hay = self.folded if g.fold else self.text
        if hay is None:
            return True
        return any(lit in hay for lit in g.literals)

    def hits(self) -> tuple[int, int]:
        """The prefilter's (family bits, branch bits) for this text, scanned once."""
        info = self.info
        hits = info.hits
        if hits is None:
            hits = info.hits = info.prefilter.scan(self.text, self.folded)
        return hits

    def narrow(self, pattern: re.Pattern[str]) -> re.Pattern[str] | None:
        """``pattern`` cut down to the alternatives that can match this text (None: none can); it
        finds exactly what ``pattern`` finds here. Patterns other than the speaker's families: as is."""
        prefilter = self.info.prefilter
        i = prefilter.index_of.get(pattern) if prefilter is not None else None
        if i is None:
            return pattern if self.may_match(pattern) else None
        return prefilter.narrowed(i, self.hits()[1])

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.spans[i]

    def clause_before(self, pos: int) -> str:
        s, _ = self.sentence(pos)
        before = self.text[s:pos]
        breaks = _EN_CLAUSE_BREAK if self.lang == "en" else _CLAUSE_BREAK
        ends = [m.end() for m in breaks.finditer(before)]
        return before[ends[-1]:] if ends else before

    def negated(self, start: int, end: int) -> bool:
        before = self.clause_before(start)
        if self.lang == "en":
            m = _EN_NEG.search(before)
            if m and not _EN_PAY_IN_GAP.search(m.group("gap")) and not _RHETORICAL.search(before[:m.end()]) \
                    and not _EN_DESIRE.search(before):
                return True
            return bool(_EN_NEG_AFTER.search(self.text[end:self.sentence(start)[1]]))
        m = _ZH_NEG.search(before)
        if m and not _ZH_PAY_IN_GAP.search(m.group("gap")) and not _a_not_a(before, m.start()) \
                and not (m.group().startswith("不是") and _ZH_RHETORICAL_END.match(self.text, start)):
            return True
        return bool(_ZH_NEG_AFTER.search(self.text[end:self.sentence(start)[1]]))

    @property
    def amounts(self) -> list[numbers.Amount]:
        info = self.info
        if info.amounts is None:
            info.amounts = numbers.find_amounts(self.text, self.lang) if _HAS_NUMBER.search(self.text) else []
        return info.amounts

    @property
    def dates(self) -> list[dates.FoundDate]:
        found = self.info.dates.get(self.facts.call_date)
        if found is None:
            found = self.info.dates[self.facts.call_date] = dates.find_dates(self.text, self.lang, self.facts.call_date)
        return found

    @property
    def durations(self) -> list[numbers.Duration]:
        info = self.info
        if info.durations is None:
            info.durations = numbers.find_durations(self.text, self.lang)
        return info.durations

    @property
    def instalments(self) -> int | None:
        info = self.info
        if info.instalments is None:
            info.instalments = (numbers.find_instalments(self.text),)
        return info.instalments[0]

    def in_sentence(self, items: list, pos: int) -> list:
        s, e = self.sentence(pos)
        return [x for x in items if s <= x.start < e]

    def act(self, name: str, start: int, end: int, **slots: object) -> Act:
        return Act(name, start, end, self.text[start:end], slots)

    def sentence_act(self, name: str, pos: int, **slots: object) -> Act:
        s, e = self.sentence(pos)
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return self.act(name, s, e, **slots)


# A non-ASCII char that IGNORECASE matches to an ASCII letter (the Kelvin sign, the long s).
_ASCII_LOOKALIKE = re.compile(r"(?=[^\x00-\x7f])(?i:[a-z])")
_HAS_DIGIT = re.compile(r"\d")
_HAS_NUMBER = re.compile(r"[\d零〇一二两三四五六七八九十百千万]|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b", re.I)

Handler = Callable[[_Utterance, re.Pattern[str]], list[Act]]


def _plain(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    m = pattern.search(u.text)
    return [u.act("", m.start(), m.end())] if m else []


_IF_YOU_PAY = re.compile(r"(如果|要是|只要|假如|今天(要是|能)|能(定|谈|还)下来)[^。]{0,30}$|\b(if|as long as|once|provided)\b[^.!?]{0,60}$", re.I)


def _implied(u: _Utterance, start: int) -> bool:
    """"今天要是能定下来，我们就不用一个个去打招呼了" / "If we sort it today I won't need to ring
    your boss": a negated step made conditional on paying is that step threatened."""
    s, _ = u.sentence(start)
    # "别让我们同事白跑一趟", "谁不刷朋友圈？": the negation is the threat's own wording
    return bool(_IF_YOU_PAY.search(u.text[s:start]) or _VEILED_NOT.search(u.text, max(s, start - 10), start))


_VEILED_NOT = re.compile(r"(别|不要|不想|不希望)[^。，]{0,2}(让|逼|害)|免得|省得|谁不|哪个不|\b(don.t make|don.t let|wouldn.t want)\b", re.I)


def _threatened(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """Exposure threatened, also as the thing that paying would spare the debtor; not when the
    "colleagues" are the agent's own (我们同事) or the "unit" is on a document (原单位的通知书)."""
    for m in pattern.finditer(u.text):
        if _OWN_SIDE.search(u.text, max(0, m.start() - 3), m.start() + 2) or _DOCUMENT.match(u.text, m.end()):
            continue
        name = u.facts.debtor_name
        if name and len(name) >= 2 and m.group().endswith("老板") and name[0] in m.group():
            continue  # "我找一下黄德明黄老板": the debtor addressed as 老板, not their boss
        if _asked(u, m.start()) and _WORRY.search(u.text, *u.sentence(m.start())):
            continue  # "您担心我们打到您单位？不会的": the debtor's worry, put back to be answered
        negated = u.negated(m.start(), m.end()) and not _implied(u, m.start())
        if not negated and not _reported(u, m.start(), m.end()):
            return [u.act("", m.start(), m.end())]
    return []


_OWN_SIDE = re.compile(r"(我们|咱们|我|我们的)同事|\b(our|my) (colleagues?|co-?workers?|team)\b", re.I)
_DOCUMENT = re.compile(r"书|证明|材料|文件")
_WORRY = re.compile(r"担心|害怕|怕|会不会|是不是|\b(worried|afraid|concerned|wondering)\b", re.I)


def _first_kept(u: _Utterance, pattern: re.Pattern[str], drop: Callable[[re.Match[str]], bool]) -> re.Match[str] | None:
    """The first match of the family that is neither negated nor reported nor dropped by ``drop``."""
    for m in pattern.finditer(u.text):
        if not (u.negated(m.start(), m.end()) or _reported(u, m.start(), m.end()) or drop(m)):
            return m
    return None


def _act_of(u: _Utterance, m: re.Match[str] | None) -> list[Act]:
    return [u.act("", m.start(), m.end())] if m else []


def _asked(u: _Utterance, pos: int) -> bool:
    """The sentence around ``pos`` is a question."""
    s, e = u.sentence(pos)
    return u.text[s:e].rstrip().endswith(("?", "？"))


def _unless_warned(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """As ``_unless_negated``, but not in a warning against it ("任何让您转钱到个人账户的，都别信"),
    nor on a button's label ("under 'Pay My Card'")."""
    return _act_of(u, _first_kept(u, pattern, lambda m: bool(_WARNING.search(u.text, *u.sentence(m.start()))
                                                             or _QUOTE_OPEN.search(u.text, max(0, m.start() - 24), m.start()))))


# an opening quote not yet closed before the match: the words are a label being read out
_QUOTE_OPEN = re.compile(r"(?:^|(?<=\s))['‘“\"「][^'’”\"」]*$")


# "千万别信那些说能帮你代还的，都是骗子": don't-believe words; an insult word beside them names the
# fraudsters warned against
_DONT_BELIEVE_WORDS = r"别信|都别(打|转|汇|给)|不管谁[^。]{0,12}(让|叫|要)|唔好信|咪信|千祈|不要信|不要相信|谨防|切勿|千万(别|不要)|\b(beware|don.t (believe|trust)|watch out for)\b"
_DONT_BELIEVE = re.compile(_DONT_BELIEVE_WORDS, re.I)
_WARNING = re.compile(_DONT_BELIEVE_WORDS + r"|都是骗|骗子|诈骗|一律不|都不要|不要转给|别转给|"
                      r"\b(scam|fraudster|never (ask|send|pay|transfer)|will never ask|won.t ever ask|"
                      r"(don.t|do not|never) (ever )?(send|pay|transfer) (money|it|anything) to (anyone|anybody|a personal|someone|somebody))\b", re.I)


def _invented_fee(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """A fee the contract does not provide for: not one the speaker puts down to the agreement
    ("the card agreement lets Hollis Home add a late fee"), nor one warned against."""
    return _act_of(u, _first_kept(u, pattern, lambda m: bool(
        _WARNING.search(u.text, *u.sentence(m.start())) or _PER_CONTRACT.search(u.text, *u.sentence(m.start())))))


_PER_CONTRACT = re.compile(r"按(照)?[^。，]{0,6}(合同|协议|约定)|(合同|协议)(里|上|中)?[^。，]{0,4}(约定|规定|写)|"
                           r"\b(card ?holder |credit |loan |account |your |the )?(agreement|contract|terms and conditions)\b "
                           r"(lets|allows|says|provides|permits)|\b(per|under|according to|as set out in|in line with) "
                           r"(the|your) (\w+ )?(agreement|contract|terms)\b", re.I)


def _unless_negated(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    return _act_of(u, _first_kept(u, pattern, lambda m: False))


def _insult(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """An insult aimed at the customer, not a word about other people ("现在骗子可多了"); "don't be
    a deadbeat on me" calls the customer one however it is joked."""
    def others(m: re.Match[str]) -> bool:
        return bool(_OTHERS_BEFORE.search(u.text, max(0, m.start() - 6), m.start()) or _OTHERS_AFTER.match(u.text, m.end())
                    or _DONT_BELIEVE.search(u.text, *u.sentence(m.start())))
    for m in pattern.finditer(u.text):
        if _DONT_BE.search(u.text, max(0, m.start() - 24), m.start()) and not others(m):
            return [u.act("", m.start(), m.end())]
    return _act_of(u, _first_kept(u, pattern, others))


_DONT_BE = re.compile(r"\b(don.t|do not|stop) (be(ing)?|act(ing)?( like)?) (a |an |such a |so )?(\w+ )?$|\b(don.t|do not|stop) $|别(当|做|像个?)$", re.I)


_OTHERS_BEFORE = re.compile(r"(现在|如今|外面|网上|社会上|好多|很多|那些|有些|有的|一些|防|小心|谨防|冒充|电信|专门)[^，。,]{0,2}$|"
                            r"\b(lots of|a lot of|so many|there are|beware of|those|some|watch out for|out there)\s+$", re.I)
_OTHERS_AFTER = re.compile(r"\s*(可多|很多|太多|挺多|真多|多了|多得很|横行|打来|冒充)|s?\s+(out there|these days|everywhere)", re.I)


def _matches_case(value: float, facts: Facts, approx: bool = False) -> bool:
    """Said correctly: within a unit (or 1%); "八千多" / "about 8,600" within 15%."""
    due = facts.amount_due
    if due is None:
        return False
    return abs(value - due) <= max(1.0, 0.01 * due) or (approx and value <= due <= value * 1.15 + 1)


_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.,]*\d)")


def _case_figures(u: _Utterance) -> list[numbers.Amount]:
    """"您快易借那笔2950，逾期16天了": a bare figure that is the case's own balance is that
    balance, with no unit or paying verb around it (a year or a day count never matches it)."""
    due = u.facts.amount_due
    if not due or due < 100:
        return []
    taken = [(a.start, a.end) for a in u.amounts]
    out = []
    for m in _FIGURE.finditer(u.text):
        value = float(m.group().replace(",", ""))
        if abs(value - due) <= max(1.0, 0.01 * due) and not any(s <= m.start() < e for s, e in taken) \
                and not numbers.NOT_MONEY_AFTER.match(u.text, m.end()) \
                and not numbers.NOT_MONEY_BEFORE.search(u.text[max(0, m.start() - 12):m.start()]):
            out.append(numbers.Amount(value, m.start(), m.end(), False, False))
    if u.lang == "en":
        spoken = _spoken_price(round(due, 2))
        if spoken is not None:
            # "you owe twelve oh five": the words may also have been read as a smaller sum ("twelve")
            out.extend(numbers.Amount(due, m.start(), m.end(), False, False) for m in spoken.finditer(u.text))
    return out


_ONES = [numbers.EN_WORD_OF[n] for n in range(20)]
_TENS = ["", ""] + [numbers.EN_WORD_OF[n] for n in range(20, 100, 10)]


def _two_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (r"[\s-]+" + _ONES[n % 10] if n % 10 else "")


@lru_cache(maxsize=256)
def _spoken_price(due: float) -> re.Pattern[str] | None:
    """The balance said the way prices are read out, "three eighteen forty" for $318.40 or
    "twelve oh five" for $1,205: pairs of digits, no "hundred", the cents tacked on."""
    dollars, cents = int(due), round((due - int(due)) * 100)
    if not 100 <= dollars <= 9999 or dollars % 100 == 0:
        return None
    low = dollars % 100
    words = _two_words(dollars // 100) + r"[\s,-]+" + (r"oh[\s-]+" + _ONES[low] if low < 10 else _two_words(low))
    if cents:
        words += r"(?:[\s,-]+(?:and[\s-]+)?" + _two_words(cents) + ")?"
    return re.compile(r"\b" + words + r"\b(?![\s-]+(?:days?|weeks?|months?|years?|times|percent|am|pm|o.clock)\b)", re.I)


def _state_amount(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    best: Act | None = None
    for amount in u.amounts + _case_figures(u):
        s, e = u.sentence(amount.start)
        cue = pattern.search(u.text, s, e)
        if not cue and not _matches_case(amount.value, u.facts):
            continue
        ok = _matches_case(amount.value, u.facts, amount.approx)
        if u.lang == "zh" and not cue and not _ZH_EMPLOYED.search(u.text) and not (ok and not amount.approx):
            continue  # a bare sum is the balance only where the debt is the subject, or it is the balance
        act = u.sentence_act("", amount.start, amount=amount.value, matches_case=ok)
        if best is None or (act.slots["matches_case"] and not best.slots["matches_case"]):
            best = act
    return [best] if best else []


def _state_overdue(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    found: Act | None = None
    for m in pattern.finditer(u.text):
        if u.negated(m.start(), m.end()):
            continue
        durations = u.in_sentence(u.durations, m.start())
        if durations:  # "两个月的没还上……最早那一期已经晚了40天了": the case's own count, else the nearest
            due = u.facts.days_overdue
            durations = sorted(durations, key=lambda d: (not (due and abs(d.days - due) <= max(7, 0.25 * due)),
                                                         abs(d.start - m.start())))
        act = u.sentence_act("", m.start(), days=durations[0].days if durations else None)
        if act.slots["days"] is not None:
            return [act]
        found = found or act
    # "到今天58天了", "it's been that way for 74 days": the case's own count of days, said where
    # the debt is the subject, is the overdue period however it is worded.
    due = u.facts.days_overdue
    if due:
        for d in u.durations:
            if abs(d.days - due) <= max(7, 0.25 * due):
                s, e = u.sentence(d.start)
                # "$1,140 past due. Forty-seven days.": clipped speech puts the cue a sentence back
                if _OVERDUE_CUE.search(u.text, u.sentence(s - 1)[0] if s > 0 else s, e):
                    return [u.sentence_act("", d.start, days=d.days)]
    return [found] if found else []


_OVERDUE_CUE = re.compile(r"逾期|晚|拖|欠|没还|没有还|未还|冇还|没交|没缴|未缴|过了|过咗|还款日|超过|超出|到今天|没动|\b(late|behind|overdue|past|unpaid|since|"
                          r"paid|due|outstanding|owed?|owing|arrears|limit|that way|missed|nothing|balance|been|sitting|sat)\b", re.I)


def _legal_kind(u: _Utterance, start: int, end: int) -> str | None:
    """'lawful', 'false' or None (negated) for a legal or criminal phrase, judged on its sentence."""
    if u.negated(start, end):
        return None
    s, e = u.sentence(start)
    sentence = u.text[s:e]
    phrase = u.text[start:end]
    if phrase[:7].lower() == "without":
        # "we can take it from your wages without going to court" claims a power no one has;
        # "we can't take anything without going to court first" denies it
        return None if _DENIED_BEFORE.search(sentence, 0, start - s) else "false"
    # Certainty is read in the phrase's own clause: "征信上已经有记录了，再拖下去银行是可以起诉的"
    # says the record is already there, not the suit.
    cs, ce = _clause(sentence, start - s)
    clause = sentence[cs:ce]
    certain = any(not _NEGATED_CERTAINTY.search(clause[max(0, m.start() - 16):m.start()])
                  for m in u.lex.markers["certainty"].finditer(clause)) if "certainty" in u.lex.markers else False
    if _CRIME.search(phrase) and not _LEGAL_ACTION.search(phrase):
        return "lawful" if u.lex.marker("narrow", sentence) else "false"
    if _LEGAL_ACTION.search(phrase):
        possible = u.lex.marker("possibility", sentence)
        conditional = u.lex.marker("conditional", sentence)
        if certain:
            return "false"
        if _NEEDS_JUDGMENT.search(phrase) and not _COURT_FIRST.search(sentence):
            return "false"  # "the county can start garnishing your paycheck": no suit, no judgment, no garnishment
        if possible or _ONLY_IF.search(sentence) \
                or (conditional and ("依法" in sentence or "legal" in sentence.lower())):
            return "lawful"
        return "false"
    return "false"


_DENIED_BEFORE = re.compile(r"\b(can.t|cannot|can not|won.t|couldn.t|no one|nobody|never|not)\b", re.I)
_COMMA_BREAK = re.compile(r"[，,；;：:—]|\s-\s")
# "only if they sued and a judge ruled for them would garnishment even be on the table"
# Enforcement that only a judgment allows: lawful to mention only with the court step in the sentence
_NEEDS_JUDGMENT = re.compile(r"强制执行|冻结|查封|划扣|\b(garnish\w*|levy|levies|bailiffs?)\b", re.I)
_COURT_FIRST = re.compile(r"起诉|诉讼|法院|判决|裁定|\b(sue[sd]?|suing|suit|lawsuit|court|judg(e)?ments?|judges?|CCJ|order)\b", re.I)
_ONLY_IF = re.compile(r"只有[^。]{0,20}才|\bonly (if|after|once|when)\b|\b(unless|until) (a|the) (court|judge)\b", re.I)


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``pos`` (between commas, semicolons, dashes)."""
    start = 0
    for m in _COMMA_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        else:
            return start, m.start()
    return start, len(sentence)


def _explain_consequence(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    kinds: list[str] = []
    first: re.Match[str] | None = None
    for m in pattern.finditer(u.text):
        phrase = m.group()
        if _LEGAL_ACTION.search(phrase) or _CRIME.search(phrase):
            if _legal_kind(u, m.start(), m.end()) != "lawful":
                continue
            kind = "legal"
        elif u.negated(m.start(), m.end()):
            continue
        else:
            kind = "credit" if re.search(r"征信|信用|记录|credit|bureau|report", phrase, re.I) else "interest"
        kinds.append(kind)
        first = first or m
    if first is None:
        return []
    return [u.sentence_act("", first.start(), kinds=tuple(dict.fromkeys(kinds)))]


def _false_legal(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """Each false legal phrase (a rule may skip one that only names a posed-as authority)."""
    out: list[Act] = []
    for m in pattern.finditer(u.text):
        phrase = m.group()
        if _reported(u, m.start(), m.end()):
            continue
        if _CRIME.search(phrase) or _LEGAL_ACTION.search(phrase):
            if _legal_kind(u, m.start(), m.end()) != "false":
                continue
            kind = _crime_kind(u, m.start()) if _CRIME.search(phrase) and not _LEGAL_ACTION.search(phrase) else "action"
        elif u.negated(m.start(), m.end()):
            continue
        else:
            kind = "collateral"
        out.append(u.sentence_act("", m.start(), kind=kind, phrase=phrase))
        if len(out) >= 4:
            break
    return out


def _threat(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """A threat, unless the "visit" is part of a (false) legal claim: that is false_legal's job."""
    for m in pattern.finditer(u.text):
        s, e = u.sentence(m.start())
        if u.negated(m.start(), m.end()) and not _implied(u, m.start()) or _LEGAL_VISIT.search(u.text[s:e]) \
                or _reported(u, m.start(), m.end()):
            continue
        return [u.act("", m.start(), m.end())]
    return []


def _crime_kind(u: _Utterance, pos: int) -> str | tuple[str, ...]:
    """"crime" when the sentence accuses the person of an offence (1692e(7)), "arrest" when it
    threatens arrest, jail or the police (1692e(4)); both when it does both."""
    s, e = u.sentence(pos)
    sentence = u.text[s:e]
    accuse, arrest = bool(_ACCUSE.search(sentence)), bool(_ARREST.search(sentence))
    if accuse and arrest:
        return ("arrest", "crime")
    return "arrest" if arrest else "crime"


_ACCUSE = re.compile(r"犯罪|诈骗|恶意透支|罪名|定罪|有罪|刑事|非法占有|\b(criminal|crime|fraud\w*|theft|thief|stealing|steal|stole|larceny|defraud\w*|"
                     r"felony|misdemeanou?r|offen[cs]e)\b", re.I)
_ARREST = re.compile(r"派出所|公安|警察|拘留|坐牢|抓|监狱|判刑|\b(arrest\w*|jail\w*|prison|police|sheriff|locked up|handcuff\w*|"
                     r"warrant|cops?|behind bars)\b", re.I)


def _demand(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """A demand for payment; ``urgent`` when it comes with false urgency or escalation. A button
    the agent is pointing to ("in our app under Card, then Make a payment", 点“立即还款”) is not one."""
    m = _first_kept(u, pattern, lambda m: bool(_UI_BEFORE.search(u.text, max(0, m.start() - 30), m.start()))
                    or _ANYTIME.match(u.text, m.end()) and bool(_MAY.search(u.text, max(0, m.start() - 16), m.start())))
    if m is None:
        return []
    pressure = u.lex.markers.get("pressure")
    return [u.act("", m.start(), m.end(), urgent=bool(pressure and pressure.search(u.text)))]


# "You can make a payment at any time in the app": where and when to pay, not a demand
_MAY = re.compile(r"\b(you can|you could|you.re welcome to|feel free to)\s+$|(您|你)(随时)?(可以|也可以)\s*$", re.I)
_ANYTIME = re.compile(r"\s*(at any time|any ?time|whenever|online|in the app|through|via|by (phone|card|direct debit))\b|[^。，]{0,4}(随时|在|通过)", re.I)
_UI_BEFORE = re.compile(r"(?:[“\"‘「]|(?<=\s)'|\b(?:under|tap|click|press|select|choose|hit|then|button|menu|option|tab)\b[^.]{0,12}?)\s*$|点(击)?[“\"‘「]?\s*$",
                        re.I)


_LEGAL_VISIT = re.compile(r"传票|派出所|公安|警察|法院|执行|拘留|逮捕|summons|served|sheriff|police|bailiff|court|officers?|deput(y|ies)|"
                          r"marshals?|custody|warrant|arrest", re.I)


def _sarcasm(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    m = pattern.search(u.text)
    if not m:
        return []
    s, e = u.sentence(m.start())
    sentence = u.text[s:e]
    near = u.text[max(s, m.start() - 8):m.end() + 4]
    if u.lex.marker("person", near) and not u.lex.marker("situation", near):
        target = "person"
    elif u.lex.marker("situation", sentence):
        target = "situation"
    else:
        target = "person" if u.lex.marker("person", sentence) else "situation"
    return [u.sentence_act("", m.start(), target=target)]


def _jargon(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    out = []
    explain = u.lex.agent.get("explain_term")
    for m in pattern.finditer(u.text):
        term = m.group().lower()
        s, e = u.sentence(m.start())
        if term in u.context.explained_terms:
            continue
        window = u.text[m.start():min(len(u.text), max(e, m.end() + 40))]
        if explain and explain.search(window) or _DEFINED_AFTER.match(u.text, m.end()):
            # "就是大家常说的“停息挂账”：欠款不再往上计利息": a colon and a gloss explain it too
            out.append(u.act("explain_term", m.start(), m.end(), term=term))
        else:
            out.append(u.act("jargon", m.start(), m.end(), term=term))
    return out


_DEFINED_AFTER = re.compile(r"[”\"'’]?\s*[：:（(—]\s*\S{4,}")
_CANT = re.compile(r"\b(haven.t got|have not got|don.t have|do not have|can.t|cannot|not able to|no way|haven.t)\b|"
                   r"没有|没钱|拿不出|还不了|凑不齐|凑不出", re.I)


def _plan_or_terms(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    acts = _plan(u, pattern, terms_alone=True)
    if acts and not u.amounts and _WHY_ME.search(u.text, *u.sentence(acts[0].start)):
        return []  # "凭什么我先还？" objects to paying first; it offers nothing
    return acts


_SET_UP_AFTER = re.compile(r"[^。，,；;]{0,6}(给您|帮您|为您)?(办|申请|提交|签|寄|发给|处理|登记)(?![^。，,]{0,4}(还|付|扣|缴))")
_PENALTY_BEFORE = re.compile(r"(扣|罚)(了)?我\s*$|\b(fined me|docked me|charged me)\s*$", re.I)
_WHY_ME = re.compile(r"凭什么|凭啥|(为什么|为啥|干嘛)(要)?(让)?我|\bwhy (should|would|do|must) (i|we)\b", re.I)


def _plan(u: _Utterance, pattern: re.Pattern[str], terms_alone: bool = False) -> list[Act]:
    """A plan phrase, with the amounts, dates and instalments of the utterance as slots.

    An amount and a date together ("$600 on Friday, June 12") are a plan even without a
    plan word.
    """
    m = pattern.search(u.text)
    # "一单超时扣我五块钱" / "they docked me fifty bucks": a penalty the speaker suffered, not terms
    amounts = tuple(a.value for a in u.amounts if not _PENALTY_BEFORE.search(u.text, max(0, a.start - 8), a.start))
    if m:
        start = m.start()
    elif terms_alone and amounts and u.dates:
        start = u.amounts[0].start
        s, _ = u.sentence(start)
        if _CANT.search(u.text, s, start):
            return []  # "I haven't got three hundred pounds. My rent's due Friday." proposes nothing
    else:
        return []
    today = u.facts.call_date
    # "我这边今天就可以给您办": the day something is set up, not a payment date
    found_dates = tuple(d.value.isoformat() for d in u.dates if (today is None or d.value >= today)
                        and not _SET_UP_AFTER.match(u.text, d.end))
    instalments = u.instalments
    return [u.sentence_act("", start, amounts=amounts, dates=found_dates, instalments=instalments)]


def _disclose(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """``mention_account`` always; ``disclose_debt`` too while the listener is not a verified debtor."""
    mini_miranda = u.lex.agent.get("debt_collector_disclosure")
    for m in pattern.finditer(u.text):
        s, e = u.sentence(m.start())
        sentence = u.text[s:e]
        if u.negated(m.start(), m.end()) or _WITHHOLD.search(sentence) or _proper_name(u, m.start()) \
                or _WHO_WE_ARE.search(sentence) \
                or _reported(u, m.start()) or _FIRM_AFTER.match(u.text, m.end()) \
                or not u.context.third_party and _ZH_DEPT_AFTER.match(u.text, m.end()):
            continue
        if mini_miranda and mini_miranda.search(sentence):
            continue
        act = u.sentence_act("mention_account", m.start())
        if u.context.verified and not u.context.third_party:
            return [act]
        return [act, Act("disclose_debt", act.start, act.end, act.quote)]
    return []


# "calling from ember lee collection partners": a firm's name, not the debt (lower-case ASR exports)
_FIRM_AFTER = re.compile(r"\s+(partners|services|agency|group|associates|solutions|bureau|recover(y|ies)|management|"
                         r"ltd|llc|inc|company|corp|department|dept|division|team|specialists)\b", re.I)
# "I'm with the team handling your account": who the caller is, not a detail of the account
_WHO_WE_ARE = re.compile(r"\b(team|people|department|office|ones?|folks|unit) (that.s |who.re |who are )?(handling|managing|"
                         r"looking after|working on|dealing with|in charge of) (your|the) account\b", re.I)
# "我是贷后催收组的", "催收专员": the caller's team or title, not an account detail
_ZH_DEPT_AFTER = re.compile(r"(?<=催收)(组|部|中心|团队|专员|员|岗|科|室)")
_WITHHOLD = re.compile(r"只能(跟|和|与)|不方便|不能(跟|和)您?(说|谈|透露)|can.t (discuss|share|go into)|cannot (discuss|share)|"
                       r"only (discuss|speak)|not able to (discuss|share)", re.I)


def _channel(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """An official way to pay, unless negated or it is where to borrow ("a loan app online", "下个借款App")."""
    for m in pattern.finditer(u.text):
        s, e = u.sentence(m.start())
        if u.negated(m.start(), m.end()) or _BORROW_PLACE.search(u.text[s:e]):
            continue
        return [u.act("", m.start(), m.end())]
    return []


_BORROW_PLACE = re.compile(r"借款\s*(App|APP|app|软件|平台)|贷款\s*(App|APP|app|软件|平台)|网贷|下[个一]?[^。，]{0,4}(借|贷)|(借呗|微粒贷|白条|花呗)[^。，]{0,4}(借|套|取现|周转|刷)|从(借呗|微粒贷|白条|花呗)|"
                           r"\b(payday|loan (app|shark|company|site)|lenders?|borrow\w*|credit line|cash advance|pawn)\b", re.I)


def _route(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """A dispute or hardship route, unless it is refused ("You can't dispute it", "没法给您申请分期")."""
    for m in pattern.finditer(u.text):
        if u.negated(m.start(), m.end()) or _NO_ROUTE.search(u.clause_before(m.start())):
            continue
        return [u.act("", m.start(), m.end())]
    return []


_NO_ROUTE = re.compile(r"(没法|没办法|无法|不能|不可以|不可能|办不了|不支持|不提供|不接受|不给)[^，。；]{0,8}$|"
                       r"\b(can.t|cannot|won.t|don.t|do not|no longer|not (able|allowed|eligible)|too late to)\b[^,.;]{0,25}$", re.I)


def _proper_name(u: _Utterance, start: int) -> bool:
    """The match sits inside a capitalised name ("Northway Debt Purchasing", "Apex Collections")."""
    if u.lang != "en" or not u.text[start:start + 1].isupper():
        return False
    before = u.text[max(0, start - 30):start]
    return bool(re.search(r"(?-i:[A-Z][\w&'’-]*)\s+$", before)) and not re.search(r"[.!?]\s+\S*\s*$", before)


def _stated(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    """Said as a fact, not asked ("isn't it statute-barred?" asks; "it's statute-barred" states)."""
    return _act_of(u, _first_kept(u, pattern, lambda m: _asked(u, m.start())))


def _dispute(u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    for m in pattern.finditer(u.text):
        before = u.clause_before(m.start())
        if re.search(r"以为|还以为|thought|assumed|figured", before, re.I):
            continue
        return [u.act("", m.start(), m.end())]
    return []


_AGENT: dict[str, Handler] = {
    "state_amount": _state_amount, "state_overdue": _state_overdue, "explain_consequence": _explain_consequence,
    "false_legal": _false_legal, "sarcasm": _sarcasm, "jargon": _jargon, "offer_plan": _plan_or_terms,
    "disclose_debt": _disclose, "confirm_plan": _plan, "recap": _plan, "threat": _threat, "payment_channel": _channel,
    **{name: _unless_negated for name in (
        "contempt", "impersonation", "frequency_pressure", "dismiss_hardship", "dismiss_dispute")},
    **{name: _unless_warned for name in ("personal_account", "push_new_borrowing", "ask_third_party_pay")},
    "extra_fee": _invented_fee,
    "insult": _insult, "mention_contacts": _threatened, "dispute_route": _route, "hardship_route": _route, "hardship_arrangement": _route, "demand_payment": _demand,
}
_DEBTOR: dict[str, Handler] = {
    "dispute": _dispute, "counter_offer": _plan_or_terms, "claim_time_barred": _stated,
    **{name: _unless_negated for name in ("has_lawyer", "hardship", "vulnerability", "stop_calling")},
}
# Handlers that may find an act with no match of the family (an amount alone, terms alone).
_WITHOUT_MATCH = frozenset({_state_amount, _plan_or_terms, _state_overdue})
# Handlers that read the case facts (amount, call date) or the call so far: run for every call.
# The others depend on the text alone, so their acts are kept per text.
# Each is kept per text too, under the one thing of the call it reads.
_CALL_KEY: dict[Handler, Callable[[_Utterance], object]] = {
    _state_amount: lambda u: u.facts.amount_due,
    _state_overdue: lambda u: u.facts.days_overdue,
    _plan_or_terms: lambda u: u.facts.call_date,
    _plan: lambda u: u.facts.call_date,
    _jargon: lambda u: u.context.explained_terms,
    _disclose: lambda u: (u.context.verified, u.context.third_party),
}
_NEEDS_CALL = frozenset(_CALL_KEY)
# Debtor acts that say something specific; "answer" is given only when none of these fits.
_DEBTOR_SPECIFIC = frozenset({
    "confirm_identity", "deny_identity", "ask_who_is_calling", "vent", "object", "ask_clarify", "explain_situation",
    "dispute", "stall", "counter_offer", "accept_plan", "refuse", "threaten_agent", "take_message", "hang_up", "goodbye",
})
_CAPS = re.compile(r"\b[A-Z]{3,}(?:[\s,]+[A-Z]{2,})+\b|\b[A-Z]{6,}\b")
_ACRONYMS = frozenset({"FDCPA", "CFPB", "SSN", "DOB", "USD", "GBP", "APR", "ATM", "ACH", "NSF", "FCA", "CONC", "IVA",
                       "HMRC", "DWP", "UK", "US", "ID", "PIN", "CCJ", "LLC", "LTD", "FICO", "IRS", "BACS", "CHAPS"})
_TONE_FROM_ACTS = {"sarcasm": "sarcasm", "insult": "insult", "contempt": "contempt", "threat": "threat",
                   "jargon": "jargon", "false_legal": "intimidation", "mention_contacts": "exposure",
                   "push_new_borrowing": "pressure", "frequency_pressure": "pressure", "dismiss_hardship": "dismissive",
                   "ask_third_party_pay": "pressure", "impersonation": "misleading", "extra_fee": "misleading",
                   "personal_account": "misleading", "refuse_identity": "misleading"}


def _tone(u: _Utterance, acts: list[Act]) -> list[ToneFeature]:
    if u.info.tone is None:
        u.info.tone = _text_tone(u)
    out = list(u.info.tone)
    for act in acts:
        kind = _TONE_FROM_ACTS.get(act.name)
        if kind:
            out.append(ToneFeature(kind, act.start, act.end, act.quote))
    return out


def _text_tone(u: _Utterance) -> list[ToneFeature]:
    """The tone cues of the words themselves (not of the acts)."""
    text, lex = u.text, u.lex
    out: list[ToneFeature] = []
    for kind in ("polite", "command", "pressure", "interrupt", "curt", "shouting", "lecture", "familiar", "minimise",
                 "stonewall"):
        pattern = lex.markers.get(kind)
        narrowed = u.narrow(pattern) if pattern else None
        m = narrowed.search(text) if narrowed else None
        if m:
            out.append(ToneFeature(kind, m.start(), m.end(), m.group()))
    if u.lang == "en":
        for m in _CAPS.finditer(text):
            if not set(re.findall(r"[A-Z]+", m.group())) <= _ACRONYMS:
                out.append(ToneFeature("shouting", m.start(), m.end(), m.group()))
                break
    length = len(text.split()) if u.lang == "en" else len(re.sub(r"\s", "", text))
    if length > (120 if u.lang == "en" else 220):
        out.append(ToneFeature("wall_of_text", 0, len(text), text[:60]))
    if text.count("?") + text.count("？") >= 4:
        out.append(ToneFeature("question_barrage", 0, len(text), text[:60]))
    return out


def _add_run(steps: list, found: list[Act]) -> None:
    """Text-only acts join the run before them, so a cached text replays as few steps as it can."""
    if not found:
        return
    if steps and type(steps[-1]) is list:
        steps[-1] = steps[-1] + found
    else:
        steps.append(found)


def _text_steps(u: _Utterance, families: dict[str, re.Pattern[str]], handlers: dict[str, Handler]) -> list:
    """The families in order, as they stand for this text: runs of the acts of the text-only
    families (found now, once), and the families that need the call, still to run per call.

    Only the families that the prefilter lets through are visited (and those whose handler may
    find an act without a match), each with its alternation narrowed to what can match here."""
    prefilter = u.info.prefilter
    if prefilter is not None:
        return _text_steps_narrowed(u, prefilter, _run_plan(u.lex, prefilter, families, handlers))
    steps: list = []
    for name, pattern in families.items():
        handler = handlers.get(name, _plain)
        if handler in _NEEDS_CALL:
            if _call_step_wanted(handler, u, u.may_match(pattern)):
                steps.append((handler, name, pattern, {}))
            continue
        found = _run(handler, name, u, pattern)
        _add_run(steps, found)
    return steps


def _call_step_wanted(handler: Handler, u: _Utterance, can_match: bool) -> bool:
    """Whether a family that needs the call is worth running per call for this text."""
    if handler is _state_amount:
        # a bare figure may be the balance, digits or (English) words: "three eighteen forty"
        return bool(u.amounts) or _HAS_DIGIT.search(u.text) is not None or u.lang == "en" and _HAS_NUMBER.search(u.text) is not None
    if handler is _plan_or_terms:
        return bool(u.amounts) or can_match  # terms alone make an offer
    if handler is _state_overdue:
        return can_match or bool(u.durations)  # the case's own day count needs no cue
    return can_match


def _run_plan(lex: Lexicon, prefilter: Prefilter, families: dict[str, re.Pattern[str]],
              handlers: dict[str, Handler]) -> tuple[dict[int, tuple], int, int]:
    """Per family of ``families`` (by its prefilter index): (name, pattern, handler); the bits of
    these families; the bits of those whose handler may find an act without a match."""
    key = ("plan", id(families), id(handlers))
    plan = lex.derived.get(key)
    if plan is None or plan[0] is not families:
        part = "agent" if families is lex.agent else "debtor"
        entries: dict[int, tuple] = {}
        known = anyway = 0
        for name, pattern in families.items():
            i = prefilter.index[(part, name)]
            handler = handlers.get(name, _plain)
            entries[i] = (name, pattern, handler)
            known |= 1 << i
            if handler in _WITHOUT_MATCH or handler is _state_amount or handler is _plan_or_terms:
                anyway |= 1 << i
        plan = lex.derived[key] = (families, (entries, known, anyway))
    return plan[1]


def _text_steps_narrowed(u: _Utterance, prefilter: Prefilter, plan: tuple[dict[int, tuple], int, int]) -> list:
    """``_text_steps`` over the families that can say something about this text."""
    entries, known, anyway = plan
    hits, passed = u.hits()
    todo = (hits & known) | anyway
    steps: list = []
    while todo:
        low = todo & -todo
        todo ^= low
        i = low.bit_length() - 1
        name, pattern, handler = entries[i]
        narrowed = prefilter.narrowed(i, passed) if hits & low else None  # None: the family cannot match
        if handler in _NEEDS_CALL:
            if _call_step_wanted(handler, u, narrowed is not None):
                steps.append((handler, name, narrowed or pattern, {}))
            continue
        if narrowed is None and handler not in _WITHOUT_MATCH:
            continue  # every other handler needs a match of its family to say anything
        found = [Act(act.name or name, act.start, act.end, act.quote, act.slots) for act in handler(u, narrowed or pattern)]
        _add_run(steps, found)
    return steps


def _run(handler: Handler, name: str, u: _Utterance, pattern: re.Pattern[str]) -> list[Act]:
    if handler not in _WITHOUT_MATCH and not u.may_match(pattern):
        return []  # every other handler needs a match of its family to say anything
    return [Act(act.name or name, act.start, act.end, act.quote, act.slots) for act in handler(u, pattern)]


_INSISTING_ACTS = frozenset({"demand_payment", "dismiss_hardship", "dismiss_dispute"})
_CONTRAST = re.compile(r"\b(but|however|though|still|that said|regardless|even so|nevertheless|anyway)\b|但是|但|可是|不过|然而|还是|照样|也得|也要|反正", re.I)


def _drop_hollow_empathy(text: str, acts: list[Act]) -> list[Act]:
    """"I understand, but we still need the full balance": sympathy that a contrast turns into a
    demand or a dismissal is no empathy (for forbearance or tone); sympathy after it still counts."""
    insisting = [a.start for a in acts if a.name in _INSISTING_ACTS]
    hollow = {id(e) for e in acts if e.name == "empathise"
              and any(start >= e.end and _CONTRAST.search(text, e.end, start + 8) for start in insisting)}
    return [a for a in acts if id(a) not in hollow] if hollow else acts


_FILLER = re.compile(r"\b(?:um+|uh+|erm+|er|hmm+|mm+)\b,?\s*", re.I)
_DRAWL = re.compile(r"(?<=[\u4e00-\u9fff\d])[—～]+(?=[\u4e00-\u9fff\d])")


# Where the first act's phrase overlaps one of the others, the first is what was said:
# "找家里亲戚周转一下" asks family for a loan (a borrowing push, not exposure); "I am unable to
# offer a breathing space" refuses help (no help offered).
_OVERRIDES = (("push_new_borrowing", frozenset({"mention_contacts"})),
              ("dismiss_hardship", frozenset({"hardship_arrangement", "hardship_route"})))


def _drop_overlapped(acts: list[Act], winner: str, losers: frozenset[str]) -> list[Act]:
    spans = [a for a in acts if a.name == winner]
    return [a for a in acts if a.name not in losers or not any(w.start < a.end and a.start < w.end for w in spans)]


def _drop_hedged_yes(acts: list[Act]) -> list[Act]:
    """"Okay... I'll try to borrow it" / "好吧，我尽量": a leading yes that a hedge takes back is
    no agreement (DOMAIN.md: accepting "I'll see" is not a plan)."""
    stall = min(a.start for a in acts if a.name == "stall")
    return [a for a in acts if not (a.name == "accept_plan" and a.start <= 12 and a.start < stall)]


def analyse(text: str, speaker: str, lang: str, facts: Facts | None = None, context: Context | None = None,
            lexicons: dict[str, Lexicon] | None = None) -> Analysis:
    """Dialogue acts and tone features of one utterance by ``speaker`` ("agent"/"debtor") in ``lang``."""
    lex = (lexicons or builtin_lexicons()).get(lang) or builtin_lexicons()["zh" if lang.startswith("zh") else "en"]
    if speaker not in ("agent", "debtor") or not text or not text.strip():
        return Analysis(text, speaker, lang)
    said = None
    if lang.startswith("zh"):
        if "—" in text or "～" in text:
            # "最后——四——位", "6月——8号": a drawn-out word, not a clause break
            text = _DRAWL.sub("", text)
        plain = normalise_zh(text)  # 請問 -> 请问, 鱼期 -> 逾期: same length, so spans still fit
        if plain != text:
            said, text = text, plain
    elif lang == "en" and _FILLER.search(text):
        # ASR fillers ("this is um rafael ortiz with ...") split the phrases the lexicon knows
        text = _FILLER.sub("", text)
    analysis = _analyse_text(text, speaker, lex, facts, context)
    return _in_own_words(analysis, said) if said is not None else analysis


def _in_own_words(analysis: Analysis, said: str) -> Analysis:
    """The analysis of normalised text, quoting the speaker's own characters (same spans)."""
    acts = tuple(Act(a.name, a.start, a.end, said[a.start:a.end], a.slots) for a in analysis.acts)
    tone = tuple(ToneFeature(t.kind, t.start, t.end, said[t.start:t.end]) for t in analysis.tone)
    return Analysis(said, analysis.speaker, analysis.lang, acts, tone, analysis.names)


def _analyse_text(text: str, speaker: str, lex: Lexicon, facts: Facts | None, context: Context | None) -> Analysis:
    info = _text_info(lex, speaker, text)
    if info.analysis is not None:
        return info.analysis  # nothing of the call matters for this text
    u = _Utterance(text, lex.language, lex, facts or Facts(), context or Context(), info)
    families = lex.agent if speaker == "agent" else lex.debtor
    handlers = _AGENT if speaker == "agent" else _DEBTOR
    steps = info.families
    if steps is None:
        steps = info.families = _text_steps(u, families, handlers)
    acts: list[Act] = []
    for step in steps:
        if type(step) is list:
            acts.extend(step)
        else:
            handler, name, pattern, memo = step
            key = _CALL_KEY[handler](u)
            found = memo.get(key)
            if found is None:
                if len(memo) >= 64:
                    memo.clear()
                found = memo[key] = [Act(a.name or name, a.start, a.end, a.quote, a.slots) for a in handler(u, pattern)]
            acts.extend(found)
    names = {a.name for a in acts}
    for winner, losers in _OVERRIDES:
        if winner in names and names & losers:
            acts = _drop_overlapped(acts, winner, losers)
            names = {a.name for a in acts}
    if "empathise" in names and names & _INSISTING_ACTS:
        acts = _drop_hollow_empathy(text, acts)
        names = {a.name for a in acts}
    if speaker == "debtor":
        if "accept_plan" in names and "stall" in names:
            acts = _drop_hedged_yes(acts)
            names = {a.name for a in acts}
        if "give_verification" in names and "confirm_identity" not in names:
            acts.append(Act("confirm_identity", 0, len(text), text))
        if not (names & _DEBTOR_SPECIFIC) and "give_verification" not in names:
            acts.append(Act("answer", 0, len(text), text))
        if "not_debtor" in names or "relative" in names or "wrong_number" in names:
            acts = [a for a in acts if a.name != "confirm_identity"]
    acts.sort(key=lambda a: (a.start, a.name))
    tone = tuple(_tone(u, acts)) if speaker == "agent" else ()
    analysis = Analysis(text, speaker, lex.language, tuple(acts), tone, frozenset(a.name for a in acts))
    if all(type(step) is list for step in steps):
        info.analysis = analysis  # every act came from the text alone: so does all of the above
    return analysis
