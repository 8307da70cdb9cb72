"""Text helpers shared by both apps."""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")


def fold(text):
    """
    Reduce text to lowercase ASCII-ish letters so that a search typed without Vietnamese
    diacritics finds the name with them: "Cẩm Giàng" and "cam giang" fold alike.

    Unicode decomposition strips the tone and vowel marks, but "đ" is a letter of its own,
    not "d" plus a mark, so it is mapped by hand.
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


def search_words(text):
    """
    The folded words of a text, one space between them and one at each end
    (" van ep cong nghiep "), as a `search_text` column keeps them: a lookup of " word "
    then matches whole words only, so that "van" finds "ván" but not "Vằng".
    """
    words = WORD.findall(fold(text))
    return f" {' '.join(words)} " if words else ""


def query_words(query):
    """A query's folded words, each as " word ", for `search_text__contains` lookups."""
    return [f" {word} " for word in WORD.findall(fold(query))]
