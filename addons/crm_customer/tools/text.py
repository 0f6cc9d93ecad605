"""Text folding for search: pure functions, tested without a database."""

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

CJK_CHARACTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[^\W_]+")
SPACES = re.compile(r"\s+")
# Legal forms say nothing about which company it is: "Công ty CP Vận tải Biển Đông"
# is VTBD.
LEGAL_FORM = re.compile(
    r"\b(cong ty|co phan|cp|tnhh|mtv|mot thanh vien|trach nhiem huu han"
    r"|doanh nghiep tu nhan|dntn|tap doan|chi nhanh"
    r"|co|ltd|jsc|llc|inc|corp|corporation|company|limited|plc)\b"
    r"|股份有限公司|有限责任公司|有限公司",
    re.IGNORECASE,
)


def fold_to_ascii(text):
    """Latin text without diacritics: "Vận tải Đông" -> "Van tai Dong".

    Đ/đ are letters of their own (no combining mark to strip): folded by hand."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_search_text(*texts):
    """What a name search compares: the texts without diacritics, in lower case,
    single-spaced, joined by " | " (so that a word never runs into the next text).
    "Biển Xanh", "Sài  Gòn" -> "bien xanh | sai gon"; nothing -> False."""
    folded = (
        SPACES.sub(" ", fold_to_ascii(text)).strip().lower()
        for text in texts
        if text and isinstance(text, str)
    )
    return " | ".join(text for text in folded if text) or False


def fold_search_value(operator, value):
    """The folded form of what a user typed into a name search, or False when the
    operator is not a "contains" match (a folded "=" or "in" would compare the wrong
    column)."""
    if operator in ("ilike", "=ilike") and isinstance(value, str):
        return fold_search_text(value)
    return False


def short_code_from_name(name):
    """Mnemonic code: the initials of the name's words, Chinese characters by the
    initial of their pinyin. "Vận tải Biển Đông" -> "VTBD", "上海物流" -> "SHWL"."""
    folded = fold_to_ascii(name or "")
    significant = LEGAL_FORM.sub(" ", folded)
    if not WORD.search(significant):
        significant = folded
    initials = []
    for word in WORD.findall(significant):
        if CJK_CHARACTER.search(word):
            for chunk in re.split(f"({CJK_CHARACTER.pattern}+)", word):
                if CJK_CHARACTER.match(chunk):
                    initials.extend(lazy_pinyin(chunk, style=Style.FIRST_LETTER))
                elif chunk:
                    initials.append(chunk[:1])
        else:
            initials.append(word[:1])
    return "".join(initials).upper() or False
