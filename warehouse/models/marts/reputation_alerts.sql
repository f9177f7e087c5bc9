-- One row per alert from every detector (see int_alerts__*).
with

alerts as (
    select * from {{ ref('int_alerts') }}
),

companies as (
    select * from {{ ref('dim_companies') }}
),

final as (
    select
        alerts.alert_id,
        alerts.company_id,
        companies.company_name,
        alerts.portals,
        alerts.kind,
        alerts.started_on,
        alerts.ended_on,
        alerts.severity,
        alerts.evidence,
        alerts.review_count,
        alerts.marks_suspicious,
    from alerts
    left join companies on companies.company_id = alerts.company_id
)

-- Ordered by company so a company_id filter skips row groups (zone maps).
select * from final
order by company_id, started_on, alert_id
