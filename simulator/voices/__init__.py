"""Debtor voices: how a decided intent is said. See ``base.Voice`` and ``registry``."""
