-- One row per forum post or blog comment naming a tracked company.
with

mentions as (
    select * from {{ ref('stg_lake__mentions') }}
),

final as (
    select
        mention_key,
        company_id,
        portal,
        portal_post_id,
        published_at,
        cast(published_at as date) as published_on,
        title,
        text,
        language,
        author_pseudonym,
        source_url,
        first_seen_at,
        last_seen_at,
    from mentions
)

select * from final
