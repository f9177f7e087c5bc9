with

scores as (
    select * from {{ ref('fct_portal_scores') }}
),

companies as (
    select * from {{ ref('dim_companies') }}
),

final as (
    select
        scores.company_id,
        companies.company_name,
        scores.portal,
        scores.fetched_on,
        scores.rating_value,
        scores.rating_worst,
        scores.rating_best,
        scores.score_100,
        scores.stars,
        scores.review_count,
        scores.is_latest,
        scores.source_url,
    from scores
    left join companies using (company_id)
)

select * from final
