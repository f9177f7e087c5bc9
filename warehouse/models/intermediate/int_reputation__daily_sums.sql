-- Per company, portal and day with a review: running totals over the company's
-- reviews up to that day, the decayed ones scaled to a fixed epoch:
--   sum over past reviews of 0.5^((day - d)/h) * x
--   = 0.5^((day - epoch)/h) * cumulative sum of 2^((d - epoch)/h) * x,
-- so a score on any later day is a lookup plus one scale factor
-- (company_reputation_daily). Incremental: the companies of int_review_changes
-- are deleted and recomputed.
-- depends_on: {{ ref('int_review_changes') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        pre_hook=[
            "{% if is_incremental() %}
            delete from {{ this }} where company_id in (
                select company_id from {{ ref('int_review_changes') }}
            )
            {% endif %}",
        ],
    )
}}
{%- set half_life = var('reputation_half_life_days') %}
{%- set epoch = "date '2000-01-01'" %}

with

reviews as (
    select company_id, portal, published_on, stars, from {{ ref('int_reviews') }}
    {% if is_incremental() %}
    where company_id in (select company_id from {{ ref('int_review_changes') }})
    {% endif %}
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

final as (
    select
        company_id,
        portal,
        day,
        sum(reviews) over running as review_count,
        sum(stars) over running as sum_stars,
        sum(g) over running as cum_g,
        sum(g_stars) over running as cum_g_stars,
        sum(g2) over running as cum_g2,
        sum(g_stars2) over running as cum_g_stars2,
    from daily
    window running as (
        partition by company_id, portal order by day
        rows between unbounded preceding and current row
    )
)

select * from final
