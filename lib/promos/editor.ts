import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { promos, type Promo } from "@/db/schema";

export { PROMO_SLOTS } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { FormError } from "@/lib/form";
import type { PromoInput } from "@/lib/validation/promo";

type Actor = { id: number; email: string };

/** Every promo (active or not), by slot then position, for the editor. */
export function listPromosForEditor(): Promo[] {
  return getDb().select().from(promos).orderBy(asc(promos.slot), asc(promos.position), asc(promos.id)).all();
}

/** Creates a promo, or updates the one named by input.id. */
export function savePromo(input: PromoInput, actor: Actor, ip: string | null): number {
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
  return db.transaction((tx) => {
    if (input.id) {
      const existing = tx.select({ id: promos.id }).from(promos).where(eq(promos.id, input.id)).get();
      if (!existing) throw new FormError("That promo no longer exists.");
      tx.update(promos).set(values).where(eq(promos.id, input.id)).run();
      writeAudit(tx, { actor, action: "promo.update", entity: "promo", entityId: input.id, ip, details: { slot: input.slot, title: input.title, active: input.active } });
      return input.id;
    }
    const row = tx.insert(promos).values(values).returning({ id: promos.id }).get();
    writeAudit(tx, { actor, action: "promo.create", entity: "promo", entityId: row.id, ip, details: { slot: input.slot, title: input.title } });
    return row.id;
  });
}

export function deletePromo(id: number, actor: Actor, ip: string | null): void {
  getDb().transaction((tx) => {
    const existing = tx.select({ id: promos.id, title: promos.title }).from(promos).where(eq(promos.id, id)).get();
    if (!existing) throw new FormError("That promo no longer exists.");
    tx.delete(promos).where(eq(promos.id, id)).run();
    writeAudit(tx, { actor, action: "promo.delete", entity: "promo", entityId: id, ip, details: { title: existing.title } });
  });
}
