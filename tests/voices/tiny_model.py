"""A tiny chat model built on the spot: random Qwen2 weights and a tokenizer trained here.

No download (there is no internet in CI): a byte-level BPE trained on a few persona lines in
Chinese and English, wrapped as a ``PreTrainedTokenizerFast`` with a ChatML chat template, and
a 2-layer Qwen2 with hidden size 32, saved with ``save_pretrained``. Its replies are random
bytes — which is the point: the guard must refuse them. The benchmark reuses it.
"""

from __future__ import annotations

from pathlib import Path

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
LINES = [
    "喂？谁啊？我现在在上班，没空。", "我真的没钱，下个月发了工资再说吧。", "你们别再打电话了！",
    "我可以先还两千，剩下的每月一千五。", "我是王磊，身份证后四位是1234。", "好吧，那就三月十号之前还。",
    "Who is this? I'm at work.", "I really can't pay that much right now.", "Okay, fine, I'll pay $500 by the 20th.",
    "Stop calling me, please.", "What does charged off mean?", "Yes, this is Mark Turner speaking.",
]
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]


def build_tokenizer(chat_template: str | None = CHATML):
    """A byte-level BPE (any text, Chinese included, round-trips) with ChatML special tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=SPECIALS, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(LINES * 4, trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                   chat_template=chat_template)


def qwen2_config(vocab_size: int, *, eos: int, pad: int, **shape: int):
    """A Qwen2 config: tiny by default; ``shape`` gives a real size (the benchmark's 0.5B)."""
    from transformers import Qwen2Config

    sizes = {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
             "num_key_value_heads": 2, "max_position_embeddings": 2048, **shape}
    return Qwen2Config(vocab_size=vocab_size, eos_token_id=eos, pad_token_id=pad, bos_token_id=None,
                       tie_word_embeddings=True, **sizes)


def build(folder: Path, *, chat_template: str | None = CHATML, never_stop: bool = True, seed: int = 0) -> Path:
    """Save a tiny random chat model in ``folder``; ``never_stop`` suppresses its end tokens.

    With the end tokens suppressed (in ``generation_config.json``, which the voice honours) a
    reply always runs to ``max_new_tokens``: the tests can count on its length.
    """
    import torch
    from transformers import GenerationConfig, Qwen2ForCausalLM
    from transformers.utils import logging

    logging.disable_progress_bar()
    tokenizer = build_tokenizer(chat_template)
    eos, pad = tokenizer.eos_token_id, tokenizer.pad_token_id
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(qwen2_config(len(tokenizer), eos=eos, pad=pad))
    generation = GenerationConfig(eos_token_id=eos, pad_token_id=pad)
    if never_stop:
        generation.suppress_tokens = [tokenizer.convert_tokens_to_ids(t) for t in SPECIALS]
    model.generation_config = generation
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
