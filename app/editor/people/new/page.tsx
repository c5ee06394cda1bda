import type { Metadata } from "next";
import { PersonForm } from "@/components/admin/person-forms";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listLinkableUsers } from "@/lib/people/editor";
import { savePersonAction } from "../actions";

export const metadata: Metadata = { title: "Add an expert" };

export default async function NewPersonPage() {
  await requirePageUser("editor");
  return (
    <div className="narrow">
      <h1>Add an expert</h1>
      <PersonForm
        action={savePersonAction}
        accounts={await listLinkableUsers()}
        person={{ name: "", slug: "", jobTitle: "", department: "", institution: "", bio: "", expertise: [], photoUrl: "", availableForMedia: false, mediaEmail: "", isGuest: false, userId: null }}
      />
    </div>
  );
}
