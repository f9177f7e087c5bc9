with

topics as (
    select * from {{ ref('company_topic_terms') }}
),

final as (
    select
        company_id,
        portal,
        period_start,
        period_end,
        polarity,
        term,
        review_count,
        share,
        lift,
        compared_to,
        direction,
        rank,
        polarity_reviews,
        reference_count,
        reference_reviews,
        reference_share,
        z_score,
    from topics
)

select * from final
