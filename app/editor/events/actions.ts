"use server";

import { AuthError } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/session";
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, updateEvent } from "@/lib/events/editor";
import { handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { eventDeleteSchema, eventIdSchema, eventSchema, eventUpdateSchema } from "@/lib/validation/event";

/**
 * Event actions for editors and admins (contributors are refused by
 * handleForm's role check before anything is read or written).
 */

function actor(user: SessionUser | null): SessionUser {
  // handleForm only calls write() after requireRole succeeded; this keeps the types honest.
  if (!user) throw new AuthError(401, "Please sign in.");
  return user;
}

export async function createEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  return handleForm({
    role: "editor",
    schema: eventSchema,
    formData,
    write: (input, user) => {
      const event = createEvent(input, actor(user), ip);
      return { redirectTo: `/editor/events/${event.id}/edit?saved=created` };
    },
  });
}

export async function updateEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  return handleForm({
    role: "editor",
    schema: eventUpdateSchema,
    formData,
    write: (input, user) => {
      const event = updateEvent(input, actor(user), ip);
      return { redirectTo: `/editor/events/${event.id}/edit?saved=updated` };
    },
  });
}

export async function duplicateEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  return handleForm({
    role: "editor",
    schema: eventIdSchema,
    formData,
    write: ({ id }, user) => {
      const copy = duplicateEvent(id, actor(user), ip);
      return { redirectTo: `/editor/events/${copy.id}/edit?saved=duplicated` };
    },
  });
}

export async function cancelEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  return handleForm({
    role: "editor",
    schema: eventIdSchema,
    formData,
    write: ({ id }, user) => {
      cancelEvent(id, actor(user), ip);
      return { redirectTo: `/editor/events/${id}/edit?saved=cancelled` };
    },
  });
}

/** Deletes only with the confirmation box ticked (the schema refuses anything else). */
export async function deleteEventAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  return handleForm({
    role: "editor",
    schema: eventDeleteSchema,
    formData,
    write: ({ id }, user) => {
      deleteEvent(id, actor(user), ip);
      return { redirectTo: "/editor/events?deleted=1" };
    },
  });
}
