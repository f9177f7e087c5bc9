with

companies as (
    select * from {{ ref('stg_config__companies') }}
),

final as (
    select
        company_id,
        company_name,
        industry,
        domain,
        portals,
        portal_company_ids,
        aliases,
    from companies
)

select * from final
