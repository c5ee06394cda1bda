import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { promos, PROMO_SLOTS, type PromoSlot } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";

export type PublicPromo = {
  id: number;
  slot: PromoSlot;
  title: string;
  text: string;
  linkUrl: string;
  linkLabel: string;
  imageUrl: string | null;
  imageAlt: string;
};

// Slots keep the model page's order: open days, research, newspaper, student life.
const slotOrder = sql.raw(`CASE slot ${PROMO_SLOTS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} ELSE 99 END`);

/** Active promos in slot order, then by position within a slot. */
export function listPromos() {
  return cachedQuery(["promos:active"], [tags.promos], async (): Promise<PublicPromo[]> =>
    getDb()
      .select({
        id: promos.id, slot: promos.slot, title: promos.title, text: promos.text, linkUrl: promos.linkUrl,
        linkLabel: promos.linkLabel, imageUrl: promos.imageUrl, imageAlt: promos.imageAlt,
      })
      .from(promos)
      .where(eq(promos.active, true))
      .orderBy(slotOrder, asc(promos.position), asc(promos.id)),
  );
}
