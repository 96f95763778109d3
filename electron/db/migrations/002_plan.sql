-- PLACEHOLDER on the issue-retests branch only. The season plan branch owns the real
-- 002_plan.sql; this empty step exists so that 003_retests.sql loads here (the loader refuses
-- gaps). At merge, take the plan branch's file and drop this one.
SELECT 1;
