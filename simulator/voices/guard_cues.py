"""The guard's word lists, per language, kept as data in one place (regular expressions).

Trainers and reviewers tune these without reading the guard's logic. Commitments are
matched strictly (a model that promises what the policy did not decide must be caught);
style is not checked at all. A commitment cue preceded by a negation in the same clause
("我不会还", "I won't pay") does not count: the guard checks ``NEGATION`` before each hit.
"""

from __future__ import annotations

CUES: dict[str, dict[str, list[str]]] = {
    "zh": {
        # a promise or agreement to pay
        "promise": [
            r"我?(会|一定|肯定|保证|马上|立刻|这就|今天就|明天就|尽快|答应|愿意|可以|能)[^，,。！？!?；;]{0,4}(还|付|转账|打款|结清|还清|还上|交)",
            r"(全部|全额|一次性|都)[^，,。！？!?；;]{0,3}(还|付|结清|还清)",
            r"(行|好|可以|没问题|成)[，, ]*(我)?(就)?(还|付|照办)",
            r"答应(你|您)|就这么(定|办)|同意(还|你|您|这个)|一言为定|听你的|按(你|您)说的",
        ],
        # saying "yes, it's me"
        "identity": [r"(?<![不要若但倒还这那])是我(?![的们])|我就是|我是[^，,。！？!?]{0,6}本人|我就?是?本人|(?<!不)是本人"],
        # admitting the debt is theirs
        "debt": [r"我(是)?欠(了|的|你们|您们|银行)|是我欠的|我的(欠款|债)|(?<![说讲])我(确实|的确)?逾期"],
        # breaking character: AI, model, prompt, system, the exercise itself
        "character": [
            r"(?<![A-Za-z])AI(?![A-Za-z])|人工智能|语言模型|大模型|机器人|聊天助手|智能助手|提示词|系统提示|指令|角色扮演|扮演|模拟|陪练|学员",
            r"<\||\|>|\[/?INST\]|^(system|assistant|user)\s*[:：]|^(坐席|催收员|客服|Agent)\s*[:：]",
        ],
        "negation": [r"(不|没|别|无法|不能|不会|不可能|没法|没办法)[^，,。！？!?；;]{0,3}$"],
        # what an intent must say somewhere in the whole reply
        "refuse": [r"不行|做不到|办不到|不可能|没办法|没法|还不了|还不起|不还|拒绝|不同意|不答应|不能|不要|算了|别想|不接受|拿不出|没(有)?钱|不管|管不了|做不了主|不关我|找(他|她)本人|你找|没用|没有就是没有|真没有|还不上|超出|能力|不会(再)?(借|付|还)|不认|弄不了|一分都不"],
        "closing": [r"挂了|挂电话|不说了|不聊了|先这样|就这样|再见|拜拜|回头(再)?(说|聊)|别(再)?打|我(走|忙)了|没空|没法谈|谈不(下去|了)|说不通|没什么好(谈|说)|不(跟|和)你(说|聊|谈)|不想(继续|再说)|结束|算了|再打给我|喂？喂|听不清"],
        "deny": [r"不是|打错|找错|不认识|没这个人|不在|没有这个人"],
        "ask_who": [r"谁|哪位|哪里|哪个|什么事|干什么|[？?]"],
        "message": [r"转告|告诉|跟他说|跟她说|带话|传达|让他|让她|回电话|打给你|让[^，。]{0,6}(回|打|联系)"],
        "threat": [r"投诉|举报|告你|报警|曝光|监管|12378|12315"],
    },
    "en": {
        "promise": [
            r"\bI(?:'ll| will| can| could| shall|'d| would| am going to|'m going to) (?:definitely |certainly |surely |happily |gladly )?(?:pay|settle|clear|transfer|send)\b",
            r"\b(?:pay|settle|clear)(?: it| this| that| the (?:whole|full) (?:thing|amount|balance))? (?:all|everything|in full|off|the lot)\b",
            r"\b(?:full payment|pay(?:ing)? (?:the )?(?:whole|full|entire) (?:amount|balance|thing))\b",
            r"\b(?:deal|agreed|I agree|I accept|you've got a deal|sounds good|that works|let's do (?:it|that)|I'm in)\b",
        ],
        "identity": [r"\b(?:speaking|that's me|this is (?:he|she|him|her)|yes,? it's me|it is me|I am (?:he|she)|you've got (?:him|her|me))\b"],
        "debt": [r"\bI (?:do )?owe\b|\bmy (?:debt|balance|arrears)\b|\bI(?:'m| am) (?:behind|overdue|late)\b"],
        "character": [
            r"\b(?:as an AI|an AI|AI model|language model|LLM|chatbot|AI assistant|artificial intelligence|system prompt|prompt|my instructions|role-?play(?:ing)?|simulation|simulated|practice call|trainee|I'm (?:an? )?(?:bot|model))\b",
            r"<\||\|>|\[/?INST\]|^(?:system|assistant|user)\s*:|^(?:agent|collector)\s*:",
        ],
        "negation": [r"(?:\bnot|n't|\bnever|\bno)\b[\w' ]{0,16}$"],
        "refuse": [r"\b(?:no|not|can't|cannot|won't|refuse|no way|forget it|impossible|nothing|more than I can|too much)\b|n't\b"],
        "closing": [r"\b(?:bye|goodbye|hanging up|hang up|I'm done|gotta go|got to go|have to go|talk later|that's it|enough|stop calling|don't call|do not call|leave (?:me|us) alone|I'm going|I'm off|going now|no talking to you|not talking to you|we're done|ending this call|end this call|forget it|call me back|breaking up|can't hear|no getting through)\b"],
        "deny": [r"\b(?:no|not|wrong|isn't here|not here|not in|don't know|no one|nobody|never heard)\b|n't\b"],
        "ask_who": [r"\b(?:who|what|where|which)\b|\?"],
        "message": [r"\b(?:tell (?:him|her)|pass (?:it|that|the message|this) on|message|let (?:him|her) know|have (?:him|her) call|call you back|to call you|have [\w ]{1,30} (?:call|ring)|leave (?:me )?a number)\b"],
        "threat": [r"\b(?:report\w*|complain\w*|regulator|ombudsman|CFPB|FCA|lawyer|sue|police|media|papers|get you fired)\b"],
    },
}
