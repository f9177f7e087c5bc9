-- Clusters of near-identical review texts, within and across portals and
-- companies: the same set of words (ignoring case, punctuation, word order and
-- repetition), at least min_cluster times within +-window days. A cluster gives
-- one alert per company that has at least min_cluster distinct reviews in it: an alert
-- never stands on fewer copies than the minimum, whatever the cluster elsewhere. Matching on the word set is a hash join, so it
-- scales to the whole lake; template-like genuine texts rarely repeat in time.
-- Exact word sets are computed only for reviews whose word-set signature repeats
-- near in time (see candidates).
-- Incremental: a cluster lies within one signature (equal word sets, equal
-- signatures), so only the signatures of int_review_changes are recomputed, their
-- old versions' and their new ones': those signatures' alerts are deleted and
-- rewritten, every other alert is kept (the same rows a full refresh writes).
-- depends_on: {{ ref('int_review_changes') }}
{{ burst_incremental_config(
    'near_duplicate_recompute',
    "select text_signature from {{ ref('int_review_changes') }}
    where text_signature is not null
    union
    select reviews.text_signature from {{ ref('int_reviews') }} as reviews
    semi join {{ ref('int_review_changes') }} as changes using (review_key)
    where reviews.text_signature is not null",
    key='text_signature',
) }}
{%- set a = var('alerts') %}
{%- set window = a['near_duplicate_window_days'] %}
with

signed as (
    select review_key, company_id, portal, published_on, author_pseudonym, text, text_signature,
    from {{ ref('int_reviews') }}
    where text_signature is not null
    {% if is_incremental() %}
        and text_signature in (select text_signature from near_duplicate_recompute)
    {% endif %}
),

-- Prefilter on the word-set signature (int_reviews.text_signature): equal word
-- sets have equal signatures, so a text_key with min_cluster copies near in time
-- lies in a signature group that has them too. Only those groups, a tiny share of
-- the reviews, get their exact word sets computed below.
signature_dense as (
    select
        *,
        count(*) over (
            partition by text_signature order by published_on
            range between interval {{ window }} day preceding
                and interval {{ window }} day following
        ) as copies_by_signature,
    from signed
),

candidates as (
    select * exclude (copies_by_signature),
    from signature_dense
    qualify max(copies_by_signature) over (partition by text_signature)
        >= {{ a['near_duplicate_min_cluster'] }}
),

reviews as (
    select
        review_key,
        company_id,
        portal,
        published_on,
        author_pseudonym,
        text,
        text_signature,
        list_sort(list_distinct(string_split({{ text_norm('text') }}, ' '))) as words,
    from candidates
),

keyed as (
    select
        *,
        array_to_string(words, ' ') as text_key,
    from reviews
    where len(words) >= {{ a['near_duplicate_min_words'] }}
    -- one row per review, so no review counts as its own copy
    qualify row_number() over (partition by review_key order by published_on) = 1
),

dense as (
    select
        *,
        count(*) over (
            partition by text_key order by published_on
            range between interval {{ window }} day preceding
                and interval {{ window }} day following
        ) as copies_near_in_time,
    from keyed
),

near_copies as (
    select * from dense
    where copies_near_in_time >= {{ a['near_duplicate_min_cluster'] }}
),

clusters as (
    select
        text_key,
        count(distinct review_key) as cluster_size,
        count(distinct company_id) as cluster_companies,
    from near_copies
    group by all
),

clustered as (
    select
        near_copies.*,
        md5(text_key)[:12] as cluster_id,
        clusters.cluster_size,
        clusters.cluster_companies,
    from near_copies
    inner join clusters using (text_key)
),

per_company as (
    select
        cluster_id,
        company_id,
        min(published_on) as started_on,
        max(published_on) as ended_on,
        list(distinct portal order by portal) as portals,
        list(review_key order by review_key) as review_keys,
        arg_min(text, review_key) as example,  -- the same example every build
        count(distinct review_key) as review_count,
        count(distinct author_pseudonym) as authors,
        any_value(cluster_size) as cluster_size,
        any_value(cluster_companies) as cluster_companies,
        any_value(text_signature) as text_signature,
    from clustered
    group by all
    having count(distinct review_key) >= {{ a['near_duplicate_min_cluster'] }}
),

final as (
    select
        {{ alert_id('near_duplicate', 'company_id', 'started_on') }} || ':' || cluster_id
            as alert_id,
        company_id,
        'near_duplicate' as kind,
        portals,
        started_on,
        ended_on,
        {{ severity('cluster_size', a['near_duplicate_min_cluster']) }} as severity,
        review_count,
        cast(json_object(
            'cluster_id', cluster_id,
            'cluster_reviews', cluster_size,
            'cluster_companies', cluster_companies,
            'company_reviews', review_count,
            'authors', authors,
            'example', example
        ) as varchar) as evidence,
        review_keys,
        text_signature,
    from per_company
)

select * from final
