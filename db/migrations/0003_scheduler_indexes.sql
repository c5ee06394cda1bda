CREATE INDEX `stories_status_publish` ON `stories` (`status`,`publish_at`);--> statement-breakpoint
CREATE INDEX `stories_unpublish` ON `stories` (`unpublish_at`);