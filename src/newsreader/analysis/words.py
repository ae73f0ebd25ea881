"""Hand-written closed-class word lists: titles, reporting verbs, name suffixes.

Lowercase everywhere; callers lowercase the token before looking it up.
"""

from __future__ import annotations

# Words that, capitalised, precede a name and are not part of it.
TITLE_HEADS = frozenset("""
president presidents minister ministers secretary secretaries chancellor senator senators sen sen. rep rep.
representative congressman congresswoman governor gov gov. mayor ambassador envoy spokesman spokeswoman
spokesperson general gen gen. commander chief director chairman chairwoman chair ceo king queen prince princess
pope emperor sheikh judge justice prosecutor attorney sergeant sgt sgt. lieutenant lt lt. colonel col col.
captain capt capt. major admiral adm adm. officer mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame
lord lady rabbi imam cardinal archbishop bishop father rev rev. reverend leader premier coach manager
councillor councilor councilman councilwoman alderman commissioner superintendent inspector detective
constable sheriff marshal dean chancellor striker midfielder defender goalkeeper skipper chancellor vice-president deputy speaker aide adviser advisor
analyst economist editor correspondent founder president-elect senator-elect rapper singer actor actress
master harbourmaster harbormaster postmaster headteacher headmaster headmistress principal
councilmember trustee registrar member clerk treasurer auditor supervisor administrator chairperson selectman
selectwoman assemblyman assemblywoman legislator delegate magistrate warden curator ombudsman del del. hon hon.
mp mep msp mla mpp td qc kc
activist writer author lawyer candidate nominee billionaire businessman businesswoman entrepreneur journalist
reporter anchor comedian musician artist filmmaker producer novelist poet historian scientist researcher
strategist pollster consultant lobbyist veteran trooper chef farmer pastor
parent resident student commuter voter shopper driver passenger worker volunteer fisherman nurse
""".split())

# Words that modify a following title head ("Deputy Foreign Minister").
TITLE_MODIFIERS = frozenset("""
deputy vice prime foreign defense defence interior finance home health trade economy economic energy education
justice labor labour transport agriculture environment culture assistant acting former first senior junior
state chief executive general attorney supreme national regional opposition military security intelligence
army police party parliament parliamentary house senate majority minority crown grand lieutenant lt. lt
retired then-president then former-president u.s. us federal white the top lead special
harbour harbor port station council board city county school town village
medical financial operating technology information legal marketing scientific nursing technical press
communications policy
""".split())

# Multi-word title phrases matched before names.
TITLE_PHRASES = (
    ("secretary", "of", "state"),
    ("secretary", "of", "defense"),
    ("secretary", "of", "defence"),
    ("secretary", "general"),
    ("secretary-general",),
    ("attorney", "general"),
    ("chief", "of", "staff"),
    ("director", "general"),
    ("director-general",),
    ("registrar", "of", "voters"),
)

# Reporting verbs, in all inflections used in news prose.
REPORT_VERBS = frozenset("""
said says say saying told tells tell added adds add wrote writes write stated states noted notes
explained explains argued argues claimed claims warned warns insisted insists asked asks answered
replied replies responded responds declared declares announced announces acknowledged acknowledges admitted
admits recalled recalls continued continues concluded concludes suggested suggests contended contends
maintained maintains countered counters conceded concedes stressed stresses emphasized emphasised
observed observes remarked remarks tweeted tweets posted posts predicted predicts promised promises vowed
vows urged urges accused accuses denied denies confirmed confirms reported reports alleged alleges
estimated estimates testified testifies quipped joked shouted yelled cautioned complained complains
charged charges pointed explained described describes described called calls
asserted asserts asserting tweeting asking adding writing noting arguing insisting warning boasted boasts
demanded demands reads
mocked mocks scolded scolds blasted blasts slammed slams criticized criticised criticizes criticises dismissed
likened likens labeled labelled branded praised praises touted touts pledged pledges lamented laments recounted
recounts mused muses scoffed retorted snapped exclaimed whispered chanted sang sings wondered pleaded pleads
derided derides decried decries hailed hails assured assures reiterated reiterates
""".split()) | {"put it"}

# Verbs that make "X <verb>" a reported (indirect) statement, not only a quote cue.
STATEMENT_VERBS = REPORT_VERBS - frozenset({"asked", "asks", "called", "calls", "reported", "reports",
                                            "posted", "posts", "described", "describes", "pointed"})

