"""The words of shown dates, in the languages review pages are written in.

Data only, one table per kind of word (month names, number words, time units, the
words for today and yesterday, weekdays, and the wording pages put around a date),
read by ``transforms.shown_dates``. English, German, French, Spanish, Italian, Dutch
and Portuguese.
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
MONTHS = {word: n for n, words in _MONTH_NAMES.items() for word in words.split()}
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
}  # fmt: skip
UNIT = "(?P<unit>" + _alternatives(UNITS) + ")"

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
    "lunes martes miércoles jueves viernes sábado domingo"
)

# Words that say what happened on the date: "Reviewed in Germany on ...", "Veröffentlicht
# am ...", "Revisado en España el ...", "Commenté en France le ...".
VERBS = _words(
    "reviewed rated posted published written updated commented revisado valorado publicado "
    "rezension rezensiert bewertet geschrieben verfasst veröffentlicht gepostet erstellt "
    "aktualisiert commenté évalué publié recensito recensione beoordeeld avaliado"
)
# Words after which the date follows: "on", "am", "el", "le", ...
BEFORE_DATE = _words("on el am vom le il op em au")
# Labels followed by a colon: "Date of experience: ...".
LABELS = ["date of experience", "erlebnisdatum", "datum", "date", "fecha", "data"]
# Who wrote it, then the date: "von lupa am ...", "by Anna on ...".
BY = _words("von by par por di")
