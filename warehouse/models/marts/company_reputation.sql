-- One row per company and portal, plus portal = 'all' across portals (formulas in
-- int_reputation__scores and the YAML description).
-- depends_on: {{ ref('int_build_state') }} (reads this table's previous as_of)
with

-- Only the columns the stats read: a review's text never enters this model.
reviews as (
    select
        company_id,
        portal,
        stars,
        is_one_star,
        is_five_star,
        has_reply,
        reply_hours,
        published_at,
        review_key in (
            select review_key from {{ ref('int_alert_reviews') }} where marks_suspicious
        ) as is_suspicious,
    from {{ ref('int_reviews') }}
),

scores as (
    select * from {{ ref('int_reputation__scores') }}
),

-- One row per company and portal with the snapshots side by side (one join, not four).
snapshots as (
    select
        company_id,
        portal,
        any_value(score_100) filter (where snapshot = '30d_ago') as score_30d_ago,
        any_value(score_100) filter (where snapshot = '90d_ago') as score_90d_ago,
        any_value(score_100) filter (where snapshot = 'adjusted') as adjusted_score_100,
    from scores
    where snapshot <> 'current'
    group by company_id, portal
),

companies as (
    select * from {{ ref('dim_companies') }}
),

stats as (
    select
        company_id,
        coalesce(portal, 'all') as portal,
        count(*) as review_count,
        {{ stable_mean('stars') }} as mean_stars,
        avg(case when is_one_star then 1.0 else 0.0 end) as share_1_star,
        avg(case when is_five_star then 1.0 else 0.0 end) as share_5_star,
        avg(case when has_reply then 1.0 else 0.0 end) as reply_rate,
        median(reply_hours) as median_reply_hours,
        count(*) filter (where is_suspicious) as suspicious_count,
        max(published_at) as last_review_at,
    from reviews
    group by grouping sets ((company_id, portal), (company_id))
),

current_scores as (
    select * from scores where snapshot = 'current'
),

joined as (
    select
        stats.company_id,
        companies.company_name,
        stats.portal,
        stats.review_count,
        current_scores.effective_reviews,
        stats.mean_stars,
        current_scores.bayes_stars,
        current_scores.decayed_stars,
        current_scores.score_100,
        current_scores.score_low,
        current_scores.score_high,
        stats.share_1_star,
        stats.share_5_star,
        snapshots.score_30d_ago,
        snapshots.score_90d_ago,
        current_scores.score_100 - snapshots.score_30d_ago as trend_30d,
        stats.reply_rate,
        stats.median_reply_hours,
        stats.suspicious_count,
        snapshots.adjusted_score_100,
        current_scores.label,
        stats.last_review_at,
        current_scores.snapshot_on as as_of,
    from stats
    inner join current_scores
        on current_scores.company_id = stats.company_id
        and current_scores.portal = stats.portal
    left join snapshots
        on snapshots.company_id = stats.company_id
        and snapshots.portal = stats.portal
    left join companies on companies.company_id = stats.company_id
),

final as (
    select
        *,
        case
            when portal = 'all'
                then rank() over (
                    partition by portal = 'all' order by score_low desc, review_count desc
                )
        end as rank,
    from joined
)

-- Ordered by company so a company_id filter skips row groups (zone maps).
select * from final
order by company_id, portal
