"""Write the tiny Qwen2 model as a GGUF file with the ``gguf`` package (no llama.cpp needed).

transformers reads GGUF but does not write it, and ``gguf`` ships the writer and the tensor
name map but not llama.cpp's converter; for a Qwen2 model the conversion is only names,
hyperparameters and the byte-level BPE vocabulary, done here. Tensors are stored as float32.
"""

from __future__ import annotations

import json
from pathlib import Path


def write_gguf(model_dir: Path, target: Path) -> Path:
    import gguf
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    config = model.config
    writer = gguf.GGUFWriter(str(target), "qwen2")
    writer.add_name("debtsim-tiny")
    writer.add_context_length(config.max_position_embeddings)
    writer.add_embedding_length(config.hidden_size)
    writer.add_feed_forward_length(config.intermediate_size)
    writer.add_block_count(config.num_hidden_layers)
    writer.add_head_count(config.num_attention_heads)
    writer.add_head_count_kv(config.num_key_value_heads)
    writer.add_rope_freq_base(float(getattr(config, "rope_theta", None) or 10000.0))
    writer.add_layer_norm_rms_eps(config.rms_norm_eps)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    _vocabulary(writer, tokenizer)
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.QWEN2, config.num_hidden_layers)
    for hf_name, tensor in model.state_dict().items():
        if hf_name == "lm_head.weight" and config.tie_word_embeddings:
            continue
        base, _, suffix = hf_name.rpartition(".")
        name = names.get_name(base)
        if name is None:
            raise ValueError(f"no GGUF name for {hf_name}")
        writer.add_tensor(f"{name}.{suffix}", tensor.to(torch.float32).numpy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return target


def _vocabulary(writer, tokenizer) -> None:
    import gguf

    backend = tokenizer.backend_tokenizer
    state = json.loads(backend.model.__getstate__())
    vocab = sorted(state["vocab"].items(), key=lambda item: item[1])
    added = {t.content: i for i, t in tokenizer.added_tokens_decoder.items()}
    size = max([*(i for _, i in vocab), *added.values()]) + 1
    tokens = [f"[PAD{i}]" for i in range(size)]
    types = [gguf.TokenType.UNUSED] * size
    for token, index in vocab:
        tokens[index], types[index] = token, gguf.TokenType.NORMAL
    for token, index in added.items():
        tokens[index], types[index] = token, gguf.TokenType.CONTROL
    merges = [m if isinstance(m, str) else " ".join(m) for m in state["merges"]]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("qwen2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_eos_token_id(tokenizer.eos_token_id)
    writer.add_pad_token_id(tokenizer.pad_token_id)
    writer.add_add_bos_token(False)
    if tokenizer.chat_template:
        writer.add_chat_template(tokenizer.chat_template)
