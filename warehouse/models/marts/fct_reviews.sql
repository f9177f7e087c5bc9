-- One row per unique review. Incremental: a build merges the reviews of
-- int_review_changes (new or changed in the lake) and every review whose alerts
-- changed, and deletes the keys the lake no longer has.
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

reviews as (
    select * from {{ ref('int_reviews__flagged') }}
    {% if is_incremental() %}
    where review_key in (select review_key from {{ ref('int_review_changes') }})
        or len(alert_ids) > 0
        or review_key in (select review_key from {{ this }} where len(alert_ids) > 0)
    {% endif %}
),

final as (
    select
        review_key,
        company_id,
        portal,
        portal_review_id,
        portal_company_id,
        published_at,
        published_on,
        published_precision,
        rating_value,
        rating_worst,
        rating_best,
        stars,
        score_100,
        title,
        text,
        pros,
        cons,
        language,
        author_pseudonym,
        author_review_count,
        is_verified,
        reviewer_type,
        reply_text,
        replied_at,
        reply_hours,
        has_reply,
        is_suspicious,
        alert_ids,
        content_hash,
        source_url,
        first_seen_at,
        last_seen_at,
    from reviews
)

-- Ordered by company so DuckDB's row-group min/max (zone maps) let a company page's
-- company_id filter skip the rest; an incremental batch is appended in the same order.
select * from final
order by company_id, published_at, review_key
