import "server-only";
import { formatDate, toLocalDateTimeInput } from "@/lib/dates";
import type { MediaItem } from "./library";

/** What the media grid draws for one item: plain, pre-formatted values. */
export type MediaCard = {
  id: number;
  thumbnailUrl: string;
  altText: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  /** Already formatted, e.g. "Rights expire 31st December 2026". */
  rightsNote: string | null;
  rightsExpired: boolean;
};

/** The smallest variant for thumbnails, with its real (scaled) dimensions. */
export function thumbnailOf(item: Pick<MediaItem, "url" | "width" | "height" | "variants">): { url: string; width: number; height: number } {
  const smallest = [...item.variants].sort((a, b) => a.width - b.width)[0];
  if (!smallest) return { url: item.url, width: item.width, height: item.height };
  return { url: smallest.url, width: smallest.width, height: Math.round((item.height * smallest.width) / item.width) };
}

export function rightsNote(rightsExpireAt: number | null, now = Date.now()): { text: string | null; expired: boolean } {
  if (rightsExpireAt === null) return { text: null, expired: false };
  const expired = rightsExpireAt < now;
  return { text: `${expired ? "Rights expired" : "Rights expire"} ${formatDate(rightsExpireAt)}`, expired };
}

export function toMediaCard(item: MediaItem): MediaCard {
  const thumb = thumbnailOf(item);
  const rights = rightsNote(item.rightsExpireAt);
  return {
    id: item.id,
    thumbnailUrl: thumb.url,
    width: thumb.width,
    height: thumb.height,
    altText: item.altText,
    caption: item.caption,
    credit: item.credit,
    rightsNote: rights.text,
    rightsExpired: rights.expired,
  };
}

/** "YYYY-MM-DD" for the date input, in the site's time zone. */
export const dateInputValue = (ms: number | null) => (ms === null ? "" : toLocalDateTimeInput(ms).slice(0, 10));
