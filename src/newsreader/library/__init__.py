"""The library layer: folders of article files in, clean article records out.

No UI code lives here (and Textual is never imported): the app calls
:func:`iter_library` to list a folder and :func:`read_article` to open one.
"""

from .errors import LibraryError, ParseError
from .model import Article, ArticleText, ParsedArticle, SkippedFile
from .outlets import display_outlet
from .parsers import MAX_FILE_BYTES, parse_bytes
from .sanitize import clean_line, clean_text
from .scanner import iter_library, read_article

__all__ = [
    "MAX_FILE_BYTES",
    "Article",
    "ArticleText",
    "LibraryError",
    "ParseError",
    "ParsedArticle",
    "SkippedFile",
    "clean_line",
    "clean_text",
    "display_outlet",
    "iter_library",
    "parse_bytes",
    "read_article",
]
