-- Many short 5-star reviews from one-review accounts within a few days.
-- Incremental: only the companies with changed reviews are recomputed (their bursts
-- depend on their own reviews alone), and only from the first day a changed review can
-- move on (burst_window_config).
-- depends_on: {{ ref('int_review_changes') }}
{%- set a = var('alerts') %}
{%- set changed = "select company_id, published_on as day from {{ ref('int_review_changes') }}" %}
{%- set flag = dict(
    member="is_five_star and coalesce(author_review_count, 99) <= 1 and length(coalesce(text, '')) <= " ~ a['positive_burst_max_text_chars'],
    population='true',
    window_days=a['positive_burst_window_days'],
    min_reviews=a['positive_burst_min_reviews'],
    min_share=0.5,
) %}
{{ burst_window_config('positive_burst_recompute', changed, **flag) }}
with

{{ burst_episodes(
    min_surprise=a['burst_min_surprise'],
    min_ratio=a['burst_min_ratio'],
    min_history_days=a['burst_min_history_days'],
    recompute_companies='positive_burst_recompute',
    **flag
) }},

final as (
    select
        {{ alert_id('positive_burst', 'company_id', 'started_on') }} as alert_id,
        company_id,
        'positive_burst' as kind,
        portals,
        started_on,
        ended_on,
        {{ severity('peak_in_window', a['positive_burst_min_reviews']) }} as severity,
        review_count,
        cast(json_object(
            'five_star_one_review_accounts', review_count,
            'peak_in_window', peak_in_window,
            'expected_in_window', round(baseline_in_window, 2),
            'surprise', round(peak_surprise, 1),
            'window_days', {{ a['positive_burst_window_days'] }},
            'max_text_chars', {{ a['positive_burst_max_text_chars'] }}
        ) as varchar) as evidence,
        review_keys,
    from episodes
)

select * from final
