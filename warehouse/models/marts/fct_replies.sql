-- One row per company reply to a review.
with

reviews as (
    select * from {{ ref('fct_reviews') }}
),

final as (
    select
        review_key,
        company_id,
        portal,
        published_at,
        replied_at,
        reply_hours,
        stars,
        stars <= 2 as is_reply_to_negative,
        reply_text,
    from reviews
    where has_reply
)

select * from final
