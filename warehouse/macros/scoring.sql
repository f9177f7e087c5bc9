{# Scoring formulas, shared by company_reputation, company_reputation_daily and
   bi.reputation_daily. #}

{# Bayesian prior strength / mean of a portal (var reputation_prior, 'default' otherwise). #}
{% macro prior_strength(portal) -%}
    {%- set priors = var('reputation_prior') -%}
    {%- set named = priors.items() | rejectattr(0, 'equalto', 'default') | list -%}
    {%- if named %}
    case
    {%- for name, p in named %}
        when {{ portal }} = '{{ name }}' then {{ p['strength'] }}
    {%- endfor %}
        else {{ priors['default']['strength'] }}
    end
    {%- else -%}
    {{ priors['default']['strength'] }}
    {%- endif -%}
{%- endmacro %}

{% macro prior_mean(portal) -%}
    {%- set priors = var('reputation_prior') -%}
    {%- set named = priors.items() | rejectattr(0, 'equalto', 'default') | list -%}
    {%- if named %}
    case
    {%- for name, p in named %}
        when {{ portal }} = '{{ name }}' then {{ p['mean'] }}
    {%- endfor %}
        else {{ priors['default']['mean'] }}
    end
    {%- else -%}
    {{ priors['default']['mean'] }}
    {%- endif -%}
{%- endmacro %}

{# Weight of a review published `age_days` before the as-of day: halves every half-life. #}
{% macro decay_weight(age_days) -%}
    pow(0.5, ({{ age_days }}) / {{ var('reputation_half_life_days') }})
{%- endmacro %}

{# 1-5 stars -> 0-100. #}
{% macro stars_to_100(stars) -%}
    (25.0 * (({{ stars }}) - 1))
{%- endmacro %}

{# Label band of a 0-100 score (Trustpilot's star bands 4.3/3.8/3.3/2.8 on 0-100). #}
{% macro label_band(score) -%}
    case
        when {{ score }} is null then null
        when {{ score }} >= 82.5 then 'excellent'
        when {{ score }} >= 70 then 'great'
        when {{ score }} >= 57.5 then 'average'
        when {{ score }} >= 45 then 'poor'
        else 'bad'
    end
{%- endmacro %}

{#
  CTEs turning per-portal sums into scores, plus the cross-portal row (portal =
  'all'). Needs a CTE `sums` with company_id, portal, the `keys` columns,
  review_count, sum_stars, sum_w, sum_w_stars, sum_w2, sum_w_stars2.
  Ends with CTE `scored`. Formulas: see int_reputation__scores.yml. The `carry`
  columns of `sums` are kept on the portals' rows (null on the 'all' rows).
#}
{% macro scores_from_sums(keys, carry=[]) %}
{%- set key_list = keys | join(', ') -%}
priors as (
    select
        *,
        {{ prior_strength('portal') }} as prior_strength,
        {{ prior_mean('portal') }} as prior_mean,
    from sums
),

portal_scores as (
    select
        company_id,
        portal,
        {{ key_list }},
        {%- for column in carry %}
        {{ column }},
        {%- endfor %}
        review_count,
        sum_w as effective_reviews,
        (prior_strength * prior_mean + sum_stars) / (prior_strength + review_count)
            as bayes_stars,
        (prior_strength * prior_mean + sum_w_stars) / (prior_strength + sum_w) as decayed_stars,
        -- Weighted variance of stars, shrunk towards the prior variance like the mean.
        (
            prior_strength * {{ var('reputation_prior_variance') }}
            + greatest(sum_w_stars2 - sum_w_stars * sum_w_stars / sum_w, 0)
        ) / (prior_strength + sum_w) as var_stars,
        -- Prior pseudo-reviews plus the Kish effective sample size of the weights.
        prior_strength + sum_w * sum_w / sum_w2 as interval_n,
    from priors
),

portal_errors as (
    select
        * exclude (var_stars, interval_n),
        sqrt(var_stars / interval_n) as se_stars,
    from portal_scores
),

cross_portal as (
    select
        company_id,
        'all' as portal,
        {{ key_list }},
        sum(review_count) as review_count,
        sum(effective_reviews) as effective_reviews,
        sum(review_count * bayes_stars) / sum(review_count) as bayes_stars,
        sum(effective_reviews * decayed_stars) / sum(effective_reviews) as decayed_stars,
        sqrt(sum(effective_reviews * effective_reviews * se_stars * se_stars))
            / sum(effective_reviews) as se_stars,
    from portal_errors
    group by all
),

unioned as (
    select * from portal_errors
    union all by name
    select * from cross_portal
),

rounded as (
    select
        company_id,
        portal,
        {{ key_list }},
        {%- for column in carry %}
        {{ column }},
        {%- endfor %}
        review_count,
        round(effective_reviews, 4) as effective_reviews,
        round(bayes_stars, 4) as bayes_stars,
        round(decayed_stars, 4) as decayed_stars,
        round(se_stars, 4) as se_stars,
        round({{ stars_to_100('decayed_stars') }}, 4) as score_100,
        round(greatest(0, {{ stars_to_100('decayed_stars') }} - 1.96 * 25 * se_stars), 4)
            as score_low,
        round(least(100, {{ stars_to_100('decayed_stars') }} + 1.96 * 25 * se_stars), 4)
            as score_high,
    from unioned
),

scored as (
    select
        *,
        {{ label_band('score_100') }} as label,
    from rounded
)
{% endmacro %}

{#
  CTEs turning the running totals of int_reputation__daily_sums, looked up for a day
  (CTE `cumulative`: company_id, portal, day, review_count, sum_stars, cum_g,
  cum_g_stars, cum_g2, cum_g_stars2), into that day's scores: the epoch-scaled sums
  times the day's one scale factor. Ends with CTE `scored` (scores_from_sums).
#}
{% macro daily_scores(carry=[]) %}
{%- set half_life = var('reputation_half_life_days') %}
{%- set epoch = "date '2000-01-01'" %}
sums as (
    select
        *,
        cum_g * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w,
        cum_g_stars * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w_stars,
        cum_g2 * pow(0.5, 2 * (day - {{ epoch }}) / {{ half_life }}) as sum_w2,
        cum_g_stars2 * pow(0.5, (day - {{ epoch }}) / {{ half_life }}) as sum_w_stars2,
    from cumulative
    where review_count > 0
),

{{ scores_from_sums(['day'], carry) }}
{%- endmacro %}

{#
  Mean of a column rounded to 4 decimals, the same on every run: a parallel sum of
  doubles differs in the last bit between runs (enough to flip a mean like 3.34375
  between 3.3437 and 3.3438), a sum of decimals does not.
#}
{% macro stable_mean(column) -%}
    round(avg(cast({{ column }} as decimal(18, 9))), 4)
{%- endmacro %}

{# Sum of a column as a double, the same on every run (see stable_mean). #}
{% macro stable_sum(column) -%}
    cast(sum(cast({{ column }} as decimal(18, 9))) as double)
{%- endmacro %}
