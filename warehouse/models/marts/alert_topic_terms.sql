-- Per alert, the terms its reviews use far more than the company's reviews of the
-- same polarity in the alert_baseline_days before it (lift >= topics.min_lift: what
-- the burst is about), the term most of its reviews use first, with one of them as
-- an example.
-- Scored like company_topics (macro fightin_words), with all companies' reviews of
-- the period as the prior (int_topics__background).
{%- set t = var('topics') %}
{%- set a0 = t['prior_reviews'] %}
with

alerts as (
    select alert_id, company_id, started_on, from {{ ref('int_alerts') }}
),

review_terms as (
    select * from {{ ref('int_topics__review_terms') }}
),

members as (
    select alert_reviews.alert_id, review_terms.review_key, review_terms.published_on,
        review_terms.polarity, review_terms.terms,
    from {{ ref('int_alert_reviews') }} as alert_reviews
    inner join review_terms using (review_key)
),

alert_sizes as (
    -- The alert's polarity is its reviews' most common one.
    select alert_id, mode(polarity) as polarity, count(*) as n,
    from members
    group by alert_id
),

group_counts as (
    select alert_id, term, count(*) as y,
        arg_min(review_key, (published_on, review_key)) as example_review_key,
    from (select alert_id, review_key, published_on, unnest(terms) as term, from members)
    group by alert_id, term
    having count(*) >= {{ t['min_reviews'] }}
),

reference as (
    select alerts.alert_id, review_terms.terms,
    from alerts
    inner join alert_sizes using (alert_id)
    inner join review_terms
        on review_terms.company_id = alerts.company_id
        and review_terms.polarity = alert_sizes.polarity
        and review_terms.published_on >= alerts.started_on - {{ t['alert_baseline_days'] }}
        and review_terms.published_on < alerts.started_on
),

reference_sizes as (
    select alert_id, count(*) as n_ref, from reference group by alert_id
),

reference_counts as (
    select alert_id, term, count(*) as y_ref,
    from (select alert_id, unnest(terms) as term, from reference)
    semi join group_counts using (alert_id, term)
    group by alert_id, term
),

background as (
    select * from {{ ref('int_topics__background') }}
),

background_sizes as (
    select distinct polarity, polarity_reviews, from background
),

counted as (
    select
        alerts.alert_id,
        alerts.company_id,
        group_counts.term,
        group_counts.y,
        alert_sizes.n,
        coalesce(reference_counts.y_ref, 0) as y_ref,
        coalesce(reference_sizes.n_ref, 0) as n_ref,
        group_counts.example_review_key,
        (coalesce(background.review_count, 0) + 0.5)
            / (coalesce(background_sizes.polarity_reviews, 0) + 1) as prior,
    from group_counts
    inner join alerts using (alert_id)
    inner join alert_sizes using (alert_id)
    left join reference_sizes using (alert_id)
    left join reference_counts using (alert_id, term)
    left join background_sizes on background_sizes.polarity = alert_sizes.polarity
    left join background
        on background.polarity = alert_sizes.polarity and background.term = group_counts.term
),

scored as (
    select *, {{ fightin_words('y', 'n', 'y_ref', 'n_ref', 'prior', a0) }}, from counted
),

candidates as (
    select * from scored where lift >= {{ t['min_lift'] }}
),

{{ topic_top_terms(['alert_id'], t['alert_terms']) }},

final as (
    select
        alert_id,
        company_id,
        rank,
        term,
        y as review_count,
        n as alert_reviews,
        share,
        y_ref as reference_count,
        n_ref as reference_reviews,
        reference_share,
        lift,
        z_score,
        example_review_key,
    from kept
)

select * from final
order by company_id, alert_id, rank
