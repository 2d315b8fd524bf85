"""User-facing strings in Chinese and English, in one table.

``t("key", lang, **slots)`` formats the string for ``lang`` (``zh`` default). The language
comes from ``--lang``, else ``DEBTSIM_LANG``, else Chinese: our first users are Chinese
collection teams. A missing key is a bug, caught by ``tests/test_i18n.py``.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "app.description": (
        "debtsim：催收坐席陪练。与模拟债务人通话，按五步流程、语气与合规评分，并记录进度。",
        "debtsim: a practice room for debt-collection agents. Call simulated debtors; get scored on the "
        "five steps, tone and compliance; track progress.",
    ),
    "app.epilog": (
        "不带子命令运行 debtsim 将启动终端应用。用 --lang en 切换为英文。",
        "Run debtsim with no subcommand to start the terminal app. Use --lang zh for Chinese.",
    ),
    "app.not_yet": (
        "终端应用尚未就绪（见 issue：trainee app）。可用的子命令：",
        "The terminal app is not built yet (see the trainee-app issue). Available subcommands:",
    ),
    "opt.lang": ("界面语言：zh（默认）或 en", "language of all output: zh (default) or en"),
    "opt.catalog": (
        "额外的人设/案件目录（含 personas/ 与 scenarios/），可多次指定；也可用环境变量 DEBTSIM_CATALOG",
        "an extra catalog folder holding personas/ and scenarios/; repeatable; also DEBTSIM_CATALOG",
    ),
    "opt.json": ("输出 JSON（供其他工具读取）", "print JSON for other tools"),
    "opt.version": ("显示版本号", "show the version"),
    "cmd.check": ("校验人设与案件文件", "validate persona and case files"),
    "cmd.check.paths": (
        "要校验的文件或目录（默认：整个检索路径）",
        "files or folders to check (default: the whole search path)",
    ),
    "cmd.personas": ("列出全部债务人人设", "list the debtor personas"),
    "cmd.cases": ("列出全部案件", "list the cases"),
    "cmd.score": ("为通话记录评分（.json / .jsonl / 目录 / - 表示标准输入）", "score call transcripts (.json / .jsonl / a folder / - for stdin)"),
    "cmd.eval": ("用带标注的通话检验评分器的准确率", "measure the scorer against labelled calls"),
    "cmd.score.paths": ("通话记录文件、目录，或 - 表示标准输入", "transcript files, folders, or - for standard input"),
    "opt.score_json": ("每行输出一份评分卡 JSON（提示信息走标准错误）", "print one scorecard JSON per line (messages go to stderr)"),
    "opt.eval_json": ("以 JSON 输出评估报告", "print the evaluation report as JSON"),
    "opt.rules": ("额外的规则/词表目录（含 rules/ 与 lexicon/），可多次指定", "an extra rubric folder (rules/, lexicon/); repeatable"),
    "cmd.call": ("与模拟债务人通话（行模式：每行一句坐席话术）", "call a simulated debtor in line mode (one agent line per input line)"),
    "opt.persona": ("人设 id（见 debtsim personas）", "persona id (see debtsim personas)"),
    "opt.case": ("案件 id（见 debtsim cases）", "case id (see debtsim cases)"),
    "opt.seed": ("随机种子：同一种子重放同一通话（默认随机）", "random seed: the same seed replays the same call (default: random)"),
    "opt.difficulty": ("难度：easy / medium / hard（默认为人设自身难度）", "difficulty: easy / medium / hard (default: the persona's own)"),
    "opt.script": ("从文件读取坐席话术（每行一句，# 开头为注释）", "read the agent's lines from a file (one per line, # for comments)"),
    "opt.voice": ("债务人语音：{voices}（默认 template，离线）", "debtor voice: {voices} (default template, offline)"),
    "opt.call_json": ("结束时输出一个 JSON 对象（通话记录 + 评分卡 + 债务人状态）；实时回复走标准错误",
                      "print one JSON object at the end (transcript, scorecard, debtor); live replies go to stderr"),
    "opt.max_minutes": ("通话时长上限（分钟），到时自动结束", "end the call after this many minutes"),
    "call.header": ("通话开始：{persona}（{difficulty}）· {case}。输入 /help 查看命令。",
                    "Call started: {persona} ({difficulty}) · {case}. Type /help for commands."),
    "call.seed": ("随机种子 {seed}（用 --seed {seed} 可重放本通话）", "seed {seed} (replay this call with --seed {seed})"),
    "call.agent": ("坐席", "Agent"),
    "call.debtor": ("客户", "Debtor"),
    "call.prompt": ("坐席> ", "agent> "),
    "call.hung_up": ("客户已挂断。可用 /record 填写通话记录；结束输入（Ctrl-D）后显示评分。",
                     "The debtor hung up. File the record with /record; end input (Ctrl-D) for the scorecard."),
    "call.ended": ("通话已结束。可用 /record 填写通话记录；结束输入（Ctrl-D）后显示评分。",
                   "Call ended. File the record with /record; end input (Ctrl-D) for the scorecard."),
    "call.truncated": ("通话时间到。可用 /record 填写通话记录。", "Time is up. File the record with /record."),
    "call.over": ("通话已结束，现在只接受 /record（或 /help、/hint）。", "The call is over: only /record (or /help, /hint) now."),
    "call.record_ok": ("已记录：{record}", "Record filed: {record}"),
    "call.record_bad": ("通话记录有误：{error}。请重新输入 /record（其余内容不会丢失）。",
                        "Bad record: {error}. Type /record again (nothing else is lost)."),
    "call.record_usage": ('用法：/record outcome=promise_to_pay amount=2000 date=2026-03-10 notes="..."；outcome 可选：{outcomes}',
                          'usage: /record outcome=promise_to_pay amount=2000 date=2026-03-10 notes="..."; outcomes: {outcomes}'),
    "call.record_key": ("未知字段 {key}（可用：outcome, amount, date, notes）", "unknown field {key} (fields: outcome, amount, date, notes)"),
    "call.no_record": ("未填写通话记录：第五步（结束与记录）不完整。", "No call record filed: step 5 (closing and record) is incomplete."),
    "call.hint": ("提示：{tip}", "Hint: {tip}"),
    "call.no_hint": ("提示：五个步骤都已完成，记得填写通话记录。", "Hint: all five steps are done; remember to file the record."),
    "call.unknown_command": ("未知命令 {command}。输入 /help 查看命令。", "Unknown command {command}. Type /help for commands."),
    "call.help": (
        "直接输入话术与客户交谈。命令：\n"
        "  /end      结束通话\n"
        '  /record   填写通话记录，例如 /record outcome=promise_to_pay amount=2000 date=2026-03-10 notes="..."\n'
        "  /hint     看看还有哪个步骤没做\n"
        "  /help     显示本帮助\n"
        "结束输入（Ctrl-D）后显示评分卡。",
        "Type what you say to the debtor. Commands:\n"
        "  /end      end the call\n"
        '  /record   file the call record, e.g. /record outcome=promise_to_pay amount=2000 date=2026-03-10 notes="..."\n'
        "  /hint     which step is still open\n"
        "  /help     this help\n"
        "End input (Ctrl-D) for the scorecard.",
    ),
    "call.voice_fallback": ("（语音出错，本轮改用模板语音：{error}）", "(voice failed, template voice used for this turn: {error})"),
    "call.truth": ("客户真实情况：现在最多能还 {lump}，之后每月 {monthly}，最早 {date} 才能还。结果：{outcome}；情绪 {mood:+.2f}，信任 {trust:.2f}。",
                   "The debtor's truth: at most {lump} now, then {monthly} a month, not before {date}. Outcome: {outcome}; mood {mood:+.2f}, trust {trust:.2f}."),
    "call.no_outcome": ("无", "none"),
    "record.outcome": ("应为以下之一：{outcomes}", "must be one of {outcomes}"),
    "record.amount": ("不是数字：{value}", "not a number: {value}"),
    "record.negative": ("不能为负数", "cannot be negative"),
    "record.date": ("不是日期（应为 YYYY-MM-DD）：{value}", "not a date (YYYY-MM-DD): {value}"),
    "score.overall": ("总分", "Overall"),
    "score.pass": ("通过", "PASS"),
    "score.fail": ("不通过", "FAIL"),
    "score.steps": ("五步流程", "Five steps"),
    "score.step": ("步骤", "Step"),
    "score.evidence": ("依据 / 建议", "Evidence / tip"),
    "score.not_applicable": ("不适用（未联系到本人，或客户已要求停止/委托律师）", "not applicable (account holder not reached, or stop/attorney)"),
    "score.order_wrong": ("顺序有误：核实身份之前提到了账户信息。", "Order: account details came before the identity check."),
    "score.violations": ("合规违规", "Compliance violations"),
    "score.rule": ("规则", "Rule"),
    "score.quote": ("原话", "Words"),
    "score.source": ("依据", "Source"),
    "score.tone": ("语气", "Tone"),
    "tone.good": ("良好", "good"),
    "tone.acceptable": ("尚可", "acceptable"),
    "tone.poor": ("差", "poor"),
    "score.record": ("通话记录", "Call record"),
    "score.record_ok": ("与通话一致", "matches the call"),
    "score.record_bad": ("与通话不符或未填写", "missing or does not match the call"),
    "score.promise": ("还款承诺：{amount}，日期 {date}", "Promise to pay: {amount} by {date}"),
    "score.mood": ("客户情绪：{mood}", "Debtor's mood at the end: {mood}"),
    "mood.calmer": ("比开始时平和", "calmer"),
    "mood.same": ("与开始时相同", "same"),
    "mood.angrier": ("比开始时更激动", "angrier"),
    "score.summary": ("已评分 {scored} 通，读取失败 {failed} 个。", "{scored} call(s) scored, {failed} could not be read."),
    "eval.unlabelled": ("{count} 通没有 expected 标注，已跳过。", "{count} call(s) without an `expected` block were skipped."),
    "eval.none": ("没有带 expected 标注的通话可供评估。", "no labelled calls (with an `expected` block) to evaluate."),
    "eval.title": ("评分器评估（{count} 通）", "Scorer evaluation ({count} calls)"),
    "eval.metric": ("指标", "Metric"),
    "eval.value": ("结果", "Value"),
    "eval.target": ("目标", "Target"),
    "eval.step": ("步骤准确率", "step accuracy"),
    "eval.step_all": ("五步总体准确率", "step accuracy (all five)"),
    "eval.order": ("顺序准确率", "step-order accuracy"),
    "eval.precision": ("违规精确率", "violation precision"),
    "eval.recall": ("违规召回率", "violation recall"),
    "eval.tone": ("语气等级准确率", "tone-level accuracy"),
    "eval.record": ("记录一致性准确率", "record-accuracy accuracy"),
    "eval.overall": ("通过/不通过准确率", "pass/fail accuracy"),
    "eval.by_rule": ("按规则统计", "Violations by rule"),
    "eval.disagreements": ("不一致之处（{count} 处）", "Disagreements ({count})"),
    "eval.call": ("通话", "Call"),
    "eval.what": ("项目", "What"),
    "eval.expected": ("标注", "Expected"),
    "eval.got": ("评分器", "Scorer"),
    "check.ok_kind": ("{kind}：{count} 个有效 — {ids}", "{kind}: {count} valid — {ids}"),
    "check.problems": ("发现 {count} 个问题。", "{count} problem(s) found."),
    "check.note": ("提示", "note"),
    "kind.persona": ("人设", "personas"),
    "kind.case": ("案件", "cases"),
    "list.catalog_problems": (
        "目录中有 {count} 个问题（无效的文件已跳过，其余照常加载）；运行 `debtsim check` 查看详情。",
        "{count} problem(s) in the catalog (invalid files are skipped, the rest load); run `debtsim check` for details.",
    ),
    "col.id": ("ID", "ID"),
    "col.name": ("姓名", "Name"),
    "col.difficulty": ("难度", "Difficulty"),
    "col.party": ("接听者", "Who answers"),
    "col.summary": ("简介", "Summary"),
    "col.source": ("来源", "Source"),
    "col.product": ("产品", "Product"),
    "col.amount": ("金额", "Amount"),
    "col.overdue": ("逾期天数", "Days overdue"),
    "col.jurisdiction": ("适用规则", "Rules"),
    "col.title": ("案件", "Case"),
    "title.personas": ("人设 Persona", "Persona / 人设"),
    "title.cases": ("案件 Case", "Case / 案件"),
    "difficulty.easy": ("简单", "easy"),
    "difficulty.medium": ("中等", "medium"),
    "difficulty.hard": ("困难", "hard"),
    "party.account_holder": ("本人", "account holder"),
    "party.relative": ("亲属", "relative"),
    "party.wrong_party": ("非本人（打错）", "wrong party"),
    "product.credit_card": ("信用卡", "credit card"),
    "product.huabei": ("花呗", "Huabei"),
    "product.personal_loan": ("个人贷款", "personal loan"),
    "error.prefix": ("错误", "error"),
    "error.internal": (
        "内部错误：{error}。这是 debtsim 的缺陷，请把这条信息发给维护者。",
        "internal error: {error}. This is a bug in debtsim; please report this message.",
    ),
}


def resolve_lang(explicit: str | None = None) -> str:
    """The language to use: explicit choice, else ``DEBTSIM_LANG``, else Chinese."""
    for candidate in (explicit, os.environ.get("DEBTSIM_LANG")):
        if candidate in LANGS:
            return candidate
    return DEFAULT_LANG


def t(key: str, lang: str, **slots: object) -> str:
    """The message ``key`` in ``lang`` with ``slots`` filled in."""
    zh, en = MESSAGES[key]
    text = en if lang == "en" else zh
    return text.format(**slots) if slots else text
