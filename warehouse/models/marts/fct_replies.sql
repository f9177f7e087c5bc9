-- One row per company reply to a review. Incremental: the reviews of
-- int_review_changes are deleted and inserted again if they (still) have a reply.
-- depends_on: {{ ref('int_review_changes') }}
{{
    config(
        materialized='incremental',
        unique_key='review_key',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        pre_hook=[
            "{% if is_incremental() %}
            delete from {{ this }} where review_key in (
                select review_key from {{ ref('int_review_changes') }}
            )
            {% endif %}",
        ],
    )
}}
with

reviews as (
    select * from {{ ref('fct_reviews') }}
    {% if is_incremental() %}
    where review_key in (select review_key from {{ ref('int_review_changes') }})
    {% endif %}
),

final as (
    select
        review_key,
        company_id,
        portal,
        published_at,
        replied_at,
        reply_hours,
        stars,
        stars <= 2 as is_reply_to_negative,
        reply_text,
    from reviews
    where has_reply
)

select * from final
