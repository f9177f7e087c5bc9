with

reputation as (
    select * from {{ ref('company_reputation') }}
),

final as (
    select
        company_id,
        company_name,
        portal,
        review_count,
        mean_stars,
        bayes_stars,
        decayed_stars,
        score_100,
        score_low,
        score_high,
        share_1_star,
        share_5_star,
        score_30d_ago,
        score_90d_ago,
        trend_30d,
        reply_rate,
        median_reply_hours,
        adjusted_score_100,
        label,
        rank,
        effective_reviews,
        suspicious_count,
        as_of,
    from reputation
)

select * from final
