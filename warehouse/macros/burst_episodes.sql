{#
  CTEs shared by the burst-like detectors. A company-day is flagged when, in the
  trailing `window_days`, at least `min_reviews` reviews meet `member` and they are at
  least `min_share` of the reviews meeting `population`; with `min_surprise` set, the
  window's member count must also be that surprising (-log10 of its Poisson tail
  probability) and at least `min_ratio` times what the company's own past predicts:

  - the baseline is the company's member and other reviews over the `baseline_days`
    before the window, plus a weak prior (`prior_days` days with one member and one
    other review), so a company's first weeks have a wide, honest baseline, and no
    day is flagged before `min_history_days` of history;
  - the expected member count scales with the window's other reviews when they run
    above their own baseline (a season, a busy month): a surge of all reviews is not
    a burst of bad ones, while a burst on a quiet company is unusual however small.

  Flagged days closer than a window apart form one episode; its members are the member
  reviews inside it. Ends with CTE `episodes`: company_id, episode, started_on,
  ended_on, portals, review_keys, review_count, mean_stars, first_reply_on,
  peak_in_window, baseline_in_window, peak_surprise, history_days,
  author_one_review_share.

  A company's episodes depend only on its own reviews (and the as-of day through
  `member`), so an incremental model passes recompute_companies (burst_window_config):
  the companies whose episodes can have changed, each with the day its episodes are
  recomputed from (null: all of them) and its first review's day; their older episodes
  are kept, and only the reviews those days' windows reach are read.
#}
{% macro burst_episodes(member, population, window_days, min_reviews, min_share,
                        min_surprise=none, min_ratio=0, min_history_days=0,
                        recompute_companies=none) %}
{%- set a = var('alerts') -%}
{%- set baseline_days = a['burst_baseline_days'] -%}
{%- set prior_days = a['burst_prior_days'] -%}
{%- set season_pad = a['burst_season_pad_days'] -%}
{%- set windowed = recompute_companies is not none and is_incremental() -%}
{%- set first_day = 'first_day' if windowed else 'min(day) over (partition by company_id)' -%}
candidates as (
    select
        *,
        ({{ member }}) as is_member,
        ({{ population }}) as in_population,
    from {{ ref('int_reviews') }}
    cross join {{ ref('int_as_of') }}
    {%- if windowed %}
    inner join {{ recompute_companies }} using (company_id)
    -- the windows of the days recomputed, and the spans of their episodes
    where recompute_from is null
        or published_on >= recompute_from - {{ burst_lookback_days(window_days) }}
    {%- endif %}
),

daily as (
    select
        company_id,
        published_on as day,
        count(*) filter (where is_member) as members,
        count(*) filter (where in_population) as population,
        count(*) filter (where not is_member) as others,
        {%- if windowed %}
        any_value(recompute_from) as recompute_from,
        any_value(company_first_day) as first_day,
        {%- endif %}
    from candidates
    group by all
),

windowed as (
    select
        *,
        sum(members) over recent as members_in_window,
        sum(population) over recent as population_in_window,
        sum(others) over recent as others_in_window,
        coalesce(sum(members) over baseline, 0) as members_before,
        coalesce(sum(others) over baseline, 0) as others_before,
        coalesce(sum(members) over last_season, 0) as members_last_season,
        -- days of the baseline on or after the company's first review
        greatest(0, least(
            {{ baseline_days }} + 1,
            (day - {{ first_day }}) - {{ window_days }} + 1
        )) as history_days,
        (day - {{ first_day }}) >= {{ 365 + season_pad + window_days - 1 }} as has_last_season,
    from daily
    window
        recent as (
            partition by company_id order by day
            range between interval {{ window_days - 1 }} day preceding and current row
        ),
        baseline as (
            partition by company_id order by day
            range between interval {{ window_days + baseline_days }} day preceding
                and interval {{ window_days }} day preceding
        ),
        -- the same weeks a year before, widened by season_pad_days on either side
        last_season as (
            partition by company_id order by day
            range between interval {{ 365 + season_pad + window_days - 1 }} day preceding
                and interval {{ 365 - season_pad }} day preceding
        )
),

expected as (
    select
        *,
        {{ window_days }} * (members_before + 1.0) / (history_days + {{ prior_days }})
            as members_baseline,
        {{ window_days }} * (others_before + 1.0) / (history_days + {{ prior_days }})
            as others_baseline,
    from windowed
),

scored as (
    select
        *,
        greatest(
            members_baseline * greatest(1.0, (others_in_window + 2.0) / (others_baseline + 2.0)),
            -- a season comes back: what the same weeks brought a year before
            case when has_last_season then members_last_season * {{ window_days }}
                / {{ window_days + 2 * season_pad }} else 0 end
        ) as expected_in_window,
    from expected
),

