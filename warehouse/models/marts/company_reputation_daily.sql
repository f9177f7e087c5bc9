-- As-of score per company, portal (and 'all') and day, for trend charts: a row
-- for every day with a review of the company plus the last reputation_daily_days
-- days. Decayed sums come from cumulative sums of weights scaled to a fixed
-- epoch: sum over past reviews of 0.5^((day - d)/h) * x
--   = 0.5^((day - epoch)/h) * cumulative sum of 2^((d - epoch)/h) * x,
-- so one window pass serves every day. Incremental: recomputes the last
-- reputation_daily_lookback_days days (late reviews beyond that need a full refresh).
{{
    config(
        materialized='incremental',
        unique_key=['company_id', 'portal', 'day'],
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
    )
}}
{%- set half_life = var('reputation_half_life_days') %}
{%- set epoch = "date '2000-01-01'" %}

with

reviews as (
    select company_id, portal, published_on, stars, from {{ ref('int_reviews__flagged') }}
),

as_of as (
    select * from {{ ref('int_as_of') }}
),

daily as (
    select
        company_id,
        portal,
        published_on as day,
        count(*) as reviews,
        sum(stars) as stars,
        sum(pow(2, (published_on - {{ epoch }}) / {{ half_life }})) as g,
        sum(pow(2, (published_on - {{ epoch }}) / {{ half_life }}) * stars) as g_stars,
        sum(pow(2, 2 * (published_on - {{ epoch }}) / {{ half_life }})) as g2,
        sum(pow(2, (published_on - {{ epoch }}) / {{ half_life }}) * stars * stars) as g_stars2,
    from reviews
    group by all
),

calendar as (
    select cast(unnest(range(
        as_of - {{ var('reputation_daily_days') - 1 }}, as_of + 1, interval 1 day
    )) as date) as day,
    from as_of
),

spine_days as (
    select distinct company_id, day, from daily
    union
    select companies.company_id, calendar.day,
    from (select distinct company_id from daily) as companies
    cross join calendar
),

spine as (
    select spine_days.company_id, portals.portal, spine_days.day,
    from spine_days
    inner join (select distinct company_id, portal from daily) as portals
        on portals.company_id = spine_days.company_id
),

cumulative as (
    select
        spine.company_id,
        spine.portal,
        spine.day,
        sum(coalesce(daily.reviews, 0)) over running as review_count,
        sum(coalesce(daily.stars, 0)) over running as sum_stars,
        sum(coalesce(daily.g, 0)) over running as cum_g,
        sum(coalesce(daily.g_stars, 0)) over running as cum_g_stars,
        sum(coalesce(daily.g2, 0)) over running as cum_g2,
        sum(coalesce(daily.g_stars2, 0)) over running as cum_g_stars2,
    from spine
    left join daily
        on daily.company_id = spine.company_id
        and daily.portal = spine.portal
        and daily.day = spine.day
    window running as (
        partition by spine.company_id, spine.portal order by spine.day
        rows between unbounded preceding and current row
    )
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
    {% if is_incremental() %}
    where day > (select max(day) from {{ this }}) - {{ var('reputation_daily_lookback_days') }}
    {% endif %}
)

-- Ordered by company so a company_id filter reads one row group, not all of them
-- (zone maps); an incremental batch is appended in the same order.
select * from final
order by company_id, portal, day
