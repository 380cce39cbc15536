-- plan_actual_agreement in DuckDB over the landing CSV files, for the mart benchmark (bin/renkei mart-benchmark):
-- the definitions of LandingStaging and PlanActualAgreementTransform (docs/marts.md) written as one SQL query, so a
-- user can see what the single-machine alternative to Spark would cost. DuckDbAgreementTest holds it to Spark's
-- result. Placeholders: ${LANDING} (the landing root), ${FROM} and ${TO} (months, YYYY-MM).
CREATE OR REPLACE TEMP MACRO code(x) AS nullif(trim(x), '');
CREATE OR REPLACE TEMP MACRO month_of(x) AS
    CASE WHEN regexp_full_match(trim(x), '[0-9]{6}') THEN substr(trim(x), 1, 4) || '-' || substr(trim(x), 5, 2)
         ELSE code(x) END;
CREATE OR REPLACE TEMP TABLE plan_actual_agreement AS
WITH exchanges AS (
    SELECT code(message_id) AS message_id, code(sender_office) AS sender_office,
           code(recipient_office) AS recipient_office, month_of(target_month) AS target_month, code(status) AS status,
           code(delivered_at) AS delivered_at, code(received_at) AS received_at
    FROM read_csv('${LANDING}/exchanges/dt=*/part-*.csv', header = true, all_varchar = true, quote = '"', escape = '"')
),
-- one row per message: a delivered one first, then the latest delivered_at and received_at (a relay replay repeats it)
delivered AS (
    SELECT message_id, sender_office, recipient_office, received_at FROM (
        SELECT *, row_number() OVER (PARTITION BY message_id ORDER BY CASE WHEN status = 'delivered' THEN 0 ELSE 1 END,
                delivered_at DESC NULLS LAST, received_at DESC NULLS LAST,
                concat_ws('|', sender_office, recipient_office, target_month)) AS n
        FROM exchanges WHERE message_id IS NOT NULL)
    WHERE n = 1 AND status = 'delivered'
),
lines AS (
    SELECT l.*, d.sender_office, d.recipient_office, d.received_at FROM (
        SELECT code(message_id) AS message_id, upper(code(kind)) AS kind, code(person_key) AS person_key,
               month_of(target_month) AS target_month, code(service_date) AS service_date,
               code(service_code) AS service_code, code(service_office) AS service_office, code(start_time) AS start_time
        -- the month folders of the range only (schedule_lines/month=YYYY-MM/dt=…/): DuckDB prunes by the partition
        FROM read_csv('${LANDING}/schedule_lines/month=*/dt=*/part-*.csv', header = true, all_varchar = true,
                      quote = '"', escape = '"', hive_partitioning = true,
                      hive_types = {'month': 'VARCHAR', 'dt': 'VARCHAR'})
        WHERE month BETWEEN '${FROM}' AND '${TO}') AS l
    JOIN delivered AS d USING (message_id)
    WHERE l.kind IN ('UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK') AND l.target_month BETWEEN '${FROM}' AND '${TO}'
),
-- a plan (or actuals) sent again for the same person, month, sender and addressee replaces the earlier one
latest AS (
    SELECT * FROM lines WHERE kind IN ('UPPLAN', 'UPJSK')
    QUALIFY max({'received_at': received_at, 'message_id': message_id})
                OVER (PARTITION BY kind, person_key, target_month, sender_office, recipient_office)
            = {'received_at': received_at, 'message_id': message_id}
),
deletes AS (
    SELECT CASE WHEN kind = 'DLTPLAN' THEN 'UPPLAN' ELSE 'UPJSK' END AS removes, person_key, target_month,
           sender_office, recipient_office, service_office, service_code, received_at
    FROM lines WHERE kind IN ('DLTPLAN', 'DLTJSK')
),
kept AS (
    SELECT * FROM latest AS l WHERE NOT EXISTS (
        SELECT 1 FROM deletes AS d
        WHERE d.removes = l.kind AND d.person_key = l.person_key AND d.target_month = l.target_month
          AND d.sender_office = l.sender_office AND d.recipient_office = l.recipient_office
          AND d.received_at > l.received_at
          AND (l.kind = 'UPPLAN' OR (d.service_office = l.service_office AND d.service_code = substr(l.service_code, 1, 2))))
),
-- each line once (a null column, e.g. a rental's start time, is a value like any other), flagged planned / actual
slots AS (
    SELECT service_office, person_key, target_month, service_date, service_code, start_time,
           max(planned) AS planned, max(actual) AS actual
    FROM (SELECT *, (kind = 'UPPLAN' AND service_office = recipient_office)::BIGINT AS planned,
                 (kind = 'UPJSK' AND service_office = sender_office)::BIGINT AS actual FROM kept)
    WHERE planned = 1 OR actual = 1
    GROUP BY ALL
),
per_day AS (
    SELECT service_office, target_month, planned, actual, matched, least(planned - matched, actual - matched) AS moved
    FROM (SELECT service_office, target_month, sum(planned) AS planned, sum(actual) AS actual,
                 sum(planned * actual) AS matched
          FROM slots GROUP BY service_office, person_key, target_month, service_date, service_code)
),
per_office AS (
    SELECT service_office AS office_number, target_month AS month,
           sum(planned)::BIGINT AS planned_lines, sum(actual)::BIGINT AS actual_lines,
           sum(matched)::BIGINT AS matched_lines, sum(moved)::BIGINT AS moved_lines,
           sum(greatest(0, planned - matched - moved))::BIGINT AS cancelled_lines,
           sum(greatest(0, actual - matched - moved))::BIGINT AS added_lines
    FROM per_day GROUP BY ALL
)
SELECT month, office_number, substr(office_number, 1, 2) AS prefecture_code, planned_lines, actual_lines,
       matched_lines, moved_lines, cancelled_lines, added_lines, actual_lines > 0 AS actuals_received,
       CASE WHEN actual_lines > 0 THEN matched_lines::DOUBLE / nullif(planned_lines, 0) END AS agreement_rate
FROM per_office
WHERE office_number IS NOT NULL;
