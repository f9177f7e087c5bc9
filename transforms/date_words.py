"""The words of shown dates, in the languages review pages are written in.

Data only, one table per kind of word (month names, number words, time units, the
words for today and yesterday, weekdays, and the wording pages put around a date),
read by ``transforms.shown_dates``. English, German, French, Spanish, Italian, Dutch
and Portuguese; Polish, Czech, Russian and Ukrainian month names (the genitive a date
says, "11 lutego 2025", "3. března 2024", "5 марта 2024 г.", "12 березня 2025", and the
nominative, "marzec 2025"), weekdays and a few words around a date ("Dodano", "Přidáno
dne", "Отзыв от"); Hungarian month names and their abbreviations ("2025. március 3.",
"2025. márc. 3."); relative dates in Polish ("3 dni temu", "tydzień temu", "wczoraj"),
Portuguese ("há uma semana"), Swedish ("för 2 veckor sedan"), Danish and Norwegian ("for 2
uger siden", "for 3 dager siden"), Turkish ("1 hafta önce"), Czech ("před 3 dny"), Russian
("3 дня назад"), Ukrainian ("3 дні тому"), Hungarian ("3 napja"), Slovak ("pred 2 dňami"),
Romanian ("acum 3 zile"), Croatian, Serbian and Bosnian ("prije 3 dana"), Japanese and Chinese
("3日前", "3天前") and Korean ("3일 전"); the Japanese, Chinese and Korean date's marks
("2024年3月3日", "2024년 3월 3일"), the half of the day before a clock ("오후 2:30", "午後2:30")
and the words around such a date ("に日本でレビュー済み", "投稿日：").
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
    3: "march mar märz maerz mär mrz mars marts marzo maart março",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maggio mei maio",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet juil julio luglio julho",
    8: "august aug août aout agosto ago augustus augusti",
    9: "september sep sept septembre septiembre setiembre settembre set setembro",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro desember",
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
    # Swedish, Danish, Norwegian ("för en vecka sedan", "for to uger siden")
    **_each("en ett et", 1),
    **_each("två to", 2),
    **_each("fyra fire", 4),
    **_each("fem", 5),
    **_each("seks", 6),
    **_each("sju syv", 7),
    **_each("åtta otte åtte", 8),
    **_each("nio ni", 9),
    **_each("tio ti", 10),
    # Turkish ("bir hafta önce"), Russian and Ukrainian ("два дня назад", "два дні тому"),
    # Czech ("před dvěma dny"), Hungarian ("egy napja", "két hete")
    **_each("bir один одна одну одне", 1),
    **_each("iki два две дві dvěma két kettő", 2),
    **_each("üç три třemi három", 3),
    **_each("четыре чотири čtyřmi négy", 4),
    **_each("пять п'ять пʼять öt", 5),
    **_each("egy", 1),
    # Romanian ("acum o săptămână", "acum două zile"), Croatian, Serbian, Bosnian ("prije dva
    # dana", "prije tri tjedna")
    **_each("o", 1),
    **_each("două doua dva dvije", 2),
    **_each("trei tri", 3),
    **_each("patru četiri", 4),
    **_each("cinci pet", 5),
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
    # Portuguese after "há": "há 3 dias", "há um mês", "há 2 anos"
    **_each("mês ano anos", ("month", 30 * 86_400)),
    # Swedish, Danish, Norwegian: "för 5 timmar sedan", "for 2 uger siden", "for 3 dager siden"
    **_each("sekund sekunder", _SECOND),
    **_each("minuter minutter minutt", ("second", 60)),
    **_each("timme timmar time timer", ("second", 3600)),
    **_each("dagar dage dager", _DAY),
    **_each("vecka veckor uge uger uke uker", ("day", 7 * 86_400)),
    **_each("månad månader måned måneder", ("month", 30 * 86_400)),
    **_each("år", ("month", 365 * 86_400)),
    # Turkish, before "önce": "30 saniye önce", "5 saat önce", "1 hafta önce", "2 ay önce"
    **_each("saniye", _SECOND),
    **_each("dakika", ("second", 60)),
    **_each("saat", ("second", 3600)),
    **_each("gün", _DAY),
    **_each("hafta", ("day", 7 * 86_400)),
    **_each("ay", ("month", 30 * 86_400)),
    **_each("yıl sene", ("month", 365 * 86_400)),
    # Russian before "назад", Ukrainian before "тому": "3 дня назад", "2 тижні тому"
    **_each("секунду секунды секунд секунди", _SECOND),
    **_each("минуту минуты минут хвилину хвилини хвилин", ("second", 60)),
    **_each("час часа часов годину години годин", ("second", 3600)),
    **_each("день дня дней дні днів", _DAY),
    **_each("неделю недели недель тиждень тижні тижнів", ("day", 7 * 86_400)),
    **_each("месяц месяца месяцев місяць місяці місяців", ("month", 30 * 86_400)),
    **_each("год года лет рік роки років", ("month", 365 * 86_400)),
    # Czech after "před": "před 3 dny", "před týdnem", "před 2 lety"
    **_each("sekundou sekundami", _SECOND),
    **_each("minutou minutami", ("second", 60)),
    **_each("hodinou hodinami", ("second", 3600)),
    **_each("dnem dny", _DAY),
    **_each("týdnem týdny", ("day", 7 * 86_400)),
    **_each("měsícem měsíci", ("month", 30 * 86_400)),
    **_each("rokem roky lety", ("month", 365 * 86_400)),
    # Slovak after "pred": "pred 2 dňami", "pred týždňom", "pred mesiacom", "pred 2 rokmi"
    **_each("minútou minútami", ("second", 60)),
    **_each("dňom dňami", _DAY),
    **_each("týždňom týždňami", ("day", 7 * 86_400)),
    **_each("mesiacom mesiacmi", ("month", 30 * 86_400)),
    **_each("rokom rokmi", ("month", 365 * 86_400)),
    # Romanian after "acum": "acum 3 zile", "acum o săptămână", "acum 2 luni", "acum un an"
    **_each("secundă secunde", _SECOND),
    **_each("minut", ("second", 60)),
    **_each("oră", ("second", 3600)),
    **_each("zi zile", _DAY),
    **_each("săptămână săptămâni saptamana saptamani", ("day", 7 * 86_400)),
    **_each("lună luna luni", ("month", 30 * 86_400)),
    **_each("ani", ("month", 365 * 86_400)),
    # Croatian, Serbian, Bosnian after "prije"/"pre": "prije 3 dana", "prije 2 tjedna"
    **_each("sekundu sekundi", _SECOND),
    **_each("minutu minuta", ("second", 60)),
    **_each("sat sata sati", ("second", 3600)),
    **_each("dan dana", _DAY),
    **_each("tjedan tjedna tjedana nedelju nedelje nedelja sedmicu sedmice sedmica",
            ("day", 7 * 86_400)),
    **_each("mjesec mjeseca mjeseci mesec meseca meseci", ("month", 30 * 86_400)),
    **_each("godinu godine godina", ("month", 365 * 86_400)),
    # Japanese, Chinese, Korean before "前"/"전": "3日前", "2週間前", "3天前", "3일 전"
    **_each("秒 초", _SECOND),
    **_each("分 분", ("second", 60)),
    **_each("時間 小时 小時 시간", ("second", 3600)),
    **_each("日 天 일", _DAY),
    **_each("週間 周 週 주", ("day", 7 * 86_400)),
    **_each("か月 ヶ月 カ月 ヵ月 个月 個月 개월 달", ("month", 30 * 86_400)),
    **_each("年 년", ("month", 365 * 86_400)),
}  # fmt: skip
UNIT = "(?P<unit>" + _alternatives(UNITS) + ")"
# Words after a relative date's unit that say "ago": "2 ore fa", "3 dni temu", "1 hafta
# önce", "3 дня назад", "3 дні тому".
AGO_AFTER = _words("fa geleden atrás temu önce назад тому")
# Words before one that say "ago": "há 3 dias", "před 3 dny" (cs), "pred 2 dňami" (sk), "acum
# 3 zile" (ro), "prije 3 dana" (hr, bs), "pre 3 dana" (sr).
AGO_BEFORE = _words("há před pred acum prije pre")
# ... and around one: "för 2 veckor sedan" (sv), "for 2 uger siden" (da, no).
AGO_AROUND = {"för": "sedan", "for": "siden"}
# A unit said alone for one of it: "tydzień temu", "неделю назад", "тиждень тому", "před týdnem",
# "pred týždňom" (sk), "prije tjedan dana" (hr, with DURATION_AFTER).
ONE_UNIT = (
    "(?P<unit>"
    + _alternatives(
        _words(
            "sekundę minutę godzinę dzień tydzień miesiąc rok "
            "секунду минуту час день неделю месяц год хвилину годину тиждень місяць рік "
            "sekundou minutou hodinou dnem týdnem měsícem rokem "
            "minútou dňom týždňom mesiacom rokom "
            "sat dan tjedan nedelju sedmicu mjesec mesec godinu"
        )
    )
    + ")"
)
# After a unit said alone, "a week's worth": "prije tjedan dana", "prije sat vremena" (hr, sr, bs).
DURATION_AFTER = _words("dana vremena")
# Hungarian units that say "ago" themselves: "3 napja", "2 hete", "egy hónapja", "1 éve".
AGO_UNITS = {
    **_each("másodperce", _SECOND),
    **_each("perce", ("second", 60)),
    **_each("órája", ("second", 3600)),
    **_each("napja", _DAY),
    **_each("hete", ("day", 7 * 86_400)),
    **_each("hónapja", ("month", 30 * 86_400)),
    **_each("éve", ("month", 365 * 86_400)),
}
# The units a Japanese, Chinese or Korean relative date counts in, before "前" or "전".
CJK_UNITS = _words("秒 초 分 분 時間 小时 小時 시간 日 天 일 週間 周 週 주 年 년")
CJK_UNITS += _words("か月 ヶ月 カ月 ヵ月 个月 個月 개월 달")
CJK_AGO = _words("前 전")

# Japanese, Chinese and Korean dates: the marks after the year, month and day ("2024年3月3日",
# "2024년 3월 3일"), a weekday in brackets after the day ("2024年3月3日(日)"), the half of the day
# before a clock ("오후 2:30", "午後2:30"), and what Amazon.co.jp writes after the date:
# "2024年3月3日に日本でレビュー済み" (reviewed in Japan on), "...にアメリカ合衆国でレビュー済み".
CJK_YEAR, CJK_MONTH, CJK_DAY = "年년", "月월", "日일"
CJK_WEEKDAYS = "月火水木金土日월화수목금토일"
HALF_BEFORE = {"오전": "am", "오후": "pm", "午前": "am", "午後": "pm", "上午": "am", "下午": "pm"}
# Around the date: "2024年3月3日に日本でレビュー済み" (where between the two), "...に投稿"
# (posted on), "投稿日：2024年3月3日" (posted on:), "发布于 2024年3月3日", "작성일 2024. 3. 3."
REVIEWED_IN = ("に", "でレビュー済み")
CJK_AFTER = _words("に投稿 に更新 に投稿済み")
CJK_BEFORE = _words("投稿日 作成日 レビュー日 评论日期 发布于 發佈於 发表于 發表於 작성일 등록일")

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
    # pt, sv, da/no, tr, pl, cs, ru, uk, hu, ja, zh, ko
    **dict.fromkeys(["idag", "i dag", "bugün"], 0),
    **dict.fromkeys(["igår", "i går", "dün"], 1),
    **dict.fromkeys(["anteontem", "i förrgår", "i forgårs", "i forgår"], 2),
    **dict.fromkeys(
        ["för ett ögonblick sedan", "for et øjeblik siden", "for et øyeblikk siden", "před chvílí"],
        0,
    ),
    **_each("dzisiaj dziś dnes сегодня сьогодні ma 今日 今天 오늘", 0),
    **_each("wczoraj včera вчера вчора tegnap 昨日 昨天 어제", 1),
    **_each("przedwczoraj předevčírem позавчера позавчора tegnapelőtt 一昨日 前天 그저께", 2),
    # sk, ro, hr/sr/bs
    **_each("azi astăzi danas", 0),
    **_each("jučer juče jucer juce", 1),
    **_each("predvčerom alaltăieri prekjučer prekjuče", 2),
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

# Words that say what happened on the date, then it (with or without a word from BEFORE_DATE):
# "Reviewed in Germany on ...", "Reviewed March 3, 2024", "Written March 5, 2024", "Bewertung
# vom ...", "Tom schrieb am ...", "Pubblicata il ...", "Publicerad 3 mars 2024".
VERBS = _words(
    "reviewed rated posted published written updated commented submitted wrote visited "
    "revisado valorado publicado escribió reseña opinión "
    "rezension rezensiert bewertet bewertung geschrieben verfasst veröffentlicht gepostet "
    "erstellt aktualisiert schrieb eingestellt "
    "commenté évalué publié publiée écrit écrite rédigé rédigée posté avis "
    "recensito recensita recensione scritto scritta pubblicato pubblicata "
    "escrito escrita publicada beoordeeld geschreven geplaatst gepubliceerd recensie beoordeling "
    "avaliado avaliada avaliação comentado "
    "publicerad skriven recenserad betygsatt skrevet anmeldt udgivet publiceret publisert "
    "dodano dodana dodany opublikowano opublikowana napisano wystawiono wystawiona oceniono "
    "přidáno publikováno napsáno hodnoceno hodnocení recenze "
    "pridané publikované napísané hodnotenie recenzia "
    "опубликовано добавлено написано отзыв опубліковано додано відгук "
    "közzétéve értékelve"
)
# Words after which the date follows: "on", "am", "el", "le", ..., alone too ("vom 03.03.2024").
BEFORE_DATE = _words("on am vom le du el del il op em au den dnia dne dňa от від")
# Labels followed by a colon, maybe after up to three words: "Date of experience: ...", "Data
# opinii: 3 marca 2024", "Datum der Bewertung: ...", "Fecha de la opinión: ...".
LABELS = ["date", "fecha", "data", "дата", "dátum", "tarih", "reisperiode"]
LABELS += _words("datum erlebnisdatum aufenthaltsdatum bewertungsdatum reisedatum kaufdatum")
# Who wrote it, then the date: "von lupa am ...", "by Anna on ...".
BY = _words("von by par por di")
