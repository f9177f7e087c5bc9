-- The one-query baseline of the transform (issue 21): one plain DuckDB statement over the
-- same raw JSON Lines that reads the JSON, parses ratings (decimal commas, the declared
-- scale, else the portal's) and the dates the portals show (ISO 8601, epoch seconds and
-- milliseconds, "März 2024", "23. März 2024"), matches companies by their portal id, hashes
-- authors (the same HMAC-SHA256 pseudonym as the lake's), dedupes on the review key
-- (latest fetch wins) and writes hive-partitioned Parquet. It does no text cleaning, no
-- language detection, no quarantine and no validation: what it leaves out is what the
-- transform does beyond the issue's list.
-- Placeholders: {files} (a list of raw files), {columns} (every raw field as text),
-- {companies} (a CSV of the tracked companies' portal ids), {scales} (a VALUES list), {ipad} and {opad} (the HMAC pads, hex), {out}.
copy (
    with

    raw as (
        select * from read_json(
            {files}, format = 'newline_delimited', columns = {columns},
            maximum_object_size = 134217728
        )
    ),

    companies as (
        select * from read_csv('{companies}', header = true, columns = {
            'portal': 'VARCHAR', 'portal_company_id': 'VARCHAR', 'company_id': 'VARCHAR'
        })
    ),

    scales(portal, lo, hi) as (values {scales}),

    months(name, m) as (
        values ('januar', 1), ('februar', 2), ('märz', 3), ('april', 4), ('mai', 5),
            ('juni', 6), ('juli', 7), ('august', 8), ('september', 9), ('oktober', 10),
            ('november', 11), ('dezember', 12)
    ),

    shown as (
        select
            *,
            trim(published_raw) as shown,
            regexp_extract(
                lower(trim(published_raw)), '^(?:(\d{1,2})\.\s*)?(\pL+)\s+(\d{4})$',
                ['d', 'mon', 'y']
            ) as words
        from raw
    ),

    read as (
        select
            r.*,
            mo.m as month_number,
            try_cast(replace(trim(r.rating_value), ',', '.') as double) as value,
            coalesce(try_cast(replace(r.rating_worst, ',', '.') as double), s.lo) as worst,
            coalesce(try_cast(replace(r.rating_best, ',', '.') as double), s.hi) as best,
            c.company_id,
            left(
                sha256(unhex('{opad}') || unhex(sha256(
                    unhex('{ipad}') || encode(r.portal || '|' || coalesce(
                        nullif(trim(r.author_id), ''), nullif(trim(r.author_name), '')
                    ))
                ))),
                16
            ) as author_pseudonym
        from shown as r
        left join months as mo on mo.name = r.words.mon
        left join scales as s on s.portal = r.portal
        left join companies as c
            on c.portal = r.portal and c.portal_company_id = r.portal_company_id
    ),

    dated as (
        select
            *,
            case
                when regexp_full_match(shown, '\d{12,13}')
                    then make_timestamptz(try_cast(shown as bigint) * 1000)
                when regexp_full_match(shown, '\d{9,11}(\.\d+)?')
                    then make_timestamptz(cast(try_cast(shown as double) * 1000000 as bigint))
                when regexp_full_match(shown, '\d{4}-\d{1,2}-\d{1,2}.*')
                    then try_cast(shown as timestamptz)
                else make_timestamptz(
                    try_cast(words.y as integer),
                    month_number,
                    coalesce(try_cast(words.d as integer), 1),
                    0, 0, 0, 'UTC'
                )
            end as published_at,
            case
                when regexp_full_match(shown, '\d{9,13}(\.\d+)?') then 'second'
                when regexp_full_match(shown, '\d{4}-\d{1,2}-\d{1,2}') then 'day'
                when regexp_full_match(shown, '\d{4}-\d{1,2}-\d{1,2}.+') then 'second'
                when words.d <> '' then 'day'
                else 'month'
            end as published_precision,
            try_cast(fetched_at as timestamptz) as fetched
        from read
    ),

    rows as (
        select
            kind,
            portal,
            case
                when kind = 'aggregate'
                    then portal || ':' || company_id || ':' || strftime(fetched, '%Y-%m-%d')
                when kind = 'mention'
                    then portal || ':' || coalesce(review_id, '') || ':' || company_id
                else portal || ':' || coalesce(
                    review_id,
                    left(sha256(concat_ws(chr(31), text, strftime(published_at, '%Y-%m-%d'),
                        author_pseudonym)), 32)
                )
            end as review_key,
            company_id,
            portal_company_id,
            value as rating_value,
            worst as rating_worst,
            best as rating_best,
            100 * (value - worst) / (best - worst) as score_100,
            1 + 4 * (value - worst) / (best - worst) as stars,
            title,
            text,
            pros,
            cons,
            language,
            author_pseudonym,
            published_at,
            published_precision,
            reply_text,
            try_cast(review_count as bigint) as review_count,
            source_url,
            fetched as fetched_at,
            coalesce(strftime(published_at, '%Y-%m'), strftime(fetched, '%Y-%m')) as review_month
        from dated
        where company_id is not null
            and (kind = 'mention' or value between worst and best)
            and (kind = 'aggregate' or published_at is not null)
    )

    select * from rows
    qualify row_number() over (partition by kind, review_key order by fetched_at desc) = 1
) to '{out}' (format parquet, partition_by (kind, portal, review_month), compression zstd)
