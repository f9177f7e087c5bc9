-- Scores per company, portal and snapshot, plus the cross-portal row (portal = 'all').
-- Formulas in scores_from_sums (macros/scoring.sql) and this model's YAML description.
with

sums as (
    select * from {{ ref('int_reputation__portal_sums') }}
),

{{ scores_from_sums(['snapshot', 'snapshot_on']) }},

final as (
    select * from scored
)

select * from final
