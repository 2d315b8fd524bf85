"""Lines for an intent when none of the persona's phrases can be filled this turn.

A trainer's persona may lack a phrase for an intent the policy picks in some case (an
``ask_clarify`` without ``{term}``, a confirm without the fact asked for); the debtor must
still answer in character rather than crash or fall silent.
"""

from __future__ import annotations

FALLBACK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # intent: (zh lines, en lines)
    "answer": (("嗯。", "哦，你说。", "嗯，然后呢？"), ("Mm.", "OK, go on.", "Right. And?")),
    # "answer" after the pick-up: the persona's own answer phrases are how they pick up the phone
    "acknowledge": (("嗯，好。", "行，知道了。", "嗯，你说。", "好的。", "哦，这样。"),
                    ("OK.", "Right, got it.", "Mm-hm, go on.", "Sure.", "I see.")),
    "confirm_identity": (
        ("是我。", "对，是我本人。", "对，身份证后四位{id_last4}。", "手机尾号{phone_last4}。", "我生日是{date_of_birth}。",
         "邮编是{postcode}。"),
        ("Yes, speaking.", "That's me.", "Sure, the last four are {id_last4}.", "My phone ends in {phone_last4}.",
         "My date of birth is {date_of_birth}.", "Postcode's {postcode}."),
    ),
    "deny_identity": (("不是，你打错了。",), ("No, you've got the wrong person.",)),
    "ask_who_is_calling": (("你是哪位？",), ("Who is this?",)),
    "vent": (("烦死了。",), ("This is so stressful.",)),
    "object": (("这不合理吧。",), ("That doesn't seem right.",)),
    "ask_clarify": (("啊？你说什么？我没听明白。", "什么意思？"), ("Sorry, what? I don't follow.", "What do you mean?")),
    "explain_situation": (("我最近手头真的很紧。",), ("Money's really tight right now.",)),
    "dispute": (("这个金额不对吧。",), ("That amount isn't right.",)),
    "stall": (("我再想想吧。",), ("Let me think about it.",)),
    "counter_offer": (("我最多{date}先还{amount}。",), ("The most I can do is {amount} by {date}.",)),
    "accept_plan": (("行，{date}前还{amount}。",), ("OK, {amount} by {date}.",)),
    "refuse": (("这个我做不到。",), ("I can't do that.",)),
    "threaten_agent": (("你再这样我投诉你。",), ("Keep this up and I'll report you.",)),
    "take_message": (("行，我会转告的。",), ("OK, I'll pass it on.",)),
    "hang_up": (("我挂了。",), ("I'm hanging up.",)),
    "goodbye": (("再见。",), ("Bye.",)),
}
