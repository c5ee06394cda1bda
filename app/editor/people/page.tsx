import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DataTable } from "@/components/editor/data-table";
import { hasRole } from "@/lib/auth/guard";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getOwnPerson, listPeopleForEditor } from "@/lib/people/editor";

export const metadata: Metadata = { title: "Experts" };

export default async function PeoplePage() {
  const user = await requirePageUser("contributor");
  if (!hasRole(user, "editor")) {
    // Contributors manage only their own profile.
    const own = await getOwnPerson(user.id);
    if (own) redirect(`/editor/people/${own.id}`);
    return (
      <>
        <h1>Your expert profile</h1>
        <p>Your account is not linked to an expert profile yet. Ask the press office to create one for you.</p>
      </>
    );
  }
  const people = await listPeopleForEditor();
  return (
    <>
      <h1>Experts</h1>
      <p>
        <Link href="/editor/people/new" className="button">Add an expert</Link>
      </p>
      <DataTable
        caption="Expert profiles"
        rows={people}
        rowKey={(p) => p.id}
        columns={[
          { header: "Name", rowHeader: true, cell: (p) => <Link href={`/editor/people/${p.id}`}>{p.name}</Link> },
          { header: "Role", cell: (p) => [p.jobTitle, p.department].filter(Boolean).join(", ") },
          { header: "Kind", cell: (p) => (p.isGuest ? "Guest expert" : p.userId ? "Staff (has account)" : "Staff") },
          { header: "Media", cell: (p) => (p.availableForMedia ? "Available" : "—") },
        ]}
      />
    </>
  );
}
