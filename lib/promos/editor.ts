import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { promos, type Promo } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { PromoInput } from "@/lib/promos/schema";

export { PROMO_SLOTS } from "@/db/schema";

/** Every promo (active or not), by slot then position, for the editor. */
export function listPromosForEditor(): Promo[] {
  return getDb().select().from(promos).orderBy(asc(promos.slot), asc(promos.position), asc(promos.id)).all();
}

/** Creates a promo, or updates the one named by input.id. */
export function savePromo(input: PromoInput, { user: actor, ip }: WriteContext): number {
  const db = getDb();
  const values = {
    slot: input.slot,
    title: input.title,
    text: input.text,
    linkUrl: input.linkUrl,
    linkLabel: input.linkLabel,
    imageUrl: input.imageUrl || null,
    imageAlt: input.imageAlt,
    position: input.position,
    active: input.active,
    updatedAt: Date.now(),
  };
  const id = db.transaction((tx) => {
    if (input.id) {
      const existing = tx.select({ id: promos.id }).from(promos).where(eq(promos.id, input.id)).get();
      if (!existing) throw new NotFoundError("That promo no longer exists.");
      tx.update(promos).set(values).where(eq(promos.id, input.id)).run();
      writeAudit(tx, { actor, action: "promo.update", entity: "promo", entityId: input.id, ip, details: { slot: input.slot, title: input.title, active: input.active } });
      return input.id;
    }
    const row = tx.insert(promos).values(values).returning({ id: promos.id }).get();
    writeAudit(tx, { actor, action: "promo.create", entity: "promo", entityId: row.id, ip, details: { slot: input.slot, title: input.title } });
    return row.id;
  });
  revalidate(tags.promos);
  return id;
}

export function deletePromo({ id }: { id: number }, { user: actor, ip }: WriteContext): void {
  getDb().transaction((tx) => {
    const existing = tx.select({ id: promos.id, title: promos.title }).from(promos).where(eq(promos.id, id)).get();
    if (!existing) throw new NotFoundError("That promo no longer exists.");
    tx.delete(promos).where(eq(promos.id, id)).run();
    writeAudit(tx, { actor, action: "promo.delete", entity: "promo", entityId: id, ip, details: { title: existing.title } });
  });
  revalidate(tags.promos);
}
