"""Text helpers shared by both apps."""

import unicodedata


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
