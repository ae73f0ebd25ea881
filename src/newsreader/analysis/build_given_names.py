"""Regenerate ``data/given_names.tsv``: first names with their usual gender, for pronoun agreement.

Run ``python -m newsreader.analysis.build_given_names DIR`` where DIR holds ``dist.male.first``,
``dist.female.first`` and ``dist.all.last``: the 1990 US Census name tables (public domain, a work of
the US government) as shipped in the MIT-licensed ``names`` package on PyPI (``pip download --no-deps
names``, unpack the sdist, DIR is its ``names/`` folder). ``names`` is a build-time input only, never a
runtime dependency. The Census lists are US-centric, so the hand table below (written for newsreader,
MIT like the package) adds given names common in world news and overrides the Census where a name's
gender differs between countries. ``gender-guesser`` is deliberately not used: its data is GPL/GFDL.

Output, after ``#`` header lines: ``name<TAB>gender<TAB>given<TAB>surname`` with name lowercase ASCII,
gender ``m``, ``f`` or ``u`` (unisex), and given / surname the Census share per million people (``-``
for a hand-table name the Census lacks). A name ending in ``-`` gives the gender of that name as the
first part of a hyphenated given name ("Jean-Marc"); a whole hyphenated name ("min-jun") is a row of its own,
for names whose parts say nothing alone (Korean given names). Raises FileNotFoundError when DIR lacks a table.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).with_name("data") / "given_names.tsv"
# 1990 Census resident population by sex: the lists give shares within each sex, so weight by these
# to compare a name's use by men and women.
MEN, WOMEN = 121_239_418, 127_470_455
# A name is unisex unless one sex holds more than this share of its bearers.
MAJORITY = 0.9
# Keep a Census name only if at least this percentage of one sex bears it (about 1 in 33,000):
# rarer entries are mostly misspellings and miscoded surnames, and the table stays a few thousand lines.
MIN_PERCENT = 0.003

# ---- Hand table (written for newsreader, MIT): international given names seen in world news --------
# Whitespace-separated, lowercase ASCII; lookups fold accents, so "Jarosław" finds "jaroslaw". Some
# male entries override a Census "f" or "u" that reflects US usage or miscoding, not news usage: ali,
# lula, francis, adrian, theo, tristan, kristian.
HAND_MALE = """
volodymyr vladimir oleksandr oleksiy oleksii andriy andrii dmytro dmitry dmitri sergei sergey serhiy serhii
vitali vitaly vitaliy mykola mikhail yevgeny yevgeniy evgeny yuri yuriy ihor vyacheslav valery valeriy
anatoly gennady nikolai nikolay petro pyotr alexei alexey aleksei arseniy denys kirill konstantin maksim
ruslan rustam ramzan taras vasily vasyl yaroslav bohdan fyodor grigory leonid stanislav svyatoslav andrzej
jaroslaw mateusz radoslaw tomasz wojciech krzysztof zbigniew lech witold piotr pawel marek jiri milos vaclav
zdenek miroslav aleksandar aleksander aleksandr zoran dragan goran slobodan nebojsa vojislav ilir enver
tibor laszlo gergely zoltan viktor nikola gitanas vytautas gabrielius edgars egils krisjanis arturs
emmanuel francois jacques gerard laurent olivier thierry yves didier herve benoit mathieu thibault
sebastien etienne edouard remy aurelien maxime
olaf friedrich helmut gerhard wolfgang horst jurgen jorg joachim matthias christoph dieter uwe heiko
hubertus lothar reinhard sigmar rainer ulrich volker winfried cem armin hendrik norbert wolfram markus
geert wopke jeroen pieter ruud joost wim willem frans koen
giuseppe giorgio sergio matteo silvio enrico luigi paolo massimo gianni giovanni luca lorenzo alessandro
federico francesco carlo fabrizio vincenzo salvatore giancarlo dario mattia
pedro jose santiago pablo mariano felipe alfonso inigo jordi carles oriol javier joaquin alvaro gonzalo
luiz inacio jair joao rui andres nayib alejandro gustavo evo lula
lars anders eirik erik jonas jens olav sven ulf magnus henrik mikael sauli petteri bjorn soren frederik
kristian jakob rasmus jesper mads morten nils oskar aksel terje trond geir knut espen kjetil
gunnar stig ivar thor harald haakon leif rune kristjan
keir rishi boris nigel alistair iain angus hamish callum ciaran eamon eamonn micheal enda padraig seamus
liam niall oisin cian darragh kwasi nadhim sajid jeremy jacob dominic humza anas wes
mohammed muhammad mohammad mohamed mohamad ahmed ahmad abdullah abdul abdel abdulaziz abdulrahman
abdelaziz abdelfattah hassan hussein ali omar umar osama usama khalid khaled mahmoud mahmud mustafa
mostafa yusuf youssef yousef ibrahim ismail hamza hamad hamid hamdan ayman bashar hafez hosni anwar nabil
nasser rashid saad saeed salman tamim tareq tariq walid yahya zayed faisal fahd majid mansour marwan
naji najib nawaf qasem qassem reza ebrahim ruhollah javad abbas jawad kamal karim khalil latif mustapha
ilham recep tayyip ahmet mehmet kemal binali ekrem mevlut hakan emre burak murat
yair naftali yitzhak shimon moshe avigdor benny gideon itamar bezalel yoav ehud yossi amir avi yonatan
gilad shaul yuval idan benjamin
khizr imran nawaz shehbaz shahbaz asif bilawal zulfikar pervez yasir ashraf narendra rahul amit arvind
rajnath nitin nitish manmohan atal ajit ashok sanjay vijay anil mukesh gautam ratan sunil suresh rajesh
ramesh rakesh amitabh sachin virat rohit sourav shashi kapil pranab subrahmanyam
haruto hiroshi shinzo fumio yoshihide shigeru taro kenji kenta takeshi hiroki kazuo naoki koji masahiro
yuto sota daisuke ichiro shohei junichiro yukio toshihiro joko prabowo susilo prayuth srettha thaksin
cyril thabo jomo uhuru raila yoweri abiy muhammadu bola olusegun atiku kwame kofi kojo yaw macky
alassane ousmane mamadou moussa emmerson hage mokgweetsi salva riek kais beji hakainde tedros wole chinua
mwai mswati francis adrian theo tristan barack elon kash vivek hakeem merrick mitt newt beto rahm deval
klaus jurgen gunther gunter manfred siegfried torsten thorsten kai ingo sven-erik detlef dirk holger ralf
mattias mathias tobias jannik janik lukas niklas fabian florian moritz maximilian leon finn hannes bastian
pavel petr radek ondrej jakub vojtech lubomir ladislav miroslaw janusz grzegorz przemyslaw dariusz
tomas tomaso aldo marco piero pietro renzo bruno ettore ottavio cesare corrado tancredi vittorio
joaquim tiago duarte goncalo nuno vasco afonso
eero juha jukka matti pekka timo antti jari kari-pekka heikki risto ilkka aki
haakon halvard torbjorn stein arne asbjorn sigurd torstein eivind vegard oddvar jostein
min-jun ji-ho seo-jun jae-in kyung-soo sung-ho dong-hyun tae-yang jun-ho
"""
HAND_FEMALE = """
ursula giorgia jacinda ghazala mette silje ingrid sigrid astrid fatima aisha ayesha annalena ricarda
sahra svenja christiane saskia annegret franziska katarina katja kristalina marine segolene rachida najat
amelie clemence ines nathalie elly kaja kersti ingrida evika zuzana beata ewa agata malgorzata magdalena
dorota joanna katarzyna iwona olena oksana yulia iryna tetiana tatiana natalia svetlana olga lyudmila
ludmila valentina marija elena yelena ekaterina yekaterina ksenia anastasia irina alla galina larisa maia
viorica kolinda jadranka vesna ivana katalin judit zsuzsanna
ebba erna sanna annika petra kristin kari trine helle pernille margrethe sofie ida freja frida liv hanne
tove gro siv elin linnea maja anniken katrine birgitte jytte lene britt kirsti marit solveig tarja kaisa
riikka chiara francesca alessandra federica giulia paola lucia elisabetta gianna marta daniela rossella
silvana beatriz yolanda pilar soraya begona dilma gleisi leticia rocio ximena xochitl paloma delcy
xiomara gabriela
amina maryam mariam zainab khadija hoda huda leila layla samira yasmine rania lina dalia hanan
nadia nasrin narges mahsa shirin zahra farah golda tzipi ayelet miri merav shira orit hadas yael meral
tansu ayse fatma zeynep elif emine
benazir malala mamata priyanka smriti nirmala indira sushma mayawati jayalalithaa hasina khaleda kamala
priti suella shamima nusrat aruna anjali deepika aishwarya lakshmi meera pooja priya radha sunita usha
yoko yuriko sanae seiko keiko akiko yuko haruka sakura yui tomoko masako kyoko naoko mariko aiko
megawati paetongtarn yingluck leni
ngozi samia kemi wangari leymah nkosazana naledi lindiwe fatou aminata winnie graca chimamanda
melania ivanka tulsi ketanji kyrsten ilhan ayanna
signe sanne lotte ingeborg gudrun hildegard gertrud heike anke silke ulrike birgit dagmar renate
sabine susanne claudia annette karin marlene greta liesel
aino aila anneli eeva hanna-kaisa marjatta pirjo tuula ritva sirkka
renata jolanta grazyna halina bozena wanda
hye-won ji-woo seo-yeon min-ji soo-jin eun-ji ha-eun
"""
# Male in one country, female in another, or used for both: gender() says None for these.
HAND_UNISEX = """
andrea nicola simone michele gabriele jean jan kim sasha sascha sacha wei yuki hikaru makoto akira nana
michal camille dominique noa noor nour eden ariel ira toni nikita laurence marion hilary lindsey mika
sami tal shai lior elia vanja dani
"""
# Census entries that are not given names in news text: East Asian surnames that lead names written
# surname-first ("Li Qiang", "Chung Eui-yong"), and misspellings or words miscoded as first names.
HAND_NOT_NAMES = """
li ma chang chung chun hong lin yu yang song moon
brain in ok my mi man son sun soon numbers marry manual era easter jc wm robt chas anglea joesph jospeh
"""
# Gender of a name as the first part of a hyphenated given name, where it differs from the name alone.
HAND_HYPHEN_FIRST = {"jean": "m"}  # Jean-Marc, Jean-Marie, Jean-Pierre; "Jean" alone is often a woman


def _read_census(path: Path) -> dict[str, float]:
    """Return lowercase name -> percentage of that sex (or of all people, for surnames)."""
    shares: dict[str, float] = {}
    for line in path.read_text("ascii").splitlines():
        fields = line.split()
        if len(fields) == 4:
            shares[fields[0].lower()] = float(fields[1])
    return shares


def build(census: Path) -> list[tuple[str, str, str, str]]:
    """Rows of (name, gender, given per million, surname per million), sorted by name."""
    male = _read_census(census / "dist.male.first")
    female = _read_census(census / "dist.female.first")
    last = _read_census(census / "dist.all.last")
    rows: dict[str, tuple[str, str, str, str]] = {}
    for name in male.keys() | female.keys():
        pm, pf = male.get(name, 0.0), female.get(name, 0.0)
        if max(pm, pf) < MIN_PERCENT:
            continue
        men, women = pm * MEN, pf * WOMEN  # both proportional to the number of bearers
        share = men / (men + women)
        gender = "m" if share > MAJORITY else "f" if share < 1 - MAJORITY else "u"
        per_million = round((men + women) / (MEN + WOMEN) * 10_000)
        rows[name] = (name, gender, str(per_million), str(round(last.get(name, 0.0) * 10_000)))
    # Hand entries win: they exist to correct the Census's US view ("Andrea", "Ali", "Jean").
    for text, gender in ((HAND_MALE, "m"), (HAND_FEMALE, "f"), (HAND_UNISEX, "u")):
        for name in text.split():
            old = rows.get(name)
            rows[name] = (name, gender, old[2], old[3]) if old else (name, gender, "-", "-")
    for name in HAND_NOT_NAMES.split():
        rows.pop(name, None)
    for name, gender in HAND_HYPHEN_FIRST.items():
        rows[name + "-"] = (name + "-", gender, "-", "-")
    return sorted(rows.values())


def main(argv: list[str] | None = None) -> int:
    """Write the table next to this module; the Census folder is the one argument."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m newsreader.analysis.build_given_names CENSUS_DIR", file=sys.stderr)
        return 2
    rows = build(Path(args[0]))
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        print("# Given names with gender. Sources: 1990 US Census first-name and surname tables (public domain,"
              " US government work) via the names package (MIT); hand table of international names from"
              " build_given_names.py (MIT). Regenerate with build_given_names.py.", file=fh)
        print("# name\tgender (m, f, u = unisex)\tgiven-name share per million people\tsurname share per million"
              " (- = not in the Census)", file=fh)
        for row in rows:
            print("\t".join(row), file=fh)
    counts = {g: sum(1 for r in rows if r[1] == g) for g in "mfu"}
    print(f"wrote {len(rows)} names to {OUT} ({counts['m']} m, {counts['f']} f, {counts['u']} u)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
