"""Bylines, title derivation and .txt articles (our users' format and plain text)."""

from __future__ import annotations

import pytest

from newsreader.library.assemble import BODY_MAX_CHARS, TITLE_MAX, TRUNCATION_NOTICE, derive_title
from newsreader.library.byline import Byline, parse_byline
from newsreader.library.errors import ParseError
from newsreader.library.parsers import parse_bytes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By Ana Lindqvist, Transport Reporter. Media: Coastalbulletin",
            Byline(("Ana Lindqvist",), "Transport Reporter", "Coastalbulletin"),
        ),
        (
            "By Ana Lindqvist and Jonas Berg, Staff Reporters. Media: Northernwire",
            Byline(("Ana Lindqvist", "Jonas Berg"), "Staff Reporters", "Northernwire"),
        ),
        (
            "By Ana Lindqvist, Jonas Berg and Mette Dahl, Staff Writers. Media: Valleyherald",
            Byline(("Ana Lindqvist", "Jonas Berg", "Mette Dahl"), "Staff Writers", "Valleyherald"),
        ),
        (
            "By Ana Lindqvist, Jonas Berg, and Mette Dahl",
            Byline(("Ana Lindqvist", "Jonas Berg", "Mette Dahl"), None, None),
        ),
        ("By Tomas Varga. Media: Riversidepost", Byline(("Tomas Varga",), None, "Riversidepost")),
        (
            "By J. R. Okafor, Sr. Correspondent. Media: Metrodispatch",
            Byline(("J. R. Okafor",), "Sr. Correspondent", "Metrodispatch"),
        ),
        (
            "By Owen Feld Jr., Arts Reporter. Media: Valleyherald",
            Byline(("Owen Feld Jr.",), "Arts Reporter", "Valleyherald"),
        ),
        ("By Owen Feld, Jr., Arts Reporter", Byline(("Owen Feld Jr.",), "Arts Reporter", None)),
        ("By Owen Feld Jr. Media: Valleyherald", Byline(("Owen Feld Jr.",), None, "Valleyherald")),
        ("By Celeste Park, Courts Reporter", Byline(("Celeste Park",), "Courts Reporter", None)),
        ("By Ilse van der Berg", Byline(("Ilse van der Berg",), None, None)),
        ("By Ana Lindqvist & Jonas Berg", Byline(("Ana Lindqvist", "Jonas Berg"), None, None)),
        (
            "By Priya Raman, Senior Editor, Politics. Media: Thecontinentalreview",
            Byline(("Priya Raman",), "Senior Editor, Politics", "Thecontinentalreview"),
        ),
    ],
)
def test_bylines(line: str, expected: Byline) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the time the ferry docked, the storm had passed.",
        "By noon, the council had voted.",
        "Byline",
        "By , . Media: Coastalbulletin",
        "The harbour reopened.",
        "By " + "Name " * 200,
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("lede", "title"),
    [
        ("The ferry sailed at dawn. Later it stopped.", "The ferry sailed at dawn"),
        ("U.S. officials met Dr. Alvarez and Mr. Berg in Oslo. Talks followed.",
         "U.S. officials met Dr. Alvarez and Mr. Berg in Oslo"),
        ("J. R. Okafor won the race. Then rain.", "J. R. Okafor won the race"),
        ("Is the bridge safe? Engineers say yes.", "Is the bridge safe?"),
        ("“We will not stop,” she said. Then she left.", "“We will not stop,” she said"),
        ("No full stop at all", "No full stop at all"),
    ],
)  # fmt: skip
def test_derived_titles(lede: str, title: str) -> None:
    assert derive_title(lede) == title


def test_long_first_sentence_is_the_whole_title() -> None:
    # Machine output carries the full title; the screen cuts it to its width.
    lede = "The regional harbour authority announced on Tuesday that all night ferries between the islands would be suspended. Crews left."
    assert derive_title(lede) == lede.split(". ")[0]


def test_runaway_first_sentence_is_cut_at_a_word() -> None:
    lede = " ".join(f"ferry{n}" for n in range(100))  # no sentence end at all
    title = derive_title(lede)
    assert title.endswith("…")
    assert len(title) <= TITLE_MAX + 1
    assert lede.startswith(title[:-1])
    assert lede[len(title) - 1] == " "  # the cut falls between words


USERS_FORMAT = (
    "By Ana Lindqvist and Jonas Berg, Transport Reporters. Media: Coastalbulletin\n"
    "The Norvik Harbour Authority suspended night ferries on Tuesday. Crews were sent home.\n"
    "“We will not put crews at risk,” said Harbour Master Jonas Berg.\n"
    "Services resume on Friday.\n"
    "Discussion about this post\n"
    "Share\n"
    "12 Comments\n"
    "Like\n"
    "Leave a comment\n"
    "Read more\n"
)


def test_users_format() -> None:
    [article] = parse_bytes("ferries.txt", USERS_FORMAT.encode())
    assert article.authors == ("Ana Lindqvist", "Jonas Berg")
    assert article.role == "Transport Reporters"
    assert article.outlet == "Coastalbulletin"
    assert article.title == "The Norvik Harbour Authority suspended night ferries on Tuesday"
    assert article.paragraphs == (
        "The Norvik Harbour Authority suspended night ferries on Tuesday. Crews were sent home.",
        "“We will not put crews at risk,” said Harbour Master Jonas Berg.",
        "Services resume on Friday.",
    )


def test_comments_after_the_marker_are_dropped() -> None:
    text = USERS_FORMAT.replace("Share\n", "Share\nMette Dahl: I disagree with this piece entirely, frankly.\n")
    [article] = parse_bytes("ferries.txt", text.encode())
    assert article.paragraphs[-1] == "Services resume on Friday."


