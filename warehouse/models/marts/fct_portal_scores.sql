-- One row per company, portal and day a portal's own displayed score was read (a page's
-- "4.4 of 5, 2,721 reviews", an entry of a list page, an export's company figures): the
-- portal's figure beside ruf's, on the same 0-100 and 1-5 scales.
with

aggregates as (
    select * from {{ ref('stg_lake__aggregates') }}
),

final as (
    select
        company_id,
        portal,
        fetched_on,
        fetched_at,
        rating_value,
        rating_worst,
        rating_best,
        score_100,
        1 + 4 * score_100 / 100 as stars,
        review_count,
        portal_company_id,
        source_url,
        fetched_on = max(fetched_on) over (partition by company_id, portal) as is_latest,
    from aggregates
)

select * from final
