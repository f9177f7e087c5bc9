with

companies as (
    select * from {{ ref('dim_companies') }}
),

final as (
    select company_id, company_name, industry, domain, portals, from companies
)

select * from final
