-- Many negative reviews left without a reply for weeks, far more than the company
-- usually leaves unanswered (a company that never answers is not news every month).
-- A review younger than the reply deadline is not overdue yet.
{%- set a = var('alerts') %}
{%- set overdue = 'is_negative and published_on <= as_of - ' ~ a['unanswered_reply_days']
    ~ ' and (replied_at is null or replied_on > published_on + ' ~ a['unanswered_reply_days'] ~ ')' %}
with

{{ burst_episodes(
    member=overdue,
    population='is_negative',
    window_days=a['unanswered_window_days'],
    min_reviews=a['unanswered_min_reviews'],
    min_share=1 - a['unanswered_max_reply_share'],
    min_surprise=a['burst_min_surprise'],
    min_ratio=a['burst_min_ratio'],
    min_history_days=a['burst_min_history_days'],
) }},

as_of as (
    select * from {{ ref('int_as_of') }}
),

final as (
    select
        {{ alert_id('unanswered_criticism', 'company_id', 'started_on') }} as alert_id,
        company_id,
        'unanswered_criticism' as kind,
        portals,
        started_on,
        -- Criticism stays unanswered until the company's first reply to it.
        coalesce(first_reply_on, as_of.as_of) as ended_on,
        {{ severity('peak_in_window', a['unanswered_min_reviews']) }} as severity,
        review_count,
        cast(json_object(
            'unanswered_negative_reviews', review_count,
            'reply_deadline_days', {{ a['unanswered_reply_days'] }},
            'first_reply_on', first_reply_on,
            'expected_unanswered', round(baseline_in_window, 2),
            'surprise', round(peak_surprise, 1),
            'days_without_reply', coalesce(first_reply_on, as_of.as_of) - started_on
        ) as varchar) as evidence,
        review_keys,
    from episodes
    cross join as_of
)

select * from final
