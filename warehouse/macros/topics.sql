{# Helpers of the topic models (int_topics__*, company_topics, alert_topics). #}

{# 'negative' (1-2 stars), 'positive' (4-5 stars) or 'neutral'. #}
{% macro topic_polarity(stars) -%}
    case
        when {{ stars }} <= 2 then 'negative'
        when {{ stars }} >= 4 then 'positive'
        else 'neutral'
    end
{%- endmacro %}

{#
  Monroe, Colaresi and Quinn (2008), "Fightin' Words", the log-odds ratio with an
  informative Dirichlet prior, counted in reviews (a review counts a term once).
  y, n: reviews with the term and all reviews of the group; y_ref, n_ref: the same in
  the reference; prior: the term's share of all companies' reviews (background);
  a0: the prior's strength in reviews (var topics.prior_reviews). Columns: share (of
  the group's reviews), reference_share, lift (smoothed share over smoothed reference
  share), log_odds (delta) and z_score (delta over its standard error).
#}
{% macro fightin_words(y, n, y_ref, n_ref, prior, a0) -%}
    {{ y }} / {{ n }} as share,
    case when {{ n_ref }} > 0 then {{ y_ref }} / {{ n_ref }} end as reference_share,
    (({{ y }} + {{ a0 }} * {{ prior }}) / ({{ n }} + {{ a0 }}))
        / (({{ y_ref }} + {{ a0 }} * {{ prior }}) / ({{ n_ref }} + {{ a0 }})) as lift,
    ln(({{ y }} + {{ a0 }} * {{ prior }}) / ({{ n }} + {{ a0 }} - {{ y }} - {{ a0 }} * {{ prior }}))
        - ln(({{ y_ref }} + {{ a0 }} * {{ prior }})
            / ({{ n_ref }} + {{ a0 }} - {{ y_ref }} - {{ a0 }} * {{ prior }})) as log_odds,
    log_odds / sqrt(1 / ({{ y }} + {{ a0 }} * {{ prior }}) + 1 / ({{ y_ref }} + {{ a0 }} * {{ prior }}))
        as z_score
{%- endmacro %}

{#
  From the CTE `candidates` (group_cols, term, y: its review count, z_score, ...): the
  `keep` terms per group that most reviews use (then by z_score), without the terms a
  longer phrase of the same group already says ("reklamation" goes when "ignorieren
  reklamation" is in at least 80% of its reviews). Ends with CTE `kept` (candidates'
  columns and rank).
#}
{% macro topic_top_terms(group_cols, keep) -%}
{%- set g = group_cols | join(', ') -%}
shortlist as (
    select *
    from candidates
    qualify row_number() over (partition by {{ g }} order by y desc, z_score desc, term)
        <= {{ 3 * keep }}
),

sub_terms as (
    select
        {{ g }},
        y as phrase_reviews,
        unnest(
            case len(string_split(term, ' '))
                when 2 then string_split(term, ' ')
                when 3 then string_split(term, ' ') || [
                    array_to_string(string_split(term, ' ')[1:2], ' '),
                    array_to_string(string_split(term, ' ')[2:3], ' ')
                ]
                else []::varchar[]
            end
        ) as term,
    from shortlist
),

covered as (
    select distinct shortlist.{{ group_cols | join(', shortlist.') }}, shortlist.term
    from shortlist
    inner join sub_terms using ({{ g }}, term)
    where sub_terms.phrase_reviews >= 0.8 * shortlist.y
),

kept as (
    select
        shortlist.*,
        row_number() over (partition by {{ g }} order by y desc, z_score desc, term) as rank,
    from shortlist
    anti join covered using ({{ g }}, term)
    qualify rank <= {{ keep }}
)
{%- endmacro %}

{#
  Post-hook of an incremental Python model: dbt-duckdb 1.11 writes the new rows of a
  Python model's incremental run to a plain table named <model>__dbt_tmp<timestamp>
  in the target schema and never drops it (it takes it for a temporary table).
#}
{% macro drop_python_model_temp_tables() -%}
    {%- if execute -%}
        {%- set rows = run_query(
            "select schema_name, table_name from duckdb_tables() where starts_with(table_name, '"
            ~ this.identifier ~ "__dbt_tmp')") -%}
        {%- for row in rows %}
    drop table if exists "{{ row[0] }}"."{{ row[1] }}";
        {%- endfor %}
    {%- endif -%}
{%- endmacro %}
