"""Text as it arrives from the web: entities decoded, invisible characters gone, in every format.

The article is fictional. Its raw fields carry soft hyphens, zero-width spaces,
word joiners and a stray BOM inside words, and HTML entities in the title,
authors, outlet and body; every format must yield the same clean article.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from index_fixtures import write_news_library

from newsreader.library.model import ParsedArticle
from newsreader.library.parsers import parse_bytes
from newsreader.library.sanitize import clean_text, decode_entities, ingest_line, ingest_text

SHY, ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"
FAMILY = f"👨{ZWJ}👩{ZWJ}👧"

RAW_TITLE = f"Pilots&#8217; strike shuts Vester{SHY}havn &amp; Nor{ZWSP}vik"
TITLE = "Pilots’ strike shuts Vesterhavn & Norvik"
RAW_AUTHOR_LIST = [f"Ingrid Sol{SHY}heim", f"Ren&eacute;e A{WJ}as"]
RAW_AUTHORS = " and ".join(RAW_AUTHOR_LIST)
AUTHORS = ("Ingrid Solheim", "Renée Aas")
RAW_OUTLET = "Fjord &amp; Coast&nbsp;Weekly"
OUTLET = "Fjord & Coast Weekly"
RAW_PARAGRAPHS = (
    f"Pilots at Vester{SHY}havn walked out on Monday, said Ma{ZWSP}gnus Hald{WJ}orsen of the pilots&#8217; union.",
    f"&ldquo;We have waited long enough,&rdquo; he said. "
    f"AT&T and R&D stay; a stray{BOM} BOM and &amp;lt;b&amp;gt; too.",
    f"The family {FAMILY} stays whole; &#27;[31mred&#x1b;[0m and &#x202E;this carry no control.",
)
PARAGRAPHS = (
    "Pilots at Vesterhavn walked out on Monday, said Magnus Haldorsen of the pilots’ union.",
    "“We have waited long enough,” he said. AT&T and R&D stay; a stray BOM and &lt;b&gt; too.",
    f"The family {FAMILY} stays whole; [31mred[0m and this carry no control.",
)
RAW_BODY = "\n\n".join(RAW_PARAGRAPHS)


def record() -> dict[str, object]:
    return {"title": RAW_TITLE, "authors": RAW_AUTHOR_LIST, "outlet": RAW_OUTLET, "maintext": RAW_BODY}


def csv_bytes() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "author", "outlet", "text"])
    writer.writerow([RAW_TITLE, RAW_AUTHORS, RAW_OUTLET, RAW_BODY])
    return out.getvalue().encode()


FILES: dict[str, bytes] = {
    "byline.txt": (f"By {RAW_AUTHORS}, Harbour Reporter. Media: {RAW_OUTLET}\n" + "\n".join(RAW_PARAGRAPHS)).encode(),
    "front.md": (
        f'---\ntitle: "{RAW_TITLE}"\nauthor: "{RAW_AUTHORS}"\nsource: "{RAW_OUTLET}"\n---\n\n{RAW_BODY}\n'
    ).encode(),
    "heading.md": (f"# {RAW_TITLE}\n\nBy {RAW_AUTHORS}. Media: {RAW_OUTLET}\n\n{RAW_BODY}\n").encode(),
    "one.json": json.dumps(record()).encode(),
    "html.json": json.dumps({**record(), "maintext": "".join(f"<p>{p}</p>" for p in RAW_PARAGRAPHS)}).encode(),
    "many.jsonl": (json.dumps(record()) + "\n" + json.dumps(record(), ensure_ascii=False) + "\n").encode(),
    "rows.csv": csv_bytes(),
}


def only(name: str) -> ParsedArticle:
    articles = parse_bytes(name, FILES[name])
    assert len(articles) == (2 if name.endswith(".jsonl") else 1)
    return articles[0]


@pytest.mark.parametrize("name", ["front.md", "heading.md", "one.json", "html.json", "many.jsonl", "rows.csv"])
def test_every_field_is_decoded_and_whole(name: str) -> None:
    article = only(name)
    assert article.title == TITLE
    assert article.authors == AUTHORS
    assert article.outlet == OUTLET
    assert article.paragraphs == PARAGRAPHS


def test_txt_byline_format() -> None:
    article = only("byline.txt")
    assert article.authors == AUTHORS
    assert article.role == "Harbour Reporter"
    assert article.outlet == OUTLET
    assert article.paragraphs == PARAGRAPHS
    assert article.title == "Pilots at Vesterhavn walked out on Monday, said Magnus Haldorsen of the pilots’ union"


def test_txt_plain_format_with_a_title_line() -> None:
    [article] = parse_bytes("plain.txt", f"{RAW_TITLE}\n\n{RAW_BODY}\n".encode())
    assert article.title == TITLE
    assert article.authors == ()
    assert article.paragraphs == PARAGRAPHS


def test_jsonl_entries_agree() -> None:
    first, second = parse_bytes("many.jsonl", FILES["many.jsonl"])
    assert (second.title, second.authors, second.outlet, second.paragraphs) == (TITLE, AUTHORS, OUTLET, PARAGRAPHS)
    assert (first.entry, second.entry) == (0, 1)


def test_markdown_title_written_with_an_entity_still_matches_its_heading() -> None:
    text = f"---\ntitle: {TITLE}\n---\n# {RAW_TITLE}\n\nThe pilots voted on Sunday.\n"
    [article] = parse_bytes("a.md", text.encode())
    assert article.title == TITLE
    assert article.paragraphs == ("The pilots voted on Sunday.",)  # the heading was the title again


def test_decoded_line_break_splits_a_paragraph_and_huge_references_stay_literal() -> None:
    [article] = parse_bytes("a.json", json.dumps({"title": "Breaks", "text": "First line.&#10;Second line."}).encode())
    assert article.paragraphs == ("First line.", "Second line.")
    huge = "&#" + "9" * 5000 + ";"  # html.unescape raises on it (int() refuses 4,300+ digits)
    [article] = parse_bytes("a.json", json.dumps({"title": huge, "text": f"<p>A {huge} reference.</p>"}).encode())
    assert (article.title, article.paragraphs) == (huge[:1000], (f"A {huge} reference.",))


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("&#8220;Yes&#x201D;", "“Yes”"),
        ("&#x201c;yes&#X201C;", "“yes“"),
        ("rock &amp; roll, it&rsquo;s", "rock & roll, it’s"),
        ("AT&T, R&D, Q&A, M&S", "AT&T, R&D, Q&A, M&S"),  # bare ampersands are text
        ("Tom&notes &copy=1 &nosuchentity;", "Tom&notes &copy=1 &nosuchentity;"),  # names need ";"
        ("&amp;amp; &amp;#8220;", "&amp; &#8220;"),  # decoded once
        ("&#8220 and &#65&#66;", "“ and AB"),  # numbers without ";" as browsers read them
        ("&#12345678901234;", "&#12345678901234;"),  # too long to be a reference
        ("", ""),
    ],
)
def test_decode_entities(raw: str, decoded: str) -> None:
    assert decode_entities(raw) == decoded


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("&#27;[31mred&#27;[0m", "[31mred[0m"),
        ("&#x1B;]52;c;aGk=&#7;after", "]52;c;aGk=after"),
        ("&#x9b;31m", "›31m"),  # HTML reads C1 numbers as cp1252: no 8-bit CSI
        ("&#x202e;evil&#x202c; &#0;", "evil \ufffd"),
        ("so&shy;ft and so\u00adft", "soft and soft"),
        ("line&#13;&#10;break&#x2028;end", "line\nbreak\nend"),
    ],
)
def test_ingest_text_decodes_then_cleans(raw: str, clean: str) -> None:
    assert ingest_text(raw) == clean


def test_ingest_line_makes_one_clean_line() -> None:
    assert ingest_line(" Fjord&nbsp;&amp;&#10;Coast\u200b ") == "Fjord & Coast"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        (f"Vester{SHY}havn", "Vesterhavn"),
        (f"Ma{ZWSP}gnus Hald{WJ}orsen", "Magnus Haldorsen"),
        (f"{BOM}lead and mid{BOM}word", "lead and midword"),
        (f"wo{ZWNJ}rd wo{ZWJ}rd", "word word"),  # joiners between letters go
        (f"wo{SHY}{ZWJ}{ZWSP}rd", "word"),  # a whole run between letters goes
        (f"a{ZWJ}😀 and {ZWJ}x", f"a{ZWJ}😀 and {ZWJ}x"),  # joiners beside a non-letter stay
        (f"{FAMILY}{SHY}!", f"{FAMILY}!"),
        (f"ctrl\x00{SHY}joined", "ctrljoined"),
    ],
)
def test_clean_text_drops_invisible_characters_inside_words(dirty: str, clean: str) -> None:
    assert clean_text(dirty) == clean
    assert clean_text(clean) == clean


def test_a_soft_hyphenated_word_is_found_by_the_plain_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.index import LibraryIndex

    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "home"))
    root = write_news_library(
        tmp_path / "lib",
        {
            "harbour/pilots.md": (
                f"---\ntitle: Pilots&#8217; strike\nauthor: Ingrid Solheim\n---\n"
                f"The pilots at Vester{SHY}havn walked out, said Ma{ZWSP}gnus Hald{WJ}orsen.\n"
            ),
            "harbour/other.txt": "Ferries ran late at Norvik on Tuesday.\n",
        },
    )
    index = LibraryIndex.open(root)
    index.refresh()
    for word in ("Vesterhavn", "Magnus", "Haldorsen", "pilots"):
        assert [hit.article.path for hit in index.search(word) if hit.article] == ["harbour/pilots.md"], word
    [hit] = index.search("Vesterhavn")
    assert "".join(text for text, is_hit in hit.snippet if is_hit) == "Vesterhavn"
    assert hit.article is not None and hit.article.title == "Pilots’ strike"
