-- All companies' terms in the topic period (var topics.period_days up to the as-of
-- day), per polarity: the informative prior of company_topics and alert_topics, and
-- company_topics' comparison "against all companies". One row per polarity and term
-- used by at least one review; polarity_reviews is the polarity's review count.
{%- set t = var('topics') %}
with

as_of as (
    select * from {{ ref('int_as_of') }}
),

reviews as (
    select terms.polarity, terms.terms,
    from {{ ref('int_topics__review_terms') }} as terms
    cross join as_of
    where terms.published_on > as_of.as_of - {{ t['period_days'] }}
        and terms.published_on <= as_of.as_of
),

polarity_sizes as (
    select polarity, count(*) as polarity_reviews, from reviews group by polarity
),

term_counts as (
    select polarity, term, count(*) as review_count,
    from (select polarity, unnest(terms) as term, from reviews)
    group by polarity, term
),

final as (
    select term_counts.polarity, term_counts.term, term_counts.review_count,
        polarity_sizes.polarity_reviews,
    from term_counts
    inner join polarity_sizes using (polarity)
)

select * from final
