import "server-only";
import { asc, eq } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { promos, type Promo } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import type { PromoInput } from "@/lib/promos/schema";

export { PROMO_SLOTS } from "@/db/schema";

/** Every promo (active or not), by slot then position, for the editor. */
export async function listPromosForEditor(): Promise<Promo[]> {
  return getDb().select().from(promos).orderBy(asc(promos.slot), asc(promos.position), asc(promos.id));
}

/** Creates a promo, or updates the one named by input.id. */
export async function savePromo(input: PromoInput, { user: actor, ip }: WriteContext): Promise<number> {
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
  const id = await transaction(async (tx) => {
    if (input.id) {
      const existing = await first(tx.select({ id: promos.id }).from(promos).where(eq(promos.id, input.id)).limit(1));
      if (!existing) throw new NotFoundError("That promo no longer exists.");
      await tx.update(promos).set(values).where(eq(promos.id, input.id));
      await writeAudit(tx, { actor, action: "promo.update", entity: "promo", entityId: input.id, ip, details: { slot: input.slot, title: input.title, active: input.active } });
      return input.id;
    }
    const row = (await first(tx.insert(promos).values(values).returning({ id: promos.id })))!;
    await writeAudit(tx, { actor, action: "promo.create", entity: "promo", entityId: row.id, ip, details: { slot: input.slot, title: input.title } });
    return row.id;
  });
  revalidate(tags.promos);
  return id;
}

export async function deletePromo({ id }: { id: number }, { user: actor, ip }: WriteContext): Promise<void> {
  await transaction(async (tx) => {
    const existing = await first(tx.select({ id: promos.id, title: promos.title }).from(promos).where(eq(promos.id, id)).limit(1));
    if (!existing) throw new NotFoundError("That promo no longer exists.");
    await tx.delete(promos).where(eq(promos.id, id));
    await writeAudit(tx, { actor, action: "promo.delete", entity: "promo", entityId: id, ip, details: { title: existing.title } });
  });
  revalidate(tags.promos);
}
