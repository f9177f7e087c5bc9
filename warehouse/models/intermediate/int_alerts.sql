-- Every detector's alerts, one row per alert, with the reviews that make it up.
with

unioned as (
    {% for kind in ['negative_burst', 'positive_burst', 'near_duplicate', 'extortion',
                    'divergence', 'unanswered_criticism'] -%}
    select * from {{ ref('int_alerts__' ~ kind) }}
    {% if not loop.last %}union all by name{% endif %}
    {% endfor %}
),

final as (
    select
        alert_id,
        company_id,
        kind,
        portals,
        started_on,
        ended_on,
        severity,
        review_count,
        evidence,
        review_keys,
        -- Manipulation marks its reviews suspicious; genuine criticism does not.
        kind in ('positive_burst', 'near_duplicate', 'extortion') as marks_suspicious,
    from unioned
)

select * from final
