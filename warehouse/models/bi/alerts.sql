with

alerts as (
    select * from {{ ref('reputation_alerts') }}
),

final as (
    select
        alert_id,
        company_id,
        company_name,
        portals,
        kind,
        started_on,
        ended_on,
        severity,
        evidence,
        review_count,
    from alerts
)

select * from final
