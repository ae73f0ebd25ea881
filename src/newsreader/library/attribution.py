"""Copy-ready text for a quotation and where it came from, and which links are safe to open.

A reader carries a quote into their own writing as
``"…" — Speaker, Outlet, Date, URL``: every part that is not known is left out,
never guessed. A quote with no known speaker reads
``"…" — quoted in Outlet, Date, URL``, so the outlet is never taken for the speaker. The text comes from articles, so it is untrusted: everything
here is cleaned of control characters and escape sequences
(:func:`~newsreader.library.sanitize.clean_line`) before it can reach a
terminal or a clipboard.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsreader.library.dates import short_date
from newsreader.library.model import Article
from newsreader.library.outlets import display_outlet
from newsreader.library.sanitize import clean_line

#: Quotation marks stripped from the ends of a quotation before it is quoted again.
QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』"
#: The only link schemes newsreader hands to a browser: others (javascript:, file:, data:) are refused.
WEB_SCHEMES = ("http", "https")


def quotation_text(quote: str) -> str:
    """``quote`` (as cut from a body, its marks included) on one line, cleaned, without its
    outer quotation marks, and with straight double marks put round it: ``"We will build."``."""
    text = clean_line(quote).strip(QUOTE_MARKS + " ")
    return f'"{text}"'


def attributed_quote(quote: str, article: Article, speaker: str | None) -> str:
    """``"…" — Speaker, Outlet, Date, URL`` for ``quote`` from ``article``, said by ``speaker``
    (the name shown; None when the quote is unattributed). Parts that are not known are left
    out; with none known, the quotation alone.

    Without a speaker the source says where the quote was *quoted*
    (``"…" — quoted in Outlet, Date, URL``): pasted elsewhere, a bare outlet
    would read as the one who said it.
    """
    who = clean_line(speaker or "")
    outlet = clean_line(display_outlet(article.outlet)) if article.outlet else ""
    date, url = clean_line(short_date(article.date)), clean_line(web_url(article) or "")
    parts = [part for part in (who, outlet, date, url) if part]
    if not parts:
        return quotation_text(quote)
    if not who:
        # Only an outlet or a link is something a quote is "in"; a date alone is when it was quoted.
        parts[0] = f"quoted {parts[0]}" if parts[0] == date else f"quoted in {parts[0]}"
    return f"{quotation_text(quote)} — {', '.join(parts)}"


def web_url(article: Article) -> str | None:
    """The article's URL if it is a web address (http or https) a browser may open, cleaned;
    else None (no URL, or a scheme such as ``javascript:`` that must not be opened)."""
    if not article.url:
        return None
    url = clean_line(article.url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc and " " not in url else None
