-- As-of score per company, portal (and 'all') and day, for trend charts: a row
-- for every day with a review of the company plus the last reputation_daily_days
-- days, looked up in the running totals of int_reputation__daily_sums (an as-of
-- join: the company's last review day on or before the row's day).
-- Incremental: the rows of a company from its earliest changed review day on
-- (int_review_changes) are deleted and recomputed, every company gets the days
-- after the previous build's as-of day, and calendar days that left the last
-- reputation_daily_days are deleted: the same rows a full refresh writes (the
-- running totals of a day depend only on the days before it).
{%- set days = var('reputation_daily_days') %}
-- depends_on: {{ ref('int_review_changes') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        pre_hook=[
            "{% if is_incremental() %}
            delete from {{ this }} as daily
            using (
                select company_id, min(published_on) as from_day,
                from {{ ref('int_review_changes') }}
                group by all
            ) as changed
            where daily.company_id = changed.company_id and daily.day >= changed.from_day
            {% endif %}",
            "{% if is_incremental() %}
            delete from {{ this }}
            where day > (select as_of from {{ ref('int_build_state') }})
                or (
                    day <= (select as_of from {{ ref('int_build_state') }}) - {{ var('reputation_daily_days') }}
                    and day > (select previous_as_of from {{ ref('int_build_state') }}) - {{ var('reputation_daily_days') }}
                    and (company_id, day) not in (
                        select (company_id, day) from {{ ref('int_reputation__daily_sums') }}
                    )
                )
            {% endif %}",
        ],
    )
}}
{%- set half_life = var('reputation_half_life_days') %}
{%- set epoch = "date '2000-01-01'" %}

with

running as (
    select * from {{ ref('int_reputation__daily_sums') }}
),

state as (
    select * from {{ ref('int_build_state') }}
),


calendar as (
    select cast(unnest(range(
        as_of - {{ days - 1 }}, as_of + 1, interval 1 day
    )) as date) as day,
    from state
),

companies as (
    select distinct company_id, from running
),

all_days as (
    select distinct company_id, day, from running
    union
    select companies.company_id, calendar.day,
    from companies
    cross join calendar
),

{% if is_incremental() %}
-- The rows to write: from a changed company's earliest changed review day, and
-- every company's days after the previous build's as-of day.
recompute_from as (
    select
        company_id,
        least(min(published_on), any_value(state.previous_as_of) + 1) as from_day,
    from {{ ref('int_review_changes') }}
    cross join state
    group by company_id
),

spine_days as (
    select all_days.*,
    from all_days
    left join recompute_from using (company_id)
    cross join state
    where all_days.day >= coalesce(recompute_from.from_day, state.previous_as_of + 1)
),
{% else %}
spine_days as (
    select * from all_days
),
{% endif %}

spine as (
    select spine_days.company_id, portals.portal, spine_days.day,
    from spine_days
    inner join (select distinct company_id, portal, from running) as portals
        on portals.company_id = spine_days.company_id
),

cumulative as (
    select
        spine.company_id,
        spine.portal,
        spine.day,
        running.review_count,
        running.sum_stars,
        running.cum_g,
        running.cum_g_stars,
        running.cum_g2,
        running.cum_g_stars2,
    from spine
    asof inner join running
        on running.company_id = spine.company_id
        and running.portal = spine.portal
        and running.day <= spine.day
),

sums as (
    select
        company_id,
        portal,
        day,
        review_count,
        sum_stars,
        cum_g * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w,
        cum_g_stars * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w_stars,
        cum_g2 * pow(0.5, 2 * (day - {{ epoch }}) / {{ half_life }}) as sum_w2,
        cum_g_stars2 * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w_stars2,
    from cumulative
    where review_count > 0
),

{{ scores_from_sums(['day']) }},

final as (
    select
        company_id,
        portal,
        day,
        review_count,
        effective_reviews,
        decayed_stars,
        score_100,
        score_low,
        score_high,
        label,
    from scored
)

-- Ordered by company so a company_id filter reads one row group, not all of them
-- (zone maps); an incremental batch is appended in the same order.
select * from final
order by company_id, portal, day
