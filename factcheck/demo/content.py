"""Demo articles, written for this project (facts restated in our own words, not copied)."""

import datetime

AIR_ATTACK = {
    "title": "Russia fires a record 550 drones and missiles at Ukraine overnight",
    "outlet": "Kyiv Wire Service",
    "url": "https://example.org/demo/record-air-attack",
    "published_on": datetime.date(2025, 7, 4),
    "body": """Russia fires a record 550 drones and missiles at Ukraine overnight

KYIV, July 4 — Russia sent a record 550 drones and missiles against Ukraine overnight in one of the heaviest air attacks of the war, the Ukrainian Air Force said, with the capital taking the worst of the damage.

Most of the weapons were shot down, but 72 of the 550 drones broke through Ukraine's air defences. The attack beat a previous record of 537 drones and missiles set only last week.

Air raid sirens sounded across Kyiv for more than eight hours as wave after wave of strikes hit the city, which the air force called the “main target” of the assault.

According to early reports, more than 63 drones and nine missiles hit targets in eight places, while falling debris from downed weapons came down at 33 sites.

Schools, hospitals and transport links in the capital were damaged, Interior Minister Ihor Klymenko was quoted by local media as saying.

President Volodymyr Zelensky called the strike “demonstratively significant and cynical” and spoke of a “harsh, sleepless night” for the city.

Zelensky urged allies, above all the United States, to step up pressure on Moscow and impose tougher sanctions.

Poland's Foreign Minister Radosław Sikorski said the Polish consulate in Kyiv had also been damaged.

Russia's Defence Ministry said the “massive strike” was a response to what it called “terrorist acts of the Kyiv regime”.

The attack came only hours after a phone call between President Vladimir Putin and US President Donald Trump that produced no breakthrough.

“I’m very disappointed with the conversation I had today with President Putin,” Trump said.

“I don’t think he’s looking to stop.”

Kremlin spokesman Dmitry Peskov said Russia would keep up its military operation for as long as its aims could not be reached by diplomacy.
""",
}

RAIL = {
    "title": "Northern Line Rail carries 48.2 million passengers as journeys rise 12%",
    "outlet": "Transport Desk Weekly",
    "url": "https://example.org/demo/rail-passengers",
    "published_on": datetime.date(2025, 6, 12),
    "body": """Northern Line Rail carries 48.2 million passengers as journeys rise 12%

LEEDS, June 12 — Passenger journeys on Northern Line Rail rose 12% to 48.2 million in the year to March, up from 43 million a year earlier, the operator said on Thursday.

Of the 48.2 million journeys, 31.5 million were commuter trips and 16.7 million were leisure travel.

Revenue climbed to £1.2bn, while punctuality slipped to 86.5% from 89.1% the year before, which the company blamed on engineering works.

“This is the busiest year in our history, and we expect to pass 50 million journeys next year,” chief executive Maria Lindqvist said.

Passenger groups said fares had risen faster than wages and called on the government to cap them.
""",
}

HOSPITAL = {
    "title": "City hospital says nearly two-thirds of patients seen within 18 weeks",
    "outlet": "Riverside Gazette",
    "url": "https://example.org/demo/hospital-waiting-times",
    "published_on": datetime.date(2025, 5, 2),
    "body": """City hospital says nearly two-thirds of patients seen within 18 weeks

Riverside General Hospital treated 12,400 patients from its waiting list last year, according to figures it published on Friday.

Of those, 7,900 were seen within 18 weeks and the remaining 3,800 waited longer, the hospital said.

That means nearly two-thirds of patients met the national target, up from 58% the year before.

Hospital director Dr Amina Okafor said the new day-surgery unit, which opened in March, was the main reason for the improvement.

The hospital expects waiting times to fall further once a second operating theatre opens next spring.
""",
}

ARTICLES = [AIR_ATTACK, RAIL, HOSPITAL]

SOURCES = [
    # name, url, kind, credibility, notes
    (
        "Ukrainian Air Force",
        "https://www.mil.gov.ua/",
        "government",
        "mostly_credible",
        "Official daily tallies of launches and interceptions.",
    ),
    ("Kyiv Wire Service", "https://example.org/", "news_outlet", "credible", "Demo outlet."),
    ("Transport Desk Weekly", "https://transport.example.net/", "news_outlet", "mostly_credible", "Demo outlet."),
    ("Riverside Gazette", "https://gazette.example.com/", "news_outlet", "mixed", "Demo outlet."),
    ("Office for National Statistics", "https://www.ons.gov.uk/", "official_statistics", "credible", ""),
    ("Reuters", "https://www.reuters.com/", "wire_agency", "credible", ""),
    (
        "Institute for the Study of War",
        "https://www.understandingwar.org/",
        "academic",
        "mostly_credible",
        "Daily campaign assessments.",
    ),
]

CLAIMANTS = [
    # name, role, kind, same_as
    ("Volodymyr Zelensky", "President of Ukraine", "person", "https://www.wikidata.org/wiki/Q3874799"),
    ("Donald Trump", "President of the United States", "person", "https://www.wikidata.org/wiki/Q22686"),
    ("Dmitry Peskov", "Kremlin spokesman", "person", ""),
    ("Ukrainian Air Force", "", "organization", ""),
]

USERS = [
    # username, role, password, superuser, full name (exports and public pages name people by it, never by login)
    ("admin", "admin", "admin-demo-pass", True, ("Alex", "Moreau")),
    ("editor", "editor", "editor-demo-pass", False, ("Eda", "Morgan")),
    ("editor2", "editor", "editor2-demo-pass", False, ("Emil", "Novak")),
    ("checker", "checker", "checker-demo-pass", False, ("Chris", "Okafor")),
    ("viewer", "viewer", "viewer-demo-pass", False, ("Val", "Reyes")),
]

# Fact-checks "published elsewhere" (invented reviewers, our own words), imported as ClaimReview so the
# rail article's statements show "Already checked elsewhere" (factcheck.factchecks).
KNOWN_FACTCHECKS = [
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://example.org/demo/checks/{slug}",
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": reviewer},
        "datePublished": published,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": label,
        },
    }
    for slug, claim, reviewer, published, value, label in [
        (
            "rail-journeys",
            "Northern Line Rail passenger journeys rose 12 percent to 48.2 million in a year.",
            "Demo Transport Checks",
            "2025-06-20",
            5,
            "True",
        ),
        (
            "rail-fares-wages",
            "Rail fares have risen faster than wages.",
            "Demo Transport Checks",
            "2025-03-02",
            3,
            "Half true",
        ),
        (
            "tram-budget",
            "The city's new tram line cost twice its original budget.",
            "Demo City Facts",
            "2025-01-15",
            2,
            "False",
        ),
    ]  # fmt: skip
]
