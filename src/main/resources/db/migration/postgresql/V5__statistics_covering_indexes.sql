-- PostgreSQL only: the statistics read a period's complaints from these indexes alone (index-only
-- scans), without visiting the table; measured by StatisticsBenchmark (see the README).
CREATE INDEX cc_fact_received_cover ON cc_complaint_fact (received_day)
  INCLUDE (received_week, received_month, resolved_day, resolved_week, resolved_month, resolved_at, overdue,
           returned_count, category, department, district, channel);
CREATE INDEX cc_fact_resolved_cover ON cc_complaint_fact (resolved_day)
  INCLUDE (resolved_week, resolved_month, resolution_minutes, resolved_on_time, category, department, district, channel);
DROP INDEX cc_fact_received_day;
DROP INDEX cc_fact_resolved_day;
