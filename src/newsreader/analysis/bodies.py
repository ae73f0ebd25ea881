"""Hand-written organisation names: international bodies, news outlets, government bodies.

Each table maps a surface form to its canonical key; the canonical name maps to itself.
"""

from __future__ import annotations


def _table(spec: str) -> dict[str, str]:
    """Parse ``Canonical = alias | alias`` lines into an alias -> canonical map."""
    out: dict[str, str] = {}
    for line in spec.strip().splitlines():
        canon, _, aliases = line.partition("=")
        canon = canon.strip()
        out[canon] = canon
        for alias in aliases.split("|"):
            if alias.strip():
                out[alias.strip()] = canon
    return out


INTERNATIONAL = _table("""
United Nations = UN | U.N. | the UN
United Nations Security Council = Security Council | U.N. Security Council | UN Security Council
United Nations General Assembly = General Assembly | U.N. General Assembly | UN General Assembly
World Health Organization = WHO | World Health Organisation
International Monetary Fund = IMF
World Bank =
World Trade Organization = WTO
North Atlantic Treaty Organization = NATO | Nato
European Union = EU | E.U.
European Commission =
European Parliament =
European Central Bank = ECB
Council of Europe =
African Union = AU
Arab League = League of Arab States
Association of Southeast Asian Nations = ASEAN
Organization of the Petroleum Exporting Countries = OPEC
Group of Seven = G7 | G-7
Group of 20 = G20 | G-20
International Criminal Court = ICC
International Court of Justice = ICJ | World Court
International Atomic Energy Agency = IAEA
UNICEF = UN Children's Fund
UNESCO =
UN Relief and Works Agency = UNRWA
UN High Commissioner for Refugees = UNHCR | UN refugee agency
World Food Programme = WFP | World Food Program
International Committee of the Red Cross = ICRC | Red Cross
Red Crescent = Palestinian Red Crescent
Doctors Without Borders = MSF | Medecins Sans Frontieres
Amnesty International = Amnesty
Human Rights Watch = HRW
Interpol =
Organization for Security and Co-operation in Europe = OSCE
Organisation for Economic Co-operation and Development = OECD
Shanghai Cooperation Organisation = SCO
BRICS =
Hamas =
Hezbollah =
Islamic Jihad = Palestinian Islamic Jihad
Islamic State = ISIS | ISIL | Daesh
al-Qaeda = al Qaeda | Al Qaeda | al-Qaida
Taliban =
Muslim Brotherhood =
Wagner Group = Wagner
Fatah =
Palestinian Authority = PA
Palestine Liberation Organization = PLO
International Olympic Committee = IOC
FIFA =
UEFA =
""")

OUTLETS = _table("""
Reuters = Thomson Reuters
Associated Press = AP | The Associated Press
Agence France-Presse = AFP | Agence France Presse
Bloomberg = Bloomberg News
Xinhua = Xinhua News Agency
TASS = Tass
RIA Novosti = RIA
Interfax =
Kyodo = Kyodo News
Yonhap = Yonhap News Agency
Anadolu = Anadolu Agency
ANSA =
dpa = Deutsche Presse-Agentur
Al Jazeera = Al-Jazeera
Al Arabiya =
BBC = British Broadcasting Corporation | BBC News
CNN =
Fox News = Fox | Fox News Channel
MSNBC =
NBC = NBC News
CBS = CBS News
ABC = ABC News
NPR = National Public Radio
PBS =
C-SPAN =
Politico =
Axios =
The Hill =
The New York Times = New York Times | NYT | the Times
The Washington Post = Washington Post | the Post
The Wall Street Journal = Wall Street Journal | WSJ | the Journal
USA Today =
Los Angeles Times = LA Times
The Guardian = Guardian
The Times of Israel = Times of Israel
Haaretz =
The Jerusalem Post = Jerusalem Post
Financial Times = FT
The Economist = Economist
The Independent =
The Telegraph = Daily Telegraph
Daily Mail =
Le Monde =
Der Spiegel = Spiegel
Izvestia =
Kommersant =
Pravda =
RT = Russia Today
CNBC =
Newsweek =
Time magazine =
The Atlantic =
The New Yorker = New Yorker
Vox =
BuzzFeed = BuzzFeed News
HuffPost = Huffington Post
Breitbart = Breitbart News
Slate =
ProPublica =
Yahoo News =
Fox Business =
South China Morning Post = SCMP
Kyiv Independent =
""")

GOVERNMENT = _table("""
White House =
Kremlin =
Pentagon =
State Department = US State Department | U.S. State Department | Department of State
Justice Department = Department of Justice | DOJ
Defense Department = Department of Defense | DoD
Treasury Department = Treasury | U.S. Treasury
Department of Homeland Security = Homeland Security | DHS
Federal Bureau of Investigation = FBI
Central Intelligence Agency = CIA
National Security Agency = NSA
National Security Council = NSC
Federal Reserve = Fed | the Fed
Supreme Court = U.S. Supreme Court | US Supreme Court
Congress = U.S. Congress | US Congress
Senate = U.S. Senate | US Senate
House of Representatives = House | U.S. House
Republican National Committee = RNC
Democratic National Committee = DNC
Republican Party = GOP
Democratic Party =
Environmental Protection Agency = EPA
Food and Drug Administration = FDA
Centers for Disease Control and Prevention = CDC
Internal Revenue Service = IRS
Securities and Exchange Commission = SEC
Federal Communications Commission = FCC
Federal Election Commission = FEC
Congressional Budget Office = CBO
Downing Street =
Foreign Office =
Home Office =
Ministry of Defence = MoD
Bundestag =
Knesset =
Duma = State Duma
Israel Defense Forces = IDF | Israeli Defense Forces | Israeli military
Mossad =
Shin Bet =
Gaza Health Ministry = Gaza health ministry
Foreign Ministry =
Defense Ministry = Defence Ministry
Health Ministry =
Interior Ministry =
Finance Ministry =
Kremlin press office =
""")
