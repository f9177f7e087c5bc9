with

source as (
    select * from {{ source('lake', 'mentions') }}
),

final as (
    select
        cast(mention_key as varchar) as mention_key,
        cast(portal as varchar) as portal,
        cast(portal_post_id as varchar) as portal_post_id,
        cast(company_id as varchar) as company_id,
        cast(portal_company_id as varchar) as portal_company_id,
        cast(title as varchar) as title,
        cast(text as varchar) as text,
        cast(language as varchar) as language,
        cast(author_pseudonym as varchar) as author_pseudonym,
        cast(published_at as timestamptz) as published_at,
        cast(published_precision as varchar) as published_precision,
        cast(content_hash as varchar) as content_hash,
        cast(source_url as varchar) as source_url,
        cast(fetched_at as timestamptz) as fetched_at,
        cast(first_seen_at as timestamptz) as first_seen_at,
        cast(last_seen_at as timestamptz) as last_seen_at,
        cast(review_month as varchar) as review_month,
    from source
)

select * from final
