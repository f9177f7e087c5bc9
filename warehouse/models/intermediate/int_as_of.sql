-- The one day every score and detector is computed as of (var as_of, else the
-- day of the newest review in the lake, else today for an empty lake).
with

latest as (
    select max(published_at) as latest_published_at,
    from {{ ref('stg_lake__reviews') }}
),

final as (
    select
        {% if var('as_of') -%}
        cast('{{ var("as_of") }}' as date) as as_of,
        {%- else -%}
        coalesce(cast(latest_published_at as date), current_date) as as_of,
        {%- endif %}
    from latest
)

select * from final
