"""The words of shown dates, in the languages review pages are written in.

Data only, one table per kind of word (month names, number words, time units, the
words for today and yesterday, weekdays, and the wording pages put around a date),
read by ``transforms.shown_dates``. English, German, French, Spanish, Italian, Dutch
and Portuguese; Polish, Czech, Russian and Ukrainian month names (the genitive a date
says, "11 lutego 2025", "3. března 2024", "5 марта 2024 г.", "12 березня 2025", and the
nominative, "marzec 2025"), weekdays and a few words around a date ("Dodano", "Přidáno
dne", "Отзыв от"); Hungarian month names and their abbreviations ("2025. március 3.",
"2025. márc. 3."); Polish relative dates ("3 dni temu", "tydzień temu").
"""

from __future__ import annotations

import re


def _each(words: str, value: object) -> dict:
    return dict.fromkeys(words.split(), value)


def _words(text: str) -> list[str]:
    return text.split()


def _alternatives(words) -> str:
    """A regex alternation of ``words``, longest first (so "märz" wins over "mär")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MONTH_NAMES = {
    1: "january jan januar jänner jän janvier janv enero ene gennaio gen januari janeiro",
    2: "february feb februar feber février fevrier févr fevr febrero febbraio februari "
    "fevereiro fev",
    3: "march mar märz maerz mär mrz mars marzo maart março",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maggio mei maio",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet juil julio luglio julho",
    8: "august aug août aout agosto ago augustus",
    9: "september sep sept septembre septiembre setiembre settembre set setembro",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro",
}
# Polish, Czech, Russian and Ukrainian: the genitive a date says ("11 lutego 2025", "3.
# března 2024", "5 марта 2024", "12 березня 2025"), then the nominative ("marzec 2025");
# Hungarian with its abbreviations ("2025. március 3.", "2025. márc. 3.").
_MORE_MONTH_NAMES = {
    1: "stycznia styczeń ledna leden января январь січня січень január",
    2: "lutego luty února únor февраля февраль лютого лютий február febr",
    3: "marca marzec března březen марта март березня березень március márc",
    4: "kwietnia kwiecień dubna duben апреля апрель квітня квітень április ápr",
    5: "maja maj května květen мая май травня травень május máj",
    6: "czerwca czerwiec června červen июня июнь червня червень június jún",
    7: "lipca lipiec července červenec июля июль липня липень július júl",
    8: "sierpnia sierpień srpna srpen августа август серпня серпень augusztus",
    9: "września wrzesień září сентября сентябрь вересня вересень szeptember szept",
    10: "października październik října říjen октября октябрь жовтня жовтень október",
    11: "listopada listopad listopadu ноября ноябрь листопада листопад",
    12: "grudnia grudzień prosince prosinec декабря декабрь грудня грудень",
}


def by_word(*tables: dict[int, str]) -> dict[str, int]:
    """Each month name -> its month; a name of two months is an error, not a guess."""
    out: dict[str, int] = {}
    for table in tables:
        for n, words in table.items():
            for word in words.split():
                if out.setdefault(word, n) != n:
                    raise ValueError(f"{word!r} names months {out[word]} and {n}")
    return out


MONTHS = by_word(_MONTH_NAMES, _MORE_MONTH_NAMES)
MONTH = "(?P<mon>" + _alternatives(MONTHS) + r")\.?"

NUMBERS = {
    **_each("a an one ein eine einem einer einen un une uno una um uma", 1),
    **_each("two zwei deux dos due twee dois", 2),
    **_each("three drei trois tres tre drie três", 3),
    **_each("four vier quatre cuatro quattro", 4),
    **_each("five fünf cinq cinco cinque vijf", 5),
    **_each("six sechs seis sei zes", 6),
    **_each("seven sieben sept siete sette zeven", 7),
    **_each("eight acht huit ocho otto", 8),
    **_each("nine neun neuf nueve nove negen", 9),
    **_each("ten zehn dix diez dieci tien", 10),
    **_each("eleven elf", 11),
    **_each("twelve zwölf", 12),
    # Polish ("dwa dni temu", "dwie godziny temu")
    **_each("jeden jedna jedno", 1),
    **_each("dwa dwie", 2),
    **_each("trzy", 3),
    **_each("cztery", 4),
    **_each("pięć", 5),
    **_each("sześć", 6),
    **_each("siedem", 7),
    **_each("osiem", 8),
    **_each("dziewięć", 9),
    **_each("dziesięć", 10),
}
NUMBER = r"(?P<n>\d{1,4}|" + _alternatives(NUMBERS) + ")"

# Unit -> (the precision a date so far back has, its length in seconds). Months and years
# are approximated in days; their precision says "month".
_SECOND, _DAY = ("second", 1), ("day", 86_400)
UNITS = {
    **_each("second seconds sec secs sekunde sekunden seconde secondes segundo segundos", _SECOND),
    **_each("minute minutes min mins minuten minuto minutos", ("second", 60)),
    **_each("hour hours std stunde stunden heure heures hora horas ora ore uur", ("second", 3600)),
    **_each("day days tag tage tagen jour jours día días dia dias giorno giorni dag dagen", _DAY),
    **_each("week weeks woche wochen semaine semaines semana semanas settimana settimane",
            ("day", 7 * 86_400)),
    **_each("month months monat monate monaten mois mes meses mese mesi maand maanden",
            ("month", 30 * 86_400)),
    **_each("year years jahr jahre jahren an ans année années año años anno anni jaar",
            ("month", 365 * 86_400)),
    # Polish, as "... temu" says them: "3 dni temu", "2 tygodnie temu", "5 lat temu"
    **_each("sekundę sekundy sekund", _SECOND),
    **_each("minutę minuty minut", ("second", 60)),
    **_each("godzinę godziny godzin", ("second", 3600)),
    **_each("dzień dni", _DAY),
    **_each("tydzień tygodnie tygodni", ("day", 7 * 86_400)),
    **_each("miesiąc miesiące miesięcy", ("month", 30 * 86_400)),
    **_each("rok lata lat", ("month", 365 * 86_400)),
}  # fmt: skip
UNIT = "(?P<unit>" + _alternatives(UNITS) + ")"
# Words after a relative date's unit that say "ago": "2 ore fa", "3 dni temu".
AGO_AFTER = _words("fa geleden atrás temu")
# A unit said alone for one of it before "temu": "tydzień temu", "rok temu".
ONE_UNIT = (
    "(?P<unit>" + _alternatives(_words("sekundę minutę godzinę dzień tydzień miesiąc rok")) + ")"
)

# The word for "year" after one, "11 lutego 2025 r.", "5 марта 2024 г.", "12 березня 2025 р."
YEAR_WORDS = _words("r roku г года р року")
# Words before a clock after the date: "um 17:21", "at 5 pm", "o 14:30", "v 14:30", "в 14:30"
BEFORE_CLOCK = ["um", "at", "à", "a las", "alle", "om", "o", "v", "в", "о"]

# Days back from the day of the fetch.
DAYS_AGO = {
    **_each("today heute aujourd'hui hoy oggi vandaag hoje now soeben", 0),
    **dict.fromkeys(["just now", "gerade eben"], 0),
    **_each("yesterday gestern hier ayer ieri gisteren ontem", 1),
    **_each("vorgestern avant-hier anteayer", 2),
}

WEEKDAYS = _words(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so "
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela "
    "pondělí úterý středa čtvrtek pátek sobota neděle "
    "понедельник вторник среда четверг пятница суббота воскресенье "
    "понеділок вівторок середа четвер п'ятниця пʼятниця субота неділя"
)

# Words that say what happened on the date: "Reviewed in Germany on ...", "Veröffentlicht
# am ...", "Revisado en España el ...", "Commenté en France le ...".
VERBS = _words(
    "reviewed rated posted published written updated commented revisado valorado publicado "
    "rezension rezensiert bewertet geschrieben verfasst veröffentlicht gepostet erstellt "
    "aktualisiert commenté évalué publié recensito recensione beoordeeld avaliado "
    "dodano opublikowano napisano wystawiono oceniono přidáno publikováno napsáno hodnoceno "
    "опубликовано добавлено написано отзыв опубліковано додано відгук "
    "közzétéve értékelve"
)
# Words after which the date follows: "on", "am", "el", "le", ...
BEFORE_DATE = _words("on el am vom le il op em au dnia dne от")
# Labels followed by a colon: "Date of experience: ...".
LABELS = ["date of experience", "erlebnisdatum", "datum", "date", "fecha", "data", "дата", "dátum"]
# Who wrote it, then the date: "von lupa am ...", "by Anna on ...".
BY = _words("von by par por di")
