-- Reviews with the alerts they belong to; is_suspicious when an alert of a
-- manipulation kind (positive_burst, near_duplicate, extortion) contains them.
-- A view: its readers each take the columns they need (no copy of the texts).
{{ config(materialized='view') }}
with

reviews as (
    select * from {{ ref('int_reviews') }}
),

alert_reviews as (
    select
        review_key,
        list(alert_id order by alert_id) as alert_ids,
        bool_or(marks_suspicious) as is_suspicious,
    from {{ ref('int_alert_reviews') }}
    group by all
),

final as (
    select
        reviews.*,
        coalesce(alert_reviews.alert_ids, cast([] as varchar[])) as alert_ids,
        coalesce(alert_reviews.is_suspicious, false) as is_suspicious,
    from reviews
    left join alert_reviews on alert_reviews.review_key = reviews.review_key
)

select * from final
