"""The simulated debtor: hidden state + deterministic policy; voices live in ``simulator.voices``.

``Debtor(persona, case, lang, difficulty, seed).step(text)`` is the whole interface the call
session needs. Each module has one job: ``profile`` binds a persona to a case,
``perceive`` reads an agent turn, ``update`` moves the state, ``policy`` decides.
"""
