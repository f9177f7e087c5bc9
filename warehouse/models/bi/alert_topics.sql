with

topics as (
    select * from {{ ref('alert_topic_terms') }}
),

reviews as (
    select review_key, company_id, from {{ ref('fct_reviews') }}
),

final as (
    select
        topics.alert_id,
        topics.term,
        topics.review_count,
        topics.lift,
        -- An erased author's review is gone from fct_reviews at once; the example
        -- follows before the next build recomputes the topics.
        reviews.review_key as example_review_key,
        topics.company_id,
        topics.rank,
        topics.alert_reviews,
        topics.share,
        topics.reference_count,
        topics.reference_reviews,
        topics.reference_share,
        topics.z_score,
    from topics
    -- company_id in the join lets a company's filter skip the other companies' reviews
    left join reviews
        on reviews.review_key = topics.example_review_key
        and reviews.company_id = topics.company_id
)

select * from final
