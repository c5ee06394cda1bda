"use server";

import { revalidatePath } from "next/cache";
import { revalidate, tags } from "@/lib/cache";
import { handleForm, type FormState } from "@/lib/form";
import { deletePromo, savePromo } from "@/lib/promos/editor";
import { clientIp } from "@/lib/request";
import { deletePromoSchema, promoSchema } from "@/lib/validation/promo";

export async function savePromoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: promoSchema,
    formData,
    write: async (input, user) => {
      savePromo(input, user!, await clientIp());
      revalidate(tags.promos);
      revalidatePath("/editor/promos");
      return input.id ? { ok: true, message: `Promo “${input.title}” saved.` } : { redirectTo: "/editor/promos?created=1" };
    },
  });
}

export async function deletePromoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: deletePromoSchema,
    formData,
    write: async (input, user) => {
      deletePromo(input.id, user!, await clientIp());
      revalidate(tags.promos);
      revalidatePath("/editor/promos");
      return { ok: true, message: "Promo deleted." };
    },
  });
}
