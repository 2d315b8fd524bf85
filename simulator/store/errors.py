"""The one error the store raises: a translated, one-line message naming the database."""

from __future__ import annotations


class StoreError(RuntimeError):
    """A store problem a user can act on; ``message(lang)`` is one line naming ``where``."""

    def __init__(self, key: str, where: str, **slots: object) -> None:
        self.key, self.where, self.slots = key, where, slots
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        from simulator.i18n import t

        return t(self.key, lang, where=self.where, **self.slots)
