"""Patterns for lists of phrases: the rules write the words, the pattern takes any white space between them.

``any_of("van phong", "ban thi dua")`` is the regular expression ``van\\s+phong|ban\\s+thi\\s+dua``. The
alternatives stay in the order given, which is the order the regex engine tries them in (so a phrase that
another one starts with goes after it). A phrase may carry regular-expression syntax of its own
(``(?:PHÓ )?CHỦ TỊCH``, ``(?<!CƠ\\s)SỞ``); only its spaces change, so a look-behind, which must have a fixed
width, spells its white space ``\\s``.
"""
from __future__ import annotations


def any_of(*phrases: str) -> str:
    """A regular expression (text, to build a pattern with) matching any of ``phrases``."""
    return "|".join(phrase.replace(" ", r"\s+") for phrase in phrases)
