-- The terms that drive a company's bad (1-2 stars) and good (4-5 stars) reviews in
-- the topic period (var topics.period_days up to the as-of day), per portal and
-- across portals (portal = 'all'), compared two ways (compared_to):
-- - 'all_companies': with the other companies' reviews of the same polarity in the
--   period (what this company's customers talk about that others' do not);
-- - 'own_past': with the company's own reviews of the same polarity in the past_days
--   before the period (what changed); terms that fell have direction 'fell'.
-- Scored by the log-odds ratio with an informative Dirichlet prior (macro
-- fightin_words; the prior is all companies' share of the term, int_topics__background).
{%- set t = var('topics') %}
{%- set a0 = t['prior_reviews'] %}
{%- set min_reviews = t['min_reviews'] %}
with

as_of as (
    select as_of - {{ t['period_days'] - 1 }} as period_start, as_of as period_end,
    from {{ ref('int_as_of') }}
),

counts as (
    select * from {{ ref('int_topics__company_counts') }}
    -- used now by enough reviews to rise, or before by enough to have fallen
    where (y >= {{ min_reviews }} or y_past > {{ min_reviews }}) and n > 0
),

background as (
    select * from {{ ref('int_topics__background') }}
),

background_sizes as (
    select distinct polarity, polarity_reviews, from background
),

-- The company's own counts across portals, taken out of "all companies".
own as (
    select company_id, polarity, term, y as own_y, n as own_n,
    from {{ ref('int_topics__company_counts') }}
    where portal = 'all'
),

joined as (
    select
        counts.*,
        coalesce(background.review_count, 0) as b,
        background_sizes.polarity_reviews as b_n,
        coalesce(own.own_y, 0) as own_y,
        coalesce(own.own_n, 0) as own_n,
    from counts
    inner join background_sizes on background_sizes.polarity = counts.polarity
    left join background on background.polarity = counts.polarity and background.term = counts.term
    left join own
        on own.company_id = counts.company_id
        and own.polarity = counts.polarity
        and own.term = counts.term
),

inputs as (
    select
        company_id, portal, polarity, 'all_companies' as compared_to, term, y, n,
        b - own_y as y_ref, b_n - own_n as n_ref, (b + 0.5) / (b_n + 1) as prior,
    from joined
    where y >= {{ min_reviews }}
    union all
    select
        company_id, portal, polarity, 'own_past' as compared_to, term, y, n,
        y_past as y_ref, n_past as n_ref, (b + 0.5) / (b_n + 1) as prior,
    from joined
),

scored as (
    select *, {{ fightin_words('y', 'n', 'y_ref', 'n_ref', 'prior', a0) }},
    from inputs
),

candidates as (
    select * from scored where lift >= {{ t['min_lift'] }} and y >= {{ min_reviews }}
),

{{ topic_top_terms(['company_id', 'portal', 'polarity', 'compared_to'], t['top_terms']) }},

fell as (
    select
        *,
        row_number() over (
            partition by company_id, portal, polarity order by y_ref desc, z_score, term
        ) as rank,
    from scored
    where compared_to = 'own_past'
        and lift <= 1 / {{ t['min_lift'] }}
        and y_ref > {{ min_reviews }}
    qualify rank <= {{ t['falling_terms'] }}
),

final as (
    select
        topics.company_id,
        topics.portal,
        as_of.period_start,
        as_of.period_end,
        topics.polarity,
        topics.compared_to,
        topics.direction,
        topics.rank,
        topics.term,
        topics.y as review_count,
        topics.n as polarity_reviews,
        topics.share,
        topics.y_ref as reference_count,
        topics.n_ref as reference_reviews,
        topics.reference_share,
        topics.lift,
        topics.z_score,
    from (
        select *, 'rose' as direction, from kept
        union all by name
        select *, 'fell' as direction, from fell
    ) as topics
    cross join as_of
)

select * from final
order by company_id, portal, polarity, compared_to, direction desc, rank
