"""The pages the audits open: one of every page type of the demo handbook, plus the error page
of a map broken on purpose (the demo itself has none)."""

BROKEN_ID = "broken-quote"
BROKEN_MAP = """---
title: Quote that fails validation
personas: [first-time-renter]
stages:
  - stage: nowhere
    steps:
      - touchpoint: Quote form
        emotion: 7
---
"""

JOURNEY = "journeys/buy-contents-online/"
PAGE_TYPES = {
    "home": "",
    "journeys index": "journeys/",
    "journey": JOURNEY,
    "future-state journey": "journeys/renewal-redesign-2027/",
    # Map format 1.2: a lifecycle with journeys inside it, a micro journey with its breadcrumbs,
    # and a macro journey between them whose blueprint fills every group.
    "parent journey": "journeys/being-a-customer/",
    "child journey": "journeys/burst-pipe-at-night/",
    "blueprint journey": "journeys/escape-of-water-claim/",
    "personas index": "personas/",
    "persona": "personas/first-time-renter/",
    "stages index": "stages/",
    "stage": "stages/claim/",
    "teams index": "teams/",
    "team": "teams/claims-handling/",
    "pain-point index": "pain-points/",
    "measures index": "measures/",
    "measure": "measures/claim-nps/",
    "insights index": "insights/",
    "insight": "insights/claims-household-interviews-2026/",
    "opportunity portfolio": "opportunities/",
    "invalid map": f"journeys/{BROKEN_ID}/",
}
