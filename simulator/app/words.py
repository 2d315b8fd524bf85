"""The app's own words in Chinese and English; everything else comes from :mod:`simulator.i18n`.

Kept apart from the CLI's table so neither file grows past what one person can read;
``tr`` looks here first and then in the shared table (``tests/test_i18n.py`` checks both).
"""

from __future__ import annotations

from simulator.i18n import MESSAGES, t

APP_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "app.title": ("debtsim · 催收坐席陪练", "debtsim · collection-call practice"),
    # home
    "home.title": ("开始练习", "Practice"),
    "home.trainee": ("学员", "Trainee"),
    "home.trainee_placeholder": ("你的名字", "your name"),
    "home.persona": ("人设 Persona", "Persona / 人设"),
    "home.case": ("案件 Case", "Case / 案件"),
    "home.difficulty": ("难度", "Difficulty"),
    "home.lang": ("语言", "Language"),
    "home.voice": ("语音", "Voice"),
    "home.start": ("开始通话", "Start call"),
    "home.random": ("随机练习", "Random drill"),
    "home.resume": ("继续未完成", "Resume"),
    "home.progress": ("我的进度", "My progress"),
    "home.best": ("最佳 {score}", "best {score}"),
    "home.never": ("未练习", "not tried"),
    "home.suits": ("适合", "suits"),
    "home.default_difficulty": ("人设默认", "persona's own"),
    "home.need_name": ("请先填写你的名字。", "Enter your name first."),
    "home.need_pick": ("请选择一个人设和一个案件。", "Pick a persona and a case."),
    "home.catalog_problems": ("人设/案件文件有 {count} 个问题（运行 debtsim check 查看）。",
                              "{count} problem(s) in persona/case files (run debtsim check)."),
    "lang.zh": ("中文", "Chinese"),
    "lang.en": ("英文", "English"),
    "voice.template": ("模板（离线）", "template (offline)"),
    "case.line": ("{product} · {amount} · 逾期 {days} 天 · {jurisdiction}", "{product} · {amount} · {days} days overdue · {jurisdiction}"),
    # resume
    "resume.title": ("继续未完成的通话", "Resume an unfinished call"),
    "resume.none": ("没有未完成的通话。", "No unfinished calls."),
    "resume.row": ("{started} · {persona} · {case} · {turns} 轮 · {status}", "{started} · {persona} · {case} · {turns} turns · {status}"),
    "resume.failed": ("无法继续：{error}", "Cannot resume: {error}"),
    # call
    "call.title": ("通话中 · {persona} · {case}", "On the call · {persona} · {case}"),
    "call.placeholder": ("输入你要说的话，回车发送（/hint 提示，/end 结束）", "Type what you say, Enter to send (/hint, /end)"),
    "call.wait": ("客户还在说话……你的输入已保留。", "The debtor is still speaking; your text is kept."),
    "call.clock": ("通话 {elapsed}", "Call {elapsed}"),
    "call.local": ("客户当地时间 {time}", "Debtor's local time {time}"),
    "call.case_card": ("案件信息", "Case card"),
    "call.name": ("客户", "Debtor"),
    "call.product": ("产品", "Product"),
    "call.amount": ("欠款", "Amount due"),
    "call.minimum": ("最低还款", "Minimum"),
    "call.overdue": ("逾期", "Overdue"),
    "call.days": ("{days} 天", "{days} days"),
    "call.institution": ("机构", "Institution"),
    "call.verify": ("核身信息", "Verification"),
    "verify.id_last4": ("身份证后四位 {value}", "ID last 4: {value}"),
    "verify.phone_last4": ("手机后四位 {value}", "phone last 4: {value}"),
    "verify.date_of_birth": ("出生日期 {value}", "date of birth: {value}"),
    "verify.postcode": ("邮编 {value}", "postcode: {value}"),
    "call.checklist": ("五步流程", "Five steps"),
    "call.mood": ("客户情绪", "Debtor's mood"),
    "call.hung_up_notice": ("客户已挂断。请填写通话记录。", "The debtor hung up. File the call record."),
    "call.time_up": ("通话时间到。请填写通话记录。", "Time is up. File the call record."),
    "call.resumed_notice": ("已恢复通话（重放 {turns} 轮）。", "Call resumed ({turns} turns replayed)."),
    "call.voice_notice": ("语音出错，本轮用模板语音：{error}", "Voice failed; template voice used: {error}"),
    "call.scoring": ("正在评分……", "Scoring..."),
    # bindings
    "key.send": ("发送", "Send"),
    "key.hint": ("提示", "Hint"),
    "key.end": ("结束通话", "End call"),
    "key.checklist": ("五步清单", "Checklist"),
    "key.mood": ("情绪表", "Mood meter"),
    "key.start": ("开始", "Start"),
    "key.random": ("随机", "Random"),
    "key.resume": ("继续", "Resume"),
    "key.progress": ("进度", "Progress"),
    "key.lang": ("中/英", "中/EN"),
    "key.retry": ("再来一次", "Try again"),
    "key.export": ("导出 JSON", "Export JSON"),
    "key.home": ("首页", "Home"),
    "key.back": ("返回", "Back"),
    "key.open": ("打开", "Open"),
    "key.submit": ("提交", "Submit"),
    "key.skip": ("不填", "Skip"),
    "key.quit": ("退出", "Quit"),
    "tip.hint": ("给出一个辅导提示（也可输入 /hint）", "A coaching tip (or type /hint)"),
    "tip.end": ("结束通话并填写通话记录（也可输入 /end）", "End the call and file the record (or type /end)"),
    "tip.checklist": ("显示或隐藏五步清单（考试模式下隐藏）", "Show or hide the five-step checklist (hide it for an exam)"),
    "tip.mood": ("显示或隐藏客户情绪表", "Show or hide the debtor's mood meter"),
    # record
    "record.title": ("通话记录", "Call record"),
    "record.outcome_label": ("结果", "Outcome"),
    "record.amount_label": ("承诺金额", "Promised amount"),
    "record.date_label": ("承诺日期（YYYY-MM-DD）", "Promised date (YYYY-MM-DD)"),
    "record.notes_label": ("备注", "Notes"),
    "record.pick_outcome": ("请选择结果", "Pick an outcome"),
    "outcome.promise_to_pay": ("承诺还款", "promise to pay"),
    "outcome.hardship_plan": ("困难还款方案", "hardship plan"),
    "outcome.refused": ("拒绝还款", "refused"),
    "outcome.dispute": ("有异议", "dispute"),
    "outcome.callback": ("约定回电/留言", "callback / message"),
    "outcome.wrong_party": ("非本人", "wrong party"),
    "outcome.hung_up": ("客户挂断", "hung up"),
    # report
    "report.title": ("评分报告", "Report"),
    "report.pass": ("通过", "PASS"),
    "report.fail": ("未通过", "FAIL"),
    "report.steps": ("五步流程", "Five steps"),
    "report.order_wrong": ("步骤顺序不对", "Steps out of order"),
    "report.violations": ("违规", "Violations"),
    "report.no_violations": ("没有违规。", "No violations."),
    "report.tone": ("语气：{level}（{score}）", "Tone: {level} ({score})"),
    "report.record": ("通话记录", "Call record"),
    "report.record_filed": ("已填写：{record}", "Filed: {record}"),
    "report.record_none": ("未填写通话记录", "No record filed"),
    "report.agreed": ("实际约定：{terms}", "Actually agreed: {terms}"),
    "report.nothing_agreed": ("通话中没有约定还款", "No payment was agreed on the call"),
    "report.record_ok": ("记录与通话一致 ✓", "Record matches the call ✓"),
    "report.record_bad": ("记录与通话不一致 ✗", "Record does not match the call ✗"),
    "report.outcome": ("结果对比", "Outcome"),
    "report.affordable": ("客户实际能力：现在最多 {lump}，之后每月 {monthly}", "What the debtor could afford: {lump} now, then {monthly} a month"),
    "report.promised": ("承诺：{amount}（{date}）", "Promised: {amount} ({date})"),
    "report.no_promise": ("没有还款承诺", "No promise to pay"),
    "report.mood_chart": ("客户情绪变化", "Debtor's mood over the call"),
    "report.mood_axis": ("轮次", "turn"),
    "report.transcript": ("通话记录原文", "Transcript"),
    "report.exported": ("已导出到 {path}", "Exported to {path}"),
    "report.review": ("培训师复核：{finding} → {verdict}（{trainer}）：{comment}", "Trainer review: {finding} → {verdict} ({trainer}): {comment}"),
    "report.not_stored": ("这通电话没有保存，无法导出。", "This call was not stored; nothing to export."),
    # progress
    "progress.screen_title": ("我的进度 · {trainee}", "My progress · {trainee}"),
    "progress.empty": ("还没有完成的通话。回到首页开始第一通吧。", "No finished calls yet. Go home and make your first one."),
    "progress.summary": ("通话 {calls} · 通过率 {pass_rate} · 平均分 {avg}", "Calls {calls} · pass rate {pass_rate} · average {avg}"),
    "progress.score_chart": ("分数变化", "Score over time"),
    "progress.steps_chart": ("各步骤完成率 %", "Step completion %"),
    "progress.history": ("历史通话", "History"),
    "col.date": ("日期", "Date"),
    "col.case": ("案件", "Case"),
    "col.result": ("结果", "Result"),
    "progress.no_weakest": ("各项技能都已达标。", "Every skill is on target."),
    "error.worker": ("出错了：{error}", "Something went wrong: {error}"),
    "error.store": ("进度数据库不可用：{error}", "Progress store unavailable: {error}"),
}


def tr(key: str, lang: str, **slots: object) -> str:
    """``key`` in ``lang``: the app's table first, then the shared one."""
    pair = APP_MESSAGES.get(key)
    if pair is None:
        return t(key, lang, **slots)
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**slots) if slots else text


def known(key: str) -> bool:
    return key in APP_MESSAGES or key in MESSAGES
