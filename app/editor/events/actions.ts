"use server";

import { defineAction } from "@/lib/action";
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, updateEvent } from "@/lib/events/editor";
import { eventDeleteSchema, eventIdSchema, eventSchema, eventUpdateSchema } from "@/lib/events/schema";

/**
 * Event actions for editors and admins (contributors are refused by
 * defineAction's role check before anything is read or written). Each
 * write lands back on the event's edit page with what happened.
 */

const toEdit = (id: number, saved: string) => ({ redirectTo: `/editor/events/${id}/edit?saved=${saved}` });

export const createEventAction = defineAction({ role: "editor", schema: eventSchema }, async (input, ctx) => toEdit((await createEvent(input, ctx)).id, "created"));

export const updateEventAction = defineAction({ role: "editor", schema: eventUpdateSchema }, async (input, ctx) => toEdit((await updateEvent(input, ctx)).id, "updated"));

export const duplicateEventAction = defineAction({ role: "editor", schema: eventIdSchema }, async (input, ctx) => toEdit((await duplicateEvent(input, ctx)).id, "duplicated"));

export const cancelEventAction = defineAction({ role: "editor", schema: eventIdSchema }, async (input, ctx) => toEdit((await cancelEvent(input, ctx)).id, "cancelled"));

/** Deletes only with the confirmation box ticked (the schema refuses anything else). */
export const deleteEventAction = defineAction({ role: "editor", schema: eventDeleteSchema }, async (input, ctx) => {
  await deleteEvent(input, ctx);
  return { redirectTo: "/editor/events?deleted=1" };
});
