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
