-- Per company, portal (and 'all') and polarity: how many reviews use each term in the
-- topic period (y, of n) and in the company's own past_days before it (y_past, of
-- n_past). The counting half of company_topic_terms, in its own model so that neither
-- query holds all of the work's hash tables at once (builds run under a memory limit).
{%- set t = var('topics') %}
with

as_of as (
    select as_of - {{ t['period_days'] - 1 }} as period_start, as_of as period_end,
    from {{ ref('int_as_of') }}
),

reviews as (
    select
        terms.company_id,
        terms.portal,
        terms.polarity,
        terms.terms,
        terms.published_on >= as_of.period_start as in_period,
    from {{ ref('int_topics__review_terms') }} as terms
    cross join as_of
    where terms.polarity <> 'neutral'
        and terms.published_on >= as_of.period_start - {{ t['past_days'] }}
        and terms.published_on <= as_of.period_end
),

-- A review is on one portal, so the counts across portals ('all') are their sums.
portal_sizes as (
    select
        company_id,
        portal,
        polarity,
        count(*) filter (where in_period) as n,
        count(*) filter (where not in_period) as n_past,
    from reviews
    group by all
),

sizes as (
    select * from portal_sizes
    union all
    select company_id, 'all' as portal, polarity, sum(n) as n, sum(n_past) as n_past,
    from portal_sizes
    group by all
),

portal_counts as (
    select
        company_id,
        portal,
        polarity,
        term,
        count(*) filter (where in_period) as y,
        count(*) filter (where not in_period) as y_past,
    from (select company_id, portal, polarity, in_period, unnest(terms) as term, from reviews)
    group by all
),

counts as (
    select * from portal_counts
    union all
    select company_id, 'all' as portal, polarity, term, sum(y) as y, sum(y_past) as y_past,
    from portal_counts
    group by all
),

final as (
    select
        counts.company_id,
        counts.portal,
        counts.polarity,
        counts.term,
        counts.y,
        sizes.n,
        counts.y_past,
        sizes.n_past,
    from counts
    inner join sizes using (company_id, portal, polarity)
)

select * from final
