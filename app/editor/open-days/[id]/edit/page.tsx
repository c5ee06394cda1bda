import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/not-allowed";
import { OpenDayForm } from "@/components/open-days/open-day-form";
import { config } from "@/lib/config";
import { getOpenDayForEditor } from "@/lib/open-days/editor-reads";
import { openDayFormValues } from "@/lib/open-days/form-values";
import { SESSION_ROWS } from "@/lib/open-days/schema";
import { updateOpenDayAction } from "../../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Edit open day", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditOpenDayPage({ params, searchParams }: Props) {
  if (!(await pageAccess("open-days.manage")).allowed) return <NotAllowed heading="Edit open day" reason="Only editors and administrators can manage open days and see registrations." />;
  const id = Number((await params).id);
  const day = Number.isInteger(id) && id > 0 ? await getOpenDayForEditor(id) : null;
  if (!day) notFound();
  const { saved } = await searchParams;
  return (
    <div className="container narrow">
      <h1>Edit open day: {day.title}</h1>
      {saved && (
        <p className="notice notice--success" role="status">
          Saved.
        </p>
      )}
      <p>
        <Link href={`/editor/open-days/${day.id}/registrations`}>Registrations</Link>
        {day.status !== "draft" && (
          <>
            {" · "}
            <Link href={`/open-days/${day.slug}`}>View on the site</Link>
          </>
        )}
      </p>
      {/* The key makes the form start again from the saved values after each save. */}
      <OpenDayForm
        key={day.version}
        action={updateOpenDayAction.bind(null, day.id)}
        initial={openDayFormValues(day)}
        sessionRows={SESSION_ROWS}
        submitLabel="Save open day"
        timeZone={config().timeZone}
      />
    </div>
  );
}
