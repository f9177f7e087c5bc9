-- The scan limit of the warehouse build: the decayed Bayesian score of every
-- company, per portal and across portals, straight from the lake Parquet in one
-- DuckDB query (the same formulas as int_reputation__scores: prior 7 reviews at
-- 3.5 stars, weights halving every 182.5 days, Kish effective n for the interval).
-- {reviews} is replaced by the read_parquet() glob of lake/reviews.
with

reviews as (
    select company_id, portal, stars, cast(published_at as date) as published_on,
    from read_parquet('{reviews}', hive_partitioning = true)
),

as_of as (
    select max(published_on) as as_of from reviews
),

weighted as (
    select
        company_id,
        portal,
        stars,
        pow(0.5, (as_of - published_on) / 182.5) as w,
    from reviews
    cross join as_of
),

portal_sums as (
    select
        company_id,
        portal,
        count(*) as n,
        sum(stars) as sum_stars,
        sum(w) as sum_w,
        sum(w * stars) as sum_w_stars,
        sum(w * w) as sum_w2,
        sum(w * stars * stars) as sum_w_stars2,
    from weighted
    group by all
),

portal_scores as (
    select
        company_id,
        portal,
        n,
        sum_w,
        (7 * 3.5 + sum_stars) / (7 + n) as bayes_stars,
        (7 * 3.5 + sum_w_stars) / (7 + sum_w) as decayed_stars,
        sqrt(
            ((7 * 1.5 + greatest(sum_w_stars2 - sum_w_stars * sum_w_stars / sum_w, 0)) / (7 + sum_w))
            / (7 + sum_w * sum_w / sum_w2)
        ) as se_stars,
    from portal_sums
),

cross_portal as (
    select
        company_id,
        'all' as portal,
        sum(n) as n,
        sum(sum_w) as sum_w,
        sum(n * bayes_stars) / sum(n) as bayes_stars,
        sum(sum_w * decayed_stars) / sum(sum_w) as decayed_stars,
        sqrt(sum(sum_w * sum_w * se_stars * se_stars)) / sum(sum_w) as se_stars,
    from portal_scores
    group by all
),

final as (
    select
        company_id,
        portal,
        n as review_count,
        bayes_stars,
        decayed_stars,
        25 * (decayed_stars - 1) as score_100,
        greatest(0, 25 * (decayed_stars - 1) - 1.96 * 25 * se_stars) as score_low,
        least(100, 25 * (decayed_stars - 1) + 1.96 * 25 * se_stars) as score_high,
    from (select * from portal_scores union all by name select * from cross_portal)
)

select * from final
