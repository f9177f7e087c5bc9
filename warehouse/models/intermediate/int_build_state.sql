-- One row: whether this build is a full refresh, and the as-of day of the build
-- before it (null on a full refresh). Incremental models and the data tests'
-- `where` scope read it.
{%- set previous = adapter.get_relation(
    database=target.database, schema='main', identifier='company_reputation') %}
{%- set incremental = previous is not none and not flags.FULL_REFRESH %}
with

as_of as (
    select * from {{ ref('int_as_of') }}
),

final as (
    select
        {{ 'false' if incremental else 'true' }} as full_refresh,
        as_of.as_of,
        {% if incremental -%}
        (select max(as_of) from {{ previous }}) as previous_as_of,
        {%- else -%}
        cast(null as date) as previous_as_of,
        {%- endif %}
    from as_of
)

select * from final
