-- Which review belongs to which alert (one row per alert and review).
with

alerts as (
    select * from {{ ref('int_alerts') }}
),

final as (
    select
        alert_id,
        kind,
        marks_suspicious,
        unnest(review_keys) as review_key,
    from alerts
)

select * from final
