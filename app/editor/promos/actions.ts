"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deletePromo, savePromo } from "@/lib/promos/editor";
import { deletePromoSchema, promoSchema } from "@/lib/promos/schema";

export const savePromoAction = defineAction({ role: "editor", schema: promoSchema }, async (input, ctx) => {
  await savePromo(input, ctx);
  revalidatePath("/editor/promos");
  return input.id ? { ok: true, message: `Promo “${input.title}” saved.` } : { redirectTo: "/editor/promos?created=1" };
});

export const deletePromoAction = defineAction({ role: "editor", schema: deletePromoSchema }, async (input, ctx) => {
  await deletePromo(input, ctx);
  revalidatePath("/editor/promos");
  return { ok: true, message: "Promo deleted." };
});
