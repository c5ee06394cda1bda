"use server";

import { z } from "zod";
import type { FormState } from "@/lib/form";
import { handleForm } from "@/lib/form";
import { cancelRegistrationByEditor, closeRegistration, saveOpenDay } from "@/lib/open-days/editor";
import { clientIp } from "@/lib/request";
import { openDayIdSchema, openDaySchema } from "@/lib/validation/open-day";

/** Editor actions for open days: each checks the role itself (handleForm), validates, writes with an audit entry. */

export async function createOpenDayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: openDaySchema,
    formData,
    write: async (input, user) => {
      const { id } = await saveOpenDay(user!, null, input, await clientIp());
      return { redirectTo: `/editor/open-days/${id}/edit?saved=1` };
    },
  });
}

export async function updateOpenDayAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: openDaySchema,
    formData,
    write: async (input, user) => {
      await saveOpenDay(user!, id, input, await clientIp());
      return { redirectTo: `/editor/open-days/${id}/edit?saved=1` };
    },
  });
}

export async function closeRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: openDayIdSchema,
    formData,
    write: async ({ id }, user) => {
      closeRegistration(user!, id, await clientIp());
      return { redirectTo: `/editor/open-days?closed=${id}` };
    },
  });
}

const cancelSchema = z.object({ id: z.coerce.number().int().positive(), openDayId: z.coerce.number().int().positive() });

export async function cancelRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: cancelSchema,
    formData,
    write: async ({ id, openDayId }, user) => {
      const promoted = await cancelRegistrationByEditor(user!, id, await clientIp());
      return { redirectTo: `/editor/open-days/${openDayId}/registrations?cancelled=1&promoted=${promoted.length}` };
    },
  });
}
