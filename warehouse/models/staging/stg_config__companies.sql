with

source as (
    select * from {{ source('config', 'companies') }}
),

final as (
    select
        cast(company_id as varchar) as company_id,
        cast(name as varchar) as company_name,
        cast(domain as varchar) as domain,
        cast(industry as varchar) as industry,
        cast(aliases as varchar[]) as aliases,
        cast(portals as varchar[]) as portals,
        cast(portal_company_ids as varchar[]) as portal_company_ids,
    from source
)

select * from final
