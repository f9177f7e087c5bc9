with

source as (
    select * from {{ source('config', 'portals') }}
),

final as (
    select
        cast(portal as varchar) as portal,
        cast(family as varchar) as family,
        cast(scale_worst as double) as scale_worst,
        cast(scale_best as double) as scale_best,
        cast(languages as varchar[]) as languages,
    from source
)

select * from final
