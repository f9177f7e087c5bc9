with

source as (
    select * from {{ source('lake', 'aggregates') }}
),

final as (
    select
        cast(portal as varchar) as portal,
        cast(company_id as varchar) as company_id,
        cast(portal_company_id as varchar) as portal_company_id,
        cast(rating_value as double) as rating_value,
        cast(rating_worst as double) as rating_worst,
        cast(rating_best as double) as rating_best,
        cast(score_100 as double) as score_100,
        cast(review_count as bigint) as review_count,
        cast(source_url as varchar) as source_url,
        cast(fetched_at as timestamptz) as fetched_at,
        cast(fetched_on as date) as fetched_on,
    from source
)

select * from final
