#!/usr/bin/env python3
"""Turn the researched list of Umbrian services into Bussola's feed source.

The research file (shared/data/servizi-umbria-ricerca.json) holds 41 services found in public
pages, each with its sources and as-of date. This script only reshapes what those entries say
into the feed's SERVICE shape (DESIGN.md, "The feed"): it invents no address, phone or hours.
Hours are written in OSM opening_hours syntax by hand below, only where the source states them;
everything else stays unknown. Coordinates are comune centroids, so every location says
`geo_precision: "comune"`.

Usage: python3 data/tools/research_to_source.py ../shared/data/servizi-umbria-ricerca.json
"""
import json
import sys

CATEGORIES = {
    "questura": ["permits"],
    "prefettura": ["permits"],
    "comune": ["access-point"],
    "regione": ["access-point"],
    "sportello_immigrazione": ["access-point", "permits"],
    "associazione": ["community"],
    "caritas": ["access-point", "food-shelter"],
    "mensa": ["food-shelter"],
    "salute": ["health"],
    "scuola_lingua": ["language"],
    "cpia": ["language", "education"],
    "centro_impiego": ["work"],
    "consultorio": ["family", "health", "mediation"],
    "helpline": ["helpline"],
}
# Per-service refinements where the research notes say more than the category does.
EXTRA_CATEGORIES = {
    "cidis-bastia-consulenza-stranieri": ["legal"],
    "perusia-sportello-ascolto": ["access-point", "legal"],
    "numero-verde-antitratta": ["legal"],
    "numero-1522": ["emergency"],
}

# The research text of each source's hours, rewritten in OSM syntax. Only these services have
# hours in their sources; a reader can compare each line with the `hours` field of the input.
OPENING_HOURS = {
    "questura-pg-immigrazione": "We,Fr 15:00-18:00; Sa 09:00-13:00",
    "commissariato-spoleto": "Tu-Th 09:00-12:00",
    "commissariato-assisi": "Tu,Th,Sa 09:00-12:00",
    "commissariato-citta-di-castello": "Tu,Th 09:00-12:00",
    "commissariato-foligno": "Mo,We,Fr 09:00-12:00",
    "questura-tr-immigrazione": "Mo,We 14:30-17:00",
    "cdc-sportello-immigrazione": "Tu,We 15:30-18:30; Sa 09:00-13:00",
    "terni-sportello-migranti": "Tu,Fr 09:00-13:00; Th 09:00-11:00,15:30-17:30",
    "orvieto-sportello-immigrazione": "Mo 09:00-12:00; Tu 15:00-17:00",
    "cesvol-pg-associazioni-migranti": "We 15:00-18:00",
    "perusia-sportello-ascolto": "Tu 09:00-12:00",
    "caritas-tr-mensa-san-valentino": "Mo-Su 17:45-19:00",
    "numero-verde-antitratta": "24/7",
}

# What a source's hours say beyond the times, which OSM syntax does not carry: kept in the
# description in the source's words, so "by appointment" is not lost.
HOURS_NOTES = {
    "orvieto-sportello-immigrazione": "Su appuntamento",
    "numero-verde-antitratta": "Gratuito, anonimo, multilingue",
}

PROVINCE = {"PG": "PG", "TR": "TR"}


def phones(raw):
    """'328 3666748 (solo WhatsApp, info)' -> [{number, type, description}]"""
    if not raw:
        return []
    number, _, rest = raw.partition("(")
    number = number.strip()
    phone = {"number": number, "type": "voice"}
    if rest:
        phone["description"] = rest.rstrip(")").strip()
        if "whatsapp" in rest.lower():
            phone["type"] = "text"
    return [phone]


def email(raw):
    if not raw:
        return None, None
    address, _, rest = raw.partition("(")
    return address.strip(), (rest.rstrip(")").strip() or None)


def assured_date(as_of):
    """The research gives '2022', '2023-03', 'c. 2017-2019', '2016/2019': keep the latest date
    the text names, as YYYY-MM-DD (first of the month or year), or None when it names none."""
    import re

    # A month is 01-12 and not the start of a second year: "2017-2019" names 2017 and 2019.
    dates = re.findall(r"(\d{4})(?:-(0[1-9]|1[0-2])(?!\d))?", as_of or "")
    if not dates:
        return None
    year, month = max(dates)
    return f"{year}-{month or '01'}-01"


def service(entry):
    sid = entry["id"]
    categories = CATEGORIES[entry["category"]] + EXTRA_CATEGORIES.get(sid, [])
    categories = list(dict.fromkeys(categories))
    mail, mail_note = email(entry.get("email"))
    description_parts = [entry["notes"]] if entry.get("notes") else []
    if entry.get("hours") and sid not in OPENING_HOURS:
        description_parts.append("Orari secondo la fonte: " + entry["hours"])
    if sid in HOURS_NOTES:
        description_parts.append(HOURS_NOTES[sid])
    if mail_note:
        description_parts.append("Email: " + mail_note)
    out = {
        "id": sid,
        "name": entry["name"],
        "status": "active",
        "description": ". ".join(p.rstrip(".") for p in description_parts) or None,
        "categories": categories,
        "phones": phones(entry.get("phone")),
        "email": mail,
        "url": None,
        "languages": [],
        "assured_date": assured_date(entry.get("as_of")),
        "sources": entry["sources"],
        "service_at_locations": [],
    }
    if entry.get("lat") is not None and entry.get("comune"):
        address = {"city": entry["comune"], "state_province": entry["province"], "country": "IT"}
        if entry.get("address"):
            address["address_1"] = entry["address"]
        out["service_at_locations"].append(
            {
                "location": {
                    "id": f"loc-{sid}",
                    "name": entry["comune"],
                    "latitude": entry["lat"],
                    "longitude": entry["lon"],
                    "geo_precision": "comune",
                    "addresses": [address],
                },
                "opening_hours": OPENING_HOURS.get(sid),
            }
        )
    elif sid in OPENING_HOURS:
        out["opening_hours"] = OPENING_HOURS[sid]
    return out


def main():
    research = json.load(open(sys.argv[1], encoding="utf-8"))
    services = [service(e) for e in research["services"]]
    # The editors' source file; `bussola-cli feed build` turns it into the signed feed.
    with open("data/umbria/services.json", "w", encoding="utf-8") as f:
        json.dump(services, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
