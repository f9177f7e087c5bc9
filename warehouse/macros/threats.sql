{#
  Threats (extortion): a bad review, keeping one up, or its publicity, made conditional
  on money, a discount, a refund, a credit or something free, in German and English.

  is_threat(t) takes threat_text(): the title and text, lower case, one kind of
  apostrophe. A review is a threat when one of its sentences, or a sentence together
  with the next one, holds
    - a demand (refund, discount, voucher, credit, a free night, Rabatt, Erstattung,
      Gutschein, Geld zurück, 20 Prozent, ...),
    - a condition (otherwise, or, unless, until, if, either, without, sonst, oder,
      es sei denn, bis, wenn, falls, solange, ohne, ...) and
    - leverage (a bad or one-star review, a review that stays up or comes down,
      posting or telling everywhere, Google, Tripadvisor, überall, alle erfahren, ...),
  or one of the short shapes "no refund = bad review", "refund or review", "a refund
  and this review disappears"; unless the same window is counterfactual or reports the
  past ("otherwise I would have given one star", "sonst hätte ich", "bis heute", "the
  refund arrived") or threatens a lawyer, a court or the bank rather than a review.
  Only texts with a demand and leverage somewhere are split into sentences.
#}

{% macro threat_text(title, text) -%}
    regexp_replace(
        lower(coalesce({{ title }}, '') || '. ' || coalesce({{ text }}, '')), '[’‘`´]', '''', 'g'
    )
{%- endmacro %}

{% macro is_threat(t) -%}
{%- set demand = [
    "refund", "reimburs", "money back", "my money", "our money", "the money", "discount",
    "[0-9]+ ?(%|percent|per cent|euros?|eur|€|\\$|dollars?|pounds?|£|bucks)", "\\$ ?[0-9]+", "€ ?[0-9]+",
    "[0-9]+ off\\b", "off (the|my|our) (bill|price|booking|invoice)", "vouchers?", "coupons?", "gift ?cards?",
    "credit (my|the|our|me|us|it)\\b", "store credit", "a credit\\b", "credit note", "compensat",
    "\\bfree (\\w+ )?(nights?|stay|room|upgrade|meal|dinner|breakfast|drinks?|replacement|repair|months?|service|delivery|shipping|weekend|of charge)",
    "for free", "\\bcomp (the|my|our|us|me)\\b", "\\bcomped\\b", "waive", "overcharg",
    "cover (the |my |our )?(\\w+ )?(costs?|bills?|fees?|expenses?|damages?)", "pay (me|us)\\b",
    "pay\\w* [^.!?]{0,25}\\bback\\b", "(give|send|pay|hand)\\w* (me|us) back", "(give|send|pay|hand)\\w* back (my|our|the)", "(fee|deposit|money|cash) back", "pay for (the|my|our)", "rebate",
    "price (cut|reduction)", "reduction", "deposit", "cash ?back", "goodwill",
    "(bill|price|rate|invoice) (is |gets |be )?(reduced|lowered|cut|fixed|corrected)",
    "(fix|correct|reduce|lower) (the|my|our) (bill|price|rate|invoice)", "knock [^ ]+ off",
    "(cancel|drop|waive) the (fee|charge)", "something for (my|our) trouble",
    "rabatt", "nachlass", "preisminderung", "minderung", "erstatt", "rückzahl", "zurückzahl",
    "zurücküberweis", "überweis", "geld zurück", "geld wieder", "mein geld", "unser geld", "das geld",
    "(gebühr|kosten|betrag|geld|kaution|anzahlung|differenz)\\w* (\\w+ )?zurück", "kaution", "anzahlung",
    "gutschein", "gutschrift", "entschädig", "kompensation", "ausgleich", "kostenlos", "gratis",
    "umsonst", "freigetränk", "kulanz", "erlass", "(ge)?kürz", "übernehmen sie", "übernehmt",
    "kosten (übernehmen|zurück)", "zahlen sie", "zahlt (mir|uns)", "differenz", "halbe[nrm]? preis",
    "hälfte des preises", "entgegenkommen", "prozent", "euro\\b",
] %}
{%- set condition = [
    "\\bor\\b", "\\bif\\b", "\\bwhen\\b", "\\bonce\\b", "until", "\\btill\\b", "before", "\\beither\\b", "in case", "provided", "vorausgesetzt", "widrigenfalls", "last chance", "letzte chance",
    "without", "unless", "otherwise", "\\belse\\b", "as long as", "the moment", "as soon as",
    "sonst", "ansonsten", "andernfalls", "anderenfalls", "\\boder\\b", "\\bwenn\\b", "\\bfalls\\b",
    "\\bsollte", "solange", "\\bohne\\b", "sobald", "\\bbis\\b", "es sei denn", "erst,? (wenn|dann|sobald|nach)",
    "außer", "entweder", "(die|ihre|eure) wahl", "(your|the) (choice|call)", "two options",
] %}
{%- set leverage = [
    "(bad|negative|terrible|horrible|awful|scathing|honest|public|nasty|damning|angry|worst|low|poor|1[- ]?stars?|one[- ]stars?|zero[- ]stars?|0[- ]stars?)\\W{1,3}([^ .!?]+\\W+){0,2}(reviews?|ratings?|feedback|posts?)",
    "\\b(one|1|zero|0|a single|no)[ -]?(\\*|stars?\\b|⭐)", "\\b1 ?\\*", "⭐",
    "\\b(post|write|leave|put|share|publish|give|giving|leaving|writing|posting|sharing)\\w*( [^ .!?]+){0,5} (reviews?|ratings?|about (it|this|that|you|them|the|my|our)|online|everywhere)",
    "\\b(post|posting|share|sharing|publish)\\w* (this|it|that|the (photos|pictures|story))",
    "\\b(tell|telling|warn|warning|inform)\\w* (everyone|everybody|all|others|people|the world|every)",
    "everywhere", "every (single )?(site|platform|portal|forum|review|booking|travel|channel|app|group)",
    "all (your |the |review |booking |travel )?(sites|platforms|portals|listings|branches|channels|apps)",
    "wherever i can", "go(ing)? public", "on social media", "the (whole )?internet", "spread the word",
    "hears about", "knows about", "(review|rating)s? (stays?|remains?|goes up|will stay|is just the|start|begin|will follow)",
    "\\bit stays", "stays? (at|up|online|as it is|here)", "(until|till) then", "first of many",
    "(destroy|ruin|tank|kill)\\w* (your )?(rating|reputation)", "reviews like this", "more reviews",
    "(review|rate)\\w* (you|them|it|this place|this hotel) ?(badly|negatively|low|poorly|on)",
    "(go|going|put|post|write)\\w* [^.!?]{0,15}(on|to) (google|yelp|tripadvisor|trustpilot|facebook|instagram|tiktok|twitter|reddit)",
    "(google|yelp|tripadvisor|trustpilot|facebook|instagram|tiktok) (reviews?|maps|groups?)",
    "(review|rating|post) (gone|removed|deleted|down)", "make sure (nobody|no one|everyone|every)",
    "\\b(delete|remove|take down|withdraw|change|raise|bump)\\b [^.!?]{0,20}(review|rating|stars?)",
    "all over", "\\b(people|everyone|everybody|the world|the public|others|all|guests|customers)\\b[^.!?]{0,25}\\b(know|hear|find out|learn|read|see)\\b",
    "(let|make) (everyone|everybody|people|the world|others|all) (know|aware|hear)", "word (gets|will get|is going to get) (out|around)",
    "name and shame", "\\bexpose", "go(es|ing)? viral", "tell (everyone|everybody|people|the world|all)", "for everyone to (read|see)",
    "(blog|forum|group|site|page|platform|portal|listing)s? (i know|i can find|there is)", "every (travel )?(blog|forum|group|page)",
    "(disappear|vanish|go away|come down|comes down)", "take (this|it) (down|off)", "this stays",
    "erfährt [^.!?]{0,10}(jeder|jede|alle|die welt|ganz|internet)", "(jeder|alle|die welt|ganz \\w+)\\b[^.!?]{0,15}(erfährt|erfahren|wissen|lesen)", "(jeder|alle|die welt) (wird|werden) (es |das )?(erfahren|wissen|lesen)",
    "spricht sich [^.!?]{0,20}herum", "(sage|sagen|erzähle|erzählen) (ich |wir )?(es |das )?(allen|jedem)", "fertig mach",
    "geht viral", "mach\\w* (ich |wir )?(sie|euch|dich|ihn|die firma|das hotel)? ?[^.!?]{0,25}fertig", "(an|in) jede[ns]? ", "verschwindet", "(raus|heraus|runter)(nehmen|nehme)", "nehme (ich )?(die |meine )?(bewertung|rezension) raus",
    "bleibt (sie|es|die bewertung|diese bewertung) (für immer|stehen|online|so)", "bleibt für immer","(bewertung|rezension|beitrag)[^.!?]{0,30}(posten|veröffentlichen|schreiben|stellen|hinterlassen|teilen)",
    "(have|get|give)\\w* (you )?(five|5|four|4) stars",
    "(schlecht|negativ|vernichtend|mies|ehrlich|öffentlich|wütend|1-sterne|ein-stern|einstern|keine gute)\\w*\\W{1,3}([^ .!?]+\\W+){0,2}(bewertung|rezension|kritik|kommentar|feedback|warnung|beitr)",
    "(schlecht|negativ|öffentlich)\\w* (zu )?bewert", "bewert\\w* [^.!?]{0,40}(schlecht|negativ|öffentlich)",
    "(null|0|ein|einen|einem|1|einzigen?)[ -]?stern", "shitstorm",
    "(schreib|post|veröffentlich|hinterlass|verbreit|erzähl)\\w* [^.!?]{0,40}(bewertung|rezension|überall|forum|portal|internet|google|facebook|tripadvisor|holidaycheck|trustpilot|kanälen|gruppe|öffentlich|darüber|davon)",
    "warne\\w* (alle|jeden|andere)", "auf (jedem|jeder|allen) [^ .!?]*(portal|plattform|seite|kanal|kanälen|portalen|plattformen|seiten)",
    "in (jede|jedes|jedem|allen) [^ .!?]*(portal|forum|gruppe|plattform)", "bekannt (machen|mache)",
    "öffentlich (machen|mache)", "an die öffentlichkeit", "(das )?ganze internet", "überall",
    "sozialen medien", "bewertung\\w* (bleibt|bleiben|online|stehen)", "(rezension|beitrag) bleibt",
    "bleibt (diese |die |meine )?bewertung", "bleibt (es|sie) (bei|so)", "bleibt es bei",
    "(lesen|erfährt|erfahren|sehen|wissen)\\w* [^.!?]{0,25}\\balle\\b", "bis dahin", "vorher nicht",
    "die sich gewaschen hat", "bewertungen wie diese", "weitere bewertungen", "bewertungen (folgen|kommen)",
    "folgt (die|eine) bewertung", "landet (das|es|sie)", "(lösch|entfern)\\w* (ich|wir)",
    "(lösche|löschen|entferne|entfernen|ändere|ändern|ziehe|ziehen|nehme|nehmen)\\b [^.!?]{0,25}(bewertung|rezension|beitrag|zurück)",
    "(bewertung|rezension|beitrag) [^.!?]{0,15}(lösche|entferne|ändere|ziehe|nehme)\\b",
    "(gebe|geben)\\w* [^.!?]{0,10}(fünf|5|vier|4) sterne",
] %}
{#- what makes a demand, condition and leverage in one window no threat: a
    counterfactual or a report of the past -#}
{%- set not_threat = [
    "would have", "would've", "wouldn't have", "if i could", "hätte", "wäre", "könnte",
    "bis heute", "bis jetzt", "until now", "until today", "to this day", "so far",
    "got (it|my money|a refund|the refund|my refund)", "received (it|my|the|a) (refund|money)",
    "(refund|money|erstattung|geld|rückzahlung|kaution)[^.!?]{0,20}(arrived|came|kam|ist (heute |endlich )?(da|angekommen|eingegangen))",
    "zurückbekam", "zurückbekommen habe", "endlich zurück",
    "\\bcourt\\b", "lawyer", "legal action", "\\bsue\\b", "police", "chargeback", "my bank", "consumer (protection|advice)",
    "anwalt", "gericht", "polizei", "verbraucherzentrale", "meine bank", "klage",
] %}
{#- whole threats in few words: "no refund = bad review", "refund or review" -#}
{%- set shapes = [
    "\\b(no|kein\\w*) [^ .!?]+\\W{0,3}(=|->|→|means|heißt|bedeutet|,|and|und)\\W{0,3}(no |kein\\w* )?(gute |good |bad |schlechte |negative |one |1 |ein\\w* )?(reviews?|ratings?|bewertung|rezension|sterne?|stars?|it stays|sie bleibt|es bleibt|bleibt)",
    "\\W{0,30}\\b(and|und|then|dann)\\b [^.!?]{0,25}(reviews?|ratings?|bewertung|rezension|beitrag|post)[^.!?]{0,15}(disappears|vanishes|goes away|is gone|comes down|comes off|verschwindet|ist weg|fliegt raus|kommt weg)",
    "\\W{0,20}\\b(or|oder|sonst|otherwise)\\W{1,3}(a |an |eine |1 |one )?(bad |negative |schlechte )?(reviews?|ratings?|bewertung|rezension|shitstorm)\\b",
] %}
{%- set D = "(" ~ demand | join("|") ~ ")" %}
{%- set C = "(" ~ condition | join("|") ~ ")" %}
{%- set L = "(" ~ leverage | join("|") ~ ")" %}
{%- set N = "(" ~ not_threat | join("|") ~ ")" %}
{%- set S = "(" ~ shapes[0] ~ ")|(" ~ D ~ shapes[1] ~ ")|(" ~ D ~ shapes[2] ~ ")" %}
{%- set q = "'" %}
(case
    when regexp_matches({{ t }}, '{{ D | replace(q, q ~ q) }}')
        and regexp_matches({{ t }}, '{{ (L ~ "|" ~ S) | replace(q, q ~ q) }}')
    then list_bool_or(list_transform(
        -- each sentence together with the next one
        list_transform(
            list_zip(
                string_split_regex({{ t }}, '[.!?;\n]+'),
                list_concat(string_split_regex({{ t }}, '[.!?;\n]+')[2:], [''])
            ),
            lambda pair: pair[1] || ' | ' || pair[2]
        ),
        lambda w: (
            regexp_matches(w, '{{ S | replace(q, q ~ q) }}')
            or (
                regexp_matches(w, '{{ D | replace(q, q ~ q) }}')
                and regexp_matches(w, '{{ C | replace(q, q ~ q) }}')
                and regexp_matches(w, '{{ L | replace(q, q ~ q) }}')
            )
        ) and not regexp_matches(w, '{{ N | replace(q, q ~ q) }}')
    ))
    else false
end)
{%- endmacro %}
