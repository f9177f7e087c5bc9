"""Names of export fields, English and German, as patterns per raw field.

Each raw field has a strong and a weak pattern, matched against a column's last name
and its last two names run together (``reviewer.name`` -> ``reviewername``), and the
objects around a value narrow what it can be (``reply.publishedDate`` is the reply's).
"""

from __future__ import annotations

import re

from spiders.imports.fields import Column, norm

_REPLY = r"(?:reply|replies|replied|response|responses|answer|antwort|stellungnahme)"
_OWNER = r"(?:company|owner|business|merchant|seller|shop|employer|host|hotel|management|vendor|"
_OWNER += r"developer|app)"
_WHO = r"(?:author|reviewer|user|consumer|customer|profile|account|member|kunde|nutzer|autor)"
_CO = (
    r"(?:company|business|place|product|hotel|restaurant|store|shop|merchant|employer|brand|"
    r"venue|property|webshop|firma|unternehmen|arbeitgeber|firmen|unternehmens|organi[sz]ation|app)"
)
_SCRAPE = r"(?:scrap|crawl|extract|fetch|collect|retriev|download|export)"
# field -> (strong, weak, excluded): regexes over normalised names.
NAMES: dict[str, tuple[str, str, str]] = {
    "rating_value": (
        r"^(?:review|user|customer|guest|my|own)?(?:rating|ratings|stars?|starrating|score|rate|"
        r"grade|ratingvalue|ratingscore|ratingoverall|overallrating|reviewscore|bewertung|sterne|"
        r"gesamtbewertung|gesamtnote|note|punkte|punktzahl|ratingrating|bubbles?|bubblerating)"
        r"(?:value)?$",
        r"rating|stars?|score|sterne|bewertung|note$",
        r"count|total|number|num|anzahl|max|min|best|worst|avg|average|mean|durchschnitt|"
        r"distribution|histogram|helpful|useful|vote|like|img|image|url|icon|link|text|comment|"
        r"date|time|datum|percent|share|object|type|id$|aspect|" + _CO,
    ),
    "published_raw": (
        r"^(?:review|post|posted|comment)?(?:date|datetime|time|created|createdat|createdate|"
        r"creationdate|datecreated|published|publishedat|publisheddate|publishedatdate|"
        r"publishdate|publishtime|publishat|datepublished|dateposted|posted|postedat|posteddate|"
        r"postdate|submitted|submittedat|submitteddate|submissiondate|reviewdate|reviewtime|"
        r"reviewed|reviewedat|reviewedon|reviewdatetime|timecreated|datum|erstellt|erstelltam|"
        r"at|written|writtenon|writtenat|postedon|dateofreview|reviewwrittendate|"
        r"veroeffentlicht|veroeffentlichtam|bewertetam|bewertungsdatum|zeitpunkt|"
        r"datepublished|datepublished)(?:utc|local|iso|gmt|date|timestamp)?$",
        r"date|time|created|published|posted|datum|submitted",
        r"experience|visit|stay|travel|trip|checkin|checkout|erlebnis|aufenthalt|"
        + _REPLY
        + "|"
        + _SCRAPE
        + r"|updated|modified|edited|birth|input|expir|start|end|"
        r"member|joined|since|" + _OWNER + r"(?!review)",
    ),
    "experienced_raw": (
        r"(?:experience|experienced|dateofexperience|experiencedate|experienceddate|visit|"
        r"visited|visitdate|dateofvisit|staydate|stay|traveldate|tripdate|checkin|erlebnis|"
        r"erlebnisdatum|aufenthalt|reisedatum|reisezeit)(?:date|at|on)?$",
        r"experience|visit|stay|travel|aufenthalt",
        _REPLY + "|" + _SCRAPE,
    ),
    "text": (
        r"^(?:review|reviews|comment|comments|user|customer|full|original|main|text)?(?:text|"
        r"body|content|comment|comments|review|description|message|opinion|feedback|snippet|"
        r"excerpt|details|kommentar|rezension|erfahrungsbericht|beschreibung|inhalt|freitext|"
        r"meinung|bewertungstext|bewertung)(?:text|full|original|body|content)?$",
        r"text|body|content|comment|review|description|message|kommentar|inhalt",
        r"title|headline|header|summary|url|link|id$|date|time|" + _REPLY + r"|owner|translat|"
        r"html|language|lang|rating|count|photo|image|pros?$|cons?$|name|type|source|status|"
        r"subject|like|dislike|vote",
    ),
    "title": (
        r"^(?:review)?(?:title|headline|heading|header|subject|summary|caption|titel|"
        r"ueberschrift|betreff)$",
        r"title|headline|header|titel",
        r"url|link|id$|date|" + _CO + r"|page|job|position|meta",
    ),
    "pros": (
        r"^(?:pros?|positives?|likes?|liked|likebest|advantages?|vorteile?|gutamarbeitgeber\w*|"
        r"positiv|lob|plus|pluspunkte|staerken|whatdoyoulike\w*|whatilike\w*|theliked)$",
        r"pros$|positiv|vorteil|liked|^gutam",
        r"count|date|url|dislik",
    ),
    "cons": (
        r"^(?:cons?|contra|negatives?|dislikes?|disliked|dislikebest|disadvantages?|nachteile?|"
        r"schlechtamarbeitgeber\w*|negativ|kritik|minus|minuspunkte|schwaechen|"
        r"whatdoyoudislike\w*|whatidislike\w*)$",
        r"cons$|negativ|nachteil|dislik|^schlechtam",
        r"count|date|url",
    ),
    "author_name": (
        r"^(?:author|authorname|authortitle|reviewer|reviewername|reviewerdisplayname|user|"
        r"username|usernickname|nickname|displayname|customer|customername|consumer|"
        r"consumername|consumerdisplayname|profilename|by|postedby|writtenby|writer|verfasser|"
        r"autor|autorname|benutzer|benutzername|nutzer|nutzername|kunde|kundenname|bewerter|"
        r"rezensent|" + _WHO + r"(?:name|displayname|title|nickname))$",
        r"author|reviewer|user|customer|consumer|verfasser|autor|name",
        r"id$|url|link|photo|image|avatar|picture|count|number|location|country|city|type|"
        r"level|badge|guide|" + _CO + r"|title$|profile$|reviewsby",
    ),
    "author_id": (r"^" + _WHO + r"(?:id|uid|key)$", _WHO + r"\w*id$", r"url"),
    "extra.suggestions": (
        r"^(?:suggestions?|advice|improvements?|verbesserungsvorschlaege?|verbesserungen|tipps?|"
        r"adviceto\w*|ratschlaege?)$",
        r"suggest|verbesserung",
        r"count",
    ),
    "author_review_count": (
        r"^(?:reviewsbyreviewer|reviewernumberofreviews|authorreviewscount|authorreviewcount|"
        r"userreviewcount|reviewerreviewcount|reviewerreviewscount|"
        + _WHO
        + r"(?:reviews?count|reviewcount|numberofreviews|totalreviews|reviews))$",
        r"^" + _WHO + r"\w*(?:reviews|count)",
        r"rating|photo|friend|follower",
    ),
    "review_id": (
        r"^(?:review|comment|post|rating|feedback)?(?:id|uuid|guid|key)$",
        r"reviewid|review_?key",
        _WHO + r"|" + _CO + r"|photo|image",
    ),
    "reply_text": (
        r"^(?:review)?"
        + _OWNER
        + r"?"
        + _REPLY
        + r"(?:from"
        + _OWNER
        + r")?(?:of"
        + _OWNER
        + r")?(?:text|message|content|comment|body)?$|^"
        + _OWNER
        + r"comment$",
        _REPLY,
        r"date|time|created|at$|datum|count|id$|url|author|name|language|ago|rate|given",
    ),
    "reply_raw_date": (
        r"^(?:review)?"
        + _OWNER
        + r"?"
        + _REPLY
        + r"(?:from"
        + _OWNER
        + r")?(?:of"
        + _OWNER
        + r")?(?:date|time|created|createdat|publisheddate|timestamp|datetimeutc|"
        r"timestampdatetimeutc|updated|updatedat|modified|modifiedat|lastmodified|edited|"
        r"at|datum|submitted|posted|date)$",
        _REPLY + r"\w*(?:date|time|created|datum)",
        r"text|message|content|ago|relative",
    ),
    "language": (
        r"^(?:review|text|original|comment|content|originaltext)?(?:language|lang|languagecode|"
        r"langcode|locale|sprache|textlanguage|originallanguage)$",
        r"language|lang$|sprache",
        r"translat|count|detected",
    ),
    "verified": (
        r"^(?:is)?(?:verified|verifiedpurchase|verifiedbuyer|verifiedreview|verifiziert|"
        r"verifizierterkauf)$",
        r"verif",
        r"count|date",
    ),
    "company_name": (
        r"^" + _CO + r"(?:name|title|displayname|displaynametext)?$|^(?:webshopname|"
        r"displaynametext)$",
        _CO + r"\w*name",
        r"id$|url|link|type|categor|address|phone|rating|count|image",
    ),
    "portal_company_id": (
        r"^" + _CO + r"(?:id|slug|key|uid|alias|unitid)$|^(?:placeid|googleid|cid|asin|"
        r"productasin|alias|slug|businessunitid|companydomain)$",
        _CO + r"\w*id$",
        r"url|review|" + _WHO,
    ),
    "company_url": (
        r"^" + _CO + r"?(?:url|website|link|domain|homepage|domainurl)$",
        _CO + r"\w*(?:url|website)",
        r"review|photo|image|icon|" + _WHO,
    ),
    "source_url": (
        r"^(?:review)?(?:url|link|permalink|sourceurl|reviewurl|reviewlink)$",
        r"reviewurl|reviewlink",
        r"photo|image|icon|avatar|" + _WHO + r"|" + _CO,
    ),
    "fetched_at": (
        r"^" + _SCRAPE + r"\w*(?:at|date|time|datetime|timestamp|on)?$|^timestamp$",
        _SCRAPE,
        r"count|url",
    ),
    "extra.reviewer_type": (
        r"^(?:reviewertype|usertype|position|anstellungsart|beschaeftigungsart|"
        r"employmentstatus|status)$",
        r"reviewertype",
        r"count",
    ),
    "extra.traveller_type": (
        r"^(?:travell?ertype|triptype|reisetyp|reiseart|travell?er)$",
        r"travell?ertype",
        r"count",
    ),
    "extra.recommendation": (
        r"^(?:recommendation|recommend|recommended|wouldrecommend|recommendtofriend|empfehlung|"
        r"weiterempfehlung|empfohlen)$",
        r"recommend|empfehl",
        r"count|rating|share",
    ),
}
_COMPILED = {k: tuple(re.compile(p) for p in v) for k, v in NAMES.items()}


