-- Reviews that make a bad review conditional on money ("Rabatt, sonst
-- schlechte Bewertung", "refund or I post"). Hits of one company less than 30
-- days apart form one alert.
with

reviews as (
    select * from {{ ref('int_reviews') }}
),

hits as (
    select
        *,
        case
            when published_on - lag(published_on) over (
                partition by company_id order by published_on
            ) <= 30 then 0
            else 1
        end as starts_episode,
    from reviews
    where matches_extortion  -- macro is_threat (macros/threats.sql), matched in int_reviews
),

episodes as (
    select
        *,
        sum(starts_episode) over (partition by company_id order by published_on) as episode,
    from hits
),

grouped as (
    select
        company_id,
        episode,
        min(published_on) as started_on,
        max(published_on) as ended_on,
        list(distinct portal order by portal) as portals,
        list(review_key order by review_key) as review_keys,
        list(distinct text order by text)[1:3] as examples,
        count(*) as review_count,
        {{ stable_mean('stars') }} as mean_stars,
    from episodes
    group by all
),

final as (
    select
        {{ alert_id('extortion', 'company_id', 'started_on') }} as alert_id,
        company_id,
        'extortion' as kind,
        portals,
        started_on,
        ended_on,
        {{ severity('review_count', 2) }} as severity,
        review_count,
        cast(json_object(
            'matching_reviews', review_count,
            'mean_stars', round(mean_stars, 2),
            'examples', examples
        ) as varchar) as evidence,
        review_keys,
    from grouped
)

select * from final