# Last words that make a capitalised run an organisation.
ORG_SUFFIXES = frozenset("""
inc inc. corp corp. co co. ltd ltd. llc plc ag sa gmbh nv group holdings company corporation companies
party ministry ministries department council commission committee agency university college institute
bank association federation union league army forces force navy police court parliament assembly congress
senate airlines airways club fc foundation fund organization organisation authority office board service
services network television tv radio reserve exchange guard brigades brigade front movement church school
hospital administration bureau cabinet government embassy consulate unit corps academy society alliance
coalition caucus conference tribunal commissioners cooperative partners capital securities motors systems
industries technologies energy petroleum oil pharmaceuticals telecom communications media press times
post journal news herald tribune gazette daily weekly magazine review observer monitor chronicle globe
telegraph guardian express mail star sun standard courier inquirer examiner register world today report
united rovers wanderers athletic athletico city county hotspur albion villa olympic sporting
marine shipping shipyard shipyards logistics labs laboratories therapeutics biotech mining foods brewery
glassworks ironworks steelworks
dispatch ledger bulletin sentinel record beacon clarion courant enquirer advocate argus banner
inspectorate directorate secretariat regulator
electric power copper controls bros brothers commodities cables steel chemicals chemical insurance gas cement
textiles semiconductor semiconductors electronics software computer computers pharma robotics beverages brewing
tobacco paper rubber plastics metals aluminium aluminum engineering construction properties realty investments
finance financial credit bancorp bankshares trading exports railway railways transport aviation aerospace
utilities utility mills studios pictures publishing entertainment broadcasting wireless trust
renewables solar wind hydro nuclear biofuels developments developers contractors builders homes ramblers
panel regional unified freight data local center centre energi gruppen asa oy oyj spa srl bv works
""".split())

# Words that make a capitalised run an event or a thing, never a person ("World Cup", "Greater Milwaukee Open").
EVENT_WORDS = frozenset("""
cup series open championship championships games prix tour bowl classic olympics olympiad festival awards
summit conference forum expo fair marathon derby trophy tournament rally day week month desk newsdesk bonds
receipts index stock stocks data numbers income revenue shares
""".split())

# First words that make a run of two or more words a place ("Lake Orrin", "Mount Kessel").
LOC_PREFIXES = frozenset("lake mount mt mt. cape isle glacier loch lough glen ben strath fjord river port".split())

# First words that head an organisation name ("Bank of England", "Ministry of Defence").
ORG_HEADS = frozenset("""
bank ministry department university college institute council commission committee office board bureau
house church federation association league union party court government school academy center centre
museum agency organization organisation society foundation chamber order friends
""".split())

# Heads that, first in a run, take "of ..." as part of a place name.
LOC_HEADS = frozenset("gulf bay sea strait straits isle island islands cape lake mount republic kingdom "
                      "state province region district city county port sultanate emirate".split())

# Last words that make a capitalised run a place (LOC) or political place (GPE).
LOC_SUFFIXES = frozenset("""
strip river sea ocean mountains mountain mount valley island islands peninsula gulf bay lake desert square
street avenue road bridge airport heights canal coast basin plateau corridor crossing park plaza highway
border camp hills hill forest channel strait straits sound falls delta plain plains range region
glacier fjord loch moor moorland peak
""".split())
GPE_SUFFIXES = frozenset("county province state oblast governorate prefecture district municipality".split())

# Words that may sit inside a name between capitalised words.
NAME_CONNECTORS = frozenset("de da del della di du la le van von der den ter bin ibn al el abu bint y".split())
OF_CONNECTORS = frozenset(("of", "for", "on", "and", "&"))

PRONOUNS_MALE = frozenset(("he", "him", "his"))
PRONOUNS_FEMALE = frozenset(("she", "her", "hers"))
PRONOUNS_PLURAL = frozenset(("they", "them", "their", "we"))
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL | frozenset(("i", "it", "you"))

# Frequent words that open sentences capitalised without being names.
COMMON_CAPS = frozenset("""
a an the this that these those there their they them then than he she it its his her hers we our us you your
i me my mine who whom whose which what when where why how if but and or nor so yet for of in on at by to from
with without into onto upon about above below after before during since until while although though because
as also still just even only already again now today yesterday tomorrow tonight here not no yes all any
both each every few many more most much other others some such several another one two three four five
six seven eight nine ten first second third last next new old many meanwhile however moreover furthermore
instead indeed perhaps maybe overall despite among between against around across through throughout
according asked later earlier once under over back home is are was were be been being has have had do does
did can could will would shall should may might must let like unlike nearly almost about some most
officials police residents critics experts analysts people witnesses sources authorities troops soldiers
photo video watch read related update updated breaking exclusive editor note reporting additional
""".split())

# Lowercase words that never start a continuing name when capitalised mid-run in headlines.
# Holidays: capitalised, never a name of anyone or anything the sidebar lists.
HOLIDAYS = frozenset("easter christmas ramadan eid thanksgiving hanukkah passover diwali lent advent halloween "
                     "pentecost whitsun yom kippur".split())
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