# What the objects around a value say it belongs to: "reply.publishedDate" is the reply's
# date, "user.name" the author's name, "placeInfo.name" the company's, "location.name" none.
_AUTHOR_FIELDS = ("author_name", "author_id", "author_review_count")
_COMPANY_FIELDS = ("company_name", "portal_company_id", "company_url")
_NOBODY = r"^(?:location|address|geo|coordinates?|photos?|images?|media|jobtitle|job|input|request)"
_CONTEXTS = (
    (re.compile(_REPLY + "|^owner"), ("reply_text", "reply_raw_date")),
    (re.compile(_WHO + "|contributor|attribution"), _AUTHOR_FIELDS),
    (re.compile(_CO + "|placeinfo"), _COMPANY_FIELDS),
    (re.compile(_NOBODY), ()),
)
_ONLY_WITH_CONTEXT = {"name", "id", "title", "displayname", "text", "link", "url"}


def _named(col: Column) -> tuple[str, ...]:
    """The segments that name the value: feeds that wrap every value in an object
    (iTunes' ``{"updated": {"label": ...}}``) are named by the wrapping key."""
    segs = tuple(col.segments)
    if len(segs) > 1 and norm(segs[-1]) == "label":
        return segs[:-1]
    return segs


_EDITED = re.compile(r"updated|modified|edited|lastchange|geaendert|aktualisiert")
_NOT_THE_REVIEWS = re.compile(
    f"{_REPLY}|{_SCRAPE}|{_WHO}|{_OWNER}" + r"|experience|visit|stay|birth|joined|since"
)


