"""Hostile saved pages and web archives: a clear reason or a bounded read, never a hang, a crash or a leak.

Scripts and styles, a 50 MB page, malformed and deeply nested markup, escape
sequences and Rich markup in <title>, a gzip bomb dressed as a .warc.gz and a
truncated .warc.gz. Everything is generated here, in memory or in tmp_path.
"""

from __future__ import annotations

import gzip
import io
import re
import resource
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsreader.library.errors import ParseError
from newsreader.library.ingest import ingest_file
from newsreader.library.model import ParsedArticle
from newsreader.library.parse_html import parse_html
from newsreader.library.parse_warc import MAX_EXPANDED_BYTES, parse_warc
from newsreader.library.parsers import parse_document

PAGES = Path(__file__).resolve().parent / "pages"
# What must never reach the terminal: C0 (newline is not in a paragraph or
# field either), DEL, C1, bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LEDE = (
    "<p>The harbour board met on Tuesday to discuss the ferry timetable, the repairs to the north pier "
    "and the cost of dredging the channel before the regatta, its secretary Anneliese Forde said.</p>"
)


def fields(article: ParsedArticle) -> list[str]:
    values = [article.title, article.role, article.outlet, article.date, article.url]
    return [v for v in values if v] + list(article.authors) + list(article.paragraphs)


def assert_safe(article: ParsedArticle) -> None:
    for value in fields(article):
        assert not UNSAFE.search(value), f"unsafe character in {value[:80]!r}"


def test_scripts_styles_and_hidden_code_never_in_the_text() -> None:
    page = (
        "<html><head><title>Board meets</title><style>p { color: red } /* STYLE-TEXT */</style>"
        "<script>var token = 'SCRIPT-TEXT';</script>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board meets", "x": "JSONLD-TEXT"}</script>'
        "</head><body><article>" + LEDE + "<script>document.write('INLINE-SCRIPT')</script>"
        "<noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template>"
        "<iframe srcdoc='<p>IFRAME-TEXT</p>'></iframe><p onclick=\"alert('HANDLER-TEXT')\">Members agreed.</p>"
        "<svg><style>.a{fill:red} SVG-STYLE</style><script>SVG-SCRIPT</script></svg>"
        "</article></body></html>"
    )
    article = parse_html(page.encode())
    body = article.body
    for marker in ("STYLE", "SCRIPT", "JSONLD", "NOSCRIPT", "TEMPLATE", "IFRAME", "HANDLER", "SVG"):
        assert marker not in body
    assert "Members agreed." in body
    assert_safe(article)


def test_fifty_megabyte_page_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<html><head><title>Huge</title></head><body><article>")
        block = LEDE.encode() * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            out.write(block)
    ingested = ingest_file(str(path), "huge.html")
    assert ingested.articles == ()
    (reason,) = ingested.reasons
    assert reason.startswith("too large (50") and reason.endswith(" MB > 20 MB limit)")


MALFORMED = [
    "<html><body><p>" + LEDE + "<div><span><b><i></div></p></b><p <p <p>unclosed",
    "<html><head><title>Unclosed comment</title></head><body>" + LEDE + "<!-- never closed " + "x" * 5000,
    "<html><body></div></div></p></span>" + LEDE + "</table></html></html><p>after the end</p>",
    '<html><body><p class="a" class=b id=\'c title="d>' + LEDE + "<![CDATA[ raw ]]>&#0;&#xD800;&#1114112;&bogus;</p>",
    "<html>" + "<head>" * 50 + "<title>" + "<title>" * 50 + "Titles</title><body>" + LEDE * 3,
    "\x00\x01<html><body>" + LEDE.replace(" ", "\x00 ") + "\x1b]52;c;SGVsbG8=\x07</body>",
    "<" * 20000 + LEDE + ">" * 20000,
    "<table>" + "<tr><td>cell</td>" * 3000 + "</table>" + LEDE,
]


@pytest.mark.parametrize("page", MALFORMED, ids=[f"malformed{i}" for i in range(len(MALFORMED))])
def test_malformed_markup_gives_an_article_or_a_reason(page: str) -> None:
    try:
        article = parse_html(page.encode("utf-8", "surrogatepass"))
    except ParseError as error:
        assert error.reason
    else:
        assert_safe(article)
        assert "harbour board met" in article.body or article.paragraphs


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
@pytest.mark.parametrize("tag", ["div", "b", "blockquote"])
def test_deeply_nested_markup_is_bounded(tag: str, depth: int) -> None:
    """lxml stops nesting at its depth limit; whatever is left is read or refused, never a RecursionError."""
    page = (
        f"<html><head><title>Deep</title></head><body>{f'<{tag}>' * depth}{LEDE * 3}{f'</{tag}>' * depth}</body></html>"
    )
    try:
        article = parse_html(page.encode())
    except ParseError as error:
        assert error.reason in ("no article text", "markup nested too deeply")
    else:
        assert article.title == "Deep"
        assert_safe(article)


