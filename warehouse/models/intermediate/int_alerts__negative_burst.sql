-- Bad reviews (<= 2 stars) far more than the company's own past predicts, however few:
-- a surprise under a Poisson baseline that follows seasons and volume (burst_episodes).
-- Incremental: only the companies with changed reviews are recomputed (their bursts
-- depend on their own reviews alone), and only from the first day a changed review can
-- move on (burst_window_config).
-- depends_on: {{ ref('int_review_changes') }}
{%- set a = var('alerts') %}
{%- set changed = "select company_id, published_on as day from {{ ref('int_review_changes') }}" %}
{%- set flag = dict(
    member='is_negative',
    population='true',
    window_days=a['negative_burst_window_days'],
    min_reviews=a['negative_burst_min_reviews'],
    min_share=0.5,
) %}
{{ burst_window_config('negative_burst_recompute', changed, **flag) }}
with

{{ burst_episodes(
    min_surprise=a['burst_min_surprise'],
    min_ratio=a['burst_min_ratio'],
    min_history_days=a['burst_min_history_days'],
    recompute_companies='negative_burst_recompute',
    **flag
) }},

final as (
    select
        {{ alert_id('negative_burst', 'company_id', 'started_on') }} as alert_id,
        company_id,
        'negative_burst' as kind,
        portals,
        started_on,
        ended_on,
        {{ severity('peak_in_window', a['negative_burst_min_reviews']) }} as severity,
        review_count,
        cast(json_object(
            'negative_reviews', review_count,
            'peak_negative_in_window', peak_in_window,
            'expected_in_window', round(baseline_in_window, 2),
            'surprise', round(peak_surprise, 1),
            'history_days', history_days,
            'window_days', {{ a['negative_burst_window_days'] }},
            'mean_stars', round(mean_stars, 2)
        ) as varchar) as evidence,
        review_keys,
    from episodes
)

select * from final
