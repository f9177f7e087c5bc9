-- The reviews whose terms this build (re)computes (int_topics__review_terms): those
-- the topics read, new or changed in the lake (int_review_changes) or not yet
-- tokenised. The topics read the company period and its own past (var topics:
-- period_days + past_days before the as-of day) and every alert's reviews with the
-- weeks before it (alert_baseline_days). A full refresh tokenises them all.
-- depends_on: {{ ref('int_review_changes') }}
{%- set t = var('topics') %}
{%- set previous = adapter.get_relation(
    database=target.database, schema='intermediate', identifier='int_topics__review_terms') %}
{%- set incremental = previous is not none and not flags.FULL_REFRESH %}
with

as_of as (
    select * from {{ ref('int_as_of') }}
),

alert_windows as (
    select
        alerts.company_id,
        alerts.started_on - {{ t['alert_baseline_days'] }} as first_day,
        coalesce(alerts.ended_on, as_of.as_of) as last_day,
    from {{ ref('int_alerts') }} as alerts
    cross join as_of
),

reviews as (
    select * from {{ ref('int_reviews') }}
),

in_scope as (
    select reviews.*
    from reviews
    cross join as_of
    where reviews.published_on > as_of.as_of - {{ t['period_days'] + t['past_days'] }}
        or exists (
            select 1
            from alert_windows
            where alert_windows.company_id = reviews.company_id
                and reviews.published_on between alert_windows.first_day and alert_windows.last_day
        )
),

pending as (
    select * from in_scope
    {% if incremental %}
    where review_key in (select review_key from {{ ref('int_review_changes') }})
        or review_key not in (select review_key from {{ previous }})
    {% endif %}
),

final as (
    select
        review_key,
        company_id,
        portal,
        published_on,
        {{ topic_polarity('stars') }} as polarity,
        author_pseudonym,
        case
            when lower(language) like 'de%' then 'de'
            when lower(language) like 'en%' then 'en'
            else 'xx'
        end as language_group,
        -- " | " ends a clause: no phrase runs from the title into the text.
        array_to_string(
            list_filter(list_distinct([title, text, pros, cons]), lambda part: part is not null),
            ' | '
        ) as body,
    from pending
)

select * from final
