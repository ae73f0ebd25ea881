"""Given names: is a word a given name, and which gender does it suggest.

A capitalised run whose first word is a given name is read as a person's name, and the name's usual
gender lets a pronoun agree with its antecedent. The hand-written list below covers names common in
world news; the gendered lexicon in ``given_names.py`` (US Census 1990 first-name tables, public
domain, plus a hand table) covers the rest.
"""

from __future__ import annotations

from functools import lru_cache

from newsreader.analysis import given_names

FIRST_NAMES = frozenset("""
aaron abdul abdullah abraham adam adrian ahmad ahmed aisha alan albert alejandro aleksandr alex alexander
alexandra alexei alexey ali alice alicia alison amanda amber amir amy ana anastasia andre andrea andreas
andrei andrew andrzej angela angelina anil anita ann anna anne annie anthony antoine anton antonio antony
anwar arnold arthur ashley ashraf audrey ayman barack barbara barry bashar ben benjamin benny bernard bernie
beth betty bill billy bob bobby bogdan boris brad bradley brandon brenda brian bruce bruno bryan carl carla
carlos carmen carol caroline catherine cathy chad charles charlie charlotte chen cheryl chris christian
christina christine christopher chuck cindy claire clara claude claudia colin connor craig cristina curtis
cynthia dale dan daniel daniela danielle danny dara darren dave david dean deborah debbie denis dennis
derek diana diane dick dieter dimitri dmitry dmitri dominic don donald donna doris doug douglas duncan
dylan ebrahim ed eddie edgar edith edward elena eli elijah elizabeth ella ellen elon emil emily emma
emmanuel enrique eric erik erin ernest esther ethan eugene eva evan evelyn fatima felix fernando fidel
fiona francesco francis francisco frank franz fred frederick gabriel gabriela gary gavin george georgi
gerald gerhard gilbert giorgia giovanni giuseppe glen glenn gordon grace graham greg gregory guillermo
gustavo hai hamid hannah hans harold harry hassan heather hector heinz helen helena helmut henri henry
herbert hillary hiroshi holly howard hugh hugo hussein ian ibrahim igor ilya imran irene isaac isabel
isabella ismail ivan jack jackie jacob jacques jaime jake james jamie jan jane janet janice jared jason
javier jay jean jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy joan
joanna joe joel johann johannes john johnny jon jonathan jordan jorge jose joseph josh joshua joyce juan
judith judy julia julian julie juliet justin kamala karen karim karl kate katherine kathleen kathryn
katie kay keith kelly ken kenneth kevin khalid kim kirk kyle larry laura lauren lawrence lee leila leo
leon leonard leslie li liam lily linda lisa liu liz lois lorenzo louis louise lucas lucy luis luke lynn
mahmoud malcolm manuel marc marco marcus margaret maria marie marina mario mark marta martha martin mary
mason matt matthew maurice max maxim megan mehmet melissa michael michel michelle miguel mike mikhail
mitch mohamed mohammad mohammed mohammad muhammad nancy naomi natalia natalie nathan neil nicholas nick
nicola nicolas nicole nikita nikolai nina noah noel nora norman olaf olga oliver olivia omar oscar otto
pablo pamela patricia patrick paul paula pedro peggy penny peter philip phillip pierre pradeep priya
rachel rafael rahul raj ralph ramon randy raul ray raymond rebecca recep reza ricardo richard rick
ricky rishi rita rob robert roberto robin rodrigo roger roman ron ronald rosa rose ross roy ruby rudy
russell ruth ryan sadiq sally sam samantha sami samir samuel sandra sara sarah scott sean sebastian
sergei sergey sergio shane sharon shaun sheila shirley simon sofia sonia sophia sophie stanley stefan
stephanie stephen steve steven stuart susan suzanne sylvia tamara tanya ted teresa terry theo theresa
thomas tiffany tim timothy tina todd tom tommy tony tracy travis trevor valentina valerie vanessa
vera veronica victor victoria vijay viktor vince vincent virginia vivian vladimir volodymyr walter wang
wayne wendy werner william willie xavier yasser yitzhak yoav yosef youssef yuri yusuf zach zachary zhang
zoe benjamin naftali yair ehud ariel avi moshe itamar gadi yahya ismail abu osama nasser recep narendra
xi jair olaf emmanuel keir liz boris theresa fumio shinzo justin jacinda anthony scott joko ferdinand
gustavo javier luiz andres antonio giorgia pedro mette ursula josep charles kamala mitch chuck nancy
hakeem kevin marjorie lindsey ted marco ron nikki vivek tulsi rand mitt jeb hillary bernie tim mike
""".split())


# Honorifics and gendered role words that fix a person's gender wherever they stand before a mention.
MALE_TITLES = frozenset("mr mr. sir lord king prince duke baron count spokesman congressman chairman "
                        "councilman alderman businessman father brother son husband uncle nephew grandfather "
                        "monsignor sheikh emir".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss mme mme. madam madame dame lady queen princess duchess baroness "
                          "countess spokeswoman congresswoman chairwoman councilwoman alderwoman businesswoman "
                          "mother sister daughter wife aunt niece grandmother actress".split())


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """True when ``word`` (any case; a hyphenated name by its first part) is a known given name."""
    low = word.lower().split("-", 1)[0].rstrip(".")
    if low in FIRST_NAMES:
        return True
    return given_names.is_given_name(word)


@lru_cache(maxsize=4096)
def name_gender(first: str) -> str | None:
    """"m", "f" or None (unknown or used for both) for a given name such as "Ghazala" or "Jean-Marc"."""
    return given_names.gender(first)
