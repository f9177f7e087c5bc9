-- As-of score per company, portal (and 'all') and day, for trend charts: a row
-- for every day with a review of the company, looked up in the running totals of
-- int_reputation__daily_sums (an as-of join: the portal's last review day on or
-- before the row's day). The days between, up to the as-of day, are computed by
-- bi.reputation_daily from the running sums kept on the portals' rows (cum_*): a
-- row per review day, not per calendar day.
-- Incremental: the rows of a company from its earliest changed review day on
-- (int_review_changes) are deleted and recomputed: the same rows a full refresh
-- writes (the running totals of a day depend only on the days before it).
-- depends_on: {{ ref('int_review_changes') }}
-- depends_on: {{ ref('int_build_state') }}
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
            delete from {{ this }} where day > (select as_of from {{ ref('int_build_state') }})
            {% endif %}",
        ],
    )
}}
-- Kept on the portals' rows (null on 'all'): bi.reputation_daily scores the days
-- between review days from them.
{%- set running_sums = ['sum_stars', 'cum_g', 'cum_g_stars', 'cum_g2', 'cum_g_stars2'] %}

with

running as (
    select * from {{ ref('int_reputation__daily_sums') }}
),

all_days as (
    select distinct company_id, day, from running
),

{% if is_incremental() %}
-- The rows to write: from a changed company's earliest changed review day on.
recompute_from as (
    select company_id, min(published_on) as from_day,
    from {{ ref('int_review_changes') }}
    group by company_id
),

spine_days as (
    select all_days.*,
    from all_days
    inner join recompute_from using (company_id)
    where all_days.day >= recompute_from.from_day
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

{{ daily_scores(carry=running_sums) }},

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
        {{ running_sums | join(',\n        ') }},
    from scored
)

-- Ordered by company so a company_id filter reads one row group, not all of them
-- (zone maps); an incremental batch is appended in the same order.
select * from final
order by company_id, portal, day
