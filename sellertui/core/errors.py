"""Errors domain functions raise for bad user input: one sentence, shown as is."""


class UserError(ValueError):
    pass
