"""Hand-written place data the GeoNames table lacks: aliases, demonyms, regions.

Country and city names themselves come from ``data/gazetteer.tsv`` (see ``build_gazetteer.py``).
"""

from __future__ import annotations

# Alias -> canonical country name (the GeoNames English short name).
COUNTRY_ALIASES: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States", "the United States": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "England": "England", "Scotland": "Scotland", "Wales": "Wales", "Northern Ireland": "Northern Ireland",
    "Russian Federation": "Russia", "Soviet Union": "Soviet Union", "USSR": "Soviet Union",
    "South Korea": "South Korea", "Republic of Korea": "South Korea", "North Korea": "North Korea",
    "DPRK": "North Korea", "Ivory Coast": "Ivory Coast", "Cote d'Ivoire": "Ivory Coast",
    "Czech Republic": "Czechia", "Czechia": "Czechia", "Holland": "Netherlands", "The Netherlands": "Netherlands",
    "Burma": "Myanmar", "UAE": "United Arab Emirates", "Congo": "Republic of the Congo",
    "DRC": "Democratic Republic of the Congo", "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Vatican": "Vatican", "Vatican City": "Vatican", "Taiwan": "Taiwan", "Palestine": "Palestinian Territory",
    "East Timor": "Timor Leste", "Macedonia": "North Macedonia", "Swaziland": "Eswatini", "Turkiye": "Turkey",
    "Türkiye": "Turkey", "Persia": "Iran", "Yugoslavia": "Yugoslavia", "Czechoslovakia": "Czechoslovakia",
    "Hong Kong": "Hong Kong", "Kosovo": "Kosovo", "Gaza": "Gaza", "Washington, D.C.": "Washington",
    "D.C.": "Washington", "N.Y.": "New York", "L.A.": "Los Angeles", "Calif.": "California", "Fla.": "Florida",
    "Mass.": "Massachusetts", "Pa.": "Pennsylvania", "Va.": "Virginia", "Mich.": "Michigan", "Ill.": "Illinois",
    "Ohio": "Ohio", "Ga.": "Georgia", "N.C.": "North Carolina", "Tenn.": "Tennessee", "Ariz.": "Arizona",
    "Colo.": "Colorado", "Wis.": "Wisconsin", "Minn.": "Minnesota", "Conn.": "Connecticut", "Md.": "Maryland",
}

# Other places that are not countries or cities (LOC).
REGIONS = frozenset("""
Middle East|Near East|Far East|Gaza Strip|West Bank|Golan Heights|Sinai|Sinai Peninsula|Balkans|Caucasus|
Kashmir|Sahel|Sahara|Horn of Africa|Persian Gulf|Red Sea|Black Sea|Mediterranean|Mediterranean Sea|
Caspian Sea|Baltic|Baltic Sea|North Sea|Arctic|Antarctic|Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|
Indian Ocean|South China Sea|East China Sea|Taiwan Strait|Strait of Hormuz|Suez Canal|Panama Canal|
Himalayas|Alps|Andes|Rockies|Amazon|Nile|Danube|Rhine|Thames|Euphrates|Tigris|Jordan River|Mekong|
Yangtze|Mississippi|Siberia|Scandinavia|Latin America|South America|North America|Central America|
Caribbean|Southeast Asia|South Asia|Central Asia|East Asia|Asia-Pacific|Sub-Saharan Africa|West Africa|
East Africa|North Africa|Southern Africa|Eastern Europe|Western Europe|Central Europe|Europe|Asia|Africa|
Oceania|Antarctica|Gulf|Levant|Midwest|Silicon Valley|Wall Street|Capitol Hill|Donbas|Donbass|Crimea|
Kurdistan|Tibet|Xinjiang|Patagonia|Yukon|Riviera|Mount Everest|Kremlin|Downing Street|Pentagon|
Rafah crossing|Korean Peninsula|Iberian Peninsula|Arabian Peninsula|Great Lakes|Bay Area
""".replace("\n", "").split("|"))

