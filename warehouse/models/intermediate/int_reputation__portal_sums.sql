-- Per company, portal and snapshot: the sums every score is computed from.
-- Snapshots: current (as of), 30d_ago, 90d_ago, and adjusted (as of, without
-- suspicious reviews). Weight w = 0.5 ^ (age in days / half-life).
with

reviews as (
    select * from {{ ref('int_reviews__flagged') }}
),

snapshots as (
    select snapshot, as_of - offset_days as snapshot_on, without_suspicious,
    from {{ ref('int_as_of') }}
    cross join (
        values
            ('current', 0, false),
            ('30d_ago', 30, false),
            ('90d_ago', 90, false),
            ('adjusted', 0, true),
    ) as s (snapshot, offset_days, without_suspicious)
),

weighted as (
    select
        reviews.company_id,
        reviews.portal,
        reviews.stars,
        snapshots.snapshot,
        snapshots.snapshot_on,
        {{ decay_weight('snapshots.snapshot_on - reviews.published_on') }} as w,
    from reviews
    inner join snapshots
        on reviews.published_on <= snapshots.snapshot_on
        and not (snapshots.without_suspicious and reviews.is_suspicious)
),

final as (
    select
        company_id,
        portal,
        snapshot,
        snapshot_on,
        count(*) as review_count,
        {{ stable_sum('stars') }} as sum_stars,
        sum(w) as sum_w,
        sum(w * stars) as sum_w_stars,
        sum(w * w) as sum_w2,
        sum(w * stars * stars) as sum_w_stars2,
    from weighted
    group by all
)

select * from final
