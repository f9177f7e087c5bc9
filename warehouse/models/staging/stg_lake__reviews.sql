with

source as (
    select * from {{ source('lake', 'reviews') }}
),

final as (
    select
        cast(review_key as varchar) as review_key,
        cast(portal as varchar) as portal,
        cast(portal_review_id as varchar) as portal_review_id,
        cast(company_id as varchar) as company_id,
        cast(portal_company_id as varchar) as portal_company_id,
        cast(rating_value as double) as rating_value,
        cast(rating_worst as double) as rating_worst,
        cast(rating_best as double) as rating_best,
        cast(score_100 as double) as score_100,
        cast(stars as double) as stars,
        cast(title as varchar) as title,
        cast(text as varchar) as text,
        cast(pros as varchar) as pros,
        cast(cons as varchar) as cons,
        cast(language as varchar) as language,
        cast(author_pseudonym as varchar) as author_pseudonym,
        cast(author_review_count as integer) as author_review_count,
        cast(published_at as timestamptz) as published_at,
        cast(published_precision as varchar) as published_precision,
        cast(reply_text as varchar) as reply_text,
        cast(replied_at as timestamptz) as replied_at,
        cast(verified as boolean) as is_verified,
        cast(reviewer_type as varchar) as reviewer_type,
        cast(filtered as boolean) as is_filtered,
        cast(content_hash as varchar) as content_hash,
        cast(source_url as varchar) as source_url,
        cast(fetched_at as timestamptz) as fetched_at,
        cast(first_seen_at as timestamptz) as first_seen_at,
        cast(last_seen_at as timestamptz) as last_seen_at,
        cast(review_month as varchar) as review_month,
    from source
)

select * from final
