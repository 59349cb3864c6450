"""A synthetic site of any size: N conferences of 6 workshops each and N/2 organisations, in Arabic and English.

Every file is valid against hooks/conference_site/schema.py and the entities refer to each other as real
content does: conferences name their organisers and partners, workshops their conference and presenters,
and the page bodies link to the pages they mention. The text is drawn from sentences about social work, in
the length of the site's real pages. The same size and seed always give the same files.

    python bench/generate.py DESTINATION --conferences 100
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from conference_site.translations import FIELD as TRANSLATED_FROM, source_hash  # noqa: E402

WORKSHOPS_PER_CONFERENCE = 6
FIRST_START = dt.date(2015, 1, 12)

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

SENTENCES_AR = [
    "يناقش المشاركون أحدث الممارسات في مجال {topic} ويتبادلون الخبرات الميدانية مع زملائهم من مختلف المؤسسات.",
    "ويهدف اللقاء إلى بناء شراكات مستدامة بين المؤسسات الحكومية والأهلية العاملة في {topic}.",
    "ويستعرض المتحدثون تجارب ناجحة من دول الخليج والعالم، مع التركيز على قياس أثر البرامج على الفئات المستفيدة.",
    "وتتناول الجلسات دور الاختصاصي الاجتماعي في تصميم الخدمات وتقييمها ومتابعة الحالات على المدى الطويل.",
    "ويؤكد المنظمون أهمية إشراك الأسر والمجتمع المحلي في كل مرحلة من مراحل التدخل المهني.",
    "كما تُعرض نتائج دراسات ميدانية حديثة أجراها باحثون من الجامعات ومراكز البحث في المنطقة.",
    "ويُختتم البرنامج بتوصيات عملية تُرفع إلى الجهات المعنية لتطوير السياسات والإجراءات.",
    "ويشارك في النقاش ممثلون عن الوزارات والهيئات المحلية والمنظمات الدولية المتخصصة.",
    "وتُخصص مساحة للحوار المفتوح بين الممارسين وصناع القرار حول التحديات اليومية في {topic}.",
    "ويحصل الحضور على شهادات مشاركة معتمدة ضمن برامج التطوير المهني المستمر.",
    "وتركز المحاور على توظيف التقنيات الرقمية والبيانات لتحسين جودة الخدمات الاجتماعية وسرعتها.",
    "ويستفيد المشاركون من ورش تطبيقية تعتمد على دراسات حالة واقعية وتمارين جماعية.",
]
SENTENCES_EN = [
    "Participants discuss the latest practice in {topic} and exchange field experience with colleagues from many institutions.",
    "The meeting aims to build lasting partnerships between the government and civil institutions working in {topic}.",
    "Speakers present successful experiences from the Gulf and beyond, with a focus on measuring the effect of programmes on the people they serve.",
    "The sessions address the role of the social worker in designing and evaluating services and in following cases over the long term.",
    "The organisers stress the importance of involving families and the local community at every stage of professional intervention.",
    "Recent field studies by researchers from universities and research centres in the region are also presented.",
    "The programme closes with practical recommendations submitted to the authorities concerned, to improve policies and procedures.",
    "Representatives of ministries, local bodies and specialised international organisations take part in the discussion.",
    "Time is set aside for an open dialogue between practitioners and decision-makers about the daily challenges of {topic}.",
    "Attendees receive accredited certificates of participation as part of continuing professional development.",
    "The themes focus on using digital technology and data to improve the quality and speed of social services.",
    "Participants benefit from practical workshops built on real case studies and group exercises.",
]
HEADINGS_AR = ["أهداف اللقاء", "المحاور", "الجمهور المستهدف", "المخرجات المتوقعة", "الشركاء"]
HEADINGS_EN = ["Aims", "Themes", "Who should attend", "Expected outcomes", "Partners"]


def _paragraph(rng: random.Random, sentences: list[str], topic: str, count: int) -> str:
    return " ".join(rng.choice(sentences).format(topic=topic) for _ in range(count))


def _body(rng: random.Random, language: str, topic: str, sections: int, lead: str) -> str:
    sentences, headings = (SENTENCES_AR, HEADINGS_AR) if language == "ar" else (SENTENCES_EN, HEADINGS_EN)
    parts = [f"{lead} {_paragraph(rng, sentences, topic, 3)}"]
    for heading in rng.sample(headings, sections):
        parts.append(f"## {heading}\n\n{_paragraph(rng, sentences, topic, 4)}\n\n{_paragraph(rng, sentences, topic, 3)}")
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
    text = (f"خبر صحفي مُولّد لقياس أداء الموقع (bench-{entity_id}.txt)." if language == "ar"
            else f"A generated news article for measuring the site's performance (bench-{entity_id}.txt).")
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
                        _body(rng, language, topic, 2, summary))

    for number in range(1, conferences + 1):
        conference_id = f"forum-{number:04d}"
        country, time_zone, city_ar, city_en, venue_ar, venue_en = PLACES[number % len(PLACES)]
        topic_ar, topic_en = TOPICS[number % len(TOPICS)]
        start = FIRST_START + dt.timedelta(days=9 * number + rng.randrange(3))
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
                            _body(rng, language, topic, 2, link))

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
