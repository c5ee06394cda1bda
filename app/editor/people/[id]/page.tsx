import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonForm, ProfileForm, type PersonFormValues } from "@/components/admin/person-forms";
import { hasRole } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getPersonForEditor, listLinkableUsers } from "@/lib/people/editor";
import { savePersonAction, updateProfileAction } from "../actions";

export const metadata: Metadata = { title: "Expert profile" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PersonPage({ params, searchParams }: Props) {
  const user = await requirePageUser("contributor");
  const { id } = await params;
  const { created } = await searchParams;
  const person = /^\d+$/.test(id) ? await getPersonForEditor(Number(id)) : null;
  const isEditor = hasRole(user, "editor");
  // A contributor may open only their own profile; others look exactly like a missing one.
  if (!person || (!isEditor && person.userId !== user.id)) notFound();
  const values: PersonFormValues & { id: number } = {
    ...person,
    photoUrl: person.photoUrl ?? "",
    mediaEmail: person.mediaEmail ?? "",
  };
  return (
    <div className="narrow">
      <h1>{isEditor ? person.name : "Your expert profile"}</h1>
      {created ? (
        <div className="notice notice--success" role="status">
          <p>Expert created.</p>
        </div>
      ) : null}
      <p>
        <Link href={`/experts/${person.slug}`}>View the public profile</Link>
      </p>
      {isEditor ? (
        <PersonForm action={savePersonAction} accounts={await listLinkableUsers()} person={values} />
      ) : (
        <ProfileForm action={updateProfileAction} person={values} />
      )}
    </div>
  );
}
