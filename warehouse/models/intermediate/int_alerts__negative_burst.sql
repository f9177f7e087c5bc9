-- Daily negative volume far above the company's own rolling baseline.
{%- set a = var('alerts') %}
with

{{ burst_episodes(
    member='is_negative',
    population='true',
    window_days=a['burst_window_days'],
    min_reviews=a['negative_burst_min_reviews'],
    min_share=0.5,
    baseline_factor=a['burst_baseline_factor'],
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
            'window_days', {{ a['burst_window_days'] }},
            'mean_stars', round(mean_stars, 2)
        ) as varchar) as evidence,
        review_keys,
    from episodes
)

select * from final
