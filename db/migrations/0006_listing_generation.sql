-- The listing index (lib/stories/listing-index.ts) keeps the ordered ids of every public story
-- list and the topic counts while they are current. It compares this one counter, which these
-- triggers bump on every change to what those lists read: a story's existence, id, type, status,
-- publish or expiry time; its topics and bylines; the topics themselves. Nothing else (view-count
-- flushes, headline edits, comments) forces a rebuild. See docs/decisions/0008-story-lists-at-volume.md.
CREATE TABLE `listing_generation` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `listing_generation` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `stories_listing_ai` AFTER INSERT ON `stories` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stories_listing_au` AFTER UPDATE OF `id`, `type`, `status`, `publish_at`, `unpublish_at` ON `stories`
WHEN old.`id` IS NOT new.`id` OR old.`type` IS NOT new.`type` OR old.`status` IS NOT new.`status`
	OR old.`publish_at` IS NOT new.`publish_at` OR old.`unpublish_at` IS NOT new.`unpublish_at`
BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stories_listing_ad` AFTER DELETE ON `stories` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_topics_listing_ai` AFTER INSERT ON `story_topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_topics_listing_au` AFTER UPDATE ON `story_topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_topics_listing_ad` AFTER DELETE ON `story_topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_authors_listing_ai` AFTER INSERT ON `story_authors` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_authors_listing_au` AFTER UPDATE ON `story_authors` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_authors_listing_ad` AFTER DELETE ON `story_authors` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_listing_ai` AFTER INSERT ON `topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_listing_au` AFTER UPDATE ON `topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_listing_ad` AFTER DELETE ON `topics` BEGIN
	UPDATE `listing_generation` SET `n` = `n` + 1;
END;
