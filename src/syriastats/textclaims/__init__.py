"""Claims from text: find numeric statements about the war's statistics in English text and
judge them against the registry (:func:`check_text`).

Modules: :mod:`~syriastats.textclaims.vocabulary` (the reviewed word lists),
:mod:`~syriastats.textclaims.sentences` (sentence splitting with offsets),
:mod:`~syriastats.textclaims.numbers` (reading numbers), :mod:`~syriastats.textclaims.extract`
(text -> claims), :mod:`~syriastats.textclaims.check` (claims -> verdicts),
:mod:`~syriastats.textclaims.render` (table, Markdown, HTML, JSON, CSV output),
:mod:`~syriastats.textclaims.cli` (``syriastats check-text``: reading files, exit codes).

Errors: :func:`check_text` raises :class:`TextCheckError` (a :class:`ValueError`) with a
one-line message for bad input (a text that is not a string, empty or over
:data:`MAX_TEXT_BYTES`; a ``published`` date that does not parse as ``YYYY-MM-DD``, lies in
the future or before the war; ``known`` not ``"then"``/``"now"``), and
:class:`syriastats.validate.RegistryError` when the data folder does not validate. A text
without war statistics is not an error: the result is an empty frame with the columns
:data:`RESULT_COLUMNS`.
"""
from __future__ import annotations

from syriastats.textclaims.check import (
    MAX_TEXT_BYTES,
    RESULT_COLUMNS,
    VERDICT_CLASS,
    VERDICT_CLASSES,
    TextCheckError,
    check_text,
)
from syriastats.textclaims.extract import EXTRACT_COLUMNS, extract_claims
from syriastats.textclaims.render import render

__all__ = ["EXTRACT_COLUMNS", "MAX_TEXT_BYTES", "RESULT_COLUMNS", "TextCheckError",
           "VERDICT_CLASS", "VERDICT_CLASSES", "check_text", "extract_claims", "render"]
