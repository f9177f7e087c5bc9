-- The same company scoring very differently on two portals over a recent
-- window: a gap of at least min_gap stars that is also min_z standard errors wide.
-- A disagreement that lasts: reviews of a burst (bad or bought) are left out, and in
-- each half of the window where both portals have reviews the gap is at least
-- divergence_min_half_gap_stars, so a few busy days on one portal (a campaign, a wave
-- of praise) do not make two portals diverge.
{%- set a = var('alerts') %}
{%- set middle = 'as_of - ' ~ (a['divergence_window_days'] // 2) %}
with

burst_reviews as (
    select unnest(review_keys) as review_key from {{ ref('int_alerts__negative_burst') }}
    union
    select unnest(review_keys) as review_key from {{ ref('int_alerts__positive_burst') }}
),

reviews as (
    select * from {{ ref('int_reviews') }}
    cross join {{ ref('int_as_of') }}
    where published_on > as_of - {{ a['divergence_window_days'] }}
        and review_key not in (select review_key from burst_reviews)
),

per_portal as (
    select
        company_id,
        portal,
        count(*) as review_count,
        {{ stable_mean('stars') }} as mean_stars,
        coalesce(var_samp(stars), 1.0) as var_stars,
        min(published_on) as first_on,
        any_value(as_of) as as_of,
        {%- for half, cond in [('early', '<='), ('late', '>')] %}
        count(*) filter (where published_on {{ cond }} {{ middle }}) as {{ half }}_count,
        avg(stars) filter (where published_on {{ cond }} {{ middle }}) as {{ half }}_mean,
        {%- endfor %}
    from reviews
    group by all
    having count(*) >= {{ a['divergence_min_reviews'] }}
),

pairs as (
    select
        high.company_id,
        high.portal as high_portal,
        low.portal as low_portal,
        high.mean_stars as high_mean,
        low.mean_stars as low_mean,
        high.review_count + low.review_count as review_count,
        high.mean_stars - low.mean_stars as gap,
        greatest(
            sqrt(high.var_stars / high.review_count + low.var_stars / low.review_count), 0.1
        ) as gap_se,
        least(high.first_on, low.first_on) as started_on,
        high.as_of as ended_on,
        {%- for half in ['early', 'late'] %}
        high.{{ half }}_count >= 2 and low.{{ half }}_count >= 2 as {{ half }}_seen,
        high.{{ half }}_mean - low.{{ half }}_mean as {{ half }}_gap,
        {%- endfor %}
    from per_portal as high
    inner join per_portal as low
        on high.company_id = low.company_id
        and high.mean_stars > low.mean_stars
),

final as (
    select
        {{ alert_id('divergence', 'company_id', 'started_on') }} || ':' || high_portal || '-'
            || low_portal as alert_id,
        company_id,
        'divergence' as kind,
        [high_portal, low_portal] as portals,
        started_on,
        ended_on,
        case when gap >= 2.5 then 'high' when gap >= 2 then 'medium' else 'low' end as severity,
        review_count,
        cast(json_object(
            'window_days', {{ a['divergence_window_days'] }},
            'high_portal', high_portal,
            'high_mean_stars', round(high_mean, 2),
            'low_portal', low_portal,
            'low_mean_stars', round(low_mean, 2),
            'gap_stars', round(gap, 2),
            'z', round(gap / gap_se, 1)
        ) as varchar) as evidence,
        cast([] as varchar[]) as review_keys,
    from pairs
    where gap >= {{ a['divergence_min_gap_stars'] }}
        and gap / gap_se >= {{ a['divergence_min_z'] }}
        and (early_seen or late_seen)
        {%- for half in ['early', 'late'] %}
        and (not {{ half }}_seen or {{ half }}_gap >= {{ a['divergence_min_half_gap_stars'] }})
        {%- endfor %}
)

select * from final