surprised as (
    select
        *,
        -- -log10 P(X >= members) for X ~ Poisson(expected): the first term of the tail
        -- and a geometric bound on the rest (exact enough where it matters, k > mu + 1)
        case
            when members_in_window > expected_in_window + 1 then (
                expected_in_window
                - members_in_window * ln(expected_in_window)
                + lgamma(members_in_window + 1)
                + ln(1 - expected_in_window / (members_in_window + 1))
            ) / ln(10)
            else 0
        end as surprise,
    from scored
),

flagged as (
    select
        *,
        case
            when day - lag(day) over (partition by company_id order by day) <= {{ window_days }}
                then 0
            else 1
        end as starts_episode,
    from surprised
    where members_in_window >= {{ min_reviews }}
        and members_in_window >= {{ min_share }} * population_in_window
        {%- if min_surprise is not none %}
        and surprise >= {{ min_surprise }}
        and members_in_window >= {{ min_ratio }} * expected_in_window
        and history_days >= {{ min_history_days }}
        {%- endif %}
        {%- if windowed %}
        and (recompute_from is null or day >= recompute_from)
        {%- endif %}
),

flagged_episodes as (
    select
        *,
        sum(starts_episode) over (partition by company_id order by day) as episode,
    from flagged
),

spans as (
    select
        company_id,
        episode,
        min(day) - {{ window_days - 1 }} as window_start,
        max(day) as window_end,
        max(members_in_window) as peak_in_window,
        arg_max(expected_in_window, surprise) as baseline_in_window,
        max(surprise) as peak_surprise,
        arg_max(history_days, surprise) as history_days,
    from flagged_episodes
    group by all
),

-- The whole episode, not only its most extreme window, must hold the share: a burst
-- that is half answered is not unanswered because its first days were.
span_shares as (
    select
        spans.company_id,
        spans.episode,
        count(*) filter (where candidates.is_member) as span_members,
        count(*) filter (where candidates.in_population) as span_population,
    from spans
    inner join candidates
        on candidates.company_id = spans.company_id
        and candidates.published_on between spans.window_start and spans.window_end
    group by all
),

kept_spans as (
    select spans.*,
    from spans
    inner join span_shares using (company_id, episode)
    where span_members >= {{ min_share }} * span_population
),

episode_members as (
    select
        spans.*,
        candidates.review_key,
        candidates.portal,
        candidates.published_on,
        candidates.stars,
        candidates.replied_on,
        candidates.author_review_count,
    from kept_spans as spans
    inner join candidates
        on candidates.company_id = spans.company_id
        and candidates.is_member
        and candidates.published_on between spans.window_start and spans.window_end
),

episodes as (
    select
        company_id,
        episode,
        min(published_on) as started_on,
        max(published_on) as ended_on,
        list(distinct portal order by portal) as portals,
        list(review_key order by review_key) as review_keys,
        count(*) as review_count,
        avg(stars) as mean_stars,
        min(replied_on) as first_reply_on,
        any_value(peak_in_window) as peak_in_window,
        any_value(baseline_in_window) as baseline_in_window,
        any_value(peak_surprise) as peak_surprise,
        any_value(history_days) as history_days,
        avg(case when author_review_count <= 1 then 1.0 else 0.0 end)
            as author_one_review_share,
    from episode_members
    group by all
)
{% endmacro %}

{# Stable, readable alert id: kind:company:first day. #}
{% macro alert_id(kind, company_id, started_on) -%}
    '{{ kind }}:' || {{ company_id }} || ':' || strftime({{ started_on }}, '%Y-%m-%d')
{%- endmacro %}

{# Severity from how far a count is above its threshold. #}
{% macro severity(count, threshold) -%}
    case
        when {{ count }} >= 3 * {{ threshold }} then 'high'
        when {{ count }} >= 1.5 * {{ threshold }} then 'medium'
        else 'low'
    end
{%- endmacro %}


{#
  Config of a detector whose rows depend only on the reviews of one `key` (a near-duplicate
  cluster: its word-set signature's; the bursts take burst_window_config): incremental, the keys
  of `recompute` (SQL selecting the key column, run before the old rows go: it may read
  the model's previous rows) put in a temporary table `recompute_table`, their rows
  deleted and recomputed, the others kept. A changed var alerts needs a full refresh,
  like every var. `delete` replaces the delete of the keys' rows (burst_window_config
  deletes a company's rows from a day on).
#}
{% macro burst_incremental_config(recompute_table, recompute, key='company_id', delete=none) %}
{%- set delete = delete or "delete from {{ this }} where " ~ key ~ " in (select " ~ key
    ~ " from " ~ recompute_table ~ ")" %}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook=[
        "{% if is_incremental() %}
        create or replace temporary table " ~ recompute_table ~ " as " ~ recompute ~ "
        {% endif %}",
        "{% if is_incremental() %}" ~ delete ~ "{% endif %}",
    ],
    post_hook=["{% if is_incremental() %}drop table if exists " ~ recompute_table ~ "{% endif %}"],
) }}
{% endmacro %}
