with

daily as (
    select * from {{ ref('company_reputation_daily') }}
),

final as (
    select
        company_id,
        portal,
        day,
        score_100,
        score_low,
        score_high,
        review_count,
        label,
    from daily
)

select * from final
