"""Claims from text: find numeric statements about the war's statistics in English text and
judge them against the registry (:func:`check_text`).

Modules: :mod:`~syriastats.textclaims.vocabulary` (the reviewed word lists),
:mod:`~syriastats.textclaims.sentences` (sentence splitting with offsets),
:mod:`~syriastats.textclaims.numbers` (reading numbers), :mod:`~syriastats.textclaims.extract`
(text -> claims), :mod:`~syriastats.textclaims.check` (claims -> verdicts),
:mod:`~syriastats.textclaims.render` (table, Markdown, HTML, JSON, CSV output).
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
