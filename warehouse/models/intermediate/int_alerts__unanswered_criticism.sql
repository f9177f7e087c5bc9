-- Many negative reviews left without a reply for weeks, far more than the company
-- usually leaves unanswered (a company that never answers is not news every month).
-- A review younger than the reply deadline is not overdue yet.
-- Incremental: a company's alerts change with its reviews and with the as-of day only
-- through its bad reviews that passed the reply deadline between the previous as-of day
-- and this one, and its alerts still open (ended on the previous as-of day); those
-- companies are recomputed from the first of those days (burst_window_config), the
-- others kept.
-- depends_on: {{ ref('int_review_changes') }}
-- depends_on: {{ ref('int_build_state') }}
{%- set a = var('alerts') %}
{%- set overdue = 'is_negative and published_on <= as_of - ' ~ a['unanswered_reply_days']
    ~ ' and (replied_at is null or replied_on > published_on + ' ~ a['unanswered_reply_days'] ~ ')' %}
{%- set reply_days = a['unanswered_reply_days'] %}
{%- set changed = "select company_id, published_on as day from {{ ref('int_review_changes') }}
    union all
    select reviews.company_id, reviews.published_on as day
    from {{ ref('int_reviews') }} as reviews
    cross join {{ ref('int_build_state') }} as state
    where reviews.is_negative
        and reviews.published_on > least(state.as_of, state.previous_as_of) - " ~ reply_days ~ "
        and reviews.published_on <= greatest(state.as_of, state.previous_as_of) - " ~ reply_days ~ "
    union all
    select company_id, started_on as day from {{ this }}
    where ended_on >= (select previous_as_of from {{ ref('int_build_state') }})" %}
{%- set flag = dict(
    member=overdue,
    population='is_negative',
    window_days=a['unanswered_window_days'],
    min_reviews=a['unanswered_min_reviews'],
    min_share=1 - a['unanswered_max_reply_share'],
) %}
{{ burst_window_config('unanswered_criticism_recompute', changed, **flag) }}
with

{{ burst_episodes(
    min_surprise=a['burst_min_surprise'],
    min_ratio=a['burst_min_ratio'],
    min_history_days=a['burst_min_history_days'],
    recompute_companies='unanswered_criticism_recompute',
    **flag
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
