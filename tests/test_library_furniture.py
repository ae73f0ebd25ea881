"""Newsletter furniture leaves the body, search and word counts; prose that looks like it stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.library.furniture import drop_furniture, is_trailing_line, is_widget_line
from newsreader.library.parsers import parse_bytes

POST = "\n".join(
    [
        "By Mara Quell and Tobin Ashe, Contributors. Media: The Lantern Letter",
        "The Dunmore tram depot will close for a month from Monday, the operator said.",
        "Thanks for reading The Lantern Letter! Subscribe for free to receive new posts and support my work.",
        "Type your email…",
        "Subscribe",
        "“We have no other depot,” said Ines Rayo, who runs the line.",
        "The Lantern Letter is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.",
        "Upgrade to paid",
        "Buses will replace the trams on the coast route.",
        "Share",
        "14 Likes∙",
        "3 Restacks",
        "14 Likes ∙ 3 Restacks ∙ 2 Comments",
        "Discussion about this post",
        "Pell Arno",
        "Great piece, thanks! Subscribe now and share it.",
        "Ready for more?",
        "Type your email…Subscribe",
        "© 2026 Mara Quell",
        "Privacy ∙ Terms ∙ Collection notice",
        "Start Writing",
        "Get the app",
    ]
)


def test_newsletter_post_keeps_only_the_article() -> None:
    [article] = parse_bytes("post.txt", POST.encode())
    assert article.paragraphs == (
        "The Dunmore tram depot will close for a month from Monday, the operator said.",
        "“We have no other depot,” said Ines Rayo, who runs the line.",
        "Buses will replace the trams on the coast route.",
    )
    assert article.authors == ("Mara Quell", "Tobin Ashe")
    assert article.outlet == "The Lantern Letter"


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe", "Subscribe now", "Share this post", "Leave a comment", "Type your email...",
        "Type your email…Subscribe", "Give a gift subscription", "Copy link",
        "7 Likes∙", "1,204 Likes ∙ 88 Restacks", "2 Comments", "12 shares",
        "Thanks for reading Harbour Notes! Subscribe for free to receive new posts.",
        "Harbour Notes is a reader-supported publication. To receive new posts, consider becoming a subscriber.",
    ],
)  # fmt: skip
def test_widget_lines(line: str) -> None:
    assert is_widget_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # Prose about subscriptions, sharing and likes is the article.
        "Subscriptions to the Tessby Courier fell by a fifth last year, its owner said.",
        "“Share the road,” the sign said.",
        "Subscribe.",  # ...but a full stop after one word is still a widget? no: see below
        "The union asked members to subscribe to its new fund before May.",
        "Ferrow Civil Works had 14 likes on its post within an hour, a spokesperson said.",
    ],
)  # fmt: skip
def test_prose_is_not_furniture(line: str) -> None:
    if line == "Subscribe.":
        assert is_widget_line(line)  # a label with a full stop is still a label
        return
    assert not is_widget_line(line)


def test_furniture_in_prose_position_is_kept_when_it_is_a_paragraph() -> None:
    body = "The quay reopened.\nShare prices rose 4 per cent on the news.\nNext week the council votes."
    assert drop_furniture(body) == body  # "Share prices..." and "Next week..." are prose


@pytest.mark.parametrize(
    ("line", "trailing"),
    [
        ("© 2026 Mara Quell", True), ("Privacy ∙ Terms ∙ Collection notice", True), ("Ready for more?", True),
        ("Previous", True), ("42", True), ("1.2k", True),
        ("The ferry sails at nine.", False), ("Crews return on Friday · weather permitting.", False),
    ],
)  # fmt: skip
def test_trailing_lines(line: str, trailing: bool) -> None:
    assert is_trailing_line(line) is trailing


def test_comments_after_the_marker_are_dropped_even_when_long() -> None:
    body = "The quay reopened.\nDiscussion about this post\n" + "A reader wrote a very long comment. " * 20
    assert drop_furniture(body) == "The quay reopened."


@given(st.lists(st.sampled_from(["The quay reopened on Monday.", "Subscribe", "3 Likes∙", "Crews cheered."]), max_size=12))
def test_dropping_never_adds_or_reorders(lines: list[str]) -> None:
    kept = drop_furniture("\n".join(lines)).split("\n")
    prose = [line for line in lines if line.endswith(".")]
    assert [line for line in kept if line] == prose
