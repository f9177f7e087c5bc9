-- As-of score per company, portal (and 'all') and day: every day with a review of the
-- company (company_reputation_daily), and every day of the last reputation_daily_days
-- up to the as-of day, scored here from the running sums the mart keeps on the
-- portals' rows: a day without a review has its portal's last review day's totals,
-- decayed to that day (the same formulas, so the same scores a stored calendar had).
-- A company_id filter reaches the mart's scan through the window, the unnest and the
-- group by: one company's series reads one company's rows.
{%- set days = var('reputation_daily_days') %}
with

daily as (
    select * from {{ ref('company_reputation_daily') }}
),

as_of as (
    select max(as_of) as as_of from {{ ref('company_reputation') }}
),

portal_days as (
    select
        *,
        lead(day) over (partition by company_id, portal order by day) as next_day,
    from daily
    where portal <> 'all'
),

-- The days a portal's row stands for: after its day and before the company's next
-- review day, within the last reputation_daily_days up to the as-of day.
cumulative as (
    select
        portal_days.company_id,
        portal_days.portal,
        portal_days.review_count,
        portal_days.sum_stars,
        portal_days.cum_g,
        portal_days.cum_g_stars,
        portal_days.cum_g2,
        portal_days.cum_g_stars2,
        cast(unnest(range(
            greatest(portal_days.day + 1, as_of.as_of - {{ days - 1 }}),
            least(coalesce(portal_days.next_day, as_of.as_of + 1), as_of.as_of + 1),
            interval 1 day
        )) as date) as day,
    from portal_days
    cross join as_of
    where coalesce(portal_days.next_day, as_of.as_of + 1) > as_of.as_of - {{ days - 1 }}
),

{{ daily_scores() }},

final as (
    select company_id, portal, day, score_100, score_low, score_high, review_count, label,
    from daily
    union all
    select company_id, portal, day, score_100, score_low, score_high, review_count, label,
    from scored
)

select * from final
