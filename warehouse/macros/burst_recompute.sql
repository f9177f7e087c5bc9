{#
  How an incremental build recomputes a burst-like detector (burst_episodes): only the
  companies whose episodes can have changed, and of those only the episodes from the
  first day that can have changed on.

  `changed` is SQL selecting (company_id, day): a day on or after which the company's
  flagged days may differ from the previous build's (a changed review's old and new
  day; for a detector whose member moves with the as-of day, the days that moved). A
  flagged day depends on the reviews of the windows before it, so days before the
  earliest changed day D keep their flags, and the company's episodes are cut at a day T
  <= D with no day in the window before T that can be flagged: T is D, or, where flagged
  days may run into D, the first day of that chain of days (a "possible" day meets the
  flag's count and share, which every flagged day does; two are one chain when a window
  apart or less, as flagged days form one episode). Episodes before T then end a window
  before it, and the ones from T on start after T - window_days. A company whose first
  review's day moves (history_days), or whose chain reaches past the probed days, is
  recomputed whole (recompute_from null).

  The temporary table holds company_id, recompute_from and company_first_day; its
  companies' episodes started on or after recompute_from - window_days (all of them when
  null) are deleted and recomputed, the others kept.
#}
{% macro burst_window_config(recompute_table, changed, member, population, window_days,
                             min_reviews, min_share) %}
{%- set probe_days = 60 -%}
{%- set recompute -%}
with

changed as (
    {{ changed }}
),

changed_from as (
    select company_id, min(day) as changed_from,
    from changed
    where company_id is not null and day is not null
    group by all
),

firsts as (
    select company_id, min(published_on) as company_first_day,
    from {{ "{{ ref('int_reviews') }}" }}
    where company_id in (select company_id from changed_from)
    group by all
),

-- the days before D, counted as burst_episodes counts them
probed as (
    select
        company_id,
        published_on as day,
        any_value(changed_from) as changed_from,
        count(*) filter (where {{ member }}) as members,
        count(*) filter (where {{ population }}) as population,
    from {{ "{{ ref('int_reviews') }}" }}
    inner join changed_from using (company_id)
    cross join {{ "{{ ref('int_as_of') }}" }}
    where published_on < changed_from
        and published_on >= changed_from - {{ probe_days + 2 * window_days }}
    group by all
),

possible as (
    select
        company_id,
        day,
        changed_from,
        lag(day) over (partition by company_id order by day) as previous_day,
    from (
        select
            *,
            sum(members) over recent as members_in_window,
            sum(population) over recent as population_in_window,
        from probed
        window recent as (
            partition by company_id order by day
            range between interval {{ window_days - 1 }} day preceding and current row
        )
    )
    -- days whose whole window was probed
    where day >= changed_from - {{ probe_days + window_days }}
        and members_in_window >= {{ min_reviews }}
        and members_in_window >= {{ min_share }} * population_in_window
),

chains as (
    select
        company_id,
        bool_or(day >= changed_from - {{ window_days }}) as runs_into_changed,
        -- the last chain's first day, when the days before it were probed
        max(day) filter (
            where day - previous_day > {{ window_days }}
                or (previous_day is null and day >= changed_from - {{ probe_days }})
        ) as last_chain_from,
    from possible
    group by all
)

select
    changed_from.company_id,
    firsts.company_first_day,
    case
        when firsts.company_first_day is null
            or changed_from.changed_from <= firsts.company_first_day then null
        when coalesce(chains.runs_into_changed, false) then chains.last_chain_from
        else changed_from.changed_from
    end as recompute_from,
from changed_from
left join firsts using (company_id)
left join chains using (company_id)
{%- endset %}
{{ burst_incremental_config(
    recompute_table,
    recompute,
    delete="delete from {{ this }} as kept using " ~ recompute_table ~ " as recompute
        where kept.company_id = recompute.company_id
            and (recompute.recompute_from is null
                or kept.started_on >= recompute.recompute_from - " ~ window_days ~ ")",
) }}
{% endmacro %}


{#
  How many days before a recomputed day its windows reach (burst_episodes' recent,
  baseline and last-season windows); an episode's span starts within them.
#}
{% macro burst_lookback_days(window_days) -%}
{%- set a = var('alerts') -%}
{{ [window_days + a['burst_baseline_days'], 365 + a['burst_season_pad_days'] + window_days - 1] | max }}
{%- endmacro %}