# Demonym -> country key (NORP). Plural forms are derived by adding "s" where English does.
DEMONYMS: dict[str, str] = {
    "American": "United States", "British": "United Kingdom", "English": "England", "Scottish": "Scotland",
    "Welsh": "Wales", "Irish": "Ireland", "French": "France", "German": "Germany", "Italian": "Italy",
    "Spanish": "Spain", "Portuguese": "Portugal", "Dutch": "Netherlands", "Belgian": "Belgium",
    "Swiss": "Switzerland", "Austrian": "Austria", "Swedish": "Sweden", "Swede": "Sweden",
    "Norwegian": "Norway", "Danish": "Denmark", "Dane": "Denmark", "Finnish": "Finland", "Finn": "Finland",
    "Icelandic": "Iceland", "Polish": "Poland", "Pole": "Poland", "Czech": "Czechia", "Slovak": "Slovakia",
    "Hungarian": "Hungary", "Romanian": "Romania", "Bulgarian": "Bulgaria", "Greek": "Greece",
    "Turkish": "Turkey", "Turk": "Turkey", "Cypriot": "Cyprus", "Russian": "Russia", "Ukrainian": "Ukraine",
    "Belarusian": "Belarus", "Lithuanian": "Lithuania", "Latvian": "Latvia", "Estonian": "Estonia",
    "Serbian": "Serbia", "Serb": "Serbia", "Croatian": "Croatia", "Croat": "Croatia", "Bosnian": "Bosnia and Herzegovina",
    "Slovenian": "Slovenia", "Albanian": "Albania", "Macedonian": "North Macedonia", "Moldovan": "Moldova",
    "Georgian": "Georgia", "Armenian": "Armenia", "Azerbaijani": "Azerbaijan", "Azeri": "Azerbaijan",
    "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Afghan": "Afghanistan", "Pakistani": "Pakistan",
    "Indian": "India", "Bangladeshi": "Bangladesh", "Sri Lankan": "Sri Lanka", "Nepali": "Nepal",
    "Nepalese": "Nepal", "Chinese": "China", "Japanese": "Japan", "Korean": "South Korea",
    "South Korean": "South Korea", "North Korean": "North Korea", "Taiwanese": "Taiwan", "Mongolian": "Mongolia",
    "Vietnamese": "Vietnam", "Thai": "Thailand", "Cambodian": "Cambodia", "Burmese": "Myanmar",
    "Malaysian": "Malaysia", "Singaporean": "Singapore", "Indonesian": "Indonesia", "Filipino": "Philippines",
    "Australian": "Australia", "New Zealander": "New Zealand", "Canadian": "Canada", "Mexican": "Mexico",
    "Cuban": "Cuba", "Haitian": "Haiti", "Jamaican": "Jamaica", "Guatemalan": "Guatemala",
    "Honduran": "Honduras", "Salvadoran": "El Salvador", "Nicaraguan": "Nicaragua", "Panamanian": "Panama",
    "Colombian": "Colombia", "Venezuelan": "Venezuela", "Ecuadorian": "Ecuador", "Peruvian": "Peru",
    "Bolivian": "Bolivia", "Chilean": "Chile", "Argentine": "Argentina", "Argentinian": "Argentina",
    "Brazilian": "Brazil", "Uruguayan": "Uruguay", "Paraguayan": "Paraguay", "Israeli": "Israel",
    "Palestinian": "Palestinian Territory", "Lebanese": "Lebanon", "Syrian": "Syria", "Jordanian": "Jordan",
    "Iraqi": "Iraq", "Iranian": "Iran", "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates",
    "Qatari": "Qatar", "Kuwaiti": "Kuwait", "Bahraini": "Bahrain", "Omani": "Oman", "Yemeni": "Yemen",
    "Egyptian": "Egypt", "Libyan": "Libya", "Tunisian": "Tunisia", "Algerian": "Algeria",
    "Moroccan": "Morocco", "Sudanese": "Sudan", "Ethiopian": "Ethiopia", "Eritrean": "Eritrea",
    "Somali": "Somalia", "Kenyan": "Kenya", "Ugandan": "Uganda", "Tanzanian": "Tanzania",
    "Rwandan": "Rwanda", "Congolese": "Democratic Republic of the Congo", "Nigerian": "Nigeria",
    "Ghanaian": "Ghana", "Senegalese": "Senegal", "Malian": "Mali", "Nigerien": "Niger",
    "Cameroonian": "Cameroon", "Angolan": "Angola", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    "Mozambican": "Mozambique", "South African": "South Africa", "Namibian": "Namibia",
    "Arab": "", "Arabs": "", "Kurdish": "", "Kurd": "", "Kurds": "", "Latino": "", "Hispanic": "",
    "European": "", "Asian": "", "African": "", "Western": "", "Soviet": "Soviet Union", "Persian": "Iran",
    "Tamil": "", "Uyghur": "", "Uighur": "", "Pashtun": "", "Baloch": "", "Druze": "", "Bedouin": "",
    "Yazidi": "", "Rohingya": "", "Tutsi": "", "Hutu": "", "Maori": "", "Catalan": "", "Basque": "",
    "Flemish": "", "Scots": "Scotland", "Britons": "United Kingdom", "Englishman": "England",
}

# Religious and political groups (NORP).
GROUPS = frozenset("""
Muslim|Muslims|Christian|Christians|Jew|Jews|Jewish|Catholic|Catholics|Protestant|Protestants|Orthodox|
Evangelical|Evangelicals|Hindu|Hindus|Sikh|Sikhs|Buddhist|Buddhists|Sunni|Sunnis|Shiite|Shiites|Shia|
Islamic|Islamist|Islamists|Zionist|Zionists|Republican|Republicans|Democrat|Democrats|Democratic|
Conservative|Conservatives|Labour|Liberal|Liberals|Tory|Tories|Socialist|Socialists|Communist|Communists|
Marxist|Maoist|Maoists|Libertarian|Libertarians|Green|Greens|Baathist|Alawite|Alawites|Houthi|Houthis|
Taliban|Mormon|Mormons|Anglican|Lutheran|Methodist|Baptist|Coptic|Copts|Salafist|Wahhabi|Neo-Nazi|Nazi|Nazis
""".replace("\n", "").split("|"))
