-- The reviews an incremental build must (re)process: lake rows new or changed
-- since the last build (last_seen_at moves on an edit or a new reply), keys new to
-- the warehouse whatever their last_seen_at (a backfilled run; late = true), and
-- keys the previous build had that the lake no longer has. One row per review_key
-- and version it touched (the old and the new company and day; the old version's
-- text_signature, for near_duplicate); empty on a full refresh, where everything is
-- rebuilt. Downstream incremental models recompute the companies here.
-- Reviews `ruf erase` deleted since the last build (intermediate.erased_reviews, written
-- by warehouse.erase: keys, companies, days and signatures only) are deleted ones too;
-- the table is emptied once read.
-- depends_on: {{ ref('stg_lake__reviews') }}
{%- set previous = adapter.get_relation(
    database=target.database, schema='intermediate', identifier='int_reviews') %}
{%- set incremental = previous is not none and not flags.FULL_REFRESH %}
{%- set erased = adapter.get_relation(
    database=target.database, schema='intermediate', identifier='erased_reviews') %}
{{ config(post_hook=[
    "{%- set erased = adapter.get_relation(database=target.database, schema='intermediate',
        identifier='erased_reviews') %}{% if erased is not none %}delete from {{ erased }}{% endif %}"
]) }}
with

{% if incremental %}
lake as (
    select
        review_key,
        company_id,
        cast(published_at as date) as published_on,
        last_seen_at,
    from {{ ref('stg_lake__reviews') }}
),

previous as (
    select review_key, company_id, published_on, last_seen_at, text_signature,
    from {{ previous }}
),

recent as (
    select review_key, company_id, published_on,
    from lake
    where last_seen_at > {{ last_seen_watermark(previous) }}
),

added as (
    select review_key, company_id, published_on,
    from lake
    anti join previous using (review_key)
),

upserted as (
    select
        review_key, company_id, published_on, 'upsert' as change, false as late,
        cast(null as ubigint) as text_signature,
    from recent
    union all
    select
        review_key, company_id, published_on, 'upsert' as change, true as late,
        cast(null as ubigint) as text_signature,
    from added
    anti join recent using (review_key)
),

moved_from as (
    select
        previous.review_key,
        previous.company_id,
        previous.published_on,
        'upsert' as change,
        false as late,
        previous.text_signature,
    from previous
    inner join upserted using (review_key)
),

deleted as (
    select
        previous.review_key,
        previous.company_id,
        previous.published_on,
        'delete' as change,
        false as late,
        previous.text_signature,
    from previous
    anti join lake using (review_key)
),

unioned as (
    select * from upserted
    union
    select * from moved_from
    union
    select * from deleted
    {%- if erased is not none %}
    union
    select review_key, company_id, published_on, 'delete' as change, false as late,
        text_signature,
    from {{ erased }}
    anti join lake using (review_key)  -- a lake not erased yet brings it back (added)
    {%- endif %}
),
{% else %}
unioned as (
    select
        cast(null as varchar) as review_key,
        cast(null as varchar) as company_id,
        cast(null as date) as published_on,
        cast(null as varchar) as change,
        cast(null as boolean) as late,
        cast(null as ubigint) as text_signature,
    where false
),
{% endif %}

final as (
    select review_key, company_id, published_on, change, late, text_signature, from unioned
)

select * from final
