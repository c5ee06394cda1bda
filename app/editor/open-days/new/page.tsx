import type { Metadata } from "next";
import { NotAllowed } from "@/components/open-days/not-allowed";
import { OpenDayForm } from "@/components/open-days/open-day-form";
import { config } from "@/lib/config";
import { openDayEditorOrNull } from "@/lib/open-days/editor";
import { SESSION_ROWS } from "@/lib/validation/open-day";
import { createOpenDayAction } from "../actions";

export const metadata: Metadata = { title: "New open day", robots: { index: false } };

export default async function NewOpenDayPage() {
  if (!(await openDayEditorOrNull())) return <NotAllowed heading="New open day" />;
  return (
    <div className="container narrow">
      <h1>New open day</h1>
      <OpenDayForm action={createOpenDayAction} initial={{ status: "draft", level: "undergraduate" }} sessionRows={SESSION_ROWS} submitLabel="Create open day" timeZone={config().timeZone} />
    </div>
  );
}
