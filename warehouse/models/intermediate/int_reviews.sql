-- Reviews published up to the as-of day, with the derived fields scores and
-- detectors share: day, reply time, negativity and a normalised text.
with

reviews as (
    select * from {{ ref('stg_lake__reviews') }}
),

as_of as (
    select * from {{ ref('int_as_of') }}
),

final as (
    select
        reviews.*,
        cast(reviews.published_at as date) as published_on,
        cast(reviews.replied_at as date) as replied_on,
        date_diff('minute', reviews.published_at, reviews.replied_at) / 60.0 as reply_hours,
        reviews.replied_at is not null as has_reply,
        reviews.stars <= 2 as is_negative,
        reviews.stars >= 4.5 as is_five_star,
        reviews.stars < 1.5 as is_one_star,
        trim(regexp_replace(lower(coalesce(reviews.text, '')), '[^\p{L}\p{N}]+', ' ', 'g'))
            as text_norm,
        as_of.as_of,
    from reviews
    cross join as_of
    where cast(reviews.published_at as date) <= as_of.as_of
)

select * from final
