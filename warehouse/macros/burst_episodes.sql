{#
  CTEs shared by the burst-like detectors. A company-day is flagged when, in the
  trailing `window_days`, at least `min_reviews` reviews meet `member`, they are at
  least `min_share` of the reviews meeting `population`, and at least
  `baseline_factor` times the company's own rate over the `baseline_days` before
  the window. Flagged days closer than a window apart form one episode; its
  members are the member reviews inside it. Ends with CTE `episodes`:
  company_id, episode, started_on, ended_on, portals, review_keys, review_count,
  mean_stars, first_reply_on, peak_in_window, baseline_in_window, author_one_review_share.
#}
{% macro burst_episodes(member, population, window_days, min_reviews, min_share, baseline_factor) %}
{%- set baseline_days = var('alerts')['burst_baseline_days'] -%}
candidates as (
    select
        *,
        ({{ member }}) as is_member,
        ({{ population }}) as in_population,
    from {{ ref('int_reviews') }}
    cross join {{ ref('int_as_of') }}
),

daily as (
    select
        company_id,
        published_on as day,
        count(*) filter (where is_member) as members,
        count(*) filter (where in_population) as population,
    from candidates
    group by all
),

windowed as (
    select
        *,
        sum(members) over recent as members_in_window,
        sum(population) over recent as population_in_window,
        coalesce(sum(members) over baseline, 0) * {{ window_days }} / {{ baseline_days }}
            as expected_in_window,
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
        )
),

flagged as (
    select
        *,
        case
            when day - lag(day) over (partition by company_id order by day) <= {{ window_days }}
                then 0
            else 1
        end as starts_episode,
    from windowed
    where members_in_window >= {{ min_reviews }}
        and members_in_window >= {{ min_share }} * population_in_window
        and members_in_window >= {{ baseline_factor }} * expected_in_window
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
        arg_min(expected_in_window, day) as baseline_in_window,
    from flagged_episodes
    group by all
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
    from spans
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

