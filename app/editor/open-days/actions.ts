"use server";

import { defineAction } from "@/lib/action";
import { cancelRegistrationByEditor, closeRegistration, saveOpenDay } from "@/lib/open-days/editor";
import { editorCancelRegistrationSchema, openDayIdSchema, openDaySchema } from "@/lib/open-days/schema";

/**
 * Editor actions for open days: defineAction checks the role (editors and
 * admins) and validates before lib/open-days writes with its audit entry.
 */

const toEdit = (id: number) => ({ redirectTo: `/editor/open-days/${id}/edit?saved=1` });

export const createOpenDayAction = defineAction({ role: "editor", schema: openDaySchema }, async (input, ctx) => toEdit((await saveOpenDay(input, ctx)).id));

/** Bound to the open day's id by the edit page. */
export const updateOpenDayAction = defineAction<typeof openDaySchema, "editor", [id: number]>({ role: "editor", schema: openDaySchema }, async (input, ctx) => {
  const [id] = ctx.args;
  return toEdit((await saveOpenDay({ ...input, id }, ctx)).id);
});

export const closeRegistrationAction = defineAction({ role: "editor", schema: openDayIdSchema }, async (input, ctx) => {
  await closeRegistration(input, ctx);
  return { redirectTo: `/editor/open-days?closed=${input.id}` };
});

export const cancelRegistrationAction = defineAction({ role: "editor", schema: editorCancelRegistrationSchema }, async ({ id, openDayId }, ctx) => {
  const promoted = await cancelRegistrationByEditor({ id }, ctx);
  return { redirectTo: `/editor/open-days/${openDayId}/registrations?cancelled=1&promoted=${promoted.length}` };
});
