"""The model voices' own words (config errors, why a voice is unavailable, load progress), zh and en.

Kept apart from :mod:`simulator.i18n` like the app's ``words.py``: these strings are only
needed once a model voice or the config file is touched. ``Problem`` carries a key and its
slots, so one reason renders in the trainee's language on screen and in English in the
transcript's ``fallback`` field (which QA tools read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VOICE_MESSAGES: dict[str, tuple[str, str]] = {
    # --- the local voice: why it cannot speak --------------------------------------------
    "local.no_transformers": ("未安装 transformers —— pip install 'debtsim[llm]'",
                              "transformers not installed — pip install 'debtsim[llm]'"),
    "local.no_torch": ("未安装 PyTorch —— 按本机（CPU/CUDA）安装合适的 torch，再 pip install 'debtsim[llm]'",
                       "PyTorch not installed — install the torch build for this machine (CPU/CUDA), "
                       "then pip install 'debtsim[llm]'"),
    "local.no_model": ("未配置模型 —— 用 --model 目录，或在 {config} 的 [local] model 中设置",
                       "no model configured — --model DIR or [local] model in {config}"),
    "local.not_found": ("模型目录 {path} 不存在", "model folder {path} not found"),
    "local.not_model": ("{path} 不是模型目录（缺少 config.json）", "{path} is not a model folder (no config.json)"),
    "local.gguf_not_found": ("GGUF 文件 {path} 不存在", "GGUF file {path} not found"),
    "local.no_gguf": ("读取 GGUF 需要 gguf 与 accelerate 包 —— pip install gguf accelerate",
                      "reading GGUF needs the gguf and accelerate packages — pip install gguf accelerate"),
    "local.not_cached": ("{model} 不在本机的 Hugging Face 缓存里，debtsim 不联网下载（local_files_only）："
                         "请先在联网的机器上下载，或在 {config} 的 [local] 中设 local_files_only = false",
                         "{model} is not in the local Hugging Face cache and debtsim does not download "
                         "(local_files_only): download it on a connected machine first, or set "
                         "local_files_only = false under [local] in {config}"),
    "local.load_failed": ("无法加载模型 {model}：{error}", "could not load model {model}: {error}"),
    "local.no_chat_template": ("模型 {model} 没有对话模板（chat template）：请用对话/指令版模型（如 *-Instruct）",
                               "model {model} has no chat template: use a chat/instruct model (e.g. *-Instruct)"),
    "local.no_cuda": ("没有可用的 CUDA 设备（device = {device}）", "no CUDA device available (device = {device})"),
    "local.bad_dtype": ("不支持的 dtype {dtype}（可选：{choices}）", "unsupported dtype {dtype} (choices: {choices})"),
    "local.first_token": ("{seconds:g} 秒内没有生成第一个词", "no first token after {seconds:g} s"),
    "local.next_token": ("{seconds:g} 秒内没有生成下一个词", "no next token after {seconds:g} s"),
    "local.generate_failed": ("生成失败：{error}", "generation failed: {error}"),
    # --- the local voice: load progress and what it is ----------------------------------
    "local.loading": ("正在加载{model} …", "loading {model} …"),
    "local.placed": ("运行于 {device}，{dtype}", "on {device} {dtype}"),
    "local.ready": ("模型就绪，用时 {seconds:.1f} 秒", "ready in {seconds:.1f} s"),
    "local.kind_folder": ("模型目录 {model}", "model folder {model}"),
    "local.kind_gguf": ("GGUF 文件 {model}", "GGUF file {model}"),
    "local.kind_hub": ("本机缓存中的 {model}", "{model} from the local Hugging Face cache"),
    # --- the remote voice -----------------------------------------------------------------
    "remote.no_base_url": ("未配置服务地址 —— 用 --base-url URL，或在 {config} 的 [remote] base_url 中设置",
                           "no base URL configured — --base-url URL or [remote] base_url in {config}"),
    "remote.configured": ("{base_url}（模型 {model}；未检查，加 --check 试连）",
                          "{base_url} (model {model}; not checked, add --check to try it)"),
    "remote.answered": ("{base_url}：服务器返回 {status}（模型：{models}）",
                        "{base_url}: server answered {status} (models: {models})"),
    "remote.unreachable": ("{base_url}：连不上（{error}）", "{base_url}: cannot connect ({error})"),
    "remote.no_models": ("无", "none listed"),
    "remote.any_model": ("由服务器决定", "the server's default"),
    "template.about": ("人设话术，离线，总是可用", "persona phrases, offline, always available"),
    # --- debtsim voices -------------------------------------------------------------------
    "voices.ok": ("可用", "available"),
    "voices.not_ok": ("不可用", "unavailable"),
    "voices.default": ("默认", "default"),
    "voices.config_read": ("配置文件：{path}", "config file: {path}"),
    "voices.config_none": ("配置文件：{path}（不存在，使用默认设置）", "config file: {path} (not there; defaults used)"),
    "voices.unknown": ("语音 {name} 已注册，但 debtsim 不知道如何检查它", "voice {name} is registered but debtsim cannot check it"),
    # --- the config file ----------------------------------------------------------------------
    "config.syntax": ("{path} 第 {line} 行：TOML 格式错误：{error}", "{path}, line {line}: bad TOML: {error}"),
    "config.unreadable": ("无法读取配置文件 {path}：{error}", "cannot read config file {path}: {error}"),
    "config.unknown_section": ("{path} 第 {line} 行：未知的设置段 [{section}]{hint}",
                               "{path}, line {line}: unknown section [{section}]{hint}"),
    "config.unknown_key": ("{path} 第 {line} 行：[{section}] 中没有设置项 {key}{hint}",
                           "{path}, line {line}: unknown key {key} in [{section}]{hint}"),
    "config.not_table": ("{path} 第 {line} 行：{section} 应是一个设置段 [{section}]",
                         "{path}, line {line}: {section} must be a section, [{section}]"),
    "config.bad_value": ("{path} 第 {line} 行：[{section}] {key} 应为{expected}，现为 {value}",
                         "{path}, line {line}: [{section}] {key} must be {expected}, not {value}"),
    "config.bad_env": ("环境变量 {name}={value}：应为{expected}", "environment variable {name}={value}: must be {expected}"),
    "config.hint": ("（是不是 {hint}？）", " (did you mean {hint}?)"),
    "config.type_str": ("字符串", "a string"),
    "config.type_int": ("正整数", "a positive whole number"),
    "config.type_float": ("非负数", "a number >= 0"),
    "config.type_bool": ("true 或 false", "true or false"),
    "config.type_choice": ("以下之一：{choices}", "one of: {choices}"),
}


def vt(message: str, lang: str, /, **slots: object) -> str:
    """The voice message ``message`` in ``lang`` with ``slots`` filled in (a slot may be called ``key``)."""
    zh, en = VOICE_MESSAGES[message]
    text = en if lang == "en" else zh
    return text.format(**slots) if slots else text


@dataclass(frozen=True)
class Problem:
    """A reason (why a voice cannot speak, what is wrong in the config) in either language."""

    key: str
    slots: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        slots = {k: v.render(lang) if isinstance(v, Problem) else v for k, v in self.slots.items()}
        return vt(self.key, lang, **slots)

    def __str__(self) -> str:
        return self.render("en")