def test_boilerplate_words_inside_the_article_stay() -> None:
    # Issue 10 changed this: a share button alone on its line is furniture wherever
    # it stands (mid-body widgets polluted bodies); words in prose still stay.
    text = "By Ana Lindqvist. Media: Coastalbulletin\nShare\nThe vote was close.\nLike\nShare prices fell.\nIt passed anyway.\n"
    [article] = parse_bytes("a.txt", text.encode())
    assert article.paragraphs == ("The vote was close.", "Like", "Share prices fell.", "It passed anyway.")


def test_crlf_and_bom() -> None:
    data = b"\xef\xbb\xbf" + USERS_FORMAT.replace("\n", "\r\n").encode()
    [article] = parse_bytes("a.txt", data)
    assert article.authors == ("Ana Lindqvist", "Jonas Berg")
    assert all("\r" not in p for p in article.paragraphs)


def test_utf16_file() -> None:
    [article] = parse_bytes("a.txt", USERS_FORMAT.encode("utf-16"))
    assert article.outlet == "Coastalbulletin"


def test_cp1252_file() -> None:
    text = "By Zoë Brant. Media: Riversidepost\nThe café reopened — “finally”, said its owner.\n"
    [article] = parse_bytes("a.txt", text.encode("cp1252"))
    assert article.authors == ("Zoë Brant",)
    assert article.paragraphs == ("The café reopened — “finally”, said its owner.",)


def test_byline_only_has_no_text() -> None:
    with pytest.raises(ParseError, match="no text"):
        parse_bytes("a.txt", b"By Ana Lindqvist, Transport Reporter. Media: Coastalbulletin\n")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_files(data: bytes) -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse_bytes("a.txt", data)


def test_plain_text_with_title_and_blank_lines() -> None:
    text = (
        "Market day moves to Thursday\n\n"
        "The weekly market in Norvik will move\nfrom Saturday to Thursday next month.\n\n"
        "Traders welcomed the change.\n"
    )
    [article] = parse_bytes("note.txt", text.encode())
    assert article.title == "Market day moves to Thursday"
    assert article.authors == ()
    assert article.paragraphs == (
        "The weekly market in Norvik will move from Saturday to Thursday next month.",
        "Traders welcomed the change.",
    )


def test_plain_text_title_then_byline() -> None:
    text = "Market day moves\n\nBy Mette Dahl\n\nThe market moves to Thursday.\n"
    [article] = parse_bytes("note.txt", text.encode())
    assert (article.title, article.authors) == ("Market day moves", ("Mette Dahl",))
    assert article.paragraphs == ("The market moves to Thursday.",)


def test_plain_text_without_title_line() -> None:
    text = "The market moves to Thursday. Traders agree.\nParking will be free.\n"
    [article] = parse_bytes("note.txt", text.encode())
    assert article.title == "The market moves to Thursday"
    assert len(article.paragraphs) == 2


def test_one_megabyte_line() -> None:
    line = ("word " * 200_000).strip() + "."
    [article] = parse_bytes("big.txt", line.encode())
    assert len(article.title) <= TITLE_MAX + 1
    assert article.paragraphs == (line,)


def test_giant_body_is_capped_with_a_notice() -> None:
    paragraph = "x" * 999 + "\n"
    [article] = parse_bytes("huge.txt", (paragraph * 3000).encode())
    assert article.paragraphs[-1] == TRUNCATION_NOTICE
    assert sum(map(len, article.paragraphs[:-1])) == BODY_MAX_CHARS


def test_escape_sequences_in_text_are_cleaned() -> None:
    text = "By \x1b[31mAna\x1b[0m Lindqvist. Media: Coastal\x07bulletin\nThe \x1b]52;c;ZXZpbA==\x07ferry left.\n"
    [article] = parse_bytes("a.txt", text.encode())
    assert article.authors == ("Ana Lindqvist",)
    assert article.outlet == "Coastalbulletin"
    assert article.paragraphs == ("The ferry left.",)


@pytest.mark.parametrize(
    ("line", "authors", "role"),
    [
        # A co-author whose surname is a job word is a name, not the start of the role.
        ("By Ana Ruiz, Jonah Head and Pell Arno, Staff Writers. Media: Wirepost",
         ("Ana Ruiz", "Jonah Head", "Pell Arno"), "Staff Writers"),
        ("By Ana Ruiz, Lena Chief and Tom Lead, Correspondents. Media: Wirepost",
         ("Ana Ruiz", "Lena Chief", "Tom Lead"), "Correspondents"),
        ("By Ana Ruiz, Jonah Head, Staff Writers. Media: Wirepost", ("Ana Ruiz", "Jonah Head"), "Staff Writers"),
        ("By Lena Chief, Reporter. Media: Wirepost", ("Lena Chief",), "Reporter"),
        # Roles that look like names stay roles.
        ("By Jane Arden, Editor and Publisher. Media: Wirepost", ("Jane Arden",), "Editor and Publisher"),
        ("By Jane Arden, Senior Editor, Politics Desk. Media: Wirepost", ("Jane Arden",), "Senior Editor, Politics Desk"),
        ("By Jane Arden, Norvik Bureau Chief, Foreign Desk. Media: Wirepost",
         ("Jane Arden",), "Norvik Bureau Chief, Foreign Desk"),
    ],
)  # fmt: skip
def test_byline_job_word_surnames(line: str, authors: tuple[str, ...], role: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.role) == (authors, role)
