-- Reviews published up to the as-of day, with the derived fields scores and
-- detectors share: day, reply time, negativity, whether the text is a threat (macro
-- is_threat, macros/threats.sql) and a signature of the text's word set
-- (near_duplicate). Incremental: an incremental build merges the rows of
-- int_review_changes and drops keys the lake lost; a changed var as_of or a changed
-- threats macro needs a full refresh.
-- depends_on: {{ ref('int_review_changes') }}
{{
    config(
        materialized='incremental',
        unique_key='review_key',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=["{{ delete_dropped_reviews() }}"],
    )
}}
with

{%- set late = 0 %}
{%- if execute and is_incremental() %}
    {%- set late = run_query(
        'select count(*) from ' ~ ref('int_review_changes') ~ ' where late').columns[0].values()[0] %}
{%- endif %}
reviews as (
    select * from {{ ref('stg_lake__reviews') }}
    {% if is_incremental() %}
    -- A constant bound on last_seen_at is pushed into the Parquet scan; keys new to
    -- the warehouse with an older last_seen_at (late) are fetched by key.
    where last_seen_at > {{ last_seen_watermark(this) }}
    {%- if late > 0 %}
        or review_key in (select review_key from {{ ref('int_review_changes') }} where late)
    {%- endif %}
    {% endif %}
),

as_of as (
    select * from {{ ref('int_as_of') }}
),

derived as (
    select
        reviews.*,
        cast(reviews.published_at as date) as published_on,
        cast(reviews.replied_at as date) as replied_on,
        date_diff('minute', reviews.published_at, reviews.replied_at) / 60.0 as reply_hours,
        reviews.replied_at is not null as has_reply,
        reviews.stars <= 2 as is_negative,
        reviews.stars >= 4.5 as is_five_star,
        reviews.stars < 1.5 as is_one_star,
        {{ is_threat(threat_text('reviews.title', 'reviews.text')) }} as matches_extortion,
        {{ text_norm('reviews.text') }} as text_norm,
    from reviews
    cross join as_of
    where cast(reviews.published_at as date) <= as_of.as_of
),

final as (
    select
        * exclude (text_norm),
        -- A 64-bit signature of the word set (one bit per word's hash): order and
        -- repetition do not change it, so equal word sets have equal signatures.
        case when text_norm <> '' then {{ word_set_signature('text_norm') }} end
            as text_signature,
    from derived
)

select * from final
