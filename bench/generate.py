"""A synthetic site of any size: N conferences of 6 workshops each and N/2 organisations, in Arabic and English.

Every file is valid against conference_site/schema.py and the entities refer to each other as real
content does: conferences name their organisers and partners, workshops their conference and presenters,
and the page bodies link to the pages they mention. The text is drawn from sentences about social work, in
the length of the site's real pages, put together from parts so that pages vary as real ones do. The same size
and seed always give the same files.

    python bench/generate.py DESTINATION --conferences 100
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import yaml

from conference_site.translations import FIELD as TRANSLATED_FROM, source_hash

WORKSHOPS_PER_CONFERENCE = 6
# Conferences nine days apart, the last UPCOMING of them after the day the benchmark builds as (TEST_EPOCH,
# 1 May 2023), as on a real site: years of past conferences and a few announced.
DAYS_APART = 9
UPCOMING = 4
LAST_PAST_START = dt.date(2023, 4, 20)

# (country, time zone, city in Arabic, city in English, venue in Arabic, venue in English)
PLACES = [
    ("AE", "Asia/Dubai", "الشارقة", "Sharjah", "قاعة الجواهر للمناسبات والمؤتمرات", "Al Jawaher Reception & Convention Centre"),
    ("AE", "Asia/Dubai", "دبي", "Dubai", "مركز دبي التجاري العالمي", "Dubai World Trade Centre"),
    ("QA", "Asia/Qatar", "الدوحة", "Doha", "مركز قطر الوطني للمؤتمرات", "Qatar National Convention Centre"),
    ("SA", "Asia/Riyadh", "الرياض", "Riyadh", "مركز الرياض الدولي للمؤتمرات والمعارض", "Riyadh International Convention Centre"),
    ("KW", "Asia/Kuwait", "الكويت", "Kuwait City", "مركز الشيخ جابر الأحمد الثقافي", "Sheikh Jaber Al-Ahmad Cultural Centre"),
    ("OM", "Asia/Muscat", "مسقط", "Muscat", "مركز عُمان للمؤتمرات والمعارض", "Oman Convention & Exhibition Centre"),
    ("BH", "Asia/Bahrain", "المنامة", "Manama", "مركز البحرين الدولي للمعارض والمؤتمرات", "Bahrain International Exhibition & Convention Centre"),
    ("CZ", "Europe/Prague", "براغ", "Prague", "مركز براغ للمؤتمرات", "Prague Congress Centre"),
]
TOPICS = [
    ("الابتكار الاجتماعي", "social innovation"), ("رعاية كبار السن", "care for older people"),
    ("حماية الطفل", "child protection"), ("الصحة النفسية في المجتمع", "community mental health"),
    ("التعافي من الإدمان", "addiction recovery"), ("تمكين الشباب", "youth empowerment"),
    ("دعم الأسرة", "family support"), ("التحول الرقمي في الخدمات الاجتماعية", "digital social services"),
    ("الإرشاد المدرسي", "school counselling"), ("إعادة تأهيل النزلاء", "rehabilitation of inmates"),
    ("دمج ذوي الإعاقة", "inclusion of people with disabilities"), ("الرعاية بعد الصدمات", "post-trauma care"),
]
ORGANISATION_KINDS = ["government-department", "ngo", "foundation", "federation", "professional-association", "un-body"]
ORGANISATION_NAMES = [
    ("دائرة الخدمات الاجتماعية", "Social Services Department", "government-department"),
    ("جمعية الاختصاصيين الاجتماعيين", "Society of Social Workers", "professional-association"),
    ("مؤسسة العمل الاجتماعي", "Foundation for Social Work", "foundation"),
    ("الاتحاد الخليجي للخدمة الاجتماعية", "Gulf Federation of Social Service", "federation"),
    ("جمعية رعاية الأسرة", "Family Care Association", "ngo"),
    ("مكتب الأمم المتحدة للتنمية الاجتماعية", "United Nations Office for Social Development", "un-body"),
]
FORMATS = ["panel", "workshop", "workshop", "paper", "workshop", "paper"]
ROLES = ["co-organiser", "partner", "participant"]

# Sentences are put together from parts, so that pages vary as real ones do (the same handful of sentences
# repeated made pages and search records compress several times better than the real site's: bench/run.py
# measures both). Each sentence: an opening, who, what they do, about what, and a qualifier, with names and
# numbers drawn for it.
OPENINGS_AR = ["", "و", "كما", "وفي هذا الإطار،", "وبحسب المنظمين،", "وفي اليوم الثاني،", "ومن جهة أخرى،",
               "وخلال الجلسة الختامية،", "وفي ورقة بحثية،", "وعلى هامش اللقاء،", "وفي تصريح صحفي،", "ولأول مرة،"]
WHO_AR = ["يناقش المشاركون", "يستعرض الباحثون", "تعرض {name}", "يقدم {name}", "تناقش لجنة من {count} خبيرًا",
          "يشارك {count} اختصاصيًا اجتماعيًا في", "يتبادل ممثلو {count} مؤسسة", "تطرح الجمعيات الأهلية",
          "تستعرض وزارة التنمية الاجتماعية", "يحلل فريق من جامعة {city}", "يقترح المتطوعون", "تقيّم الهيئات المحلية"]
WHAT_AR = ["تجارب ميدانية في", "نتائج دراسة حديثة عن", "مؤشرات قياس الأثر في", "برامج تدريبية متخصصة في",
           "سياسات وطنية تخص", "تحديات التمويل المرتبطة بـ", "أدوات رقمية تدعم", "شراكات جديدة في مجال",
           "حالات واقعية تتعلق بـ", "معايير الجودة في خدمات", "خطط الطوارئ الخاصة بـ", "أساليب الإرشاد الأسري في"]
ABOUT_AR = ["الأسر ذات الدخل المحدود", "كبار السن في المنازل", "الأطفال في سن المدرسة", "الشباب الباحثين عن عمل",
            "النساء المعيلات", "ذوي الإعاقة الحركية", "المتعافين من الإدمان", "نزلاء المؤسسات الإصلاحية",
            "الأحياء السكنية الجديدة", "العمال الوافدين", "الأيتام وأسرهم البديلة", "المتضررين من الكوارث",
            "المرضى المزمنين", "طلاب الجامعات", "المتطوعين الجدد", "الأرامل والمطلقات"]
QUALIFIER_AR = ["خلال السنوات {count} الماضية", "في إمارة {city}", "بالتعاون مع جامعة {city}", "منذ عام {year}",
                "وفق إحصاءات عام {year}", "في {count} مدينة خليجية", "ضمن خطة تمتد حتى عام {year}",
                "بميزانية تبلغ {count} مليون درهم", "بمشاركة {count} متطوعًا", "في المدارس الحكومية",
                "عبر منصات التواصل", "في المراكز الصحية الأولية"]
NAMES_AR = ["د. مريم الكعبي", "أ. خالد المنصوري", "د. سارة الهاشمي", "أ. عبدالله النعيمي", "د. فاطمة الزعابي",
            "أ. يوسف البلوشي", "د. نورة الشامسي", "أ. حمد الظاهري", "د. ليلى العوضي", "أ. سالم الكتبي"]
OPENINGS_EN = ["", "Also,", "In this context,", "According to the organisers,", "On the second day,", "Meanwhile,",
               "In the closing session,", "In a research paper,", "On the sidelines,", "In a press statement,",
               "For the first time,", "In a workshop,"]
WHO_EN = ["participants discuss", "researchers review", "{name} presents", "{name} introduces",
          "a panel of {count} experts examines", "{count} social workers share", "representatives of {count} bodies compare",
          "civil society groups put forward", "the Ministry of Social Development outlines", "a team from {city} University analyses",
          "volunteers propose", "local authorities assess"]
WHAT_EN = ["field experience in", "the results of a recent study on", "indicators of impact in", "specialised training for",
           "national policies concerning", "funding challenges related to", "digital tools that support",
           "new partnerships for", "real cases involving", "quality standards in services for", "emergency plans for",
           "family counselling methods for"]
ABOUT_EN = ["low-income families", "older people living at home", "school-age children", "young job seekers",
            "women heading households", "people with reduced mobility", "people recovering from addiction",
            "inmates of correctional institutions", "new residential districts", "migrant workers",
            "orphans and their foster families", "people affected by disasters", "patients with chronic illness",
            "university students", "new volunteers", "widows and divorced women"]
QUALIFIER_EN = ["over the past {count} years", "in the emirate of {city}", "together with {city} University",
                "since {year}", "according to figures for {year}", "in {count} Gulf cities", "under a plan running to {year}",
                "with a budget of {count} million dirhams", "with {count} volunteers", "in public schools",
                "through social media", "in primary health centres"]
NAMES_EN = ["Dr Maryam Al Kaabi", "Khalid Al Mansouri", "Dr Sara Al Hashemi", "Abdullah Al Nuaimi",
            "Dr Fatima Al Zaabi", "Yousef Al Balushi", "Dr Noura Al Shamsi", "Hamad Al Dhaheri", "Dr Layla Al Awadhi",
            "Salem Al Ketbi"]
PARTS = {"ar": (OPENINGS_AR, WHO_AR, WHAT_AR, ABOUT_AR, QUALIFIER_AR, NAMES_AR),
         "en": (OPENINGS_EN, WHO_EN, WHAT_EN, ABOUT_EN, QUALIFIER_EN, NAMES_EN)}
CITIES = {"ar": [place[2] for place in PLACES], "en": [place[3] for place in PLACES]}
# The share of sentences about the page's own topic (the others are about one of ABOUT_*): a real page names
# its topic a few times, not in every other sentence.
TOPIC_SHARE = 0.25
HEADINGS_AR = ["أهداف اللقاء", "المحاور", "الجمهور المستهدف", "المخرجات المتوقعة", "الشركاء"]
HEADINGS_EN = ["Aims", "Themes", "Who should attend", "Expected outcomes", "Partners"]


def _sentence(rng: random.Random, language: str, topic: str) -> str:
    openings, who, what, about, qualifiers, names = PARTS[language]
    fill = {"name": rng.choice(names), "count": rng.randrange(3, 400), "city": rng.choice(CITIES[language]),
            "year": rng.randrange(2010, 2035)}
    subject = topic if rng.random() < TOPIC_SHARE else rng.choice(about)
    text = " ".join(part for part in (rng.choice(openings), rng.choice(who).format(**fill),
                                      rng.choice(what).format(**fill), subject,
                                      rng.choice(qualifiers).format(**fill)) if part)
    return (text[0].upper() + text[1:] if language == "en" else text) + "."


def _paragraph(rng: random.Random, language: str, topic: str, count: int) -> str:
    return " ".join(_sentence(rng, language, topic) for _ in range(count))


# A lead paragraph and `sections` sections of one paragraph: with the generated parts (programme, sharing,
# sources) the articles come out as long as the real site's (median 4–5 KB for a workshop, 10–12 KB for a
# conference). Longer ones made a sample of pages repeat each other less than the real pages do (bench/run.py's
# "pages together").
def _body(rng: random.Random, language: str, topic: str, sections: int, lead: str) -> str:
    headings = HEADINGS_AR if language == "ar" else HEADINGS_EN
    parts = [f"{lead} {_paragraph(rng, language, topic, 2)}"]
    for heading in rng.sample(headings, sections):
        parts.append(f"## {heading}\n\n{_paragraph(rng, language, topic, 2)}")
    return "\n\n".join(parts)


_arabic_texts: dict[str, str] = {}


def _write_page(docs: Path, language: str, uri: str, front_matter: dict, body: str) -> None:
    """Write one page; an English page records the Arabic page it translates, as translators do."""
    if language == "en":
        front_matter = {**front_matter, TRANSLATED_FROM: source_hash(_arabic_texts.pop(uri))}
    text = f"---\n{yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=10_000)}---\n\n{body}\n"
    if language == "ar":
        _arabic_texts[uri] = text
    path = docs / language / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_data(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def _source(entity_id: str, facts: list[str]) -> list[dict]:
    return [{"id": "article", "document": f"bench-{entity_id}.txt", "facts": facts}]


def _source_notes(language: str, entity_id: str) -> dict:
    text = (f"خبر صحفي مُولّد لقياس أداء الموقع ({entity_id})." if language == "ar"
            else f"A generated news article for measuring the site's performance ({entity_id}).")
    return {"article": text}


def _general_pages(docs: Path) -> None:
    pages = {
        "index.md": (("مؤتمرات العمل الاجتماعي", "إعلانات مؤتمرات العمل الاجتماعي وورشه والجهات المشاركة فيه."),
                     ("Social work conferences", "Announcements of social work conferences, workshops and organisations.")),
        "conferences/index.md": (("المؤتمرات", "مؤتمرات العمل الاجتماعي المعلنة في هذا الموقع."),
                                 ("Conferences", "The social work conferences announced on this site.")),
        "workshops/index.md": (("ورش العمل", "ورش العمل والجلسات في مؤتمرات العمل الاجتماعي."),
                               ("Workshops", "The workshops and sessions of the social work conferences.")),
        "organisations/index.md": (("الجهات", "الجهات التي نظمت مؤتمرات العمل الاجتماعي أو شاركت فيها."),
                                   ("Organisations", "The organisations that organised or took part in the conferences.")),
    }
    for uri, translations in pages.items():
        for language, (title, summary) in zip(("ar", "en"), translations):
            _write_page(docs, language, uri, {"title": title, "summary": summary}, summary)


def generate(destination: Path, conferences: int, seed: int = 1) -> int:
    """Write the content of a site with `conferences` conferences into `destination`; returns its page count."""
    rng = random.Random(seed)
    data, docs = destination / "data", destination / "docs"
    organisation_count = max(1, conferences // 2)
    organisation_ids = [f"organisation-{number:04d}" for number in range(1, organisation_count + 1)]
    _general_pages(docs)

    for number, organisation_id in enumerate(organisation_ids):
        name_ar, name_en, kind = ORGANISATION_NAMES[number % len(ORGANISATION_NAMES)]
        country, _, city_ar, city_en, _, _ = PLACES[number % len(PLACES)]
        topic_ar, topic_en = TOPICS[number % len(TOPICS)]
        facts: dict = {"kind": kind}
        if kind != "un-body":
            facts["country"] = country
        if number % 3 == 0:
            facts["website"] = f"https://{organisation_id}.example.org/"
        facts["sources"] = _source(organisation_id, ["title", "kind", "summary", "body"])
        _write_data(data / "organisations" / f"{organisation_id}.yml", facts)
        for language, title, city, topic in (("ar", f"{name_ar} في {city_ar} ({number + 1})", city_ar, topic_ar),
                                             ("en", f"{name_en}, {city_en} ({number + 1})", city_en, topic_en)):
            summary = (f"جهة تعمل في مجال {topic} في {city}." if language == "ar"
                       else f"An organisation working in {topic} in {city}.")
            _write_page(docs, language, f"organisations/{organisation_id}.md",
                        {"title": title, "summary": summary, "sources": _source_notes(language, organisation_id)},
                        _body(rng, language, topic, 1, summary))

    for number in range(1, conferences + 1):
        conference_id = f"forum-{number:04d}"
        country, time_zone, city_ar, city_en, venue_ar, venue_en = PLACES[number % len(PLACES)]
        topic_ar, topic_en = TOPICS[number % len(TOPICS)]
        start = LAST_PAST_START + dt.timedelta(days=DAYS_APART * (number - (conferences - UPCOMING)) - rng.randrange(3))
        days = 1 + number % 3
        end = start + dt.timedelta(days=days - 1)
        organiser = organisation_ids[number % organisation_count]
        others = [org for org in rng.sample(organisation_ids, min(3, organisation_count)) if org != organiser][:2]
        facts = {"edition": number, "start": start.isoformat(), "end": end.isoformat()}
        if number % 2:
            facts.update(daily_start="09:00", daily_end="14:00")
        facts.update(timezone=time_zone, country=country, public=bool(number % 4))
        if number % 5 == 0:
            facts["website"] = f"https://{conference_id}.example.org/"
        facts["organisations"] = [{"organisation": organiser, "role": "organiser"}] + [
            {"organisation": org, "role": ROLES[index % len(ROLES)]} for index, org in enumerate(others)]
        facts["sources"] = _source(conference_id, ["title", "slogan", "themes", "venue", "start", "end", "body"])
        _write_data(data / "conferences" / f"{conference_id}.yml", facts)
        themes = rng.sample(range(len(TOPICS)), 4)
        for language, title, slogan, venue, city, topic in (
                ("ar", f"ملتقى العمل الاجتماعي {number}: {topic_ar}", f"معًا من أجل {topic_ar}", venue_ar, city_ar, topic_ar),
                ("en", f"Social Work Forum {number}: {topic_en}", f"Together for {topic_en}", venue_en, city_en, topic_en)):
            index = 0 if language == "ar" else 1
            link = f"[{'الجهة المنظمة' if language == 'ar' else 'The organiser'}](../organisations/{organiser}.md)"
            summary = (f"ملتقى يجمع العاملين في مجال {topic} في {city}." if language == "ar"
                       else f"A forum bringing together people working in {topic} in {city}, over {days} days.")
            _write_page(docs, language, f"conferences/{conference_id}.md",
                        {"title": title, "slogan": slogan, "summary": summary, "venue_name": venue, "city": city,
                         "themes": [TOPICS[theme][index] for theme in themes],
                         "sources": _source_notes(language, conference_id)},
                        _body(rng, language, topic, 4, link))

        for order in range(WORKSHOPS_PER_CONFERENCE):
            workshop_id = f"{conference_id}-session-{order + 1}"
            facts = {"conference": conference_id, "format": FORMATS[order], "order": order}
            if order % 2 == 0:
                day = start + dt.timedelta(days=order % days)
                session_start = dt.datetime.combine(day, dt.time(9 + order // 2 * 2))
                facts.update(start=session_start.isoformat(timespec="minutes"),
                             end=(session_start + dt.timedelta(minutes=90)).isoformat(timespec="minutes"))
            facts["presenters"] = rng.sample(organisation_ids, min(order % 3, organisation_count))
            facts["sources"] = _source(workshop_id, ["title", "format", "order", "summary", "body"])
            _write_data(data / "workshops" / f"{workshop_id}.yml", facts)
            session_topic = TOPICS[(number + order) % len(TOPICS)]
            for language, topic in (("ar", session_topic[0]), ("en", session_topic[1])):
                title = (f"الجلسة {order + 1}: {topic}" if language == "ar" else f"Session {order + 1}: {topic}")
                link = (f"ضمن [الملتقى {number}](../conferences/{conference_id}.md)." if language == "ar"
                        else f"Part of [forum {number}](../conferences/{conference_id}.md).")
                summary = (f"جلسة عن {topic} في الملتقى {number}." if language == "ar"
                           else f"A session on {topic} at forum {number}.")
                _write_page(docs, language, f"workshops/{workshop_id}.md",
                            {"title": title, "summary": summary, "sources": _source_notes(language, workshop_id)},
                            _body(rng, language, topic, 1, link))

    entities = organisation_count + conferences * (1 + WORKSHOPS_PER_CONFERENCE)
    return 2 * (entities + 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("destination", type=Path)
    parser.add_argument("--conferences", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    pages = generate(arguments.destination, arguments.conferences, arguments.seed)
    print(f"{pages} pages written to {arguments.destination}")


if __name__ == "__main__":
    main()
