import type { Metadata } from "next";
import Link from "next/link";
import { ImportSnippetForm } from "@/components/media/import-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { importSnippetAction } from "./actions";

export const metadata: Metadata = { title: "Import a republished article" };

export default async function ImportStoryPage() {
  await requirePageUser("contributor");
  return (
    <div className="narrow">
      <p>
        <Link href="/editor/stories">Back to stories</Link>
      </p>
      <h1>Import a republished article</h1>
      <p>
        Paste the HTML snippet an outlet such as The Conversation gives for republishing. You will get a draft expert comment with the
        headline, the authors (as guest experts if they are not already listed), the text, and the syndication details filled in.
      </p>
      <ul>
        <li>Photos the outlet licensed from agencies are removed: the republishing licence does not cover them. Each one is listed in the draft&rsquo;s history note.</li>
        <li>The outlet&rsquo;s counter image is kept: its terms require it, and the story page shows it invisibly.</li>
        <li>Most outlets allow no changes to the text (&ldquo;no derivatives&rdquo;): check the licence before editing.</li>
      </ul>
      <ImportSnippetForm action={importSnippetAction} />
    </div>
  );
}
