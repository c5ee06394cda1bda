import type { Metadata } from "next";
import { NotAllowed } from "@/components/not-allowed";
import { OpenDayForm } from "@/components/open-days/open-day-form";
import { config } from "@/lib/config";
import { SESSION_ROWS } from "@/lib/open-days/schema";
import { createOpenDayAction } from "../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New open day", robots: { index: false } };

export default async function NewOpenDayPage() {
  if (!(await pageAccess("open-days.manage")).allowed) return <NotAllowed heading="New open day" reason="Only editors and administrators can manage open days and see registrations." />;
  return (
    <div className="container narrow">
      <h1>New open day</h1>
      <OpenDayForm action={createOpenDayAction} initial={{ status: "draft", level: "undergraduate" }} sessionRows={SESSION_ROWS} submitLabel="Create open day" timeZone={config().timeZone} />
    </div>
  );
}
