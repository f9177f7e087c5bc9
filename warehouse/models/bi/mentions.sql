with

mentions as (
    select * from {{ ref('fct_mentions') }}
),

final as (
    select mention_key, company_id, portal, published_at, title, text, source_url, from mentions
)

select * from final
