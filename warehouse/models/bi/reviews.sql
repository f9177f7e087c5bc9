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
        stars,
        score_100,
        title,
        text,
        language,
        author_pseudonym,
        replied_at,
        reply_hours,
        is_suspicious,
        alert_ids,
        reply_text,
        rating_value,
        rating_worst,
        rating_best,
        source_url,
    from reviews
)

select * from final
