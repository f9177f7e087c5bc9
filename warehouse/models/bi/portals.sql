with

portals as (
    select * from {{ ref('dim_portals') }}
),

final as (
    select portal, family, scale_worst, scale_best, from portals
)

select * from final