def edited_date(col: Column) -> bool:
    """A review's last-edited date ("updated", as in iTunes' feeds), not a reply's, the
    scrape's or a member's: the best date a review has when it has no other."""
    name = norm("".join(_named(col)))
    return bool(_EDITED.search(name)) and not _NOT_THE_REVIEWS.search(name)


def name_excluded(target: str, col: Column) -> bool:
    """Whether the column's name says it is not ``target`` (a reply's date for a review's)."""
    _, _, excluded = _COMPILED[target]
    segs = _named(col)
    return any(excluded.search(n) for n in {norm(segs[-1]), norm("".join(segs[-2:]))})


def name_score(target: str, col: Column) -> float:
    strong, weak, excluded = _COMPILED[target]
    segs = _named(col)
    last = norm(segs[-1])
    pair = norm("".join(segs[-2:]))
    for parent in (norm(s) for s in segs[:-1]):
        for pattern, allowed in _CONTEXTS:
            if pattern.search(parent) and target not in allowed and not target.startswith("extra"):
                return 0.0
    if target == "author_name" and last in _ONLY_WITH_CONTEXT and len(segs) == 1:
        return 0.5  # a plain "name" is a reviewer's only when nothing better is there
    if any(strong.search(n) for n in {last, pair} if n):
        return 1.0
    if any(weak.search(n) and not excluded.search(n) for n in {last, pair} if n):
        return 0.5
    return 0.0
