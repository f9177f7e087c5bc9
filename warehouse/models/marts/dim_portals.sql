with

portals as (
    select * from {{ ref('stg_config__portals') }}
),

final as (
    select
        portal,
        family,
        scale_worst,
        scale_best,
        languages,
    from portals
)

select * from final
