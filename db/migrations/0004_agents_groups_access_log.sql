DROP INDEX "access_logs_created_at_idx";--> statement-breakpoint
DROP INDEX "access_logs_member_created_idx";--> statement-breakpoint
DROP INDEX "access_logs_service_created_idx";--> statement-breakpoint
CREATE INDEX "members_name_id_idx" ON "members" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "group_members_group_seq_idx" ON "group_members" USING btree ("group_id","seq");--> statement-breakpoint
CREATE INDEX "service_members_service_created_idx" ON "service_members" USING btree ("service_id","created_at","id");--> statement-breakpoint
CREATE INDEX "access_logs_created_id_idx" ON "access_logs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "access_logs_member_created_id_idx" ON "access_logs" USING btree ("member_id","created_at","id");--> statement-breakpoint
CREATE INDEX "access_logs_service_created_id_idx" ON "access_logs" USING btree ("service_id","created_at","id");