def test_escape_sequences_and_markup_in_title() -> None:
    title = "\x1b[31mRed\x1b[0m alert: \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ [bold red]boom[/bold red] \x07\x9b2J\u202eevil"
    page = (
        f"<html><head><title>{title}</title><meta name='author' content='Ada\x1b[2J Quill'>"
        f"<meta property='og:site_name' content='[link=file:///etc/passwd]Gazette[/link]'></head>"
        f"<body><article>{LEDE}<p>Text with \x1b[41mcolour\x1b[0m and [reverse]markup[/reverse].</p></article></body></html>"
    )
    article = parse_html(page.encode())
    assert_safe(article)
    # Escape sequences go whole, parameters and all; Rich markup is literal text (the renderer escapes it).
    assert article.title == "Red alert: link [bold red]boom[/bold red] evil"
    assert article.outlet is not None and article.outlet.lower() == "[link=file:///etc/passwd]gazette[/link]"
    assert "Text with colour and [reverse]markup[/reverse]." in article.paragraphs


def test_extractor_logs_do_not_reach_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    """trafilatura and warcio warn on what they discard; under a full-screen app that would draw over it."""
    with pytest.raises(ParseError):
        parse_html(b"<html><body></body></html>")
    broken = _archive([b"<html><body>" + LEDE.encode() + b"</body></html>"], compressed=False)
    broken = broken.replace(b"Content-Length: ", b"Content-Length: 1", 1)  # a wrong length: warcio complains
    try:
        parse_warc(broken)
    except ParseError:
        pass
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def _archive(pages: list[bytes], compressed: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for number, payload in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://harbour.example.org/{number}", "response", payload=io.BytesIO(payload), http_headers=headers
            )
        )
    return buffer.getvalue()


def _bomb(gigabytes: int) -> bytes:
    """A .warc.gz of a few MB whose one record claims, and expands to, ``gigabytes`` GB of zeros."""
    member = gzip.compress(bytes(16 << 20), compresslevel=9)  # 16 MB of zeros in ~16 KB
    count = gigabytes * 64
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        b"WARC-Date: 2023-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http) + count * (16 << 20)}\r\n\r\n".encode()
        + http
    )
    return gzip.compress(head) + member * count


def test_gzip_bomb_warc_stops_at_the_bound() -> None:
    data = _bomb(gigabytes=4)
    assert len(data) < 20 * 1024 * 1024  # under the file cap: only the expansion bound can stop it
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ParseError, match="too large"):
        parse_document("crawl.warc.gz", data)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < MAX_EXPANDED_BYTES / (1024 * 1024)  # streamed, never held whole


def test_gzip_bomb_after_good_pages_keeps_them() -> None:
    good = _archive([(PAGES / "amp_article.html").read_bytes()])
    articles, notes = parse_warc(good + _bomb(gigabytes=1))
    assert [a.title for a in articles] == ["Orchard growers count cost of late frost"]
    assert notes[0].startswith("page 2 (https://bomb.example/): too large")
    assert notes[-1] == "stopped after 160 MB of expanded data; 1 page before it read"


def test_compressed_http_body_bomb_is_refused() -> None:
    """A record of modest size whose Content-Encoding: gzip body expands past the per-page cap."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1"
    )
    payload = gzip.compress(b"<html><body><p>" + bytes(64 << 20), compresslevel=9)
    writer.write_record(
        writer.create_warc_record(
            "https://bomb.example/", "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )
    with pytest.raises(ParseError, match="too large"):
        parse_warc(buffer.getvalue())


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archive_keeps_the_pages_before_the_damage(compressed: bool) -> None:
    pages = [(PAGES / name).read_bytes() for name in ("wordpress_post.html", "amp_article.html", "news_jsonld.html")]
    data = _archive(pages, compressed)
    whole, notes = parse_warc(data)
    assert len(whole) == 3 and notes == []
    two = len(_archive(pages[:2], compressed))  # the same records, so the same length
    cut = data[: two + (len(data) - two) // 2]  # inside the third record
    articles, notes = parse_warc(cut)
    assert [a.title for a in articles] == [whole[0].title, whole[1].title]
    assert notes == ["archive damaged or truncated; 2 pages before the damage read"]
    for size in range(0, len(data), 997):  # cut anywhere: pages or a reason, nothing else
        try:
            articles, _ = parse_warc(data[:size])
        except ParseError as error:
            assert error.reason
        else:
            assert all(a.title in {w.title for w in whole} for a in articles)


def test_corrupt_gzip_in_the_middle() -> None:
    data = bytearray(_archive([(PAGES / "wordpress_post.html").read_bytes()] * 3))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\xff" * 40
    articles, notes = parse_warc(bytes(data))
    assert 1 <= len(articles) < 3
    assert notes[-1].startswith("archive damaged or truncated")


_TAGS = st.sampled_from(
    ["p", "div", "span", "title", "script", "style", "article", "h1", "a", "b", "table", "td", "li"]
)
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
_FRAGMENT = st.recursive(
    _TEXT | st.sampled_from(["\x1b[31m", "\x9b", "\u202e", "[bold]", "&#27;", "&amp;", "<!--", "]]>", "<br>"]),
    lambda inner: st.tuples(_TAGS, st.lists(inner, max_size=4)).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENT, max_size=6))
def test_random_html_never_crashes_or_leaks(fragments: list[str]) -> None:
    page = (
        "<html><head><title>"
        + "".join(fragments[:1])
        + "</title></head><body>"
        + LEDE
        + "".join(fragments)
        + "</body></html>"
    )
    try:
        article = parse_html(page.encode("utf-8", "surrogatepass"))
    except ParseError as error:
        assert error.reason
    else:
        assert_safe(article)
